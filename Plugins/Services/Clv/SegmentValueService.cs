using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv.Crm;
using C = Rapport.Plugins.Services.Clv.ClvSchema.Customer;

namespace Rapport.Plugins.Services.Clv;

/// <summary>
/// The retention formulas for one CLV segment: the newest active model that carries a measured retention rate (one
/// RetrieveMultiple), then the segment's contacts and accounts with a ledger, read page by page (one RetrieveMultiple
/// per 5,000 rows and table). Runs as the caller: rows the caller cannot read are not counted.
/// </summary>
public static class SegmentValueService
{
    private const int PageSize = 5_000;

    /// <summary>The segment from its name ("AtRisk") or label ("At risk"), case and spaces ignored.</summary>
    public static ClvSegment ParseSegment(string? text)
    {
        var key = (text ?? string.Empty).Replace(" ", string.Empty).Replace("-", string.Empty);
        foreach (ClvSegment segment in Enum.GetValues(typeof(ClvSegment)))
        {
            if (string.Equals(segment.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                return segment;
            }
        }

        throw new InvalidPluginExecutionException($"Segment must be one of High value, Growing, Steady, At risk or Lapsed, got '{text}'.");
    }

    public static SegmentRetentionValue Get(IOrganizationService service, ClvSegment segment, DateTime asOf)
    {
        ClvModelSpec? model = null;
        foreach (var active in ClvModelRepository.ActiveModels(service))
        {
            if (active.Retention?.Overall != null && (model == null || (active.FittedOn ?? DateTime.MinValue) > (model.FittedOn ?? DateTime.MinValue)))
            {
                model = active;
            }
        }

        if (model == null)
        {
            throw new InvalidPluginExecutionException("No active CLV model carries a measured retention rate: fit a model (rapport_FitClvModel) on customers with at least two years of history and activate it.");
        }

        var members = new List<CustomerLedger>();
        Read(service, "contact", segment, members);
        Read(service, "account", segment, members);
        return SegmentRetentionValue.Compute(segment, members, asOf, model);
    }

    private static void Read(IOrganizationService service, string table, ClvSegment segment, List<CustomerLedger> members)
    {
        for (var page = 1; ; page++)
        {
            var query = new QueryExpression(table)
            {
                ColumnSet = new ColumnSet(C.State),
                PageInfo = new PagingInfo { Count = PageSize, PageNumber = page },
                NoLock = true,
            };
            query.Criteria.AddCondition(C.Segment, ConditionOperator.Equal, ClvSchema.SegmentOption(segment));
            query.Criteria.AddCondition(C.State, ConditionOperator.NotNull);
            query.AddOrder(table + "id", OrderType.Ascending);
            var result = service.RetrieveMultiple(query);
            foreach (var row in result.Entities)
            {
                members.Add(ClvScoringService.ReadLedger(row));
            }

            if (!result.MoreRecords)
            {
                return;
            }
        }
    }
}
