using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>Who is who, as the rules need it: a team's members, a user's managers, a business unit's holders of a role.</summary>
public interface IAutoFollowDirectory
{
    IEnumerable<Guid> TeamMembers(Guid teamId);

    /// <summary>The user's manager, the manager's manager, … up to <paramref name="levels"/> (systemuser.parentsystemuserid).</summary>
    IEnumerable<Guid> Managers(Guid userId, int levels);

    /// <summary>The enabled users of the business unit who hold the named security role.</summary>
    IEnumerable<Guid> RoleHolders(Guid businessUnitId, string role);
}

/// <summary>
/// A rule that makes people follow rows of one table when a row is created, assigned, merged into, or updated in one of
/// the columns the rule reads (<see cref="Columns"/>). Stored on the rule row as compact JSON (see <see cref="AutoFollowRuleJson"/>).
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

    /// <summary>The condition on one column that must hold, if any.</summary>
    public AutoFollowCondition? When { get; init; }

    /// <summary>The row's columns this rule reads: an Update of one of them evaluates the rules again.</summary>
    public IEnumerable<string> Columns => OwnColumns.Concat(When is null ? Enumerable.Empty<string>() : new[] { When.Column }).Distinct(StringComparer.Ordinal);

    protected virtual IEnumerable<string> OwnColumns => Enumerable.Empty<string>();

    /// <summary>The users this rule makes follow the row (before de-duplication), or none when it does not apply.</summary>
    public IEnumerable<Guid> Followers(AutoFollowSubject subject, IAutoFollowDirectory directory)
    {
        Guard.NotNull(directory, nameof(directory));
        return subject is not null && string.Equals(subject.Record.Table, Table, StringComparison.Ordinal) && (When is null || When.Matches(subject.Values))
            ? Resolve(subject, directory)
            : Enumerable.Empty<Guid>();
    }

    /// <summary>The users this rule names for a row it applies to.</summary>
    protected abstract IEnumerable<Guid> Resolve(AutoFollowSubject subject, IAutoFollowDirectory directory);

    /// <summary>Checks the rule's columns against the table's column logical names; throws naming an unknown one.</summary>
    public void Validate(IEnumerable<string> knownColumns)
    {
        Guard.NotNull(knownColumns, nameof(knownColumns));
        var known = knownColumns.ToList();
        foreach (var column in Columns.Where(c => c != "ownerid" && c != "owningbusinessunit"))
        {
            if (!known.Any(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FeedException(FeedError.InvalidRule, When is not null && column == When.Column
                    ? $"The auto-follow condition uses column '{column}', which the table '{Table}' does not have."
                    : $"The auto-follow rule reads column '{column}', which the table '{Table}' does not have.");
            }
        }
    }

    /// <summary>The owner when it is a user (a team-owned row has no owner's manager).</summary>
    protected static Guid? OwnerUser(AutoFollowSubject subject) => subject.Owner is { Table: "systemuser" } owner ? owner.Id : null;
}

/// <summary>The owner follows the rows they own (a team owner: its members), on create and on every assignment.</summary>
public sealed record OwnerFollowsOwnRecords : AutoFollowRule
{
    public OwnerFollowsOwnRecords(string table)
        : base(table)
    {
    }

    protected override IEnumerable<string> OwnColumns => new[] { "ownerid" };

    protected override IEnumerable<Guid> Resolve(AutoFollowSubject subject, IAutoFollowDirectory directory) =>
        subject.Owner is null ? Enumerable.Empty<Guid>()
        : subject.Owner.Table == "team" ? directory.TeamMembers(subject.Owner.Id)
        : new[] { subject.Owner.Id };
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

    protected override IEnumerable<Guid> Resolve(AutoFollowSubject subject, IAutoFollowDirectory directory) => directory.TeamMembers(TeamId);
}

/// <summary>The owner's manager follows the row — or the managers <see cref="Levels"/> levels up (systemuser.parentsystemuserid).</summary>
public sealed record OwnerManagerFollows : AutoFollowRule
{
    public const int MaxLevels = 5;

    public OwnerManagerFollows(string table, int levels = 1, AutoFollowCondition? when = null)
        : base(table)
    {
        if (levels < 1 || levels > MaxLevels)
        {
            throw new FeedException(FeedError.InvalidRule, $"The auto-follow rule 'ownerManagerFollows' takes \"levels\" from 1 to {MaxLevels}; it was {levels}.");
        }

        Levels = levels;
        When = when;
    }

    public int Levels { get; }

    protected override IEnumerable<string> OwnColumns => new[] { "ownerid" };

    protected override IEnumerable<Guid> Resolve(AutoFollowSubject subject, IAutoFollowDirectory directory) =>
        OwnerUser(subject) is { } owner ? directory.Managers(owner, Levels) : Enumerable.Empty<Guid>();
}

