using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>
/// Auto-follow rules at run time. Saving a rapport_autofollowrule row validates its JSON and (re)registers, for its
/// table, post-operation Create, Update (filtered on the columns the rules read), Assign and — for tables Dataverse
/// merges — Merge steps on the auto-follow plug-in carrying every active rule of that table as unsecure configuration
/// (one rule JSON per line) and an "after" post-image with the owner, its business unit and the columns the rules read.
/// Evaluating a row reads the row's existing follows (1), one query per team, manager chain or business unit + role a
/// rule names, one access check per new follower and one Create per follow; a merge reads the survivor once more.
/// </summary>
public static class AutoFollowService
{
    public const string AutoFollowPluginType = "Rapport.Plugins.Feed.AutoFollowPlugin";

    /// <summary>The tables Dataverse merges (https://learn.microsoft.com/power-apps/developer/data-platform/merge-table-rows).</summary>
    private static readonly HashSet<string> MergeTables = new(StringComparer.Ordinal) { "account", "contact", "lead", "incident" };
    private const string StepPrefix = "Rapport auto-follow: ";

    /// <summary>Validates a rule row (merged with its pre-image on update): table, columns, team, role and business unit exist; returns the rule.</summary>
    public static AutoFollowRule Validate(IOrganizationService system, Entity row)
    {
        var rule = FeedData.Domain(() => AutoFollowRuleJson.Read(FeedData.Str(row, "rapport_rule")));
        var columns = rule.Columns.Where(c => c != "ownerid" && c != "owningbusinessunit").ToList();
        try
        {
            system.RetrieveMultiple(new QueryExpression(rule.Table) { ColumnSet = new ColumnSet(columns.ToArray()), TopCount = 1 });
        }
        catch (FaultException<OrganizationServiceFault> fault) when (FeedData.FaultCode(fault) == FeedData.NoEntity || FeedData.FaultCode(fault) == FeedData.NoAttribute)
        {
            if (FeedData.FaultCode(fault) == FeedData.NoEntity)
            {
                throw new InvalidPluginExecutionException($"The auto-follow rule was not saved: there is no table named '{rule.Table}'. Use a table logical name, e.g. 'opportunity'.");
            }

            var missing = columns.FirstOrDefault(c => !Probe(system, rule.Table, c)) ?? string.Join(",", columns);
            throw new InvalidPluginExecutionException($"The auto-follow rule was not saved: the table '{rule.Table}' has no column '{missing}'.");
        }

        switch (rule)
        {
            case TeamMembersFollow team:
                FeedData.ReadableName(system, "team", team.TeamId, "The auto-follow rule was not saved", "Rapport");
                break;
            case BusinessUnitRoleFollows role:
                if (role.BusinessUnitId is { } unit)
                {
                    FeedData.ReadableName(system, "businessunit", unit, "The auto-follow rule was not saved", "Rapport");
                }

                var roles = FeedData.Where("role", "roleid");
                roles.Criteria.AddCondition("name", ConditionOperator.Equal, role.Role);
                roles.TopCount = 1;
                if (system.RetrieveMultiple(roles).Entities.Count == 0)
                {
                    throw new InvalidPluginExecutionException($"The auto-follow rule was not saved: there is no security role named '{role.Role}'.");
                }

                break;
        }

        return rule;
    }

