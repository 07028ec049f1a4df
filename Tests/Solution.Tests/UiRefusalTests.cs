using System.Linq;
using Rapport.Solution.Declarations.Ui;
using Rapport.Solution.Model;

namespace Rapport.Solution.Tests;

/// <summary>A form, dashboard or button that names something the solution does not ship is refused before packing.</summary>
public sealed class UiRefusalTests
{
    private static SolutionDefinition Definition => TestSolution.Definition();

    [Test]
    public void Control_showing_an_undeclared_web_resource_is_refused()
    {
        var form = RapportForms.FeedForm("contact", "Contact", withInsights: false) with
        {
            Tabs = [new("rapport_tab", "Rapport", [new("s", "S", [new("WebResource_x", "rapport_/nowhere.html", "X")])])],
        };
        var problems = TestSolution.Validate(Definition with { Forms = [form] });
        Assert.That(problems, Has.Some.EqualTo("Form 'rapport_contact_social': control 'WebResource_x' shows web resource 'rapport_/nowhere.html', which the solution does not declare."));
    }

    [Test]
    public void Control_showing_a_script_or_misnamed_is_refused()
    {
        var form = RapportForms.FeedForm("contact", "Contact", withInsights: false) with
        {
            Tabs = [new("rapport_tab", "Rapport", [new("s", "S", [new("feed", RapportCommands.Library, "X")])])],
        };
        var problems = TestSolution.Validate(Definition with { Forms = [form] });
        Assert.That(problems, Has.Some.Contains("must be named WebResource_<name>"));
        Assert.That(problems, Has.Some.Contains("a JavaScript web resource; a form control hosts HTML"));
    }

    [Test]
    public void Handler_of_an_undeclared_or_unregistered_library_is_refused()
    {
        var form = RapportForms.FeedForm("contact", "Contact", withInsights: true) with
        {
            Libraries = ["rapport_/forms/none.js"],
            Handlers = [new("rapport_/forms/feedhost.js", RapportForms.FeedHostOnLoad)],
        };
        var problems = TestSolution.Validate(Definition with { Forms = [form] });
        Assert.That(problems, Has.Some.EqualTo("Form 'rapport_contact_social': form library 'rapport_/forms/none.js' is no web resource the solution declares."));
        Assert.That(problems, Has.Some.Contains("uses library 'rapport_/forms/feedhost.js', which is not among the form's libraries"));
    }

    [Test]
    public void Form_on_an_unknown_table_is_refused()
    {
        var problems = TestSolution.Validate(Definition with { Forms = [RapportForms.FeedForm("nosuchtable", "X", withInsights: false)] });
        Assert.That(problems, Has.Some.EqualTo("Form 'rapport_nosuchtable_social' is on unknown table 'nosuchtable'."));
    }

    [Test]
    public void Command_calling_an_undeclared_library_or_a_missing_function_is_refused()
    {
        var ribbon = RapportCommands.For("contact");
        var follow = ribbon.Buttons[0];
        var broken = ribbon with
        {
            Buttons =
            [
                follow with { Action = new JavaScriptCall("rapport_/commands/none.js", "Rapport.Commands.None.toggle") },
                follow with { Id = "Other", Action = follow.Action with { Function = "Rapport.Commands.Follow.nosuchfunction" } },
                follow with { Id = "Icon", Icon = "rapport_/feed/feed.css" },
            ],
        };
        var problems = TestSolution.Validate(Definition with { Ribbons = [broken] });
        Assert.That(problems, Has.Some.EqualTo("Command bar of 'contact': button 'Follow' action library 'rapport_/commands/none.js' is no web resource the solution declares."));
        Assert.That(problems, Has.Some.EqualTo("Command bar of 'contact': button 'Other' action calls Rapport.Commands.Follow.nosuchfunction, which 'rapport_/commands/follow.js' does not define."));
        Assert.That(problems, Has.Some.EqualTo("Command bar of 'contact': button 'Icon': icon 'rapport_/feed/feed.css' is no image web resource of the solution."));
    }

    [Test]
    public void Dropping_the_follow_script_refuses_every_command_using_it()
    {
        var definition = Definition with { WebResources = Definition.WebResources.Where(w => w.Name != RapportCommands.Library).ToList() };
        var problems = TestSolution.Validate(definition);
        Assert.That(problems.Count(p => p.Contains("'rapport_/commands/follow.js' is no web resource", System.StringComparison.Ordinal)),
            Is.EqualTo(Definition.Ribbons.Sum(r => r.Buttons.Sum(b => 1 + b.EnableRules.Count))));
    }
}
