using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;

namespace Rapport.Plugins.Services.Feed;

/// <summary>A validated tracking configuration and the tracked table's primary name column.</summary>
public sealed record TrackedTable(TrackingConfiguration Config, string NameColumn)
{
    /// <summary>Display names and option labels the admin gave on the row (rapport_columnlabels); none by default.</summary>
    public ColumnLabels Labels { get; init; } = ColumnLabels.None;
}

/// <summary>
/// Run-time feed tracking. A rapport_feedconfig row is validated against the table (columns probed with a TopCount=1
/// query: an unknown column faults and is named), then Rapport's own sdkmessageprocessingstep rows for that table
/// are (re)written: Create, Update filtered on the tracked columns, Delete, Assign and SetState when enabled, each
/// pointing at the auto-post plugin with the configuration in the step's unsecure configuration (so an auto-post
/// reads nothing). Deactivating or deleting the row removes them. No code change, no re-import.
/// </summary>
public static class TrackingService
{
    public const string AutoPostPluginType = "Rapport.Plugins.Feed.AutoPostPlugin";
    private const string StepPrefix = "Rapport auto-post: ";

    /// <summary>Validates the configuration; returns the domain configuration and the row's primary name column.</summary>
    public static TrackedTable Validate(IOrganizationService system, Entity config)
    {
        var table = FeedData.Table(FeedData.Str(config, "rapport_table"), "tracked table");
        var columns = TrackingConfiguration.ParseColumns(FeedData.Str(config, "rapport_trackedcolumns"));
        var events = FeedData.Domain(() => ChangeEventsText.Parse(FeedData.Str(config, "rapport_events") is { Length: > 0 } e ? e : "create,update"));
        if (!Probe(system, table, Array.Empty<string>(), out var noTable) && noTable)
        {
            throw new InvalidPluginExecutionException($"Feed tracking was not saved: there is no table named '{table}'. Use a table logical name, e.g. 'opportunity'.");
        }

        var unknown = Probe(system, table, columns.Select(c => c.Trim().ToLowerInvariant()).ToArray(), out _)
            ? new List<string>()
            : columns.Where(c => !Probe(system, table, new[] { c.Trim().ToLowerInvariant() }, out _)).Select(c => c.Trim().ToLowerInvariant()).ToList();
        var known = columns.Select(c => c.Trim().ToLowerInvariant()).Where(c => !unknown.Contains(c));
        var tracking = FeedData.Domain(() => TrackingConfiguration.Create(table, columns, events, known));
        var nameColumn = FeedData.Str(config, "rapport_namecolumn").Trim().ToLowerInvariant();
        if (nameColumn.Length == 0)
        {
            nameColumn = new[] { "name", "fullname", "title", "subject", "rapport_name" }.FirstOrDefault(c => Probe(system, table, new[] { c }, out _)) ?? string.Empty;
        }

        var labels = FeedData.Domain(() => ColumnLabels.Parse(FeedData.Str(config, "rapport_columnlabels")));
        return new TrackedTable(tracking, nameColumn) { Labels = labels };
    }

    /// <summary>Removes this table's auto-post steps, then (when active) registers them for the configuration.</summary>
    public static int Sync(IOrganizationService system, string table, TrackingConfiguration? config, string nameColumn) =>
        Sync(system, table, config, nameColumn, ColumnLabels.None);

    /// <summary>As <see cref="Sync(IOrganizationService, string, TrackingConfiguration?, string)"/>, with the labels carried in the step configuration.</summary>
    public static int Sync(IOrganizationService system, string table, TrackingConfiguration? config, string nameColumn, ColumnLabels labels)
    {
        foreach (var step in Steps(system, table))
        {
            system.Delete("sdkmessageprocessingstep", step.Id);
        }

        if (config is null)
        {
            return 0;
        }

        var typeQuery = FeedData.Where("plugintype", "typename");
        typeQuery.Criteria.AddCondition("typename", ConditionOperator.Equal, AutoPostPluginType);
        var pluginType = system.RetrieveMultiple(typeQuery).Entities.FirstOrDefault()
            ?? throw new InvalidPluginExecutionException($"The plug-in type {AutoPostPluginType} is not registered; re-import the Rapport solution.");
        var settings = config.ColumnsText + "|" + ChangeEventsText.Format(config.Events) + "|" + nameColumn + "|" + (labels ?? ColumnLabels.None).Text;
        var imageColumns = string.Join(",", config.Columns.Concat(new[] { nameColumn, "ownerid", "statecode", "statuscode" }).Where(c => c.Length > 0).Distinct());
        var count = 0;
        foreach (var pair in Messages(config))
        {
            var message = pair.Key;
            var filtering = pair.Value;
            var stepId = system.Create(new Entity("sdkmessageprocessingstep")
            {
                ["name"] = StepPrefix + message + " of " + table,
                ["plugintypeid"] = new EntityReference("plugintype", pluginType.Id),
                ["sdkmessageid"] = new EntityReference("sdkmessage", MessageId(system, message)),
                ["sdkmessagefilterid"] = new EntityReference("sdkmessagefilter", FilterId(system, message, table)),
                ["stage"] = new OptionSetValue(40),
                ["mode"] = new OptionSetValue(0),
                ["rank"] = 10,
                ["filteringattributes"] = filtering,
                ["configuration"] = settings,
            });
            if (message != "Create")
            {
                system.Create(new Entity("sdkmessageprocessingstepimage")
                {
                    ["name"] = "before",
                    ["sdkmessageprocessingstepid"] = new EntityReference("sdkmessageprocessingstep", stepId),
                    ["imagetype"] = new OptionSetValue(0),
                    ["entityalias"] = "before",
                    ["attributes"] = imageColumns,
                    ["messagepropertyname"] = message == "SetState" ? "EntityMoniker" : "Target",
                });
            }

            count++;
        }

        return count;
    }

