using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Clv.Fitting;
using Rapport.Plugins.Common;
using C = Rapport.Plugins.Services.Clv.ClvSchema.Customer;

namespace Rapport.Plugins.Services.Clv;

/// <summary>
/// The customer card's data from what the customer row already carries (scores, ledger for the monthly or yearly history up to the request time) and
/// the model it was scored with: 1 Retrieve, plus 1 for the model when there is one. A model fitted by Rapport carries
/// its parameters' covariance, and the CLV then gets its 90% interval (computed here, for this one customer). Runs as the caller, so
/// Dataverse's security decides whether the customer can be read: a refused read fails with the platform's code (403).
/// </summary>
public static class CustomerInsightsService
{
    private static readonly string[] Columns = { C.Clv, C.PAlive, C.Expected12m, C.Segment, C.ScoredOn, C.ModelId, C.State, C.Currency };

    public static CustomerInsights Get(IOrganizationService service, string table, Guid id, DateTime? asOf = null)
    {
        if (!ClvSchema.IsCustomerTable(table))
        {
            throw new InvalidPluginExecutionException($"RecordTable must be 'contact' or 'account', got '{table}'.");
        }

        var row = ReadAccess.Retrieve(service, table, id, new ColumnSet(Columns));
        var ledger = ClvScoringService.ReadLedger(row);
        var insights = new CustomerInsights
        {
            Clv = row.GetAttributeValue<Money>(C.Clv)?.Value,
            Currency = row.GetAttributeValue<EntityReference>(C.Currency)?.Name,
            ProbabilityAlive = row.GetAttributeValue<double?>(C.PAlive),
            ExpectedTransactions12Months = row.GetAttributeValue<double?>(C.Expected12m),
            Segment = ClvSchema.SegmentOf(row.GetAttributeValue<OptionSetValue>(C.Segment)?.Value),
            ScoredOn = row.GetAttributeValue<DateTime?>(C.ScoredOn),
            History = GivingHistory.From(ledger, asOf),
        };

        var model = row.GetAttributeValue<EntityReference>(C.ModelId);
        if (model == null)
        {
            return insights;
        }

        var modelRow = service.Retrieve(ClvSchema.Model, model.Id, new ColumnSet(ClvSchema.ModelColumns.Name, ClvSchema.ModelColumns.Kind, ClvSchema.ModelColumns.Parameters, ClvSchema.ModelColumns.FittedOn, ClvSchema.ModelColumns.Verdict, ClvSchema.ModelColumns.VerdictReasons));
        var spec = ClvModelRepository.Read(modelRow);
        var verdict = modelRow.GetAttributeValue<OptionSetValue>(ClvSchema.ModelColumns.Verdict)?.Value;
        return insights with
        {
            ModelKind = spec.Kind,
            ModelFittedOn = spec.FittedOn,
            ModelVerdict = verdict is int v && v >= ClvSchema.OptionPrefix && v <= ClvSchema.VerdictUnusable ? FitDiagnostics.Label((FitVerdict)(v - ClvSchema.OptionPrefix)) : null,
            ModelVerdictReasons = modelRow.GetAttributeValue<string>(ClvSchema.ModelColumns.VerdictReasons),
            Retention = insights.ScoredOn is DateTime on ? RetentionValue.For(ledger, on, insights.Segment, spec) : null,
            ClvInterval = insights.ScoredOn is DateTime at && insights.Clv is decimal clv ? CustomerScorer.ClvInterval(ledger, at, spec, clv) : null,
        };
    }
}
