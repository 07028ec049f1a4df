using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Engagement;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>The org's scoring configuration and base reference, from the single active rapport_engagementsettings row.</summary>
public sealed record EngagementSettings(Guid? Id, EngagementScoringConfig Config, EngagementBaseReference? Reference)
{
    private const string Configuration = "rapport_configuration";
    private const string ReferencePoints = "rapport_referencepoints";
    private const string ReferenceCustomers = "rapport_referencecustomers";
    private const string ReferenceOn = "rapport_referencecomputedon";

    /// <summary>One RetrieveMultiple. No row: the defaults (90-day half-life, fallback reference 50 points).</summary>
    public static EngagementSettings Read(IOrganizationService service)
    {
        var query = new QueryExpression(EngagementSchema.Settings)
        {
            ColumnSet = new ColumnSet(Configuration, ReferencePoints, ReferenceCustomers, ReferenceOn),
            TopCount = 1,
        };
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder("createdon", OrderType.Ascending);
        var row = service.RetrieveMultiple(query).Entities;
        if (row.Count == 0)
        {
            return new EngagementSettings(null, EngagementScoringConfig.Default, null);
        }

        var json = row[0].GetAttributeValue<string>(Configuration);
        EngagementScoringConfig config;
        try
        {
            config = string.IsNullOrWhiteSpace(json) ? EngagementScoringConfig.Default : EngagementScoringConfigJson.FromJson(json!);
        }
        catch (EngagementException error)
        {
            throw new InvalidPluginExecutionException($"The engagement settings row's Scoring Configuration (JSON) is invalid: {error.Message} Correct it under Engagement Settings.");
        }

        var points = row[0].GetAttributeValue<double?>(ReferencePoints);
        var reference = points is > 0
            ? new EngagementBaseReference(points.Value, row[0].GetAttributeValue<int?>(ReferenceCustomers) ?? 0, points.Value) { ComputedOn = row[0].GetAttributeValue<DateTime?>(ReferenceOn) }
            : null;
        return new EngagementSettings(row[0].Id, config, reference);
    }

    /// <summary>Stores a refreshed base reference (creates the settings row when there is none).</summary>
    public static void SaveReference(IOrganizationService service, EngagementSettings settings, EngagementBaseReference reference, DateTime now)
    {
        var row = new Entity(EngagementSchema.Settings)
        {
            [ReferencePoints] = reference.Percentile99RawPoints,
            [ReferenceCustomers] = reference.Customers,
            [ReferenceOn] = now,
        };
        if (settings.Id is { } id)
        {
            row.Id = id;
            service.Update(row);
        }
        else
        {
            row[EngagementSchema.Name] = "Engagement settings";
            service.Create(row);
        }
    }
}
