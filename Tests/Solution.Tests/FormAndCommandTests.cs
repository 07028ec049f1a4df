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

    /// <summary>
    /// Issue 20: the Rapport tab hosts the Feed and InsightsCard code components bound to rapport_feedanchor, no web
    /// resource iframe. Shape of a bound code component in an exported form (learn.microsoft.com/dynamics365/field-service/
    /// work-order-customization, "Add Bing Maps to the work order form", edits the FormXml of an exported solution): the
    /// cell's control keeps the column's classic control and a uniqueid; controlDescription forControl points at it and
    /// holds the default control (customControl id = class id, parameters/datafieldname) then one customControl per form
    /// factor naming the component with the column in its bound property; controlDescriptions come after the layout and
    /// before formLibraries.
    /// </summary>
    [TestCase("Contact")]
    [TestCase("Account")]
    public void Customer_form_has_a_rapport_tab_with_the_feed_and_card_code_components_bound_to_the_anchor(string entity)
    {
        var form = Entity(entity).Element("FormXml")!.Element("forms")!.Elements("systemform").Single();
        var tab = form.Descendants("tab").Single(t => (string?)t.Attribute("name") == "rapport_tab");
        Assert.That(tab.Element("labels")!.Element("label")!.Attribute("description")!.Value, Is.EqualTo("Rapport"));
        Assert.That(tab.Descendants("section").Count(), Is.EqualTo(2));
        var controls = tab.Descendants("control").ToList();
        Assert.That(controls.Select(c => (string?)c.Attribute("id")), Is.EqualTo(new[] { "rapport_feedanchor", "rapport_feedanchor1" }));
        Assert.That(form.Descendants("control").Where(c => (string?)c.Attribute("classid") == "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}"), Is.Empty, "no web resource iframe");

        var descriptions = form.Element("form")!.Element("controlDescriptions")!.Elements("controlDescription").ToList();
        Assert.That(descriptions, Has.Count.EqualTo(2));
        foreach (var (control, component) in controls.Zip(new[] { "rapport_Rapport.Feed", "rapport_Rapport.InsightsCard" }))
        {
            Assert.That((string?)control.Attribute("classid"), Is.EqualTo("{4273EDBD-AC1D-40d3-9FB2-095C621B552D}"), "the text box stays as the fallback");
            Assert.That((string?)control.Attribute("datafieldname"), Is.EqualTo("rapport_feedanchor"));
            var uniqueId = Guid.Parse((string)control.Attribute("uniqueid")!);
            var description = descriptions.Single(d => Guid.Parse((string)d.Attribute("forControl")!) == uniqueId);
            var custom = description.Elements("customControl").ToList();
            Assert.That((string?)custom[0].Attribute("id"), Is.EqualTo((string?)control.Attribute("classid")));
            Assert.That((string?)custom[0].Element("parameters")!.Element("datafieldname"), Is.EqualTo("rapport_feedanchor"));
            Assert.That(custom.Skip(1).Select(c => (string?)c.Attribute("formFactor")), Is.EqualTo(new[] { "0", "1", "2" }));
            foreach (var factor in custom.Skip(1))
            {
                Assert.That((string?)factor.Attribute("name"), Is.EqualTo(component));
                Assert.That(factor.Element("parameters")!.Elements().Select(p => (p.Name.LocalName, p.Value)), Is.EqualTo(new[] { ("anchor", "rapport_feedanchor") }));
            }
        }

        // Follow stays on the command bar: the form needs no feed host script any more.
        Assert.That(form.Element("form")!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "tabs", "controlDescriptions" }));
    }

    [Test]
    public void Opportunity_ships_as_a_shell_with_the_anchor_column_and_the_feed_form_without_the_card()
    {
        var opportunity = Entity("Opportunity");
        var attribute = opportunity.Element("EntityInfo")!.Descendants("attribute").Single();
        Assert.That((string?)attribute.Element("LogicalName"), Is.EqualTo("rapport_feedanchor"));
        Assert.That((string?)attribute.Element("RequiredLevel"), Is.EqualTo("none"));
        var tab = opportunity.Descendants("tab").Single();
        Assert.That(tab.Descendants("control").Select(c => (string)c.Attribute("id")!), Is.EqualTo(new[] { "rapport_feedanchor" }));
        Assert.That(opportunity.Descendants("customControl").Where(c => c.Attribute("formFactor") is not null).Select(c => (string?)c.Attribute("name")).Distinct(),
            Is.EqualTo(new[] { "rapport_Rapport.Feed" }));
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
        // Any text column can anchor the feed: here the gift's name.
        var form = Declarations.Ui.RapportForms.FeedForm("rapport_gift", "Gift", withInsights: false, anchorColumn: "rapport_name");
        var definition = TestSolution.Definition() with { Forms = [.. TestSolution.Definition().Forms, form] };
        var zip = new ZipParts(SolutionPacker.Build(TestSolution.Request(definition)).ManagedZip);
        var gift = zip.Customizations.Element("Entities")!.Elements("Entity").Single(e => (string?)e.Element("Name") == "rapport_gift");
        Assert.That(gift.Element("FormXml")!.Element("forms")!.Elements("systemform").Count(), Is.EqualTo(2), "its own main form and the Rapport Social form");
    }
}
