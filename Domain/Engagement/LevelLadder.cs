using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>
/// One level of a ladder: a range on the ladder's source field, <c>Min &lt;= value &lt; Max</c> (either end open when
/// null), extra conditions that must all hold, and the follow-up tasks created when a customer enters the level.
/// </summary>
public sealed record LevelDefinition(string Id, string Name, decimal? Min, decimal? Max)
{
    public IReadOnlyList<LevelCondition> Conditions { get; init; } = Array.Empty<LevelCondition>();

    public IReadOnlyList<EngagementPlanTaskTemplate> FollowUpTasks { get; init; } = Array.Empty<EngagementPlanTaskTemplate>();
}

/// <summary>
/// NPSP-style levels, generalised: a ladder per source field (CLV, engagement score, giving total…), levels listed
/// lowest first. A customer gets the highest level whose range and conditions it meets, so levels may overlap when
/// conditions tell them apart (e.g. "Patron" and "Patron – local" with Country in (FR)).
/// </summary>
public sealed record LevelLadder
{
    public LevelLadder(string name, LevelField source, IReadOnlyList<LevelDefinition> levels)
    {
        Name = name;
        Source = source;
        Levels = levels;
        EnsureValid();
    }

    public string Name { get; }

    public LevelField Source { get; }

    /// <summary>Lowest first: the position is the rank that decides up or down.</summary>
    public IReadOnlyList<LevelDefinition> Levels { get; }

    public int RankOf(string? levelId)
    {
        if (levelId is null)
        {
            return -1;
        }

        for (var i = 0; i < Levels.Count; i++)
        {
            if (string.Equals(Levels[i].Id, levelId, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private void EnsureValid()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new EngagementException(EngagementError.InvalidLevel, "Name", "Name is required for a level ladder.");
        }

        if (!LevelCondition.IsNumeric(Source))
        {
            throw new EngagementException(EngagementError.InvalidLevel, "Source", $"Source {Source} cannot carry a ladder; use Clv, EngagementScore, GivingTotal, GivingCount or DaysSinceLastGift.");
        }

        if (Levels is null || Levels.Count == 0)
        {
            throw new EngagementException(EngagementError.InvalidLevel, "Levels", $"Levels: ladder '{Name}' needs at least one level.");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Levels.Count; i++)
        {
            var level = Levels[i];
            var where = $"Levels[{i}]";
            if (level is null || string.IsNullOrWhiteSpace(level.Id) || string.IsNullOrWhiteSpace(level.Name))
            {
                throw new EngagementException(EngagementError.InvalidLevel, where, $"{where}: every level needs an id and a name.");
            }

            if (!ids.Add(level.Id))
            {
                throw new EngagementException(EngagementError.InvalidLevel, $"{where}.Id", $"{where}.Id '{level.Id}' is used twice in ladder '{Name}'.");
            }

            if (level.Min is { } min && level.Max is { } max && min >= max)
            {
                throw new EngagementException(EngagementError.InvalidLevel, $"{where}.Min", $"{where}.Min {min.ToString(CultureInfo.InvariantCulture)} is not below Max {max.ToString(CultureInfo.InvariantCulture)} for level '{level.Name}'.");
            }

            for (var c = 0; c < level.Conditions.Count; c++)
            {
                level.Conditions[c].EnsureValid($"{where}.Conditions[{c}]");
            }

            for (var t = 0; t < level.FollowUpTasks.Count; t++)
            {
                var task = level.FollowUpTasks[t];
                if (string.IsNullOrWhiteSpace(task.Subject))
                {
                    throw new EngagementException(EngagementError.InvalidLevel, $"{where}.FollowUpTasks[{t}].Subject", $"{where}.FollowUpTasks[{t}].Subject is required.");
                }

                if (task.DaysUntilDue < 0)
                {
                    throw new EngagementException(EngagementError.InvalidLevel, $"{where}.FollowUpTasks[{t}].DaysUntilDue", $"{where}.FollowUpTasks[{t}].DaysUntilDue is {task.DaysUntilDue}; a task cannot be due before the level is reached.");
                }
            }
        }
    }
}
