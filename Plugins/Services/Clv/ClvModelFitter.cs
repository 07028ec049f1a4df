using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Common;
using M = Rapport.Plugins.Services.Clv.ClvSchema.ModelColumns;

namespace Rapport.Plugins.Services.Clv;

/// <summary>The draft model row written by a fit, and its figures, diagnostics and holdout check.</summary>
public sealed record ClvFitOutcome(Guid ModelId, double LogLikelihood, int SampleSize, double? HoldoutMae, string Sampling, FitDiagnostics Diagnostics, LedgerHoldout Holdout, string Retention);

/// <summary>
/// Fits a CLV model from the ledgers stored on contacts and accounts (paged RetrieveMultiple of that one column,
/// never the transactions), and writes it as a Draft rapport_clvmodel row. The sample is capped so a fit stays inside
/// the 2-minute sandbox: the first <c>cap</c> customers with a ledger by id, contacts first, then accounts. The holdout
/// figures follow the model row in one CreateMultiple (see <see cref="ClvHoldoutRows"/>).
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
        var segments = new Dictionary<string, ClvSegment>();
        var capped = Read(service, "contact", cap, sample, segments) | Read(service, "account", cap, sample, segments);
        var sampling = string.Format(
            CultureInfo.InvariantCulture,
            "First {0} customers with a CLV ledger by id (contacts, then accounts); {1} read{2}.",
            cap,
            sample.Count,
            capped ? ", the cap was reached" : ", all there are");
        LedgerFit fit;
        try
        {
            fit = LedgerModelFitter.Fit(name, sample, asOf, sampling, segments: segments);
        }
        catch (ClvInputException error)
        {
            throw new InvalidPluginExecutionException(error.Message);
        }
        catch (ClvNumericException error)
        {
            throw new InvalidPluginExecutionException($"The {name} fit failed numerically: {error.Message} Try another model kind or a larger sample.");
        }

        var diagnostics = fit.Diagnostics!;
        var holdout = fit.Holdout!;
        var row = new Entity(ClvSchema.Model)
        {
            [M.Name] = string.Format(CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd HH:mm}", name, asOf),
            [M.Kind] = new OptionSetValue(ClvSchema.KindOption(name)),
            [M.Parameters] = fit.Spec.ToJson(),
            [M.LogLikelihood] = Math.Abs(fit.LogLikelihood) < 1e12 ? fit.LogLikelihood : null, // a degenerate fit can leave the column's range
            [M.SampleSize] = fit.SampleSize,
            [M.SampleCap] = cap,
            [M.Sampling] = Cut(sampling, 400),
            [M.HoldoutMae] = fit.HoldoutMae,
            [M.FittedOn] = DateTime.SpecifyKind(asOf, DateTimeKind.Utc),
            [M.Status] = new OptionSetValue(ClvSchema.ModelStatusDraft),
            [M.Verdict] = new OptionSetValue(ClvSchema.VerdictOption(diagnostics.Verdict)),
            [M.VerdictReasons] = Cut(diagnostics.Summary, 4000),
            [M.Converged] = diagnostics.Converged,
            [M.Iterations] = diagnostics.Iterations,
            [M.StandardErrorsFinite] = diagnostics.StandardErrorsFinite,
            [M.Diagnostics] = diagnostics.ToJson(),
            [M.HoldoutSummary] = Cut(holdout.Summary, 4000),
            [M.Holdout] = holdout.ToJson(),
        };
        var id = service.Create(row);
        ClvHoldoutRows.Write(service, id, holdout);
        return new ClvFitOutcome(id, fit.LogLikelihood, fit.SampleSize, fit.HoldoutMae, sampling, diagnostics, holdout, fit.Spec.Retention!.Write(new JsonWriter()).ToString());
    }

    private static string Cut(string text, int length) => text.Length > length ? text.Substring(0, length) : text;

    /// <summary>Adds rows until the cap; true when the cap was reached.</summary>
    private static bool Read(IOrganizationService service, string table, int cap, List<KeyValuePair<string, CustomerLedger>> sample, Dictionary<string, ClvSegment> segments)
    {
        var page = 1;
        while (sample.Count < cap)
        {
            var query = new QueryExpression(table)
            {
                ColumnSet = new ColumnSet(ClvSchema.Customer.State, ClvSchema.Customer.Segment),
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

                var key = table + ":" + row.Id.ToString();
                sample.Add(new KeyValuePair<string, CustomerLedger>(key, ClvScoringService.ReadLedger(row)));
                if (ClvSchema.SegmentOf(row.GetAttributeValue<OptionSetValue>(ClvSchema.Customer.Segment)?.Value) is ClvSegment segment)
                {
                    segments[key] = segment;
                }
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
