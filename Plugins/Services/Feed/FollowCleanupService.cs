using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>What one sweep call did; <see cref="Continuation"/> is empty when every follow was checked.</summary>
public sealed record FollowSweep(int Checked, int Removed, string Continuation);

/// <summary>
/// Follows that outlive their reason. A deleted row: every followed table gets ONE post-operation Delete step on
/// <c>FollowCleanupPlugin</c>, registered at run time when the table gets its first follow (the way tracking registers
/// its steps), so any table, custom ones included, loses its follows with the row. Lost read access: the feed never
/// shows what its reader cannot read, follow state answers false, and rapport_SweepFollows (scheduled) deletes follows
/// whose follower can no longer read the row, or whose row is gone, a bounded batch per call.
/// </summary>
public static class FollowCleanupService
{
    public const string PluginType = "Rapport.Plugins.Feed.FollowCleanupPlugin";
    public const int DefaultBatch = 500;
    private const string StepPrefix = "Rapport follow cleanup: Delete of ";

    /// <summary>Registers the table's Delete step unless it exists: one query per follow, three more writes once per table.</summary>
    public static void EnsureDeleteStep(IOrganizationService system, string table)
    {
        var existing = FeedData.Where("sdkmessageprocessingstep", "name");
        existing.Criteria.AddCondition("name", ConditionOperator.Equal, StepPrefix + table);
        existing.TopCount = 1;
        if (system.RetrieveMultiple(existing).Entities.Count > 0)
        {
            return;
        }

        var typeQuery = FeedData.Where("plugintype", "typename");
        typeQuery.Criteria.AddCondition("typename", ConditionOperator.Equal, PluginType);
        var pluginType = system.RetrieveMultiple(typeQuery).Entities.FirstOrDefault()
            ?? throw new InvalidPluginExecutionException($"The plug-in type {PluginType} is not registered; re-import the Rapport solution.");
        system.Create(new Entity("sdkmessageprocessingstep")
        {
            ["name"] = StepPrefix + table,
            ["plugintypeid"] = new EntityReference("plugintype", pluginType.Id),
            ["sdkmessageid"] = new EntityReference("sdkmessage", TrackingService.MessageId(system, "Delete")),
            ["sdkmessagefilterid"] = new EntityReference("sdkmessagefilter", TrackingService.FilterId(system, "Delete", table)),
            ["stage"] = new OptionSetValue(40),
            ["mode"] = new OptionSetValue(0),
            ["rank"] = 30,
        });
    }

    /// <summary>
    /// Checks up to <paramref name="batch"/> user follows after <paramref name="continuation"/>: ONE query for the
    /// follows, ONE query per (follower, table) as that follower, one Delete per follow removed.
    /// </summary>
    public static FollowSweep Sweep(LocalPluginContext ctx, int batch, string? continuation)
    {
        if (batch < 1 || batch > 5000)
        {
            throw new InvalidPluginExecutionException($"MaxFollows must be between 1 and 5000; it was {batch}.");
        }

        if (!FeedCaller.Of(ctx).IsModerator)
        {
            throw new InvalidPluginExecutionException("Only a System Administrator or a Rapport Administrator (or the job's application user) can sweep follows.");
        }

        var system = ctx.SystemService;
        var query = FeedData.Where(FeedData.Follow, "rapport_followerid", "rapport_regardingtable", "rapport_regardingid", "createdon");
        query.Criteria.AddCondition("rapport_followertable", ConditionOperator.Equal, "systemuser");
        query.AddOrder("createdon", OrderType.Ascending);
        query.AddOrder("rapport_followid", OrderType.Ascending);
        query.TopCount = batch;
        if (Parse(continuation) is { } after)
        {
            var later = new FilterExpression(LogicalOperator.Or);
            later.AddCondition("createdon", ConditionOperator.GreaterThan, after.CreatedOn);
            var same = later.AddFilter(LogicalOperator.And);
            same.AddCondition("createdon", ConditionOperator.Equal, after.CreatedOn);
            same.AddCondition("rapport_followid", ConditionOperator.GreaterThan, after.PostId);
            query.Criteria.AddFilter(later);
        }

        var follows = system.RetrieveMultiple(query).Entities;
        var removed = 0;
        foreach (var group in follows.GroupBy(f => FeedData.Str(f, "rapport_followerid") + "|" + FeedData.Str(f, "rapport_regardingtable"), StringComparer.OrdinalIgnoreCase))
        {
            var key = group.Key.Split('|');
            if (!Guid.TryParse(key[0], out var follower) || key[1].Length == 0)
            {
                continue;
            }

            var readable = Readable(ctx.ServiceFor(follower), key[1], group.Select(f => FeedData.Str(f, "rapport_regardingid")).ToList());
            foreach (var follow in group.Where(f => !readable.Contains(FeedData.Str(f, "rapport_regardingid"))))
            {
                system.Delete(FeedData.Follow, follow.Id);
                removed++;
            }
        }

        var last = follows.LastOrDefault();
        var next = follows.Count < batch || last is null ? string.Empty
            : last.GetAttributeValue<DateTime>("createdon").Ticks.ToString(CultureInfo.InvariantCulture) + "|" + FeedData.Text(last.Id);
        return new FollowSweep(follows.Count, removed, next);
    }

    /// <summary>The ids (text, as stored on follows) of the rows the reader can read; none when the table itself is refused or gone.</summary>
    private static HashSet<string> Readable(IOrganizationService reader, string table, IReadOnlyList<string> ids)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var guids = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().Cast<object>().ToArray();
        if (guids.Length == 0)
        {
            return result;
        }

        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition(table + "id", ConditionOperator.In, guids);
        try
        {
            foreach (var row in reader.RetrieveMultiple(query).Entities)
            {
                result.Add(FeedData.Text(row.Id));
            }
        }
        catch (FaultException<OrganizationServiceFault> fault) when (FeedData.FaultCode(fault) is FeedData.PrivilegeDenied or FeedData.NoEntity)
        {
            // The follower may not read the table at all, or it was removed: none of these follows stand.
        }

        return result;
    }

    /// <summary>The last follow checked (a <see cref="FeedPosition"/>: created on, then id).</summary>
    private static FeedPosition? Parse(string? continuation)
    {
        var parts = (continuation ?? string.Empty).Split('|');
        if (parts.Length != 2)
        {
            return null;
        }

        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 && ticks < DateTime.MaxValue.Ticks && Guid.TryParse(parts[1], out var id)
            ? new FeedPosition(new DateTime(ticks, DateTimeKind.Utc), id)
            : throw new InvalidPluginExecutionException("The sweep's continuation is not one this API returned; start again without it.");
    }
}
