using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Emulator.Observability;

/// <summary>
/// Counts of requests by message, table, caller and depth, with elapsed time. Nested requests from plugins count
/// too, so a test can assert what an operation really costs. Use BeginScope to count one operation only.
/// </summary>
public sealed class RequestMetrics
{
    private readonly List<RequestRecord> _records = new();
    private readonly List<MetricsScope> _scopes = new();

    public IReadOnlyList<RequestRecord> Requests => _records;

    public int Total => _records.Count;

    public int Count(string message) => _records.Count(r => r.Message == message);

    public int Count(string message, string table) => _records.Count(r => r.Message == message && r.Table == table);

    public IReadOnlyDictionary<string, int> ByMessage => Group(r => r.Message);

    public IReadOnlyDictionary<string, int> ByTable => Group(r => r.Table);

    public IReadOnlyDictionary<Guid, int> ByCaller => _records.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyDictionary<int, int> ByDepth => _records.GroupBy(r => r.Depth).ToDictionary(g => g.Key, g => g.Count());

    public TimeSpan Elapsed => TimeSpan.FromTicks(_records.Sum(r => r.Elapsed.Ticks));

    public void Reset() => _records.Clear();

    /// <summary>Counts the requests sent until the scope is disposed (nested plugin requests included).</summary>
    public MetricsScope BeginScope()
    {
        var scope = new MetricsScope(this);
        _scopes.Add(scope);
        return scope;
    }

    internal RequestRecord Record(string message, string table, Guid userId, int depth)
    {
        var record = new RequestRecord(message, table, userId, depth);
        _records.Add(record);
        foreach (var scope in _scopes)
        {
            scope.Add(record);
        }

        return record;
    }

    internal void End(MetricsScope scope) => _scopes.Remove(scope);

    private Dictionary<string, int> Group(Func<RequestRecord, string> key) =>
        _records.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

/// <summary>One request: message, table ("none" without one), the user it ran as, its depth and how long it took.</summary>
public sealed class RequestRecord
{
    internal RequestRecord(string message, string table, Guid userId, int depth)
    {
        Message = message;
        Table = table;
        UserId = userId;
        Depth = depth;
    }

    public string Message { get; }

    public string Table { get; internal set; }

    public Guid UserId { get; }

    public int Depth { get; }

    public TimeSpan Elapsed { get; internal set; }

    public bool Failed { get; internal set; }

    public override string ToString() => $"{Message} {Table} depth {Depth}";
}

/// <summary>Requests counted between BeginScope and Dispose.</summary>
public sealed class MetricsScope : IDisposable
{
    private readonly RequestMetrics _owner;
    private readonly List<RequestRecord> _records = new();

    internal MetricsScope(RequestMetrics owner)
    {
        _owner = owner;
    }

    public int Count => _records.Count;

    public IReadOnlyList<RequestRecord> Requests => _records;

    public int CountOf(string message) => _records.Count(r => r.Message == message);

    internal void Add(RequestRecord record) => _records.Add(record);

    public void Dispose() => _owner.End(this);
}
