using System.Collections.Generic;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// Async steps wait here. A job raised inside a transaction is pending until the outermost transaction commits
/// (Dataverse creates the system job with the data) and is dropped if it rolls back.
/// </summary>
internal sealed class AsyncQueue
{
    private readonly List<AsyncJob> _pending = new();
    private readonly Queue<AsyncJob> _ready = new();

    public int PendingMark => _pending.Count;

    public int ReadyCount => _ready.Count;

    public void Add(AsyncJob job) => _pending.Add(job);

    public void DropTo(int mark) => _pending.RemoveRange(mark, _pending.Count - mark);

    public void Promote()
    {
        foreach (var job in _pending)
        {
            _ready.Enqueue(job);
        }

        _pending.Clear();
    }

    public bool TryTake(out AsyncJob job) => _ready.TryDequeue(out job!);
}

/// <summary>An async step execution waiting to run, with the context it was raised with.</summary>
internal sealed record AsyncJob(PluginStep Step, PluginExecutionContext Context);
