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
                new("HoldoutMae", "Holdout MAE", CustomApiFieldType.Float) { Description = "Mean absolute error of next-year transactions in the holdout; -1 when not measured." },
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
    }
}
