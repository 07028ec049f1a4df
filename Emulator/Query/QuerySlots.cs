using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Metadata;

namespace Rapport.Emulator.Query;

/// <summary>The tables of a query: slot 0 the root, then each link entity depth-first, each with its alias.</summary>
internal sealed class QuerySlots
{
    private readonly Dictionary<string, int> _aliases = new(StringComparer.Ordinal);

    public QuerySlots(TableMetadata root)
    {
        Tables.Add(root);
        Links.Add(null);
        Parents.Add(-1);
        Aliases.Add(root.LogicalName);
        _aliases[root.LogicalName] = 0;
    }

    public List<TableMetadata> Tables { get; } = new();

    public List<LinkEntity?> Links { get; } = new();

    public List<int> Parents { get; } = new();

    public List<string> Aliases { get; } = new();

    public int Count => Tables.Count;

    public int Add(TableMetadata table, LinkEntity link, int parent)
    {
        var alias = string.IsNullOrEmpty(link.EntityAlias) ? $"{table.LogicalName}{Count}" : link.EntityAlias;
        if (!_aliases.TryAdd(alias, Count))
        {
            throw Fault.Create(ErrorCodes.DuplicateAlias, $"FetchXML should have unique aliases. (alias '{alias}' is used twice)");
        }

        Tables.Add(table);
        Links.Add(link);
        Parents.Add(parent);
        Aliases.Add(alias);
        return Count - 1;
    }

    public int ByAlias(string alias) =>
        _aliases.TryGetValue(alias, out var slot) ? slot : throw Fault.InvalidArgument($"No link entity with the alias '{alias}' in the query.");
}

/// <summary>Who asks and when: for EqualUserId, EqualBusinessId and the relative date operators.</summary>
internal sealed record QueryContext(Guid UserId, Guid BusinessUnitId, DateTime Now);
