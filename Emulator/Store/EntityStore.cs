using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Store;

/// <summary>
/// The in-memory tables. Every write goes through Insert/Replace/Remove, which keep the key indexes and log the
/// previous row, so a transaction (or a savepoint inside one) can be undone exactly.
/// </summary>
public sealed class EntityStore
{
    private static readonly HashSet<string> RegistrationTables = new(StringComparer.Ordinal)
    {
        "sdkmessageprocessingstep", "sdkmessageprocessingstepimage", "plugintype", "pluginassembly", "sdkmessage",
        "sdkmessagefilter", "customapi", "customapirequestparameter", "customapiresponseproperty",
    };

    private readonly Dictionary<string, TableData> _tables = new(StringComparer.Ordinal);
    private readonly List<UndoEntry> _undo = new();
    private readonly MetadataCatalog _metadata;
    private long _sequence;
    private long _version;

    internal EntityStore(MetadataCatalog metadata)
    {
        _metadata = metadata;
    }

    /// <summary>Grows whenever a registration table (steps, images, plugin types, Custom APIs) changes, undo included.</summary>
    public long RegistrationVersion { get; private set; }

    /// <summary>Open transactions; the undo log is cleared when the outermost one commits.</summary>
    internal int TransactionDepth { get; private set; }

    public int Count(string table) => _tables.TryGetValue(table, out var data) ? data.Rows.Count : 0;

    public Row? Find(string table, Guid id) =>
        _tables.TryGetValue(table, out var data) && data.Rows.TryGetValue(id, out var row) ? row : null;

    public IEnumerable<Row> Rows(string table) =>
        _tables.TryGetValue(table, out var data) ? data.Rows.Values : Array.Empty<Row>();

    /// <summary>
    /// A fingerprint of every row (table, id, row version), for tests asserting that a failed request left the store
    /// exactly as it was: any write changes a row's version, and undo restores the old one.
    /// </summary>
    public IReadOnlyList<string> Snapshot()
    {
        var lines = new List<string>();
        foreach (var table in _tables.Values)
        {
            foreach (var row in table.Rows.Values)
            {
                lines.Add($"{table.Name}:{row.Id:N}:{row["versionnumber"]}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    internal long NextVersion() => ++_version;

    internal Guid? FindByKey(string table, string keyName, string keyText) =>
        _tables.TryGetValue(table, out var data) && data.KeyIndexes.TryGetValue(keyName, out var index) && index.TryGetValue(keyText, out var id)
            ? id
            : null;

    internal Row Insert(string table, Guid id, Dictionary<string, object?> values)
    {
        var row = new Row(table, id, ++_sequence, values);
        Put(Data(table), row, previous: null);
        Log(new UndoEntry(table, id, null));
        return row;
    }

    internal Row Replace(Row previous, Dictionary<string, object?> values)
    {
        var row = new Row(previous.Table, previous.Id, previous.Sequence, values);
        Put(Data(previous.Table), row, previous);
        Log(new UndoEntry(previous.Table, previous.Id, previous));
        return row;
    }

    internal void Remove(Row row)
    {
        Take(Data(row.Table), row);
        Log(new UndoEntry(row.Table, row.Id, row));
    }

    // Outside a transaction a write is final: nothing to undo, nothing to keep.
    private void Log(UndoEntry entry)
    {
        if (TransactionDepth > 0)
        {
            _undo.Add(entry);
        }
    }

    internal int BeginTransaction()
    {
        TransactionDepth++;
        return _undo.Count;
    }

    internal void Commit()
    {
        TransactionDepth--;
        if (TransactionDepth == 0)
        {
            _undo.Clear();
        }
    }

    internal void Rollback(int savepoint)
    {
        for (var i = _undo.Count - 1; i >= savepoint; i--)
        {
            var entry = _undo[i];
            var data = Data(entry.Table);
            if (data.Rows.TryGetValue(entry.Id, out var current))
            {
                Take(data, current);
            }

            if (entry.Previous is not null)
            {
                Put(data, entry.Previous, null);
            }
        }

        _undo.RemoveRange(savepoint, _undo.Count - savepoint);
        TransactionDepth--;
        if (TransactionDepth == 0)
        {
            _undo.Clear();
        }
    }

    /// <summary>Indexes the rows already stored under a key added at run time; a value set held twice refuses the key
    /// and leaves the store as it was (Dataverse's key job fails the same way and the key stays inactive).</summary>
    internal void IndexNewKey(string table, AlternateKeyDefinition key)
    {
        var index = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var row in Rows(table))
        {
            var text = KeyText.Of(key.Columns, c => row[c]);
            if (text is not null && !index.TryAdd(text, row.Id))
            {
                throw Faults.Fault.DuplicateAlternateKey(key.LogicalName, string.Join(",", key.Columns.Select(c => Convert.ToString(row[c], CultureInfo.InvariantCulture))));
            }
        }

        Data(table).KeyIndexes[key.LogicalName] = index;
    }

    private TableData Data(string table)
    {
        if (!_tables.TryGetValue(table, out var data))
        {
            data = new TableData(table);
            _tables[table] = data;
        }

        return data;
    }

    private void Put(TableData data, Row row, Row? previous)
    {
        if (previous is not null)
        {
            Unindex(data, previous);
        }

        data.Rows[row.Id] = row;
        var meta = _metadata.Find(data.Name);
        if (meta is not null)
        {
            foreach (var key in meta.Keys)
            {
                var text = KeyText.Of(key.Columns, c => row[c]);
                if (text is not null)
                {
                    Index(data, key.LogicalName)[text] = row.Id;
                }
            }
        }

        Touch(data.Name);
    }

    private void Take(TableData data, Row row)
    {
        Unindex(data, row);
        data.Rows.Remove(row.Id);
        Touch(data.Name);
    }

    private void Unindex(TableData data, Row row)
    {
        var meta = _metadata.Find(data.Name);
        if (meta is null)
        {
            return;
        }

        foreach (var key in meta.Keys)
        {
            var text = KeyText.Of(key.Columns, c => row[c]);
            if (text is not null && data.KeyIndexes.TryGetValue(key.LogicalName, out var index))
            {
                index.Remove(text);
            }
        }
    }

    private static Dictionary<string, Guid> Index(TableData data, string key)
    {
        if (!data.KeyIndexes.TryGetValue(key, out var index))
        {
            index = new Dictionary<string, Guid>(StringComparer.Ordinal);
            data.KeyIndexes[key] = index;
        }

        return index;
    }

    private void Touch(string table)
    {
        if (RegistrationTables.Contains(table))
        {
            RegistrationVersion++;
        }
    }
}
