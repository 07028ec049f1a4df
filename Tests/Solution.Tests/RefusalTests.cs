using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Rapport.Solution.Model;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>The packer refuses inconsistent declarations, naming each problem.</summary>
public sealed class RefusalTests
{
    private const string Gift = "Rapport.Solution.Fixtures.GiftPlugin";
    private const string ContactPlugin = "Rapport.Solution.Fixtures.ContactClvChangedPlugin";

    [Test]
    public void The_real_declarations_with_the_fixtures_pass()
    {
        Assert.That(TestSolution.Validate(TestSolution.Definition()), Is.Empty);
    }

    [Test]
    public void Step_on_an_unknown_table_is_refused()
    {
        var problems = TestSolution.Validate(TestSolution.Definition(), WithStep(Gift, "Create", s => s with { PrimaryEntity = "rapport_nosuchtable" }));
        Assert.That(problems, Has.Some.Contains("unknown table 'rapport_nosuchtable'").And.Some.Contains(Gift));
    }

    [Test]
    public void Step_on_an_unknown_message_is_refused()
    {
        var problems = TestSolution.Validate(TestSolution.Definition(), WithStep(Gift, "Create", s => s with { Message = "Frobnicate" }));
        Assert.That(problems, Has.Some.Contains("unknown message 'Frobnicate'"));
    }

    [Test]
    public void Image_column_that_does_not_exist_is_refused()
    {
        var problems = TestSolution.Validate(TestSolution.Definition(), WithStep(ContactPlugin, "Update", s => s with
        {
            Images = s.Images.Select(i => i with { Attributes = i.Attributes + ",rapport_nosuchcolumn" }).ToList(),
        }));
        Assert.That(problems, Has.Some.Contains("image 'pre' column 'rapport_nosuchcolumn' is not a column of 'contact'"));
    }

    [Test]
    public void Step_attributes_are_checked_against_the_declared_columns()
    {
        // Through the real scan: the fixture's step filters and images on rapport_segment, which contact no longer declares.
        var definition = TestSolution.Definition();
        definition = definition with
        {
            Tables = definition.Tables.Select(t => t.LogicalName != "contact" ? t : t with
            {
                Columns = t.Columns.Where(c => c.LogicalName != "rapport_segment").ToList(),
                AddedColumns = t.AddedColumns.Where(c => c != "rapport_segment").ToList(),
            }).ToList(),
        };
        var error = Assert.Throws<SolutionValidationException>(() => SolutionPacker.Build(TestSolution.Request(definition)))!;
        Assert.That(error.Problems, Has.Some.Contains("filtering attribute 'rapport_segment' is not a column of 'contact'"));
        Assert.That(error.Problems, Has.Some.Contains("image 'pre' column 'rapport_segment'"));
    }

    [Test]
    public void Names_without_the_publisher_prefix_are_refused()
    {
        var definition = TestSolution.Definition();
        definition = definition with
        {
            Tables = [.. definition.Tables.Select(t => t.LogicalName != "rapport_gift" ? t : t with { Columns = [.. t.Columns, new ColumnDefinition("amount2", "Amount 2", ColumnType.Money)] })],
            CustomApis = [TestSolution.Api with { UniqueName = "RecalculateClv" }],
        };
        var problems = TestSolution.Validate(definition);
        Assert.That(problems, Has.Some.EqualTo("Column 'amount2' lacks the publisher prefix 'rapport_'."));
        Assert.That(problems, Has.Some.EqualTo("Custom API 'RecalculateClv' lacks the publisher prefix 'rapport_'."));
    }

    [Test]
    public void Duplicate_names_are_refused()
    {
        var definition = TestSolution.Definition();
        var gift = definition.Tables.Single(t => t.LogicalName == "rapport_gift");
        definition = definition with
        {
            Tables = [.. definition.Tables.Select(t => t != gift ? t : t with { Columns = [.. t.Columns, new ColumnDefinition("rapport_amount", "Amount again", ColumnType.Money)] })],
            CustomApis = [TestSolution.Api, TestSolution.Api],
        };
        var problems = TestSolution.Validate(definition);
        Assert.That(problems, Has.Some.EqualTo("Duplicate column of table 'rapport_gift' 'rapport_amount' (declared 2 times)."));
        Assert.That(problems, Has.Some.StartsWith($"Duplicate Custom API '{TestSolution.ApiName}'"));
    }

