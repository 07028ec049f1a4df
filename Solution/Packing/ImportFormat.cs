using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace Rapport.Solution.Packing;

/// <summary>
/// What Dataverse's import refuses in customizations.xml and the customapis/ files, checked before anything is
/// registered: boolean elements that are not 0/1 (exports never write False/True), and the attributes and children
/// the customizations schema requires (learn.microsoft.com/power-platform/alm/solution-packager-tool describes the
/// parts; the element rules follow Microsoft's customizations schema and real exports). Elements the platform added
/// later (OrganizationVersion, IsRetrieveAuditEnabled, ...) are accepted: Dataverse itself exports and imports them.
/// </summary>
public static class ImportFormat
{
    /// <summary>Boolean elements outside the entity and attribute blocks (there every Is*/Can* leaf is one).</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "IsCustomizable", "IsHidden", "CanBeDeleted", "IsGlobal", "IsHierarchical", "IsValidForAdvancedFind", "AsyncAutoDelete",
        "IsEnabledForMobileClient", "IsAvailableForMobileOffline", "isquickfindquery", "isprivate", "isdefault", "IsCustomField",
        "ValidForUpdateApi", "ValidForReadApi", "ValidForCreateApi", "ChangeTrackingEnabled", "AutoRouteToOwnerQueue",
        "AutoCreateAccessTeams", "EnforceStateTransitions", "EntityHelpUrlEnabled", "SyncToExternalSearchIndex",
        "iscustomizable", "isfunction", "isoptional", "workflowsdkstepenabled",
    };

    /// <summary>Embedded documents with their own vocabulary (form layout, queries, ribbon, chart XML).</summary>
    private static readonly HashSet<string> Embedded = new(StringComparer.Ordinal)
    {
        "form", "layoutxml", "fetchxml", "RibbonDiffXml", "datadescription", "presentationdescription", "DependencyXml",
    };

    private static readonly HashSet<string> LabelContainers = new(StringComparer.Ordinal)
    {
        "LocalizedNames", "LocalizedCollectionNames", "Descriptions", "displaynames", "labels",
    };

    private static readonly string[] AttributeTypes =
    [
        "nvarchar", "ntext", "memo", "int", "bigint", "decimal", "float", "money", "bit", "datetime", "picklist", "multiselectpicklist",
        "lookup", "customer", "owner", "partylist", "state", "status", "primarykey", "uniqueidentifier", "entityname", "virtual",
        "image", "file", "managedproperty", "calendarrules",
    ];

    private static readonly string[] PrivilegeDepths = ["Basic", "Local", "Deep", "Global"];

    /// <summary>Throws SolutionFormatException naming the first element Dataverse would refuse.</summary>
    public static void CheckCustomizations(XElement root)
    {
        const string Part = "customizations.xml";
        ArgumentNullException.ThrowIfNull(root);
        CheckFlagsAndLabels(Part, root);
        foreach (var entity in Children(root, "Entities", "Entity"))
        {
            var name = entity.Element("Name") ?? throw Refused(Part, entity, "an Entity needs a Name child (the table's schema name).");
            Require(Part, name, "LocalizedName", "OriginalName");
            if (entity.Element("EntityInfo") is { } info)
            {
                var table = info.Element("entity") ?? throw Refused(Part, info, "EntityInfo needs an entity child.");
                Require(Part, table, "Name");
                var attributes = table.Element("attributes") ?? throw Refused(Part, table, "entity needs an attributes child (it may be empty).");
                foreach (var attribute in attributes.Elements("attribute"))
                {
                    Require(Part, attribute, "PhysicalName");
                    OneOf(Part, attribute.Element("Type"), AttributeTypes);
                }
            }
        }

        foreach (var relationship in Children(root, "EntityRelationships", "EntityRelationship"))
        {
            Require(Part, relationship, "Name");
            OneOf(Part, relationship.Element("EntityRelationshipType") ?? throw Refused(Part, relationship, "an EntityRelationship needs an EntityRelationshipType child."),
                ["OneToMany", "ManyToMany"]);
        }

        foreach (var role in Children(root, "Roles", "Role"))
        {
            Require(Part, role, "id", "name");
            GuidAttribute(Part, role, "id");
            foreach (var privilege in role.Element("RolePrivileges")?.Elements("RolePrivilege") ?? [])
            {
                Require(Part, privilege, "name", "level");
                if (!PrivilegeDepths.Contains((string)privilege.Attribute("level")!, StringComparer.Ordinal))
                {
                    throw Refused(Part, privilege, $"level '{(string?)privilege.Attribute("level")}' is not one of {string.Join(", ", PrivilegeDepths)}.");
                }
            }
        }

        foreach (var set in root.Element("optionsets")?.Elements("optionset") ?? [])
        {
            Require(Part, set, "Name");
        }

        foreach (var value in root.Descendants().Where(e => e.Name.LocalName is "option" or "state" or "status" && e.Parent?.Name.LocalName is "options" or "states" or "statuses"))
        {
            Require(Part, value, "value");
            if (!int.TryParse((string)value.Attribute("value")!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw Refused(Part, value, $"value '{(string?)value.Attribute("value")}' is not a whole number.");
            }
        }

        foreach (var control in Children(root, "CustomControls", "CustomControl"))
        {
            _ = control.Element("Name") ?? throw Refused(Part, control, "a CustomControl needs a Name child (<prefix>_<namespace>.<constructor>).");
            _ = control.Element("FileName") ?? throw Refused(Part, control, "a CustomControl needs a FileName child (the path of its ControlManifest.xml in the zip).");
        }

        foreach (var resource in Children(root, "WebResources", "WebResource"))
        {
            GuidElement(Part, resource, "WebResourceId");
            _ = resource.Element("Name") ?? throw Refused(Part, resource, "a WebResource needs a Name child.");
        }

        foreach (var assembly in Children(root, "SolutionPluginAssemblies", "PluginAssembly"))
        {
            Require(Part, assembly, "FullName");
            foreach (var type in assembly.Element("PluginTypes")?.Elements("PluginType") ?? [])
            {
                Require(Part, type, "AssemblyQualifiedName");
                _ = type.Element("FriendlyName") ?? throw Refused(Part, type, "a PluginType needs a FriendlyName child.");
            }
        }

        foreach (var step in Children(root, "SdkMessageProcessingSteps", "SdkMessageProcessingStep"))
        {
            GuidAttribute(Part, step, "SdkMessageProcessingStepId");
            GuidElement(Part, step, "SdkMessageId");
        }
    }

    /// <summary>One customapis/ file: customapi, customapirequestparameter or customapiresponseproperty.</summary>
    public static void CheckCustomApiFile(string part, XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        CheckFlagsAndLabels(part, root);
        Require(part, root, "uniquename");
        if (root.Name.LocalName == "customapiresponseproperty" && root.Element("isoptional") is { } optional)
        {
            throw Refused(part, optional, "a response property has no isoptional column; Dataverse's import fails on it.");
        }

        var numbers = root.Name.LocalName == "customapi" ? new[] { "bindingtype", "allowedcustomprocessingsteptype" } : ["type"];
        foreach (var name in numbers)
        {
            var element = root.Element(name);
            if (element is null && name == "type")
            {
                throw Refused(part, root, $"{root.Name.LocalName} needs a type child (0 Boolean … 12 Guid).");
            }

            if (element is not null && !int.TryParse(element.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw Refused(part, element, $"'{element.Value}' is not a number (exports write the choice value).");
            }
        }
    }

    /// <summary>Every boolean leaf is 0 or 1; every label carries description and languagecode.</summary>
    private static void CheckFlagsAndLabels(string part, XElement root)
    {
        var pending = new Stack<XElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (Embedded.Contains(element.Name.LocalName))
            {
                continue;
            }

            if (IsFlag(element) && element.Value is not ("0" or "1"))
            {
                throw Refused(part, element, $"'{element.Value}' is not a flag; Dataverse exports and imports 0 or 1 here.");
            }

            if (element.Parent is { } parent && LabelContainers.Contains(parent.Name.LocalName) && !element.HasElements)
            {
                Require(part, element, "description", "languagecode");
            }

            foreach (var child in element.Elements())
            {
                pending.Push(child);
            }
        }
    }

    private static bool IsFlag(XElement element)
    {
        if (element.HasElements)
        {
            return false;
        }

        var name = element.Name.LocalName;
        if (Flags.Contains(name))
        {
            return true;
        }

        // Inside a table's or a column's block every Is*/Can* element is a flag (IsDuplicateCheckSupported, IsSecured, ...).
        var block = element.Parent?.Name.LocalName;
        return block is "entity" or "attribute" && name.Length > 3 &&
               ((name.StartsWith("Is", StringComparison.Ordinal) && char.IsUpper(name[2])) || (name.StartsWith("Can", StringComparison.Ordinal) && char.IsUpper(name[3])));
    }

    private static IEnumerable<XElement> Children(XElement root, string section, string item) => root.Element(section)?.Elements(item) ?? [];

    private static void Require(string part, XElement element, params string[] attributes)
    {
        foreach (var name in attributes)
        {
            if (element.Attribute(name) is null)
            {
                throw Refused(part, element, $"the attribute '{name}' is required.");
            }
        }
    }

    private static void OneOf(string part, XElement? element, IReadOnlyCollection<string> allowed)
    {
        if (element is not null && !allowed.Contains(element.Value, StringComparer.Ordinal))
        {
            throw Refused(part, element, $"'{element.Value}' is not one of {string.Join(", ", allowed)}.");
        }
    }

    private static void GuidAttribute(string part, XElement element, string name)
    {
        if (!Guid.TryParse((string?)element.Attribute(name), out _))
        {
            throw Refused(part, element, $"the attribute '{name}' must be a GUID, found '{(string?)element.Attribute(name)}'.");
        }
    }

    private static void GuidElement(string part, XElement parent, string name)
    {
        var element = parent.Element(name) ?? throw Refused(part, parent, $"a {parent.Name.LocalName} needs a {name} child.");
        if (!Guid.TryParse(element.Value, out _))
        {
            throw Refused(part, element, $"'{element.Value}' is not a GUID.");
        }
    }

    private static SolutionFormatException Refused(string part, XElement element, string problem) => new(part, PathOf(element), problem);

    /// <summary>ImportExportXml/Entities/Entity[rapport_comment]/EntityInfo/...: the element and the named ancestors that locate it.</summary>
    private static string PathOf(XElement element)
    {
        var names = element.AncestorsAndSelf().Reverse().Select(e =>
        {
            var key = (string?)e.Attribute("Name") ?? (string?)e.Attribute("name") ?? (string?)e.Attribute("PhysicalName") ?? (string?)e.Attribute("uniquename")
                ?? (e.Name.LocalName == "Entity" ? (string?)e.Element("Name") : null);
            return key is null ? e.Name.LocalName : $"{e.Name.LocalName}[{key}]";
        });
        return string.Join("/", names);
    }
}