    private static bool Probe(IOrganizationService system, string table, string column)
    {
        try
        {
            system.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(column), TopCount = 1 });
            return true;
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            return false;
        }
    }

    /// <summary>Rewrites the auto-follow steps of <paramref name="table"/> from its active rules; returns how many rules they carry.</summary>
    public static int Sync(IOrganizationService system, string table)
    {
        var existing = FeedData.Where("sdkmessageprocessingstep", "name");
        existing.Criteria.AddCondition("name", ConditionOperator.BeginsWith, StepPrefix);
        existing.Criteria.AddCondition("name", ConditionOperator.EndsWith, " of " + table);
        foreach (var step in system.RetrieveMultiple(existing).Entities)
        {
            system.Delete("sdkmessageprocessingstep", step.Id);
        }

        var rules = FeedData.Where(FeedData.AutoFollowRule, "rapport_rule");
        rules.Criteria.AddCondition("rapport_table", ConditionOperator.Equal, table);
        rules.Criteria.AddCondition("rapport_active", ConditionOperator.Equal, true);
        var active = system.RetrieveMultiple(rules).Entities.Select(r => TryRead(FeedData.Str(r, "rapport_rule"))).OfType<AutoFollowRule>().ToList();
        if (active.Count == 0)
        {
            return 0;
        }

        var typeQuery = FeedData.Where("plugintype", "typename");
        typeQuery.Criteria.AddCondition("typename", ConditionOperator.Equal, AutoFollowPluginType);
        var pluginType = system.RetrieveMultiple(typeQuery).Entities.FirstOrDefault()
            ?? throw new InvalidPluginExecutionException($"The plug-in type {AutoFollowPluginType} is not registered; re-import the Rapport solution.");
        var read = active.SelectMany(r => r.Columns).Distinct().ToList();
        var columns = new[] { "ownerid", "owningbusinessunit" }.Concat(read).Distinct().ToList();
        var configuration = string.Join("\n", active.Select(AutoFollowRuleJson.Write));
        var messages = new List<string> { "Create", "Update", "Assign" };
        if (MergeTables.Contains(table))
        {
            messages.Add("Merge");
        }

        foreach (var message in messages)
        {
            var stepId = system.Create(new Entity("sdkmessageprocessingstep")
            {
                ["name"] = StepPrefix + message + " of " + table,
                ["plugintypeid"] = new EntityReference("plugintype", pluginType.Id),
                ["sdkmessageid"] = new EntityReference("sdkmessage", TrackingService.MessageId(system, message)),
                ["sdkmessagefilterid"] = new EntityReference("sdkmessagefilter", TrackingService.FilterId(system, message, table)),
                ["stage"] = new OptionSetValue(40),
                ["mode"] = new OptionSetValue(0),
                ["rank"] = 20,
                ["configuration"] = configuration,
                ["filteringattributes"] = message == "Update" ? string.Join(",", read) : null,
            });
            if (message == "Merge")
            {
                continue; // the survivor is read once when the step runs
            }

            system.Create(new Entity("sdkmessageprocessingstepimage")
            {
                ["name"] = "after",
                ["sdkmessageprocessingstepid"] = new EntityReference("sdkmessageprocessingstep", stepId),
                ["imagetype"] = new OptionSetValue(1),
                ["entityalias"] = "after",
                ["attributes"] = string.Join(",", columns),
                ["messagepropertyname"] = message == "Create" ? "Id" : "Target",
            });
        }

        return active.Count;
    }

    /// <summary>
    /// Creates the follows the step's rules name for the created or assigned row: none twice (the row's existing
    /// follows are read once; the alternate key stops a race), only for members who can read the row.
    /// </summary>
    public static int Apply(LocalPluginContext ctx, string configuration)
    {
        var context = ctx.ExecutionContext;
        var rules = configuration.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(TryRead).OfType<AutoFollowRule>().ToList();
        var system = ctx.SystemService;
        var merged = context.MessageName == "Merge" && context.InputParameters.TryGetValue("Target", out var m) && m is EntityReference survivor ? survivor : null;
        var row = merged is not null
            ? system.Retrieve(merged.LogicalName, merged.Id, new ColumnSet(new[] { "ownerid", "owningbusinessunit" }.Concat(rules.SelectMany(r => r.Columns)).Distinct().ToArray()))
            : context.PostEntityImages.TryGetValue("after", out var image) && image is not null ? image
            : context.InputParameters.TryGetValue("Target", out var t) && t is Entity e ? e : new Entity(context.PrimaryEntityName, context.PrimaryEntityId);
        var owner = context.InputParameters.TryGetValue("Assignee", out var a) && a is EntityReference assignee ? assignee : row.GetAttributeValue<EntityReference>("ownerid");
        var values = row.Attributes.ToDictionary(p => p.Key, p => ToDomain(p.Value), StringComparer.Ordinal);
        var record = new RecordRef(merged?.LogicalName ?? context.PrimaryEntityName, merged?.Id ?? context.PrimaryEntityId);
        var subject = new AutoFollowSubject(record, owner is null ? null : new RecordRef(owner.LogicalName, owner.Id), values);
        var existing = FeedData.Where(FeedData.Follow, "rapport_followerid");
        existing.Criteria.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(record.Id));
        existing.Criteria.AddCondition("rapport_regardingtable", ConditionOperator.Equal, record.Table);
        var current = system.RetrieveMultiple(existing).Entities
            .Select(f => Guid.TryParse(FeedData.Str(f, "rapport_followerid"), out var id) ? new Follow(id, record) : null).OfType<Follow>().ToList();
        var follows = AutoFollowEvaluator.Evaluate(rules, subject, new Directory(system), current);
        var created = 0;
        foreach (var follow in follows)
        {
            if (!CanRead(ctx.ServiceFor(follow.FollowerId), record))
            {
                ctx.Trace("Auto-follow: user {0} cannot read {1}; no follow.", follow.FollowerId, record.Key);
                continue;
            }

            system.Create(new Entity(FeedData.Follow)
            {
                ["rapport_followertable"] = "systemuser",
                ["rapport_followerid"] = FeedData.Text(follow.FollowerId),
                ["rapport_regardingtable"] = record.Table,
                ["rapport_regardingid"] = FeedData.Text(record.Id),
            });
            created++;
        }

        return created;
    }

    private static AutoFollowRule? TryRead(string json)
    {
        try
        {
            return AutoFollowRuleJson.Read(json);
        }
        catch (FeedException)
        {
            return null; // validated on save; a row edited around the plug-in is skipped rather than blocking saves
        }
    }

    /// <summary>The directory over Dataverse's rows: ONE query per team, per manager chain and per business unit + role.</summary>
    private sealed class Directory : IAutoFollowDirectory
    {
        private readonly IOrganizationService _system;

        public Directory(IOrganizationService system) => _system = system;

        public IEnumerable<Guid> TeamMembers(Guid teamId)
        {
            var query = FeedData.Where("teammembership", "systemuserid");
            query.Criteria.AddCondition("teamid", ConditionOperator.Equal, teamId);
            return _system.RetrieveMultiple(query).Entities.Select(m => m.GetAttributeValue<Guid>("systemuserid")).ToList();
        }

        /// <summary>The chain in one query: the owner, then one nested link per level along parentsystemuserid.</summary>
        public IEnumerable<Guid> Managers(Guid userId, int levels)
        {
            var query = FeedData.Where("systemuser", "systemuserid");
            query.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, userId);
            LinkEntity? previous = null;
            for (var level = 1; level <= levels; level++)
            {
                var link = previous is null
                    ? query.AddLink("systemuser", "parentsystemuserid", "systemuserid", JoinOperator.LeftOuter)
                    : previous.AddLink("systemuser", "parentsystemuserid", "systemuserid", JoinOperator.LeftOuter);
                link.EntityAlias = "m" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);
                link.Columns = new ColumnSet("systemuserid", "isdisabled");
                previous = link;
            }

            var row = _system.RetrieveMultiple(query).Entities.FirstOrDefault();
            var managers = new List<Guid>();
            for (var level = 1; row is not null && level <= levels; level++)
            {
                var alias = "m" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (row.GetAttributeValue<AliasedValue>(alias + ".systemuserid")?.Value is not Guid manager)
                {
                    break;
                }

                if (row.GetAttributeValue<AliasedValue>(alias + ".isdisabled")?.Value is not true)
                {
                    managers.Add(manager);
                }
            }

            return managers;
        }

        public IEnumerable<Guid> RoleHolders(Guid businessUnitId, string role)
        {
            var query = FeedData.Where("systemuser", "systemuserid");
            query.Criteria.AddCondition("businessunitid", ConditionOperator.Equal, businessUnitId);
            query.Criteria.AddCondition("isdisabled", ConditionOperator.NotEqual, true);
            var held = query.AddLink("systemuserroles", "systemuserid", "systemuserid");
            var named = held.AddLink("role", "roleid", "roleid");
            named.LinkCriteria.AddCondition("name", ConditionOperator.Equal, role);
            return _system.RetrieveMultiple(query).Entities.Select(u => u.Id).Distinct().ToList();
        }
    }

    /// <summary>A query as the user: no row (or no table privilege) means no access — no fault left inside the transaction.</summary>
    private static bool CanRead(IOrganizationService user, RecordRef record)
    {
        var query = new QueryExpression(record.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        query.Criteria.AddCondition(record.Table + "id", ConditionOperator.Equal, record.Id);
        try
        {
            return user.RetrieveMultiple(query).Entities.Count > 0;
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            return false;
        }
    }

    private static object? ToDomain(object? value) => value switch
    {
        Money m => m.Value,
        OptionSetValue o => o.Value,
        EntityReference r => r.Id,
        _ => value,
    };
}