    [Test]
    public void Over_long_schema_names_are_refused()
    {
        var name = "rapport_" + new string('x', 43);
        var definition = TestSolution.Definition();
        definition = definition with
        {
            Tables = [.. definition.Tables.Select(t => t.LogicalName != "rapport_gift" ? t : t with { Columns = [.. t.Columns, new ColumnDefinition(name, "Long", ColumnType.Integer)] })],
        };
        Assert.That(name, Has.Length.EqualTo(51));
        Assert.That(TestSolution.Validate(definition), Has.Some.EqualTo($"Column '{name}' is 51 characters long; the limit is 50."));
    }

    [Test]
    public void Custom_api_parameter_of_an_unknown_type_is_refused()
    {
        var api = TestSolution.Api with
        {
            RequestParameters = [new CustomApiFieldDefinition("Mystery", "Mystery", (CustomApiFieldType)99)],
        };
        var problems = TestSolution.Validate(TestSolution.Definition() with { CustomApis = [api] });
        Assert.That(problems, Has.Some.Contains("'Mystery' has unknown type 99"));
    }

    [Test]
    public void Missing_assembly_is_refused_with_its_path_and_nothing_is_written()
    {
        var missing = Path.Combine(Path.GetTempPath(), "nowhere", "Rapport.WorkflowActivities.dll");
        var output = Path.Combine(Path.GetTempPath(), "rapport-refused-" + Guid.NewGuid().ToString("N"));
        var request = TestSolution.Request(assemblies: [TestPaths.Plugins, missing, TestPaths.Fixtures]);
        var error = Assert.Throws<SolutionValidationException>(() => SolutionPacker.Pack(request, output))!;
        Assert.That(error.Message, Does.Contain(missing).And.Contain("is missing"));
        Assert.That(Directory.Exists(output), Is.False);
    }

    [Test]
    public void Declared_assembly_not_given_to_the_packer_is_refused()
    {
        var problems = TestSolution.Validate(TestSolution.Definition(), TestSolution.Scanned().Where(a => a.Name != "Rapport.WorkflowActivities").ToList());
        Assert.That(problems, Has.Some.EqualTo("Assembly 'Rapport.WorkflowActivities' is declared but was not given to the packer."));
    }

    [Test]
    public void Missing_web_resource_file_is_refused()
    {
        var definition = TestSolution.Definition() with { WebResources = [new WebResourceDefinition("rapport_/scripts/none.js", "None", WebResourceType.JavaScript, "scripts/none.js")] };
        Assert.That(TestSolution.Validate(definition), Has.Some.Contains("'rapport_/scripts/none.js'").And.Some.Contains("is missing"));
    }

    [Test]
    public void Platform_step_rules_are_enforced()
    {
        var problems = TestSolution.Validate(TestSolution.Definition(), WithStep(Gift, "Create", s => s with
        {
            Mode = 1,
            Images = [new ScannedImage("Create", 0, "pre", "rapport_amount", 0)],
        }));
        Assert.That(problems, Has.Some.Contains("asynchronous steps must be PostOperation (40)"));
        Assert.That(problems, Has.Some.Contains("Create has no pre-image"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var definition = TestSolution.Definition() with { CustomApis = [TestSolution.Api with { UniqueName = "Bad", BoundEntity = "nosuchtable" }] };
        var error = Assert.Throws<SolutionValidationException>(() => SolutionPacker.Build(TestSolution.Request(definition)))!;
        Assert.That(error.Problems, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(error.Message, Does.Contain("Bad").And.Contain("nosuchtable"));
    }

    /// <summary>The scanned assemblies with one step of one plugin changed.</summary>
    private static IReadOnlyList<ScannedAssembly> WithStep(string type, string message, Func<ScannedStep, ScannedStep> change) =>
        TestSolution.Scanned().Select(a => a with
        {
            Types = a.Types.Select(t => t.FullName != type ? t : t with
            {
                Steps = t.Steps.Select(s => s.Message == message ? change(s) : s).ToList(),
            }).ToList(),
        }).ToList();
}
