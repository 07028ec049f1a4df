using System;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>Issue 11: the solution places the web resources: a Rapport tab on the forms, a dashboard, Follow / Unfollow commands.</summary>
public sealed class FormAndCommandTests
{
    private static XElement Customizations => new ZipParts(TestSolution.Output.ManagedZip).Customizations;

    private static XElement Entity(string schemaName) =>
        Customizations.Element("Entities")!.Elements("Entity").Single(e => (string?)e.Element("Name") == schemaName);

    private static string[] DeclaredWebResources => TestSolution.Definition().WebResources.Select(w => w.Name).ToArray();

    private static string Control(XElement scope, string id) =>
        (string)scope.Descendants("control").Single(c => (string?)c.Attribute("id") == id).Element("parameters")!.Element("Url")!;

    [TestCase("Contact")]
    [TestCase("Account")]
    public void Customer_form_has_a_rapport_tab_with_feed_and_insights_and_the_feed_host_onload(string entity)
    {
        var form = Entity(entity).Element("FormXml")!.Element("forms")!.Elements("systemform").Single();
        var tab = form.Descendants("tab").Single(t => (string?)t.Attribute("name") == "rapport_tab");
        Assert.That(tab.Element("labels")!.Element("label")!.Attribute("description")!.Value, Is.EqualTo("Rapport"));
        Assert.That(tab.Descendants("section").Count(), Is.EqualTo(2));
        Assert.That(Control(tab, "WebResource_rapport_feed"), Is.EqualTo("rapport_/feed/feed.html"));
        Assert.That(Control(tab, "WebResource_rapport_insights"), Is.EqualTo("rapport_/card/insights.html"));
        foreach (var control in tab.Descendants("control"))
        {
            Assert.That((string?)control.Attribute("classid"), Is.EqualTo("{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}"), "the web resource control class");
            var url = (string)control.Element("parameters")!.Element("Url")!;
            Assert.That(Guid.Parse((string)control.Element("parameters")!.Element("WebResourceId")!), Is.EqualTo(ComponentPaths.WebResourceId(url)));
        }

        var library = form.Descendants("formLibraries").Single().Elements("Library").Single();
        Assert.That((string?)library.Attribute("name"), Is.EqualTo("rapport_/forms/feedhost.js"));
        var handler = form.Descendants("event").Single(e => (string?)e.Attribute("name") == "onload").Descendants("Handler").Single();
        Assert.That((string?)handler.Attribute("functionName"), Is.EqualTo("Rapport.Forms.FeedHost.onLoad"));
        Assert.That((string?)handler.Attribute("libraryName"), Is.EqualTo("rapport_/forms/feedhost.js"));
        Assert.That((string?)handler.Attribute("passExecutionContext"), Is.EqualTo("true"));
        Assert.That(form.Element("form")!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "tabs", "formLibraries", "events" }));
    }

    [Test]
    public void Opportunity_ships_as_a_shell_with_the_feed_form_and_no_insights()
    {
        var opportunity = Entity("Opportunity");
        Assert.That(opportunity.Element("EntityInfo")!.Descendants("attribute"), Is.Empty);
        var tab = opportunity.Descendants("tab").Single();
        Assert.That(tab.Descendants("control").Select(c => (string)c.Attribute("id")!), Is.EqualTo(new[] { "WebResource_rapport_feed" }));
    }

    [Test]
    public void Dashboard_shows_my_feed_and_mentions()
    {
        var dashboard = Customizations.Element("Dashboards")!.Elements("Dashboard").Single();
        Assert.That(dashboard.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value, Is.EqualTo("Rapport"));
        var id = Guid.Parse((string)dashboard.Element("FormId")!);
        Assert.That(TestSolution.ManagedZip.RootComponents.Where(r => r.Type == 60).Select(r => r.Id), Has.Member(id));
        var controls = dashboard.Descendants("control").ToDictionary(c => (string)c.Attribute("id")!, c => c.Element("parameters")!);
        Assert.That(controls.Values.Select(p => (string)p.Element("Url")!), Has.All.EqualTo("rapport_/feed/feed.html"));
        Assert.That(controls.Values.Select(p => (string?)p.Element("Data")), Is.EquivalentTo(new[] { "scope=my", "scope=mentions" }));
        Assert.That(dashboard.Descendants("section").Select(s => s.Element("labels")!.Element("label")!.Attribute("description")!.Value),
            Is.EqualTo(new[] { "My feed", "Mentions" }));
    }

    [TestCase("Contact", "contact")]
    [TestCase("Account", "account")]
    [TestCase("Opportunity", "opportunity")]
    public void Command_bar_gets_follow_and_unfollow_calling_the_follow_script(string entity, string table)
    {
        var ribbon = Entity(entity).Element("RibbonDiffXml")!;
        Assert.That(ribbon.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "CustomActions", "Templates", "CommandDefinitions", "RuleDefinitions", "LocLabels" }));
        var actions = ribbon.Element("CustomActions")!.Elements("CustomAction").ToList();
        Assert.That(actions.Select(a => (string)a.Attribute("Location")!), Has.All.EqualTo($"Mscrm.Form.{table}.MainTab.Save.Controls._children"));
        var buttons = actions.Select(a => a.Element("CommandUIDefinition")!.Element("Button")!).ToList();
        Assert.That(buttons.Select(b => (string)b.Attribute("ModernImage")!), Is.EqualTo(new[] { "$webresource:rapport_/icons/follow.svg", "$webresource:rapport_/icons/unfollow.svg" }));

        var labels = ribbon.Element("LocLabels")!.Elements("LocLabel").ToDictionary(l => (string)l.Attribute("Id")!, l => l.Descendants("Title").Single().Attribute("description")!.Value);
        Assert.That(buttons.Select(b => labels[((string)b.Attribute("LabelText")!)["$LocLabels:".Length..]]), Is.EqualTo(new[] { "Follow", "Unfollow" }));

        var commands = ribbon.Element("CommandDefinitions")!.Elements("CommandDefinition").ToDictionary(c => (string)c.Attribute("Id")!);
        var rules = ribbon.Element("RuleDefinitions")!.Element("EnableRules")!.Elements("EnableRule").ToDictionary(r => (string)r.Attribute("Id")!);
        var displayRules = ribbon.Element("RuleDefinitions")!.Element("DisplayRules")!.Elements("DisplayRule").Select(r => (string)r.Attribute("Id")!).ToList();
        foreach (var (button, visible) in buttons.Zip(new[] { "isFollowVisible", "isUnfollowVisible" }))
        {
            var command = commands[(string)button.Attribute("Command")!];
            var action = command.Descendants("JavaScriptFunction").Single();
            Assert.That((string?)action.Attribute("FunctionName"), Is.EqualTo("Rapport.Commands.Follow.toggle"));
            Assert.That((string?)action.Attribute("Library"), Is.EqualTo("$webresource:rapport_/commands/follow.js"));
            Assert.That(action.Elements("CrmParameter").Select(p => (string)p.Attribute("Value")!), Is.EqualTo(new[] { "PrimaryControl" }));
            var functions = command.Element("EnableRules")!.Elements("EnableRule").Select(r => rules[(string)r.Attribute("Id")!].Element("CustomRule")!).ToList();
            Assert.That(functions.Select(f => (string)f.Attribute("FunctionName")!), Is.EqualTo(new[] { "Rapport.Commands.Follow.isEnabled", "Rapport.Commands.Follow." + visible }));
            Assert.That(functions.Select(f => (string)f.Attribute("Library")!), Has.All.EqualTo("$webresource:rapport_/commands/follow.js"));
            Assert.That(command.Element("DisplayRules")!.Elements("DisplayRule").Select(r => (string)r.Attribute("Id")!), Is.SubsetOf(displayRules).And.Not.Empty);
        }

        // Every $webresource: reference names a web resource the solution ships.
        var references = ribbon.DescendantsAndSelf().Attributes().Select(a => a.Value).Where(v => v.StartsWith("$webresource:", StringComparison.Ordinal));
        Assert.That(references.Select(r => r["$webresource:".Length..]).Distinct(), Is.SubsetOf(DeclaredWebResources));
    }

    [Test]
    public void Unpacked_tree_has_ribbon_dashboard_and_form_files()
    {
        var names = TestSolution.Output.UnpackedFiles.Keys.ToList();
        Assert.That(names, Does.Contain("Entities/Contact/RibbonDiff.xml").And.Contain("Entities/Opportunity/RibbonDiff.xml"));
        Assert.That(names, Has.Some.Match(@"^Entities/Contact/FormXml/main/\{[0-9a-f\-]{36}\}\.xml$"));
        Assert.That(names, Has.One.Match(@"^Dashboards/\{[0-9a-f\-]{36}\}\.xml$"));
    }

    [Test]
    public void Forms_generalise_to_any_followable_table()
    {
        var form = Declarations.Ui.RapportForms.FeedForm("rapport_gift", "Gift", withInsights: false);
        var definition = TestSolution.Definition() with { Forms = [.. TestSolution.Definition().Forms, form] };
        var zip = new ZipParts(SolutionPacker.Build(TestSolution.Request(definition)).ManagedZip);
        var gift = zip.Customizations.Element("Entities")!.Elements("Entity").Single(e => (string?)e.Element("Name") == "rapport_gift");
        Assert.That(gift.Element("FormXml")!.Element("forms")!.Elements("systemform").Count(), Is.EqualTo(2), "its own main form and the Rapport Social form");
    }
}
