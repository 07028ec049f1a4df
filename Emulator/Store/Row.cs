using System;
using System.Collections.Generic;

namespace Rapport.Emulator.Store;

/// <summary>
/// One stored row. Rows are never changed in place: a write replaces the row, so the undo log can keep the old one
/// and readers never see half a write. Sequence is the insertion order (Dataverse's sequential ids sort the same way).
/// </summary>
public sealed class Row
{
    internal Row(string table, Guid id, long sequence, Dictionary<string, object?> values)
    {
        Table = table;
        Id = id;
        Sequence = sequence;
        Values = values;
    }

    public string Table { get; }

    public Guid Id { get; }

    public long Sequence { get; }

    public IReadOnlyDictionary<string, object?> Values { get; }

    internal Dictionary<string, object?> MutableCopy() => new(Values, StringComparer.Ordinal);

    public object? this[string column] => Values.TryGetValue(column, out var value) ? value : null;
}
