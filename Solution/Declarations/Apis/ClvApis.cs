using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Apis;

/// <summary>
/// The CLV Custom APIs: fit a model from the stored customer ledgers, rescore customers page by page, and read one
/// customer's insights for the CLV card. Implemented in Rapport.Plugins.Clv.
/// </summary>
public static class ClvApis
{
    public const string Fit = "rapport_FitClvModel";
    public const string Rescore = "rapport_RescoreCustomers";
    public const string Insights = "rapport_GetCustomerInsights";
    public const string SegmentValue = "rapport_GetSegmentValue";

    public static IEnumerable<CustomApiDefinition> All()
    {
        yield return new CustomApiDefinition(Fit, "Fit CLV Model", "Rapport.Plugins.Clv.FitClvModelApi")
        {
            Description = "Fits a CLV model of the given kind from the ledgers stored on contacts and accounts (capped sample) and saves it as a Draft model.",
            RequestParameters =
            [
                new("Kind", "Model Kind", CustomApiFieldType.String) { Description = "bgnbd, mbgnbd, paretonbd, gammagamma or bgbb." },
                new("SampleCap", "Sample Cap", CustomApiFieldType.Integer) { IsOptional = true, Description = "Most customers read (default 50,000)." },
            ],
            ResponseProperties =
            [
                new("ModelId", "Model Id", CustomApiFieldType.Guid) { Description = "The Draft rapport_clvmodel row." },
                new("LogLikelihood", "Log-Likelihood", CustomApiFieldType.Float),
                new("SampleSize", "Sample Size", CustomApiFieldType.Integer) { Description = "Customers the fit used." },
                new("HoldoutMae", "Holdout MAE", CustomApiFieldType.Float) { Description = "Mean absolute error of next-year transactions per customer in the holdout; absent when the holdout could not be run (HoldoutSummary says why)." },
                new("HoldoutMeasured", "Holdout Measured", CustomApiFieldType.Boolean),
                new("HoldoutSummary", "Holdout Summary", CustomApiFieldType.String) { Description = "The holdout check in words, or why it could not be run (e.g. too small for a holdout)." },
                new("HoldoutReport", "Holdout Report", CustomApiFieldType.String) { Description = "JSON: predicted vs actual totals, MAE and the table by calibration frequency (0 to 7+)." },
                new("Verdict", "Verdict", CustomApiFieldType.String) { Description = "Usable, Usable with warnings or Unusable (an Unusable model cannot be activated)." },
                new("VerdictReasons", "Verdict Reasons", CustomApiFieldType.String),
                new("Converged", "Converged", CustomApiFieldType.Boolean),
                new("Iterations", "Iterations", CustomApiFieldType.Integer),
                new("StandardErrorsFinite", "Standard Errors Finite", CustomApiFieldType.Boolean),
                new("Retention", "Retention", CustomApiFieldType.String) { Description = "JSON: yearly retention rate measured on the sample, overall and per CLV segment ({overall, base, segments{HighValue:{rate,base},...}}), used by the retention formulas." },
                new("Diagnostics", "Diagnostics", CustomApiFieldType.String) { Description = "JSON: parameters with standard errors and bound flags, log-likelihood, customers used, verdict and reasons." },
            ],
        };
        yield return new CustomApiDefinition(Rescore, "Rescore Customers", "Rapport.Plugins.Clv.RescoreCustomersApi")
        {
            Description = "Rescores one page of contacts or accounts that carry a CLV ledger with the active models (one UpdateMultiple).",
            RequestParameters =
            [
                new("Table", "Table", CustomApiFieldType.String) { Description = "contact or account." },
                new("PageSize", "Page Size", CustomApiFieldType.Integer) { IsOptional = true, Description = "1 to 1000 (default 250)." },
                new("PageNumber", "Page Number", CustomApiFieldType.Integer) { IsOptional = true, Description = "From 1 (default); pass the previous NextPage." },
            ],
            ResponseProperties =
            [
                new("Processed", "Processed", CustomApiFieldType.Integer),
                new("NextPage", "Next Page", CustomApiFieldType.Integer) { Description = "0 when there is no further page." },
            ],
        };
        yield return new CustomApiDefinition(Insights, "Get Customer Insights", "Rapport.Plugins.Clv.GetCustomerInsightsApi")
        {
            Description = "The CLV card's data for one contact or account, as JSON.",
            IsFunction = true,
            RequestParameters =
            [
                new("RecordTable", "Record Table", CustomApiFieldType.String) { Description = "contact or account." },
                new("RecordId", "Record Id", CustomApiFieldType.String),
            ],
            ResponseProperties =
            [
                new("Insights", "Insights", CustomApiFieldType.String) { Description = "{clv, currency, pAlive, expectedTransactions12m, segment, level, scoredOn, model{kind,fittedOn}, history[{period,value}], engagement}." },
            ],
        };
        yield return new CustomApiDefinition(SegmentValue, "Get Segment Value", "Rapport.Plugins.Clv.GetSegmentValueApi")
        {
            Description = "Gupta-Lehmann CLV (m·r/(1+i−r)) and donor lifetime value (g·f/(1−r)) of a CLV segment's average customer and of the whole segment, with the formula and its inputs.",
            IsFunction = true,
            RequestParameters =
            [
                new("Segment", "Segment", CustomApiFieldType.String) { Description = "High value, Growing, Steady, At risk or Lapsed (or HighValue, AtRisk)." },
            ],
            ResponseProperties =
            [
                new("Customers", "Customers", CustomApiFieldType.Integer) { Description = "Contacts and accounts of the segment with a purchase or gift." },
                new("RetentionRate", "Retention Rate", CustomApiFieldType.Float) { Description = "Yearly retention r measured when the active model was fitted (the segment's, or all customers' below 30 customers); absent when there is none." },
                new("GuptaLehmannClv", "Gupta-Lehmann CLV", CustomApiFieldType.Float) { Description = "Per customer: m·r/(1+i−r), m = g·f·margin." },
                new("DonorLifetimeValue", "Donor Lifetime Value", CustomApiFieldType.Float) { Description = "Per customer: g·f/(1−r)." },
                new("SegmentGuptaLehmannClv", "Segment Gupta-Lehmann CLV", CustomApiFieldType.Float) { Description = "Per customer × customers." },
                new("SegmentDonorLifetimeValue", "Segment Donor Lifetime Value", CustomApiFieldType.Float) { Description = "Per customer × customers." },
                new("Explanation", "Explanation", CustomApiFieldType.String) { Description = "The formulas with their inputs filled in, in words." },
                new("Report", "Report", CustomApiFieldType.String) { Description = "JSON: {segment, label, customers, purchaseDays, customerYears, perCustomer{rate, rateSource, inputs{g,f,margin,i}, formulas[{name,formula,value}]}, explanation, segmentTotal{guptaLehmannClv, donorLifetimeValue}}." },
            ],
        };
    }
}
