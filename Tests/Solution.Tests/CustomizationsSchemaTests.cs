using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Rapport.Solution.Tests;

/// <summary>
/// The rules of Microsoft's customizations schema 9.0.0.2090 we can check without the XSD
/// (https://learn.microsoft.com/power-apps/developer/model-driven-apps/customization-xml-reference):
/// root without attributes, fixed child orders, required attributes, allowed values, no post-2019 drift elements.
/// </summary>
public sealed partial class CustomizationsSchemaTests
{
    private static readonly string[] RootOrder =
    [
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships",
        "OrganizationSettings", "optionsets", "Dashboards", "WebResources", "CustomControls", "SolutionPluginAssemblies",
        "SdkMessageProcessingSteps", "ServiceEndpoints", "EntityDataProviders", "Languages",
    ];

    private static readonly string[] StepOrder =
    [
        "PluginTypeName", "PluginTypeId", "PrimaryEntity", "SecondaryEntity", "AsyncAutoDelete", "Configuration", "Description",
        "FilteringAttributes", "ImpersonatingUserIdName", "InvocationSource", "Mode", "Rank", "SdkMessageId", "EventHandler",
        "EventHandlerTypeCode", "Stage", "IsCustomizable", "IsHidden", "SupportedDeployment", "IntroducedVersion", "SdkMessageProcessingStepImages",
    ];

    private static readonly string[] ImageOrder =
    [
        "Description", "SdkMessageProcessingStepImageId", "Attributes", "EntityAlias", "ImageType", "MessagePropertyName",
        "RelatedAttributeName", "IsCustomizable", "IntroducedVersion",
    ];

    private static readonly string[] AssemblyOrder =
    [
        "Description", "IsolationMode", "SourceType", "Path", "Url", "UserName", "IntroducedVersion", "IsCustomizable",
        "AuthType", "FileName", "PluginTypes", "IsHidden",
    ];

    private static readonly string[] WebResourceOrder =
    [
        "WebResourceId", "Name", "DisplayName", "Description", "SilverlightVersion", "LanguageCode", "WebResourceType",
        "IntroducedVersion", "IsEnabledForMobileClient", "IsAvailableForMobileOffline", "DependencyXml", "IsCustomizable",
        "CanBeDeleted", "IsHidden", "FileName",
    ];

    private static readonly string[] AttributeTypes =
    [
        "nvarchar", "ntext", "int", "bigint", "decimal", "float", "money", "bit", "datetime", "picklist", "multiselectpicklist",
        "lookup", "customer", "owner", "state", "status", "primarykey", "uniqueidentifier", "entityname",
    ];

    /// <summary>Platform additions after 9.0.0.2090 that the schema rejects (and that hide errors next to them).</summary>
    private static readonly string[] DriftElements =
    [
        "AutoNumberFormat", "IsRetrieveAuditEnabled", "CascadeArchive", "IsAutoAssigned", "AIModels", "connectionreferences",
        "CustomApis", "customapi",
    ];

    private static XElement Customizations => new ZipParts(TestSolution.Output.ManagedZip).Customizations;

    [Test]
    public void Root_has_no_attributes_but_the_xsi_declaration_and_children_in_schema_order()
    {
        var root = Customizations;
        Assert.That(root.Name.NamespaceName, Is.Empty);
        Assert.That(root.Attributes().Where(a => !a.IsNamespaceDeclaration), Is.Empty);
        AssertOrdered(root.Elements(), RootOrder, "ImportExportXml");
        Assert.That(root.Element("Languages")!.Elements("Language").Select(l => l.Value), Is.EqualTo(new[] { "1033" }));
    }

    [Test]
    public void Nothing_uses_a_namespace_or_a_post_2019_element()
    {
        var all = Customizations.DescendantsAndSelf().ToList();
        Assert.That(all.Where(e => e.Name.NamespaceName.Length > 0), Is.Empty);
        Assert.That(all.Select(e => e.Name.LocalName).Intersect(DriftElements), Is.Empty);
    }

    [Test]
    public void Steps_and_images_follow_the_schema_order_and_value_rules()
    {
        var steps = Customizations.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();
        Assert.That(steps, Is.Not.Empty);
        foreach (var step in steps)
        {
            Assert.That(Guid.TryParse((string?)step.Attribute("SdkMessageProcessingStepId"), out _), Is.True);
            AssertOrdered(step.Elements(), StepOrder, "SdkMessageProcessingStep");
            Assert.That((string?)step.Element("Stage"), Is.AnyOf("10", "20", "40"));
            Assert.That((string?)step.Element("Mode"), Is.AnyOf("0", "1"));
            Assert.That(Guid.TryParse((string?)step.Element("SdkMessageId"), out _), Is.True);
            foreach (var image in step.Descendants("SdkMessageProcessingStepImage"))
            {
                AssertOrdered(image.Elements(), ImageOrder, "SdkMessageProcessingStepImage");
                Assert.That((string?)image.Element("ImageType"), Is.AnyOf("0", "1", "2"));
            }
        }
    }

