using System;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>Tables, columns, choices and keys.</summary>
public sealed partial class DeclarationValidator
{
    private void CheckTables()
    {
        RequireUnique("table", definition.Tables.Select(t => t.LogicalName));
        foreach (var table in definition.Tables)
        {
            if (table.IsCustom)
            {
                RequirePrefix("Table", table.LogicalName);
                CheckCustomTable(table);
            }
            else if (standardTables.Find(table.LogicalName) is null)
            {
                Problem($"Table '{table.LogicalName}' is not a Rapport table (IsCustom) and not a known standard table.");
            }

            RequireLength("Table", table.LogicalName, MaxSchemaNameLength);
            RequireUnique($"column of table '{table.LogicalName}'", table.Columns.Select(c => c.LogicalName));
            foreach (var added in table.AddedColumns.Where(a => !table.HasColumn(a)))
            {
                Problem($"Table '{table.LogicalName}' lists added column '{added}' but declares no such column.");
            }

            foreach (var column in PackedColumns(table))
            {
                CheckColumn(table, column);
            }

            CheckKeys(table);
            foreach (var shown in table.FormColumns.Concat(table.ViewColumns).Distinct().Where(c => !table.HasColumn(c)))
            {
                Problem($"Table '{table.LogicalName}' shows column '{shown}' on its form or view but declares no such column.");
            }

            RequireUnique($"view of '{table.LogicalName}'", table.Views.Select(v => v.Name));
            foreach (var view in table.Views)
            {
                foreach (var column in view.Columns.Append(view.FilterColumn).Append(view.OrderBy).OfType<string>().Where(c => !table.HasColumn(c)))
                {
                    Problem($"View '{view.Name}' of table '{table.LogicalName}' names column '{column}', which the table does not declare.");
                }

                if (!table.IsCustom)
                {
                    Problem($"View '{view.Name}': only Rapport's own tables carry declared views.");
                }
            }
        }
    }

    /// <summary>Columns the solution ships: all of a Rapport table's, only the added ones of a standard table.</summary>
    internal static System.Collections.Generic.IEnumerable<ColumnDefinition> PackedColumns(TableDefinition table) =>
        table.IsCustom ? table.Columns : table.Columns.Where(c => table.AddedColumns.Contains(c.LogicalName, StringComparer.Ordinal));

    private void CheckCustomTable(TableDefinition table)
    {
        var id = table.Column(table.PrimaryIdAttribute);
        if (id is null || id.Type != ColumnType.Uniqueidentifier)
        {
            Problem($"Table '{table.LogicalName}' needs its primary key column '{table.PrimaryIdAttribute}' of type Uniqueidentifier.");
        }

        var name = table.Column(table.PrimaryNameAttribute);
        if (name is null || name.Type != ColumnType.String)
        {
            Problem($"Table '{table.LogicalName}' needs its primary name column '{table.PrimaryNameAttribute}' of type String.");
        }

        if (table.States.Count > 0 && (table.Column("statecode")?.Type != ColumnType.State || table.Column("statuscode")?.Type != ColumnType.Status))
        {
            Problem($"Table '{table.LogicalName}' declares states but no statecode (State) and statuscode (Status) columns.");
        }
    }

