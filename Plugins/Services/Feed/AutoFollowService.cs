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
/// table, a post-operation Create and Assign step on the auto-follow plug-in carrying every active rule of that table
/// as its unsecure configuration (one rule JSON per line) and an "after" post-image with the owner and the columns the
/// conditions read — so evaluating a new or reassigned row reads only team members and the row's existing follows.
/// </summary>
public static class AutoFollowService
{
    public const string AutoFollowPluginType = "Rapport.Plugins.Feed.AutoFollowPlugin";
    private const string StepPrefix = "Rapport auto-follow: ";

    /// <summary>Validates a rule row (merged with its pre-image on update); returns the rule.</summary>
    public static AutoFollowRule Validate(IOrganizationService system, Entity row)
    {
        var rule = FeedData.Domain(() => AutoFollowRuleJson.Read(FeedData.Str(row, "rapport_rule")));
        var column = (rule as TeamMembersFollow)?.When?.Column;
        try
        {
            system.RetrieveMultiple(new QueryExpression(rule.Table) { ColumnSet = column is null ? new ColumnSet(false) : new ColumnSet(column), TopCount = 1 });
        }
        catch (FaultException<OrganizationServiceFault> fault) when (FeedData.FaultCode(fault) == FeedData.NoEntity || FeedData.FaultCode(fault) == FeedData.NoAttribute)
        {
            throw new InvalidPluginExecutionException(FeedData.FaultCode(fault) == FeedData.NoEntity
                ? $"The auto-follow rule was not saved: there is no table named '{rule.Table}'. Use a table logical name, e.g. 'opportunity'."
                : $"The auto-follow rule was not saved: the table '{rule.Table}' has no column '{column}'.");
        }

        if (rule is TeamMembersFollow team)
        {
            FeedData.ReadableName(system, "team", team.TeamId, "The auto-follow rule was not saved", "Rapport");
        }

        return rule;
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
        var columns = new[] { "ownerid" }.Concat(active.Select(r => (r as TeamMembersFollow)?.When?.Column).OfType<string>()).Distinct().ToList();
        var configuration = string.Join("\n", active.Select(AutoFollowRuleJson.Write));
        foreach (var message in new[] { "Create", "Assign" })
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
            });
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
        var row = context.PostEntityImages.TryGetValue("after", out var image) && image is not null ? image
            : context.InputParameters.TryGetValue("Target", out var t) && t is Entity e ? e : new Entity(context.PrimaryEntityName, context.PrimaryEntityId);
        var owner = context.InputParameters.TryGetValue("Assignee", out var a) && a is EntityReference assignee ? assignee : row.GetAttributeValue<EntityReference>("ownerid");
        var values = row.Attributes.ToDictionary(p => p.Key, p => ToDomain(p.Value), StringComparer.Ordinal);
        var record = new RecordRef(context.PrimaryEntityName, context.PrimaryEntityId);
        var subject = new AutoFollowSubject(record, owner is null ? null : new RecordRef(owner.LogicalName, owner.Id), values);
        var system = ctx.SystemService;
        var existing = FeedData.Where(FeedData.Follow, "rapport_followerid");
        existing.Criteria.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(record.Id));
        existing.Criteria.AddCondition("rapport_regardingtable", ConditionOperator.Equal, record.Table);
        var current = system.RetrieveMultiple(existing).Entities
            .Select(f => Guid.TryParse(FeedData.Str(f, "rapport_followerid"), out var id) ? new Follow(id, record) : null).OfType<Follow>().ToList();
        var follows = AutoFollowEvaluator.Evaluate(rules, subject, team => Members(system, team), current);
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

    private static IEnumerable<Guid> Members(IOrganizationService system, Guid team)
    {
        var query = FeedData.Where("teammembership", "systemuserid");
        query.Criteria.AddCondition("teamid", ConditionOperator.Equal, team);
        return system.RetrieveMultiple(query).Entities.Select(m => m.GetAttributeValue<Guid>("systemuserid")).ToList();
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