    [Test]
    public void Plugin_assemblies_and_types_follow_the_schema()
    {
        foreach (var assembly in Customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly"))
        {
            Assert.That((string?)assembly.Attribute("FullName"), Is.Not.Empty);
            AssertOrdered(assembly.Elements(), AssemblyOrder, "PluginAssembly");
            Assert.That((string?)assembly.Element("IsolationMode"), Is.EqualTo("2"), "Dataverse online runs sandboxed only");
            foreach (var type in assembly.Descendants("PluginType"))
            {
                Assert.That((string?)type.Attribute("AssemblyQualifiedName"), Is.Not.Empty);
                AssertOrdered(type.Elements(), ["Description", "FriendlyName", "WorkflowActivityGroupName"], "PluginType");
                Assert.That(type.Element("FriendlyName"), Is.Not.Null, "FriendlyName is required");
            }
        }
    }

    [Test]
    public void Web_resources_roles_and_relationships_follow_the_schema()
    {
        var root = Customizations;
        foreach (var resource in root.Element("WebResources")!.Elements())
        {
            AssertOrdered(resource.Elements(), WebResourceOrder, "WebResource");
        }

        foreach (var role in root.Element("Roles")!.Elements("Role"))
        {
            Assert.That(Guid.TryParse((string?)role.Attribute("id"), out _), Is.True);
            AssertOrdered(role.Elements(), ["IsCustomizable", "IntroducedVersion", "RolePrivileges"], "Role");
            Assert.That(role.Descendants("RolePrivilege").Select(p => (string)p.Attribute("level")!), Has.All.AnyOf("Basic", "Local", "Deep", "Global"));
            Assert.That(role.Descendants("RolePrivilege").Select(p => (string)p.Attribute("name")!), Has.All.Match("^prv(Create|Read|Write|Delete|Append|AppendTo|Assign|Share)[A-Za-z_]+$"));
        }

        foreach (var relationship in root.Element("EntityRelationships")!.Elements("EntityRelationship"))
        {
            Assert.That((string?)relationship.Element("EntityRelationshipType"), Is.AnyOf("OneToMany", "ManyToMany"));
            Assert.That(relationship.Element("EntityRelationshipRoles")!.Elements().Count(), Is.InRange(1, 2));
            Assert.That((string?)relationship.Element("CascadeDelete"), Is.Null.Or.AnyOf("Cascade", "NoCascade", "RemoveLink", "Restrict"));
        }
    }

    [Test]
    public void Entities_have_names_attributes_and_labels_as_the_schema_requires()
    {
        foreach (var entity in Customizations.Element("Entities")!.Elements("Entity"))
        {
            var name = entity.Element("Name")!;
            Assert.That(name.Value.Length, Is.InRange(1, 50));
            Assert.That(name.Attribute("LocalizedName"), Is.Not.Null);
            Assert.That(name.Attribute("OriginalName"), Is.Not.Null);
            var info = entity.Element("EntityInfo")!.Element("entity")!;
            Assert.That(info.Attribute("Name"), Is.Not.Null);
            Assert.That(info.Element("attributes"), Is.Not.Null);
            foreach (var attribute in info.Element("attributes")!.Elements("attribute"))
            {
                Assert.That(attribute.Attribute("PhysicalName"), Is.Not.Null);
                Assert.That((string?)attribute.Element("Type"), Is.AnyOf(AttributeTypes));
                Assert.That((string?)attribute.Element("IsCustomField"), Is.AnyOf("0", "1"));
            }

            foreach (var label in entity.Descendants().Where(e => e.Name.LocalName is "LocalizedName" or "displayname" or "Description" or "label"))
            {
                Assert.That(label.Attribute("description"), Is.Not.Null, label.Name.LocalName);
                Assert.That((string?)label.Attribute("languagecode"), Is.EqualTo("1033"));
            }
        }
    }

    [Test]
    public void Charts_dashboards_and_command_bars_keep_the_export_order()
    {
        var root = Customizations;
        var charts = root.Descendants("visualization").ToList();
        Assert.That(charts, Is.Not.Empty);
        foreach (var chart in charts)
        {
            AssertOrdered(chart.Elements(), ["savedqueryvisualizationid", "datadescription", "presentationdescription", "isdefault", "primaryentitytypecode", "IntroducedVersion", "LocalizedNames", "Descriptions"], "visualization");
        }

        foreach (var dashboard in root.Element("Dashboards")!.Elements("Dashboard"))
        {
            AssertOrdered(dashboard.Elements(), ["LocalizedNames", "Descriptions", "FormId", "CanBeDeleted", "IsCustomizable", "IsDefault", "IntroducedVersion", "FormPresentation", "FormActivationState", "form"], "Dashboard");
        }

        foreach (var ribbon in root.Descendants("RibbonDiffXml"))
        {
            AssertOrdered(ribbon.Elements(), ["CustomActions", "Templates", "CommandDefinitions", "RuleDefinitions", "LocLabels"], "RibbonDiffXml");
            AssertOrdered(ribbon.Element("RuleDefinitions")!.Elements(), ["TabDisplayRules", "DisplayRules", "EnableRules"], "RuleDefinitions");
        }

        foreach (var form in root.Descendants("form"))
        {
            // controlDescriptions after the layout, before formLibraries and events (an exported account main form).
            AssertOrdered(form.Elements(), ["tabs", "controlDescriptions", "formLibraries", "events"], "form");
        }
    }

    [Test]
    public void Manifest_version_is_four_numbers()
    {
        var manifest = new ZipParts(TestSolution.Output.ManagedZip).Solution;
        Assert.That((string?)manifest.Element("Version"), Does.Match(VersionPattern()));
    }

    /// <summary>Children must appear in the schema's order (each at most where the order allows); unknown ones fail too.</summary>
    private static void AssertOrdered(IEnumerable<XElement> children, IReadOnlyList<string> order, string parent)
    {
        var last = -1;
        foreach (var child in children)
        {
            var index = Array.IndexOf(order.ToArray(), child.Name.LocalName);
            Assert.That(index, Is.GreaterThanOrEqualTo(0), $"{parent} has unexpected child {child.Name.LocalName}");
            Assert.That(index, Is.GreaterThanOrEqualTo(last), $"{parent}: {child.Name.LocalName} is out of order");
            last = index;
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();
}
