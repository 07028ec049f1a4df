using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Crm;
using M = Rapport.Plugins.Services.Clv.ClvSchema.ModelColumns;

namespace Rapport.Plugins.Services.Clv;

/// <summary>The draft model row written by a fit, and its figures.</summary>
public sealed record ClvFitOutcome(Guid ModelId, double LogLikelihood, int SampleSize, double? HoldoutMae, string Sampling);

/// <summary>
/// Fits a CLV model from the ledgers stored on contacts and accounts (paged RetrieveMultiple of that one column,
/// never the transactions), and writes it as a Draft rapport_clvmodel row. The sample is capped so a fit stays inside
/// the 2-minute sandbox: the first <c>cap</c> customers with a ledger by id, contacts first, then accounts.
/// </summary>
public static class ClvModelFitter
{
    public const int DefaultSampleCap = 50_000;
    public const int MaxSampleCap = 200_000;
    private const int PageSize = 5_000;

    public static ClvFitOutcome Fit(IOrganizationService service, string kind, int? sampleCap, DateTime asOf)
    {
        var cap = sampleCap ?? DefaultSampleCap;
        if (cap < 1 || cap > MaxSampleCap)
        {
            throw new InvalidPluginExecutionException($"SampleCap must be between 1 and {MaxSampleCap}, got {cap}.");
        }

        string name;
        try
        {
            name = ClvModelSpec.NormaliseKind(kind, "Kind");
        }
        catch (ClvInputException error)
        {
            throw new InvalidPluginExecutionException(error.Message);
        }

        var sample = new List<KeyValuePair<string, CustomerLedger>>();
        var capped = Read(service, "contact", cap, sample) | Read(service, "account", cap, sample);
        var sampling = string.Format(
            CultureInfo.InvariantCulture,
            "First {0} customers with a CLV ledger by id (contacts, then accounts); {1} read{2}.",
            cap,
            sample.Count,
            capped ? ", the cap was reached" : ", all there are");
        LedgerFit fit;
        try
        {
            fit = LedgerModelFitter.Fit(name, sample, asOf, sampling);
        }
        catch (ClvInputException error)
        {
            throw new InvalidPluginExecutionException(error.Message);
        }
        catch (ClvNumericException error)
        {
            throw new InvalidPluginExecutionException($"The {name} fit failed numerically: {error.Message} Try another model kind or a larger sample.");
        }

        var row = new Entity(ClvSchema.Model)
        {
            [M.Name] = string.Format(CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd HH:mm}", name, asOf),
            [M.Kind] = new OptionSetValue(ClvSchema.KindOption(name)),
            [M.Parameters] = fit.Spec.ToJson(),
            [M.LogLikelihood] = fit.LogLikelihood,
            [M.SampleSize] = fit.SampleSize,
            [M.SampleCap] = cap,
            [M.Sampling] = sampling.Length > 400 ? sampling.Substring(0, 400) : sampling,
            [M.HoldoutMae] = fit.HoldoutMae,
            [M.FittedOn] = DateTime.SpecifyKind(asOf, DateTimeKind.Utc),
            [M.Status] = new OptionSetValue(ClvSchema.ModelStatusDraft),
        };
        var id = service.Create(row);
        return new ClvFitOutcome(id, fit.LogLikelihood, fit.SampleSize, fit.HoldoutMae, sampling);
    }

    /// <summary>Adds rows until the cap; true when the cap was reached.</summary>
    private static bool Read(IOrganizationService service, string table, int cap, List<KeyValuePair<string, CustomerLedger>> sample)
    {
        var page = 1;
        while (sample.Count < cap)
        {
            var query = new QueryExpression(table)
            {
                ColumnSet = new ColumnSet(ClvSchema.Customer.State),
                PageInfo = new PagingInfo { Count = Math.Min(PageSize, cap), PageNumber = page },
                NoLock = true,
            };
            query.Criteria.AddCondition(ClvSchema.Customer.State, ConditionOperator.NotNull);
            query.AddOrder(table + "id", OrderType.Ascending);
            var result = service.RetrieveMultiple(query);
            foreach (var row in result.Entities)
            {
                if (sample.Count >= cap)
                {
                    return true;
                }

                sample.Add(new KeyValuePair<string, CustomerLedger>(table + ":" + row.Id.ToString(), ClvScoringService.ReadLedger(row)));
            }

            if (!result.MoreRecords)
            {
                return sample.Count >= cap;
            }

            page++;
        }

        return true;
    }
}
