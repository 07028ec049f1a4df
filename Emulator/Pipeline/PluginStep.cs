using System;
using System.Collections.Generic;

namespace Rapport.Emulator.Pipeline;

/// <summary>One registered step, as read from the sdkmessageprocessingstep row and its images.</summary>
public sealed record PluginStep(
    Guid Id,
    string Name,
    string TypeName,
    string Message,
    string? Entity,
    int Stage,
    int Mode,
    int Rank,
    IReadOnlySet<string>? FilteringAttributes,
    string? UnsecureConfiguration,
    string? SecureConfiguration,
    IReadOnlyList<StepImage> Images,
    long Order,
    Guid? RunAsUserId = null)
{
    public bool IsAsync => Mode == 1;

    public bool Matches(string message, string entity) =>
        string.Equals(Message, message, StringComparison.OrdinalIgnoreCase)
        && (Entity is null || string.Equals(Entity, entity, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A declared image: kind 0 pre, 1 post, 2 both; Columns null means every column.</summary>
public sealed record StepImage(string Alias, int Kind, IReadOnlyList<string>? Columns)
{
    public bool IsPre => Kind is 0 or 2;

    public bool IsPost => Kind is 1 or 2;
}
