using System.Collections.Generic;
using System.Linq;

namespace Rapport.Emulator.Observability;

/// <summary>What each plugin execution wrote to its ITracingService (Dataverse's plugin trace log).</summary>
public sealed class TraceLog
{
    private readonly List<TraceEntry> _entries = new();

    public IReadOnlyList<TraceEntry> Entries => _entries;

    /// <summary>Every trace line, all executions together.</summary>
    public string Text => string.Concat(_entries.Select(e => e.Text));

    public void Clear() => _entries.Clear();

    internal void Add(TraceEntry entry) => _entries.Add(entry);
}

public sealed record TraceEntry(string PluginType, string Message, int Stage, int Depth, string Text);