    /// <summary>Parses the step configuration written by <see cref="Sync"/>.</summary>
    public static TrackedTable FromStepConfiguration(string table, string settings)
    {
        var parts = (settings ?? string.Empty).Split('|');
        var columns = TrackingConfiguration.ParseColumns(parts[0]);
        var events = ChangeEventsText.Parse(parts.Length > 1 ? parts[1] : string.Empty);
        return new TrackedTable(TrackingConfiguration.Create(table, columns, events, columns), parts.Length > 2 ? parts[2] : string.Empty)
        {
            Labels = ColumnLabels.Parse(parts.Length > 3 ? parts[3] : string.Empty),
        };
    }

    private static IEnumerable<KeyValuePair<string, string?>> Messages(TrackingConfiguration config)
    {
        // A deleted row's follows go through FollowCleanupPlugin's own step; this one only posts.
        if (config.Has(ChangeEvents.Delete))
        {
            yield return new KeyValuePair<string, string?>("Delete", null);
        }

        if (config.Has(ChangeEvents.Create))
        {
            yield return new KeyValuePair<string, string?>("Create", null);
        }

        if (config.Has(ChangeEvents.Update) || config.Has(ChangeEvents.Assign) || config.Has(ChangeEvents.StatusChange))
        {
            yield return new KeyValuePair<string, string?>("Update", config.FilteringAttributes);
        }

        if (config.Has(ChangeEvents.Assign))
        {
            yield return new KeyValuePair<string, string?>("Assign", null);
        }

        if (config.Has(ChangeEvents.StatusChange))
        {
            yield return new KeyValuePair<string, string?>("SetState", null);
        }
    }

    private static List<Entity> Steps(IOrganizationService system, string table)
    {
        var query = FeedData.Where("sdkmessageprocessingstep", "name");
        query.Criteria.AddCondition("name", ConditionOperator.BeginsWith, StepPrefix);
        query.Criteria.AddCondition("name", ConditionOperator.EndsWith, " of " + table);
        return system.RetrieveMultiple(query).Entities.ToList();
    }

    internal static Guid MessageId(IOrganizationService system, string message)
    {
        var query = FeedData.Where("sdkmessage", "name");
        query.Criteria.AddCondition("name", ConditionOperator.Equal, message);
        // Dataverse has every message; an emulator only those some step has used.
        return system.RetrieveMultiple(query).Entities.FirstOrDefault()?.Id
            ?? system.Create(new Entity("sdkmessage") { ["name"] = message });
    }

    internal static Guid FilterId(IOrganizationService system, string message, string table)
    {
        var query = FeedData.Where("sdkmessagefilter", "primaryobjecttypecode");
        query.Criteria.AddCondition("primaryobjecttypecode", ConditionOperator.Equal, table);
        query.AddLink("sdkmessage", "sdkmessageid", "sdkmessageid").LinkCriteria.AddCondition("name", ConditionOperator.Equal, message);
        return system.RetrieveMultiple(query).Entities.FirstOrDefault()?.Id
            // Dataverse has a filter for every message and table pair; an emulator only for those it has seen.
            ?? system.Create(new Entity("sdkmessagefilter")
            {
                ["sdkmessageid"] = new EntityReference("sdkmessage", MessageId(system, message)),
                ["primaryobjecttypecode"] = table,
            });
    }

    /// <summary>True when a TopCount=1 query with these columns runs; noTable tells a missing table from a missing column.</summary>
    private static bool Probe(IOrganizationService system, string table, string[] columns, out bool noTable)
    {
        noTable = false;
        try
        {
            system.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(columns), TopCount = 1 });
            return true;
        }
        catch (FaultException<OrganizationServiceFault> fault) when (FeedData.FaultCode(fault) == FeedData.NoEntity || FeedData.FaultCode(fault) == FeedData.NoAttribute)
        {
            noTable = FeedData.FaultCode(fault) == FeedData.NoEntity;
            return false;
        }
    }
}
