using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>One column as an EntityInfo/entity/attributes/attribute element (customizations schema element names).</summary>
internal static class AttributeXmlWriter
{
    public static XElement Write(TableDefinition table, ColumnDefinition column)
    {
        var custom = !column.IsSystemManaged && !column.IsPrimaryId && column.Type is not (ColumnType.State or ColumnType.Status or ColumnType.Owner);
        var element = new XElement("attribute", new XAttribute("PhysicalName", SchemaNames.OfColumn(table, column)),
            new XElement("Type", TypeName(column)),
            new XElement("Name", column.LogicalName),
            new XElement("LogicalName", column.LogicalName),
            new XElement("RequiredLevel", RequiredLevelName(column.RequiredLevel)),
            new XElement("DisplayMask", DisplayMask(table, column)),
            new XElement("ImeMode", "auto"),
            new XElement("ValidForUpdateApi", Flag(!column.IsSystemManaged && !column.IsPrimaryId)),
            new XElement("ValidForReadApi", "1"),
            new XElement("ValidForCreateApi", Flag(!column.IsSystemManaged || column.IsPrimaryId)),
            new XElement("IsCustomField", Flag(custom)),
            new XElement("IsAuditEnabled", "1"),
            new XElement("IsSecured", "0"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            new XElement("IsRenameable", "1"),
            new XElement("CanModifySearchSettings", "1"),
            new XElement("CanModifyRequirementLevelSettings", "1"),
            new XElement("CanModifyAdditionalSettings", "1"),
            new XElement("SourceType", "0"));
        element.Add(TypeFacets(table, column));
        element.Add(Labels("displaynames", "displayname", column.DisplayName));
        element.Add(Labels("Descriptions", "Description", column.Description));
        return element;
    }

    public static string TypeName(ColumnDefinition column) => column.Type switch
    {
        ColumnType.String => "nvarchar",
        ColumnType.Memo => "ntext",
        ColumnType.Integer => "int",
        ColumnType.BigInt => "bigint",
        ColumnType.Decimal => "decimal",
        ColumnType.Double => "float",
        ColumnType.Money => "money",
        ColumnType.Boolean => "bit",
        ColumnType.DateTime => "datetime",
        ColumnType.Picklist => "picklist",
        ColumnType.MultiSelectPicklist => "multiselectpicklist",
        ColumnType.Lookup => "lookup",
        ColumnType.Customer => "customer",
        ColumnType.Owner => "owner",
        ColumnType.State => "state",
        ColumnType.Status => "status",
        ColumnType.Uniqueidentifier => column.IsPrimaryId ? "primarykey" : "uniqueidentifier",
        ColumnType.EntityName => "entityname",
        _ => throw new System.ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
    };

    private static string RequiredLevelName(RequiredLevel level) => level switch
    {
        RequiredLevel.SystemRequired => "systemrequired",
        RequiredLevel.ApplicationRequired => "required",
        RequiredLevel.Recommended => "recommended",
        _ => "none",
    };

    private static string DisplayMask(TableDefinition table, ColumnDefinition column)
    {
        if (column.IsPrimaryId)
        {
            return "ValidForAdvancedFind|RequiredForGrid";
        }

        var mask = column.LogicalName == table.PrimaryNameAttribute && table.IsCustom
            ? "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm"
            : "ValidForAdvancedFind|ValidForForm|ValidForGrid";
        return mask;
    }

    private static IEnumerable<XElement> TypeFacets(TableDefinition table, ColumnDefinition column)
    {
        switch (column.Type)
        {
            case ColumnType.String:
                var length = column.MaxLength ?? 100;
                yield return new XElement("Format", "text");
                yield return new XElement("MaxLength", Number(length));
                yield return new XElement("Length", Number(length * 2));
                break;
            case ColumnType.Memo:
                yield return new XElement("Format", "textarea");
                yield return new XElement("MaxLength", Number(column.MaxLength ?? 100000));
                break;
            case ColumnType.Integer:
                yield return new XElement("Format", "none");
                yield return new XElement("MinValue", Number((int)(column.MinValue ?? int.MinValue)));
                yield return new XElement("MaxValue", Number((int)(column.MaxValue ?? int.MaxValue)));
                break;
            case ColumnType.Double:
            case ColumnType.Decimal:
                yield return new XElement("MinValue", Number(column.MinValue ?? -100000000000));
                yield return new XElement("MaxValue", Number(column.MaxValue ?? 100000000000));
                yield return new XElement("Accuracy", Number(column.Precision ?? 2));
                break;
            case ColumnType.Money:
                yield return new XElement("MinValue", Number(column.MinValue ?? -922337203685477));
                yield return new XElement("MaxValue", Number(column.MaxValue ?? 922337203685477));
                yield return new XElement("Accuracy", Number(column.Precision ?? 2));
                yield return new XElement("AccuracySource", "2");
                break;
            case ColumnType.DateTime:
                yield return new XElement("Format", column.DateOnly ? "date" : "datetime");
                yield return new XElement("CanChangeDateTimeBehavior", "0");
                yield return new XElement("Behavior", column.DateOnly ? "2" : "1");
                break;
            case ColumnType.Boolean:
                yield return new XElement("AppDefaultValue", "0");
                yield return OptionSetXmlWriter.Local($"{table.LogicalName}_{column.LogicalName}", "bit", column.DisplayName, BooleanOptions(column));
                break;
            case ColumnType.Picklist:
            case ColumnType.MultiSelectPicklist:
                yield return new XElement("AppDefaultValue", "-1");
                if (column.OptionSet is { IsGlobal: true } global)
                {
                    yield return new XElement("OptionSetName", global.Name);
                }
                else if (column.OptionSet is { } local)
                {
                    yield return OptionSetXmlWriter.Local($"{table.LogicalName}_{column.LogicalName}", "picklist", column.DisplayName, local.Options.Select(OptionSetXmlWriter.Option));
                }

                break;
            case ColumnType.State:
                yield return OptionSetXmlWriter.Local($"{table.LogicalName}_statecode", "state", column.DisplayName, new XElement("states", table.States.Select(OptionSetXmlWriter.StateOption)));
                break;
            case ColumnType.Status:
                yield return OptionSetXmlWriter.Local($"{table.LogicalName}_statuscode", "status", column.DisplayName, new XElement("statuses", table.States.SelectMany(OptionSetXmlWriter.StatusOptions)));
                break;
            case ColumnType.Lookup:
            case ColumnType.Customer:
            case ColumnType.Owner:
                yield return new XElement("LookupStyle", "single");
                yield return new XElement("LookupTypes");
                break;
            default:
                break;
        }
    }

    private static IEnumerable<XElement> BooleanOptions(ColumnDefinition column)
    {
        var labels = column.OptionSet?.Options;
        yield return OptionSetXmlWriter.Option(new OptionDefinition(1, labels?.FirstOrDefault(o => o.Value == 1)?.Label ?? "Yes"));
        yield return OptionSetXmlWriter.Option(new OptionDefinition(0, labels?.FirstOrDefault(o => o.Value == 0)?.Label ?? "No"));
    }
}