    private void CheckColumn(TableDefinition table, ColumnDefinition column)
    {
        var where = $"Column '{table.LogicalName}.{column.LogicalName}'";
        var platformColumn = column.IsSystemManaged || column.IsPrimaryId || column.Type is ColumnType.State or ColumnType.Status or ColumnType.Owner;
        if (!platformColumn)
        {
            RequirePrefix("Column", $"{column.LogicalName}");
        }

        RequireLength("Column", column.LogicalName, MaxSchemaNameLength);
        if (!Enum.IsDefined(column.Type))
        {
            Problem($"{where} has an unknown type ({(int)column.Type}).");
        }

        if (column.Type is ColumnType.Picklist or ColumnType.MultiSelectPicklist)
        {
            CheckChoices(where, column.OptionSet);
        }

        if (column.Type is ColumnType.Lookup or ColumnType.Customer && !column.IsSystemManaged)
        {
            if (column.Targets.Count == 0)
            {
                Problem($"{where} is a lookup without target tables.");
            }

            foreach (var target in column.Targets.Where(t => !IsKnownTable(t)))
            {
                Problem($"{where} looks up unknown table '{target}'.");
            }

            foreach (var target in column.Targets.Where(t => !definition.Relationships.Any(r => r.ReferencingEntity == table.LogicalName && r.ReferencingAttribute == column.LogicalName && r.ReferencedEntity == t)))
            {
                Problem($"{where} looks up '{target}' but no relationship declares it.");
            }
        }

        if (column.Type == ColumnType.String && column.MaxLength is null or < 1 or > 4000)
        {
            Problem($"{where} needs a MaxLength between 1 and 4000.");
        }
    }

    private void CheckChoices(string where, OptionSetDefinition? choices)
    {
        if (choices is null || choices.Options.Count == 0)
        {
            Problem($"{where} is a choice without options.");
            return;
        }

        if (choices.IsGlobal)
        {
            RequirePrefix("Global choice", choices.Name);
        }

        RequireUnique($"option value in choice '{choices.Name}'", choices.Options.Select(o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var low = definition.Publisher.OptionValuePrefix * 10000;
        foreach (var option in choices.Options.Where(o => o.Value < low || o.Value > low + 9999))
        {
            Problem($"{where}: option '{option.Label}' = {option.Value} is outside the publisher's range {low}..{low + 9999}.");
        }
    }

    private void CheckKeys(TableDefinition table)
    {
        RequireUnique($"alternate key of table '{table.LogicalName}'", table.Keys.Select(k => k.LogicalName));
        foreach (var key in table.Keys)
        {
            RequirePrefix("Alternate key", key.LogicalName);
            if (key.Columns.Count == 0)
            {
                Problem($"Alternate key '{key.LogicalName}' has no columns.");
            }

            foreach (var missing in key.Columns.Where(c => !table.HasColumn(c)))
            {
                Problem($"Alternate key '{key.LogicalName}' uses column '{missing}' that table '{table.LogicalName}' does not declare.");
            }
        }
    }

    private void CheckRelationships()
    {
        RequireUnique("relationship", definition.Relationships.Select(r => r.SchemaName).Concat(definition.ManyToManyRelationships.Select(r => r.SchemaName)));
        foreach (var relationship in definition.Relationships)
        {
            RequirePrefix("Relationship", relationship.SchemaName);
            var referencing = Declared(relationship.ReferencingEntity);
            var lookup = referencing?.Column(relationship.ReferencingAttribute);
            if (lookup is null || lookup.Type is not (ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner))
            {
                Problem($"Relationship '{relationship.SchemaName}' names lookup '{relationship.ReferencingEntity}.{relationship.ReferencingAttribute}', which is not a declared lookup column.");
            }
            else if (!lookup.Targets.Contains(relationship.ReferencedEntity, StringComparer.Ordinal))
            {
                Problem($"Relationship '{relationship.SchemaName}' points at '{relationship.ReferencedEntity}', which lookup '{relationship.ReferencingEntity}.{relationship.ReferencingAttribute}' does not target.");
            }

            if (!IsKnownTable(relationship.ReferencedEntity))
            {
                Problem($"Relationship '{relationship.SchemaName}' references unknown table '{relationship.ReferencedEntity}'.");
            }
        }

        foreach (var relationship in definition.ManyToManyRelationships)
        {
            RequirePrefix("Relationship", relationship.SchemaName);
            RequirePrefix("Intersect table", relationship.IntersectEntity);
            foreach (var table in new[] { relationship.Entity1, relationship.Entity2 }.Where(t => !IsKnownTable(t)))
            {
                Problem($"Relationship '{relationship.SchemaName}' joins unknown table '{table}'.");
            }
        }
    }
}
