using System;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>A Dataverse row by table logical name and id, with the display name known at the time (may be empty).</summary>
public sealed record RecordRef
{
    public RecordRef(string table, Guid id, string? name = null)
    {
        if (Guard.IsBlank(table))
        {
            throw new ArgumentException("A record reference needs a table logical name.", nameof(table));
        }

        Table = table.Trim().ToLowerInvariant();
        Id = id;
        Name = name ?? string.Empty;
    }

    public string Table { get; }

    public Guid Id { get; }

    public string Name { get; }

    /// <summary>Same table and id, whatever the names say.</summary>
    public bool SameRecord(RecordRef? other) => other is not null && other.Id == Id && string.Equals(other.Table, Table, StringComparison.Ordinal);

    /// <summary>"table:id", the identity used for grouping and de-duplication.</summary>
    public string Key => Table + ":" + Id.ToString("D");
}
