using System;
using System.Linq;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>Steps, images and workflow activities come from the attributes on the built classes.</summary>
public sealed class StepRegistrationTests
{
    private static readonly Guid CreateMessage = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8");
    private static readonly Guid UpdateMessage = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8");
    private static readonly Guid DeleteMessage = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8");

    private static PackedSolution Zip => TestSolution.ManagedZip;

    private static PackedStep StepOf(string type, string message) =>
        Zip.Steps.Single(s => s.PluginType == "Rapport.Solution.Fixtures." + type && s.Message == message);

    [Test]
    public void Async_update_step_has_message_id_stage_mode_rank_filtering_attributes_and_both_images()
    {
        var step = StepOf("ContactClvChangedPlugin", "Update");
        Assert.That(step.MessageId, Is.EqualTo(UpdateMessage));
        Assert.That(step.PrimaryEntity, Is.EqualTo("contact"));
        Assert.That(step.Stage, Is.EqualTo(40));
        Assert.That(step.Mode, Is.EqualTo(1));
        Assert.That(step.Rank, Is.EqualTo(5));
        Assert.That(step.AsyncAutoDelete, Is.True);
        Assert.That(step.FilteringAttributes, Is.EqualTo(new[] { "rapport_clv", "rapport_segment" }));
        Assert.That(step.Name, Is.EqualTo("Rapport.Solution.Fixtures.ContactClvChangedPlugin: Update of contact"));
        var pre = step.Images.Single(i => i.Alias == "pre");
        Assert.That((pre.ImageType, pre.MessagePropertyName), Is.EqualTo((0, "Target")));
        Assert.That(pre.Attributes, Is.EqualTo(new[] { "rapport_clv", "rapport_segment" }));
        var post = step.Images.Single(i => i.Alias == "post");
        Assert.That((post.ImageType, post.Attributes.Single()), Is.EqualTo((1, "rapport_clv")));
    }

    [Test]
    public void Fixed_step_id_and_configuration_are_kept()
    {
        var step = StepOf("GiftPlugin", "Create");
        Assert.That(step.Id, Is.EqualTo(new Guid("5b1f0c1e-0a55-4c8e-9a8e-2f7c9d3b6a11")));
        Assert.That(step.MessageId, Is.EqualTo(CreateMessage));
        Assert.That((step.Stage, step.Mode), Is.EqualTo((20, 0)));
        Assert.That(step.Configuration, Is.EqualTo("mode=strict"));
        Assert.That(step.Images, Is.Empty, "the Delete image does not leak onto the Create step");
        Assert.That(step.AsyncAutoDelete, Is.False, "only async steps delete their system job");
    }

    [Test]
    public void Create_post_image_takes_its_row_from_target()
    {
        // Create, Update, Delete, Assign and Route images name "Target"
        // (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/sdkmessageprocessingstepimage).
        var step = Zip.Steps.Single(s => s.PluginType == "Rapport.Plugins.Clv.GiftTransactionPlugin" && s.Message == "Create");
        var image = step.Images.Single();
        Assert.That((image.ImageType, image.MessagePropertyName), Is.EqualTo((1, "Target")));
    }

    [Test]
    public void Image_goes_only_to_the_step_of_its_message()
    {
        var step = StepOf("GiftPlugin", "Delete");
        Assert.That((step.MessageId, step.Stage), Is.EqualTo((DeleteMessage, 10)));
        Assert.That(step.Images.Single().Alias, Is.EqualTo("gift"));
        Assert.That(step.Images.Single().Attributes, Is.EqualTo(new[] { "rapport_amount", "rapport_donorid" }));
    }

    [Test]
    public void Step_xml_names_the_plugin_type_with_its_assembly_and_the_type_id()
    {
        var customizations = new ZipParts(TestSolution.Output.ManagedZip).Customizations;
        var step = customizations.Element("SdkMessageProcessingSteps")!.Elements().Single(s => ((string)s.Attribute("Name")!).StartsWith("Rapport.Solution.Fixtures.GiftPlugin: Create", StringComparison.Ordinal));
        Assert.That((string?)step.Element("PluginTypeName"), Does.Match(@"^Rapport\.Solution\.Fixtures\.GiftPlugin, Rapport\.Solution\.Fixtures, Version=1\.0\.0\.0, Culture=neutral, PublicKeyToken=[0-9a-f]{16}$"));
        var type = Zip.PluginTypes.Single(t => t.TypeName == "Rapport.Solution.Fixtures.GiftPlugin");
        Assert.That(Guid.Parse((string)step.Element("PluginTypeId")!), Is.EqualTo(type.Id));
    }

    [Test]
    public void Plugin_types_exclude_abstract_bases_and_include_the_custom_api_implementation()
    {
        var names = Zip.PluginTypes.Where(t => t.AssemblyName == TestSolution.FixturesAssembly).Select(t => t.TypeName);
        Assert.That(names, Is.EquivalentTo(new[]
        {
            "Rapport.Solution.Fixtures.ContactClvChangedPlugin",
            "Rapport.Solution.Fixtures.GiftPlugin",
            "Rapport.Solution.Fixtures.RecalculateApiPlugin",
            "Rapport.Solution.Fixtures.RescoreActivity",
        }));
        Assert.That(Zip.PluginTypes.Select(t => t.TypeName), Has.None.EndsWith("PluginBase").And.None.EndsWith("ActivityBase"));
    }

    [Test]
    public void Workflow_activity_carries_its_group_and_friendly_name()
    {
        var activity = Zip.PluginTypes.Single(t => t.TypeName == "Rapport.Solution.Fixtures.RescoreActivity");
        Assert.That(activity.WorkflowActivityGroup, Is.EqualTo("Rapport CLV"));
        Assert.That(activity.FriendlyName, Is.EqualTo("Rescore customer CLV"));
        Assert.That(Zip.PluginTypes.Single(t => t.TypeName == "Rapport.Solution.Fixtures.GiftPlugin").WorkflowActivityGroup, Is.Null);
        Assert.That(Zip.Steps.Where(s => s.PluginType.EndsWith("RescoreActivity", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Assemblies_are_packed_byte_for_byte_and_strong_named()
    {
        Assert.That(Zip.Assemblies[TestSolution.FixturesAssembly], Is.EqualTo(System.IO.File.ReadAllBytes(TestPaths.Fixtures)));
        Assert.That(Zip.Assemblies["Rapport.Plugins"], Is.EqualTo(System.IO.File.ReadAllBytes(TestPaths.Plugins)));
        Assert.That(Zip.AssemblyFullNames.Values, Has.None.Contain("PublicKeyToken=null"));
    }
}
