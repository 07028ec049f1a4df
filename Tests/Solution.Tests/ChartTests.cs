using System;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Tests;

/// <summary>Issue 6: the CLV and P(alive) distribution charts ship inside contact and account as system charts.</summary>
public sealed class ChartTests
{
    private static XElement Entity(string schemaName) =>
        new ZipParts(TestSolution.Output.ManagedZip).Customizations.Element("Entities")!.Elements("Entity").Single(e => (string?)e.Element("Name") == schemaName);

    private static XElement Chart(string entity, string displayName) =>
        Entity(entity).Element("Visualizations")!.Elements("visualization")
            .Single(v => v.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value == displayName);

    [TestCase("Contact", "contact")]
    [TestCase("Account", "account")]
    public void Clv_distribution_counts_and_sums_clv_per_segment(string entity, string table)
    {
        var chart = Chart(entity, "CLV Distribution");
        Assert.That(Guid.TryParse((string?)chart.Element("savedqueryvisualizationid"), out _), Is.True);
        Assert.That((string?)chart.Element("primaryentitytypecode"), Is.EqualTo(table));
        Assert.That((string?)chart.Element("isdefault"), Is.EqualTo("0"));
        var fetch = chart.Element("datadescription")!.Element("datadefinition")!.Element("fetchcollection")!.Element("fetch")!;
        Assert.That((string?)fetch.Attribute("aggregate"), Is.EqualTo("true"));
        Assert.That((string?)fetch.Element("entity")!.Attribute("name"), Is.EqualTo(table));
        var attributes = fetch.Element("entity")!.Elements("attribute").ToList();
        var group = attributes.Single(a => (string?)a.Attribute("groupby") == "true");
        Assert.That((string?)group.Attribute("name"), Is.EqualTo("rapport_segment"));
        Assert.That(attributes.Where(a => a.Attribute("aggregate") is not null).Select(a => ((string)a.Attribute("name")!, (string)a.Attribute("aggregate")!)),
            Is.EqualTo(new[] { ("rapport_clv", "count"), ("rapport_clv", "sum") }));
        var category = chart.Descendants("category").Single();
        Assert.That((string?)category.Attribute("alias"), Is.EqualTo((string?)group.Attribute("alias")));
        Assert.That(category.Descendants("measure").Select(m => (string)m.Attribute("alias")!),
            Is.EqualTo(attributes.Where(a => a.Attribute("aggregate") is not null).Select(a => (string)a.Attribute("alias")!)), "each measure names a fetch alias");
        var presentation = chart.Element("presentationdescription")!.Element("Chart")!;
        Assert.That(presentation.Element("Series")!.Elements("Series").Count(), Is.EqualTo(2), "one series per measure");
        Assert.That(presentation.Element("Series")!.Elements("Series").Select(s => (string)s.Attribute("ChartType")!), Has.All.EqualTo("Column"));
    }

    [Test]
    public void Palive_distribution_groups_by_the_band_choice()
    {
        var chart = Chart("Contact", "P(alive) Distribution");
        var attributes = chart.Descendants("fetch").Single().Descendants("attribute").ToList();
        Assert.That(attributes.Single(a => (string?)a.Attribute("groupby") == "true").Attribute("name")!.Value, Is.EqualTo("rapport_palivebucket"));
        Assert.That(attributes.Single(a => a.Attribute("aggregate") is not null).Attribute("name")!.Value, Is.EqualTo("rapport_palive"));
        Assert.That(chart.Element("presentationdescription")!.Descendants("Series").Count(s => s.Parent!.Name == "Series"), Is.EqualTo(1));
    }

    [Test]
    public void Every_declared_chart_is_a_root_component_with_its_own_id()
    {
        var ids = new ZipParts(TestSolution.Output.ManagedZip).Customizations.Descendants("visualization")
            .Select(v => Guid.Parse((string)v.Element("savedqueryvisualizationid")!)).ToList();
        Assert.That(ids, Has.Count.EqualTo(TestSolution.Definition().Charts.Count).And.Count.EqualTo(6).And.Unique);
        Assert.That(TestSolution.ManagedZip.RootComponents.Where(r => r.Type == 59).Select(r => r.Id!.Value), Is.EquivalentTo(ids));
    }

    [Test]
    public void Unpacked_tree_has_one_file_per_chart()
    {
        var charts = TestSolution.Output.UnpackedFiles.Keys.Where(n => n.Contains("/Visualizations/", StringComparison.Ordinal)).ToList();
        Assert.That(charts, Has.Count.EqualTo(6));
        Assert.That(charts, Has.All.Match(@"^Entities/(Contact|Account|rapport_clvholdoutrow)/Visualizations/\{[0-9a-f\-]{36}\}\.xml$"));
    }

    [Test]
    public void Chart_on_an_unknown_table_or_column_is_refused()
    {
        var good = TestSolution.Definition().Charts[0];
        var definition = TestSolution.Definition() with
        {
            Charts =
            [
                good with { Name = "rapport_nowhere", Table = "nosuchtable" },
                good with { Name = "rapport_badcolumn", Column = "rapport_nosuchcolumn" },
                good with { Name = "rapport_badgroup", GroupBy = "rapport_nosuchgroup" },
                good with { Name = "rapport_sumtext", Aggregate = ChartAggregate.Sum, Column = "rapport_clvstate" },
                good with { Name = "nochart" },
            ],
        };
        var problems = TestSolution.Validate(definition);
        Assert.That(problems, Has.Some.EqualTo("Chart 'rapport_nowhere' is on unknown table 'nosuchtable'."));
        Assert.That(problems, Has.Some.Contains("aggregates column 'rapport_nosuchcolumn'"));
        Assert.That(problems, Has.Some.Contains("groups by column 'rapport_nosuchgroup'"));
        Assert.That(problems, Has.Some.Contains("Sum needs a number column; 'rapport_clvstate' is Memo"));
        Assert.That(problems, Has.Some.Contains("Chart 'nochart' lacks the publisher prefix"));
    }

    [Test]
    public void Declared_charts_pass_validation()
    {
        Assert.That(TestSolution.Validate(TestSolution.Definition()), Is.Empty);
    }
}
