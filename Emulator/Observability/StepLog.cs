using System.Collections.Generic;
using System.Linq;

namespace Rapport.Emulator.Observability;

/// <summary>Which steps ran, in order, at which depth and stage (the audit tests assert on).</summary>
public sealed class StepLog
{
    private readonly List<StepRun> _runs = new();

    public IReadOnlyList<StepRun> Runs => _runs;

    /// <summary>The plugin type names in execution order (short names: the class name only).</summary>
    public IReadOnlyList<string> Names => _runs.Select(r => r.PluginType[(r.PluginType.LastIndexOf('.') + 1)..]).ToList();

    public void Clear() => _runs.Clear();

    internal void Add(StepRun run) => _runs.Add(run);
}

/// <summary>One step execution. Succeeded is false when the plugin threw.</summary>
public sealed record StepRun(string PluginType, string Message, string Table, int Stage, int Mode, int Depth, int Rank)
{
    public bool Succeeded { get; internal set; } = true;
}
