using Rapport.Solution.Model;

namespace Rapport.Emulator.Tests;

/// <summary>A small solution for the tests: one custom table with the column kinds the emulator must check, and a Custom API.</summary>
internal static class TestSolution
{
    public const string Item = "rapport_item";

    public static readonly SolutionDefinition Definition = new("RapportTests", "Rapport Tests", "1.0.0.0",
        new PublisherDefinition("rapport", "Rapport", "rapport", 10000, ""))
    {
        Tables =
        [
            new TableDefinition(Item, "Item", "Items")
            {
                IsCustom = true,
                PrimaryNameAttribute = "rapport_name",
                States = [new(0, "Active", [new(1, "Active")]), new(1, "Inactive", [new(2, "Inactive")])],
                Columns =
                [
                    new ColumnDefinition("rapport_itemid", "Item", ColumnType.Uniqueidentifier) { IsPrimaryId = true },
                    new ColumnDefinition("rapport_name", "Name", ColumnType.String) { MaxLength = 20, IsPrimaryName = true },
                    new ColumnDefinition("rapport_code", "Code", ColumnType.String) { MaxLength = 10 },
                    new ColumnDefinition("rapport_kind", "Kind", ColumnType.Picklist)
                    {
                        OptionSet = new OptionSetDefinition("rapport_kind", [new(100000000, "Gift"), new(100000001, "Purchase")]),
                    },
                    new ColumnDefinition("rapport_amount", "Amount", ColumnType.Money) { Precision = 2 },
                    new ColumnDefinition("rapport_count", "Count", ColumnType.Integer) { MinValue = 0, MaxValue = 1000 },
                    new ColumnDefinition("rapport_on", "On", ColumnType.DateTime),
                    new ColumnDefinition("rapport_contactid", "Contact", ColumnType.Lookup) { Targets = ["contact"] },
                ],
                Keys = [new AlternateKeyDefinition("rapport_item_code", "Code", ["rapport_code"])],
            },
        ],
        CustomApis =
        [
            new CustomApiDefinition("rapport_Echo", "Echo", "Rapport.Emulator.Tests.Plugins.EchoApi")
            {
                RequestParameters =
                [
                    new CustomApiFieldDefinition("Text", "Text", CustomApiFieldType.String),
                    new CustomApiFieldDefinition("Times", "Times", CustomApiFieldType.Integer) { IsOptional = true },
                ],
                ResponseProperties = [new CustomApiFieldDefinition("Result", "Result", CustomApiFieldType.String)],
            },
        ],
    };

    /// <summary>A fresh organization with the test plugins registered.</summary>
    public static DataverseEmulator NewEnvironment()
    {
        var env = new DataverseEmulator(Definition);
        env.RegisterPlugins(typeof(TestSolution).Assembly);
        return env;
    }
}
