using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.WebApi.OData;

/// <summary>
/// The rows under a row of a hierarchical table (its self-referencing lookup, e.g. account.parentaccountid), for the
/// Under, UnderOrEqual and NotUnder query functions
/// (learn.microsoft.com/power-apps/developer/data-platform/query-hierarchical-data). Like Dataverse, the hierarchy is
/// walked whole and only the rows finally returned are trimmed to what the caller may read: the ids found here only
/// narrow the caller's own query.
/// </summary>
internal static class Hierarchy
{
    public static Func<TableMetadata, string, Guid, bool, IReadOnlyCollection<Guid>> Below(DataverseEmulator env) => (table, column, id, includeSelf) =>
    {
        if (column != table.PrimaryIdAttribute)
        {
            throw WebApiException.BadQuery($"Under, UnderOrEqual and NotUnder take the primary key '{table.PrimaryIdAttribute}' of '{table.LogicalName}', not '{column}'.");
        }

        var parent = table.Columns.FirstOrDefault(c => c.Type == ColumnType.Lookup && !c.IsSystemManaged && c.Targets.Count == 1 && c.Targets[0] == table.LogicalName)
            ?? throw WebApiException.BadQuery($"The table '{table.LogicalName}' has no hierarchical relationship.");
        var children = env.Store.Rows(table.LogicalName)
            .Where(r => r[parent.LogicalName] is EntityReference)
            .ToLookup(r => ((EntityReference)r[parent.LogicalName]!).Id, r => r.Id);
        var found = new HashSet<Guid>();
        var queue = new Queue<Guid>([id]);
        while (queue.Count > 0)
        {
            foreach (var child in children[queue.Dequeue()])
            {
                if (found.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        if (includeSelf)
        {
            found.Add(id);
        }

        found.Remove(includeSelf ? Guid.Empty : id);
        return found;
    };
}
