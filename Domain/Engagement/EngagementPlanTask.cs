using System;

namespace Rapport.Domain.Engagement;

public enum TaskPriority
{
    Low,
    Normal,
    High,
}

/// <summary>A follow-up a level carries (NPSP Engagement Plan Task): subject, days from reaching the level to the due date, priority.</summary>
public sealed record EngagementPlanTaskTemplate(string Subject, int DaysUntilDue, TaskPriority Priority = TaskPriority.Normal);

/// <summary>A concrete task for the adapter to create: due on the evaluation date plus the template's days.</summary>
public sealed record EngagementPlanTask(string Subject, DateTime DueOn, TaskPriority Priority, string LevelId);
