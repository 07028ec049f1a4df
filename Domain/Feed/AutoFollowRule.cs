using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// A rule that makes people follow rows of one table when a row is created or assigned. Stored on the rule row as
/// compact JSON (see <see cref="AutoFollowRuleJson"/>).
/// </summary>
public abstract record AutoFollowRule
{
    protected AutoFollowRule(string table)
    {
        var t = (table ?? string.Empty).Trim().ToLowerInvariant();
        if (!AutoFollowCondition.IsLogicalName(t))
        {
            throw new FeedException(FeedError.InvalidRule, $"The auto-follow rule needs a table logical name; '{table}' is not one.");
        }

        Table = t;
    }

    public string Table { get; }

    /// <summary>The users this rule makes follow the row (before de-duplication), or none when it does not apply.</summary>
    public abstract IEnumerable<Guid> Followers(AutoFollowSubject subject, Func<Guid, IEnumerable<Guid>> teamMembers);

    /// <summary>Checks the rule's columns against the table's column logical names; throws naming an unknown one.</summary>
    public virtual void Validate(IEnumerable<string> knownColumns)
    {
    }

    protected bool AppliesTo(AutoFollowSubject subject) => subject is not null && string.Equals(subject.Record.Table, Table, StringComparison.Ordinal);
}

/// <summary>The owner follows the rows they own (a team owner: its members), on create and on every assignment.</summary>
public sealed record OwnerFollowsOwnRecords : AutoFollowRule
{
    public OwnerFollowsOwnRecords(string table)
        : base(table)
    {
    }

    public override IEnumerable<Guid> Followers(AutoFollowSubject subject, Func<Guid, IEnumerable<Guid>> teamMembers)
    {
        Guard.NotNull(teamMembers, nameof(teamMembers));
        if (!AppliesTo(subject) || subject.Owner is null)
        {
            return Enumerable.Empty<Guid>();
        }

        return subject.Owner.Table == "team" ? teamMembers(subject.Owner.Id) : new[] { subject.Owner.Id };
    }
}

/// <summary>Every member of a team follows the row, optionally only when a condition on one column holds.</summary>
public sealed record TeamMembersFollow : AutoFollowRule
{
    public TeamMembersFollow(string table, Guid teamId, AutoFollowCondition? when = null)
        : base(table)
    {
        if (teamId == Guid.Empty)
        {
            throw new FeedException(FeedError.InvalidRule, "The auto-follow rule needs the team whose members follow the rows.");
        }

        TeamId = teamId;
        When = when;
    }

    public Guid TeamId { get; }

    public AutoFollowCondition? When { get; }

    public override IEnumerable<Guid> Followers(AutoFollowSubject subject, Func<Guid, IEnumerable<Guid>> teamMembers)
    {
        Guard.NotNull(teamMembers, nameof(teamMembers));
        if (!AppliesTo(subject) || (When is not null && !When.Matches(subject.Values)))
        {
            return Enumerable.Empty<Guid>();
        }

        return teamMembers(TeamId);
    }

    public override void Validate(IEnumerable<string> knownColumns)
    {
        Guard.NotNull(knownColumns, nameof(knownColumns));
        if (When is not null && !knownColumns.Any(c => string.Equals(c, When.Column, StringComparison.OrdinalIgnoreCase)))
        {
            throw new FeedException(FeedError.InvalidRule, $"The auto-follow condition uses column '{When.Column}', which the table '{Table}' does not have.");
        }
    }
}

/// <summary>The row the rules look at: its reference, its owner (user or team) and its column values by logical name.</summary>
public sealed record AutoFollowSubject(RecordRef Record, RecordRef? Owner, IReadOnlyDictionary<string, object?> Values);

/// <summary>A follow: a user following a row.</summary>
public sealed record Follow(Guid FollowerId, RecordRef Record)
{
    internal string Key => FollowerId.ToString("N") + "|" + Record.Key;
}

/// <summary>Evaluates auto-follow rules for one created or assigned row.</summary>
public static class AutoFollowEvaluator
{
    /// <summary>
    /// The follows to create: one per user the rules name, without duplicates and without the follows that already
    /// exist, in rule order. <paramref name="teamMembers"/> gives a team's member user ids.
    /// </summary>
    public static IReadOnlyList<Follow> Evaluate(IEnumerable<AutoFollowRule> rules, AutoFollowSubject subject, Func<Guid, IEnumerable<Guid>> teamMembers, IEnumerable<Follow>? existing = null)
    {
        Guard.NotNull(rules, nameof(rules));
        Guard.NotNull(subject, nameof(subject));
        var seen = new HashSet<string>((existing ?? Enumerable.Empty<Follow>()).Select(f => f.Key), StringComparer.Ordinal);
        var result = new List<Follow>();
        var record = new RecordRef(subject.Record.Table, subject.Record.Id, subject.Record.Name);
        foreach (var rule in rules)
        {
            foreach (var user in rule.Followers(subject, teamMembers) ?? Enumerable.Empty<Guid>())
            {
                var follow = new Follow(user, record);
                if (user != Guid.Empty && seen.Add(follow.Key))
                {
                    result.Add(follow);
                }
            }
        }

        return result;
    }
}
