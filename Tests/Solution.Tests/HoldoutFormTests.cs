using System;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Declarations.Tables;
using Rapport.Solution.Declarations.Ui;
using Rapport.Solution.Model;

namespace Rapport.Solution.Tests;

/// <summary>
/// Issue 22: the CLV model form charts its holdout rows through subgrids. The subgrid control is checked against the
/// FormXml Microsoft publishes: the default "Microsoft Dynamics 365 Overview" dashboard's chart controls
/// (https://learn.microsoft.com/power-apps/developer/model-driven-apps/sample-dashboards: classid
/// {E7A81278-8635-4d9e-8D4D-59480B391C5B}, ChartGridMode Chart with a VisualizationId) and the form subgrid of related
/// rows in "Add the Documents tab to a form" (learn.microsoft.com, Manage documents using SharePoint: indicationOfSubgrid,
/// RelationshipName, TargetEntityType and the parameter order the form editor saves); the parameters' meaning from the
/// FormXml reference (https://learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg309304(v=crm.8)).
/// </summary>
public sealed class HoldoutFormTests
{
    private static readonly string[] SubgridParameterOrder =
    [
        "ViewId", "IsUserView", "RelationshipName", "TargetEntityType", "AutoExpand", "EnableQuickFind", "EnableViewPicker", "ViewIds",
        "EnableJumpBar", "ChartGridMode", "VisualizationId", "IsUserChart", "EnableChartPicker", "RecordsPerPage",
    ];

    private static XElement Customizations => new ZipParts(TestSolution.Output.ManagedZip).Customizations;

    private static XElement Entity(string name) =>
        Customizations.Element("Entities")!.Elements("Entity").Single(e => (string?)e.Element("Name") == name);

    [TestCase("rapport_holdout_byfrequency", "rapport_clvholdout_byfrequency", "107850000")]
    [TestCase("rapport_holdout_tracking", "rapport_clvholdout_tracking", "107850001")]
    public void Model_holdout_form_charts_the_model_s_own_rows_through_a_filtered_view(string controlId, string chartName, string kindValue)
    {
        var forms = Entity(ClvTables.Model).Element("FormXml")!.Element("forms")!.Elements("systemform").ToList();
        var form = forms.Single(f => f.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value == "CLV Model Holdout");
        var control = form.Descendants("control").Single(c => (string?)c.Attribute("id") == controlId);
        var p = control.Element("parameters")!;
        var rows = Entity(ClvHoldoutTables.HoldoutRow);
        var view = rows.Descendants("savedquery").Single(v => (string)v.Element("savedqueryid")! == (string)p.Element("ViewId")!);
        var chart = rows.Element("Visualizations")!.Elements("visualization").Single(v => (string)v.Element("savedqueryvisualizationid")! == (string)p.Element("VisualizationId")!);
        var relationship = Customizations.Element("EntityRelationships")!.Elements("EntityRelationship").Single(r => (string?)r.Attribute("Name") == (string)p.Element("RelationshipName")!);

        Assert.Multiple(() =>
        {
            Assert.That((string?)control.Attribute("classid"), Is.EqualTo("{E7A81278-8635-4d9e-8D4D-59480B391C5B}"));
            Assert.That((string?)control.Attribute("indicationOfSubgrid"), Is.EqualTo("true"));
            Assert.That(p.Elements().Select(e => e.Name.LocalName), Is.EqualTo(SubgridParameterOrder));
            Assert.That((string)p.Element("TargetEntityType")!, Is.EqualTo("rapport_clvholdoutrow"));
            Assert.That((string)p.Element("ChartGridMode")!, Is.EqualTo("Chart"));
            Assert.That((string?)relationship.Element("ReferencedEntityName"), Is.EqualTo(ClvTables.Model));
            Assert.That((string?)relationship.Element("ReferencingEntityName"), Is.EqualTo(ClvHoldoutTables.HoldoutRow));
            Assert.That((string?)relationship.Element("CascadeDelete"), Is.EqualTo("Cascade"), "rows go with their model");
            Assert.That(view.Element("isdefault")!.Value, Is.EqualTo("0"));
            var conditions = view.Descendants("condition").ToDictionary(c => (string)c.Attribute("attribute")!, c => (string)c.Attribute("value")!);
            Assert.That(conditions["rapport_rowkind"], Is.EqualTo(kindValue), "the subgrid shows one figure's rows");
            Assert.That(view.Descendants("order").Single().Attribute("attribute")!.Value, Is.EqualTo("rapport_x"));
            Assert.That(chart.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value,
                Is.EqualTo(TestSolution.Definition().Charts.Single(c => c.Name == chartName).DisplayName));
            var measures = chart.Descendants("fetch").Descendants("attribute").Select(a => ((string)a.Attribute("name")!, (string?)a.Attribute("aggregate") ?? (string?)a.Attribute("groupby"))).ToList();
            Assert.That(measures, Is.EqualTo(new[] { ("rapport_x", "true"), ("rapport_predicted", "sum"), ("rapport_actual", "sum") }));
        });
    }

