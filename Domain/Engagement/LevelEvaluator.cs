using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Domain.Engagement;

public enum LevelMove
{
    None,
    Up,
    Down,
}

/// <summary>A row for the level history the adapter keeps: which ladder, from which level to which, when.</summary>
public sealed record LevelHistoryEntry(string Ladder, string? FromLevelId, string? ToLevelId, LevelMove Move, DateTime On);

/// <summary>
/// The outcome for one customer and ladder: the new level (null when none applies), the previous one, the move, the
/// history entry to write when it moved, and the new level's follow-up tasks with their due dates.
/// </summary>
public sealed record LevelEvaluation(
    string Ladder,
    string? PreviousLevelId,
    LevelDefinition? NewLevel,
    LevelMove Move,
    LevelHistoryEntry? History,
    IReadOnlyList<EngagementPlanTask> Tasks)
{
    public bool Moved => Move != LevelMove.None;
}

public static class LevelEvaluator
{
    /// <summary>
    /// Picks the highest level the customer qualifies for. Up/down compares ranks; having no level ranks below every
    /// level, and a previous id no longer in the ladder counts as no level. Tasks are created when the customer enters
    /// a level (up or down, like an engagement plan applied on assignment), due on <c>now.Date + DaysUntilDue</c>.
    /// </summary>
    public static LevelEvaluation Evaluate(LevelLadder ladder, LevelCustomer customer, string? previousLevelId, DateTime now)
    {
        if (ladder is null)
        {
            throw new ArgumentNullException(nameof(ladder));
        }

        if (customer is null)
        {
            throw new ArgumentNullException(nameof(customer));
        }

        LevelDefinition? level = null;
        var value = LevelCondition.NumberOf(customer, ladder.Source, now);
        if (value is not null)
        {
            level = ladder.Levels
                .LastOrDefault(l => (l.Min is null || value >= l.Min) && (l.Max is null || value < l.Max) && l.Conditions.All(c => c.Matches(customer, now)));
        }

        var previousRank = ladder.RankOf(previousLevelId);
        var newRank = ladder.RankOf(level?.Id);
        var move = newRank > previousRank ? LevelMove.Up : newRank < previousRank ? LevelMove.Down : LevelMove.None;
        if (move == LevelMove.None)
        {
            return new LevelEvaluation(ladder.Name, previousLevelId, level, move, null, Array.Empty<EngagementPlanTask>());
        }

        var tasks = level is null
            ? new List<EngagementPlanTask>()
            : level.FollowUpTasks.Select(t => new EngagementPlanTask(t.Subject, now.Date.AddDays(t.DaysUntilDue), t.Priority, level.Id)).ToList();
        var history = new LevelHistoryEntry(ladder.Name, previousRank < 0 ? null : previousLevelId, level?.Id, move, now);
        return new LevelEvaluation(ladder.Name, previousLevelId, level, move, history, tasks);
    }
}
