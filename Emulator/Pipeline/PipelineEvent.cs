using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// What a request is about, for step matching and images: its table and the rows it targets (one for single
/// messages, each of Targets for bulk ones). Dispatchers (ExecuteMultiple, ExecuteTransaction) run no steps.
/// </summary>
internal sealed class PipelineEvent
{
    public PipelineEvent(string message, string primaryEntityName, IReadOnlyList<EventTarget> targets, bool runsSteps = true)
    {
        Message = message;
        PrimaryEntityName = primaryEntityName;
        Targets = targets;
        RunsSteps = runsSteps;
    }

    public string Message { get; }

    public string PrimaryEntityName { get; }

    public IReadOnlyList<EventTarget> Targets { get; }

    public bool RunsSteps { get; }

    public Guid PrimaryEntityId => Targets.Count == 1 ? Targets[0].Id : Guid.Empty;

    public static PipelineEvent Dispatcher(string message) => new(message, "none", [], runsSteps: false);
}

/// <summary>One targeted row: its table, its id (set by Create once known) and the Target entity when there is one.</summary>
internal sealed class EventTarget
{
    public EventTarget(string table, Guid id, Entity? entity)
    {
        Table = table;
        Id = id;
        Entity = entity;
    }

    public string Table { get; }

    public Guid Id { get; set; }

    public Entity? Entity { get; }
}
