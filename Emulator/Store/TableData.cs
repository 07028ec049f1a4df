using System;
using System.Collections.Generic;

namespace Rapport.Emulator.Store;

/// <summary>The rows of one table: a primary-key index plus one unique index per alternate key.</summary>
internal sealed class TableData
{
    public TableData(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public Dictionary<Guid, Row> Rows { get; } = new();

    /// <summary>Alternate key name → (composite key text → row id).</summary>
    public Dictionary<string, Dictionary<string, Guid>> KeyIndexes { get; } = new(StringComparer.Ordinal);
}