    [Test]
    public void Tracking_chart_draws_lines_and_the_frequency_chart_columns()
    {
        var charts = Entity(ClvHoldoutTables.HoldoutRow).Element("Visualizations")!.Elements("visualization")
            .ToDictionary(v => v.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value,
                v => v.Descendants("Series").Where(s => s.Attribute("ChartType") != null).Select(s => (string)s.Attribute("ChartType")!).ToList());
        Assert.That(charts["Holdout: Cumulative Repeat Transactions by Week"], Is.EqualTo(new[] { "Line", "Line" }));
        Assert.That(charts["Holdout: Predicted vs Actual by Calibration Frequency"], Is.EqualTo(new[] { "Column", "Column" }));
    }

    [Test]
    public void Subgrid_naming_an_unknown_table_view_chart_or_relationship_is_refused()
    {
        SubgridControlDefinition good = ClvModelForms.Holdout().Tabs[0].Sections[0].Subgrids[0];
        string[] Problems(SubgridControlDefinition grid)
        {
            var form = ClvModelForms.Holdout();
            form = form with { Tabs = [form.Tabs[0] with { Sections = [form.Tabs[0].Sections[0] with { Subgrids = [grid] }] }] };
            var definition = TestSolution.Definition();
            return TestSolution.Validate(definition with { Forms = [.. definition.Forms.Where(f => f.Name != form.Name), form] }).ToArray();
        }

        Assert.Multiple(() =>
        {
            Assert.That(Problems(good), Is.Empty);
            Assert.That(Problems(good with { Table = "rapport_nowhere" }), Has.Some.EqualTo(
                "Form 'rapport_clvmodel_holdout': subgrid 'rapport_holdout_byfrequency' lists unknown table 'rapport_nowhere' (a subgrid lists rows of a Rapport table, whose views the solution ships)."));
            Assert.That(Problems(good with { View = "weekly" }), Has.Some.EqualTo(
                "Form 'rapport_clvmodel_holdout': subgrid 'rapport_holdout_byfrequency' names view 'weekly', which table 'rapport_clvholdoutrow' does not declare."));
            Assert.That(Problems(good with { Chart = "rapport_contact_clvdistribution" }), Has.Some.EqualTo(
                "Form 'rapport_clvmodel_holdout': subgrid 'rapport_holdout_byfrequency' shows chart 'rapport_contact_clvdistribution', which is no declared chart of table 'rapport_clvholdoutrow'."));
            Assert.That(Problems(good with { Relationship = "rapport_clvmodel_contact_clvmodelid" }), Has.Some.EqualTo(
                "Form 'rapport_clvmodel_holdout': subgrid 'rapport_holdout_byfrequency' names relationship 'rapport_clvmodel_contact_clvmodelid', which is no declared 1:N relationship from 'rapport_clvmodel' to 'rapport_clvholdoutrow'."));
        });
    }
}