/// <summary>The users of a business unit (by default the row's owning business unit) who hold a security role follow the row.</summary>
public sealed record BusinessUnitRoleFollows : AutoFollowRule
{
    public BusinessUnitRoleFollows(string table, string role, Guid? businessUnitId = null, AutoFollowCondition? when = null)
        : base(table)
    {
        if (Guard.IsBlank(role))
        {
            throw new FeedException(FeedError.InvalidRule, "The auto-follow rule 'businessUnitRoleFollows' needs \"role\": the security role's name, e.g. \"Fundraising Manager\".");
        }

        Role = role.Trim();
        BusinessUnitId = businessUnitId == Guid.Empty ? null : businessUnitId;
        When = when;
    }

    public string Role { get; }

    /// <summary>A fixed business unit, or null for the row's owning business unit.</summary>
    public Guid? BusinessUnitId { get; }

    protected override IEnumerable<string> OwnColumns => BusinessUnitId is null ? new[] { "owningbusinessunit" } : Enumerable.Empty<string>();

    protected override IEnumerable<Guid> Resolve(AutoFollowSubject subject, IAutoFollowDirectory directory)
    {
        var unit = BusinessUnitId ?? (subject.Values.TryGetValue("owningbusinessunit", out var v) && v is Guid g ? g : (Guid?)null);
        return unit is { } u ? directory.RoleHolders(u, Role) : Enumerable.Empty<Guid>();
    }
}

/// <summary>The user a lookup column of the row names follows it (e.g. a relationship manager column).</summary>
public sealed record UserColumnFollows : AutoFollowRule
{
    public UserColumnFollows(string table, string column, AutoFollowCondition? when = null)
        : base(table)
    {
        var c = (column ?? string.Empty).Trim().ToLowerInvariant();
        if (!AutoFollowCondition.IsLogicalName(c))
        {
            throw new FeedException(FeedError.InvalidRule, "The auto-follow rule 'userColumnFollows' needs \"column\": the logical name of a user lookup column on the row.");
        }

        Column = c;
        When = when;
    }

    public string Column { get; }

    protected override IEnumerable<string> OwnColumns => new[] { Column };

    protected override IEnumerable<Guid> Resolve(AutoFollowSubject subject, IAutoFollowDirectory directory) =>
        subject.Values.TryGetValue(Column, out var v) && v is Guid user ? new[] { user } : Enumerable.Empty<Guid>();
}

/// <summary>The row the rules look at: its reference, its owner (user or team) and its column values by logical name.</summary>
public sealed record AutoFollowSubject(RecordRef Record, RecordRef? Owner, IReadOnlyDictionary<string, object?> Values);

/// <summary>A follow: a user following a row.</summary>
public sealed record Follow(Guid FollowerId, RecordRef Record)
{
    internal string Key => FollowerId.ToString("N") + "|" + Record.Key;
}

/// <summary>Evaluates auto-follow rules for one created, updated, assigned or merged-into row.</summary>
public static class AutoFollowEvaluator
{
    /// <summary>As <see cref="Evaluate(IEnumerable{AutoFollowRule}, AutoFollowSubject, IAutoFollowDirectory, IEnumerable{Follow})"/> with teams only.</summary>
    public static IReadOnlyList<Follow> Evaluate(IEnumerable<AutoFollowRule> rules, AutoFollowSubject subject, Func<Guid, IEnumerable<Guid>> teamMembers, IEnumerable<Follow>? existing = null) =>
        Evaluate(rules, subject, new TeamsOnly(teamMembers), existing);

    /// <summary>
    /// The follows to create: one per user the rules name, without duplicates and without the follows that already
    /// exist, in rule order.
    /// </summary>
    public static IReadOnlyList<Follow> Evaluate(IEnumerable<AutoFollowRule> rules, AutoFollowSubject subject, IAutoFollowDirectory directory, IEnumerable<Follow>? existing = null)
    {
        Guard.NotNull(rules, nameof(rules));
        Guard.NotNull(subject, nameof(subject));
        var seen = new HashSet<string>((existing ?? Enumerable.Empty<Follow>()).Select(f => f.Key), StringComparer.Ordinal);
        var result = new List<Follow>();
        var record = new RecordRef(subject.Record.Table, subject.Record.Id, subject.Record.Name);
        foreach (var rule in rules)
        {
            foreach (var user in rule.Followers(subject, directory) ?? Enumerable.Empty<Guid>())
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

    private sealed class TeamsOnly : IAutoFollowDirectory
    {
        private readonly Func<Guid, IEnumerable<Guid>> _teamMembers;

        public TeamsOnly(Func<Guid, IEnumerable<Guid>> teamMembers) => _teamMembers = teamMembers ?? throw new ArgumentNullException(nameof(teamMembers));

        public IEnumerable<Guid> TeamMembers(Guid teamId) => _teamMembers(teamId);

        public IEnumerable<Guid> Managers(Guid userId, int levels) => Enumerable.Empty<Guid>();

        public IEnumerable<Guid> RoleHolders(Guid businessUnitId, string role) => Enumerable.Empty<Guid>();
    }
}
