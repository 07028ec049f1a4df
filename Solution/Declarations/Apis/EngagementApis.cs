using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Apis;

/// <summary>
/// The engagement Custom APIs: paged rescoring, social ROI, followers vs non-followers, level assignment, the KPI
/// catalogue and plan, and bulk ingestion. Implemented in Rapport.Plugins.Engagement.
/// </summary>
public static class EngagementApis
{
    public const string Rescore = "rapport_RescoreEngagement";
    public const string Roi = "rapport_CalculateSocialRoi";
    public const string CompareFollowers = "rapport_CompareFollowers";
    public const string AssignLevel = "rapport_AssignLevel";
    public const string LoadKpiCatalogue = "rapport_LoadKpiCatalogue";
    public const string RefreshKpiPlan = "rapport_RefreshKpiPlan";
    public const string Ingest = "rapport_IngestInteractions";

    private const string Namespace = "Rapport.Plugins.Engagement.";

    public static IEnumerable<CustomApiDefinition> All()
    {
        yield return new CustomApiDefinition(Rescore, "Rescore Engagement", Namespace + "RescoreEngagementApi")
        {
            Description = "Rescores one page of contacts or accounts (one UpdateMultiple); the last page refreshes the base reference scores are normalised against.",
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
                new("ReferencePoints", "Reference Points", CustomApiFieldType.Float) { Description = "The p99 raw points now in use." },
            ],
        };
        yield return new CustomApiDefinition(Roi, "Calculate Social ROI", Namespace + "CalculateSocialRoiApi")
        {
            Description = "Offer profit, referral value, CLV lift, service savings, cost and ROI = (gains - cost) / cost of a programme or campaign over a period.",
            IsFunction = true,
            RequestParameters =
            [
                new("ProgrammeId", "Programme Id", CustomApiFieldType.String) { IsOptional = true, Description = "A rapport_socialprogramme; give this or CampaignId." },
                new("CampaignId", "Campaign Id", CustomApiFieldType.String) { IsOptional = true },
                new("From", "From", CustomApiFieldType.DateTime),
                new("To", "To", CustomApiFieldType.DateTime) { Description = "Exclusive." },
                new("MarginPerRedemption", "Margin per Redemption", CustomApiFieldType.Decimal) { IsOptional = true, Description = "Overrides the programme's." },
                new("MarginRate", "Margin Rate", CustomApiFieldType.Decimal) { IsOptional = true, Description = "0 to 1; overrides the programme's." },
                new("TraditionalCostPerContact", "Traditional Cost per Contact", CustomApiFieldType.Decimal) { IsOptional = true },
                new("SocialCostPerContact", "Social Cost per Contact", CustomApiFieldType.Decimal) { IsOptional = true },
            ],
            ResponseProperties =
            [
                new("OfferProfit", "Offer Profit", CustomApiFieldType.Decimal),
                new("ReferralValue", "Referral Value", CustomApiFieldType.Decimal),
                new("ClvLift", "CLV Lift", CustomApiFieldType.Decimal),
                new("ServiceSavings", "Service Savings", CustomApiFieldType.Decimal),
                new("TotalGains", "Total Gains", CustomApiFieldType.Decimal),
                new("Cost", "Cost", CustomApiFieldType.Decimal),
                new("Roi", "ROI", CustomApiFieldType.Decimal) { Description = "0 when RoiDefined is false (cost 0)." },
                new("RoiDefined", "ROI Defined", CustomApiFieldType.Boolean),
                new("Details", "Details", CustomApiFieldType.String) { Description = "Every part with the counts behind it, as JSON." },
            ],
        };
        yield return new CustomApiDefinition(CompareFollowers, "Compare Followers", Namespace + "CompareFollowersApi")
        {
            Description = "Followers (or engaged or followed customers) vs the others over a period, as JSON: sizes, spend, CLV, repeat and retention rates, mean P(alive), bootstrap intervals and the self-selection caveat.",
            IsFunction = true,
            RequestParameters =
            [
                new("From", "From", CustomApiFieldType.DateTime),
                new("To", "To", CustomApiFieldType.DateTime) { Description = "Exclusive." },
                new("Table", "Table", CustomApiFieldType.String) { IsOptional = true, Description = "contact (default) or account." },
                new("Definition", "Definition", CustomApiFieldType.String) { IsOptional = true, Description = "social (default: a social profile or an interaction in the period), engaged (an interaction in the period) or follow (the record is followed in Rapport)." },
                new("MinGroupSize", "Minimum Group Size", CustomApiFieldType.Integer) { IsOptional = true, Description = "Below this many customers in either group no difference, ratio or interval is shown (default 30)." },
            ],
            ResponseProperties = [new("Result", "Result", CustomApiFieldType.String) { Description = "{definition, definitionText, minimumGroupSize, comparable, followers{customers,totalSpend,averageSpend,averageClv,repeatRate,retentionRate,retentionBase,meanPAlive,scored}, nonFollowers{...}, spendDifference, spendRatio, clvDifference, clvRatio, intervals{confidence,resamples,spendDifference[low,high],...}, repeatRateDifference, retentionRateDifference, pAliveDifference, warnings[], caveat}." }],
        };
        yield return new CustomApiDefinition(AssignLevel, "Assign Level", Namespace + "AssignLevelApi")
        {
            Description = "Evaluates a contact's or account's level on a ladder; a move is kept in the level history and creates the level's plan tasks.",
            RequestParameters =
            [
                new("RecordTable", "Record Table", CustomApiFieldType.String) { Description = "contact or account." },
                new("RecordId", "Record Id", CustomApiFieldType.String),
                new("Ladder", "Ladder", CustomApiFieldType.String) { IsOptional = true, Description = "Needed when several ladders exist." },
            ],
            ResponseProperties =
            [
                new("LevelId", "Level Id", CustomApiFieldType.String) { Description = "Empty when no level applies." },
                new("LevelName", "Level Name", CustomApiFieldType.String),
                new("Move", "Move", CustomApiFieldType.String) { Description = "None, Up or Down." },
                new("TasksCreated", "Tasks Created", CustomApiFieldType.Integer),
            ],
        };
        yield return new CustomApiDefinition(LoadKpiCatalogue, "Load KPI Catalogue", Namespace + "LoadKpiCatalogueApi")
        {
            Description = "Creates the starter KPIs (rapport_kpi) whose code is not there yet; running it again changes nothing.",
            ResponseProperties =
            [
                new("Created", "Created", CustomApiFieldType.Integer),
                new("Existing", "Existing", CustomApiFieldType.Integer),
            ],
        };
        yield return new CustomApiDefinition(RefreshKpiPlan, "Refresh KPI Plan", Namespace + "RefreshKpiPlanApi")
        {
            Description = "Computes the actuals of automatic KPIs in the KPI plan from the data and every row's progress; manual actuals are kept.",
            ResponseProperties =
            [
                new("Computed", "Computed", CustomApiFieldType.Integer),
                new("Manual", "Manual", CustomApiFieldType.Integer),
            ],
        };
        yield return new CustomApiDefinition(Ingest, "Ingest Interactions", Namespace + "IngestInteractionsApi")
        {
            Description = "Creates up to 1,000 social interactions from CSV or JSON, idempotent by external id, matching profiles by network + handle.",
            RequestParameters =
            [
                new("Format", "Format", CustomApiFieldType.String) { Description = "csv or json." },
                new("Interactions", "Interactions", CustomApiFieldType.String) { Description = "The batch: CSV with a header row, or a JSON array of objects." },
            ],
            ResponseProperties =
            [
                new("Created", "Created", CustomApiFieldType.Integer),
                new("Skipped", "Skipped Duplicates", CustomApiFieldType.Integer),
                new("Errors", "Errors", CustomApiFieldType.Integer),
                new("Results", "Results", CustomApiFieldType.String) { Description = "{created, skippedDuplicates, errors, rows[{row, externalId, status, message, id}]}." },
            ],
        };
    }
}
