using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Tables;

/// <summary>
/// Customer lifetime value: the fitted model table, the gift table (donations feed the donor's RFM summary), the
/// transaction source table (which other tables count as transactions) and the CLV columns Rapport adds to contact
/// and account, including the compact per-customer ledger the plugins keep current. Choice values use the
/// publisher's option value prefix 10785.
/// </summary>
public static class ClvTables
{
    public const string Model = "rapport_clvmodel";
    public const string Gift = "rapport_gift";
    public const string Source = "rapport_clvsource";

    public static OptionSetDefinition ModelKind { get; } = new("rapport_clvmodel_rapport_kind",
    [
        new(107850000, "BG/NBD"),
        new(107850001, "MBG/NBD"),
        new(107850002, "Pareto/NBD"),
        new(107850003, "Gamma-Gamma"),
        new(107850004, "BG/BB"),
    ]);

    public static OptionSetDefinition ModelStatus { get; } = new("rapport_clvmodel_rapport_modelstatus",
    [
        new(107850000, "Draft"),
        new(107850001, "Active"),
    ]);

    public static OptionSetDefinition ModelVerdict { get; } = new("rapport_clvmodel_rapport_verdict",
    [
        new(107850000, "Usable"),
        new(107850001, "Usable with warnings"),
        new(107850002, "Unusable"),
    ]);

    public static OptionSetDefinition SourceKind { get; } = new("rapport_clvsource_rapport_sourcekind",
    [
        new(107850000, "Sales"),
        new(107850001, "Nonprofit"),
    ]);

    /// <summary>Shared by contact and account, so global.</summary>
    public static OptionSetDefinition Segment { get; } = new("rapport_clvsegment",
    [
        new(107850000, "High value"),
        new(107850001, "Growing"),
        new(107850002, "Steady"),
        new(107850003, "At risk"),
        new(107850004, "Lapsed"),
    ], IsGlobal: true);

    /// <summary>Shared by contact and account, so global.</summary>
    public static OptionSetDefinition PAliveBand { get; } = new("rapport_palivebucket",
    [
        new(107850000, "0 - 0.25"),
        new(107850001, "0.25 - 0.5"),
        new(107850002, "0.5 - 0.75"),
        new(107850003, "0.75 - 1"),
    ], IsGlobal: true);

    public static IEnumerable<TableDefinition> Tables()
    {
        yield return ClvModel();
        yield return GiftTable();
        yield return SourceTable();
        yield return Customer("contact", "Contact", "Contacts", "fullname");
        yield return Customer("account", "Account", "Accounts", "name");
    }

    public static IEnumerable<OneToManyRelationship> Relationships()
    {
        // Gifts are financial history: a donor with gifts cannot be deleted until the gifts are dealt with.
        yield return new("rapport_contact_rapport_gift_donorid", "contact", Gift, "rapport_donorid", CascadeDelete.Restrict);
        yield return new("rapport_account_rapport_gift_donorid", "account", Gift, "rapport_donorid", CascadeDelete.Restrict);
        yield return new("rapport_campaign_rapport_gift", "campaign", Gift, "rapport_campaignid", CascadeDelete.RemoveLink);
        yield return new("rapport_clvmodel_contact_clvmodelid", Model, "contact", "rapport_clvmodelid", CascadeDelete.RemoveLink);
        yield return new("rapport_clvmodel_account_clvmodelid", Model, "account", "rapport_clvmodelid", CascadeDelete.RemoveLink);
    }

    private static TableDefinition ClvModel()
    {
        var columns = SystemColumns.For(Model, "CLV Model", Ownership.OrganizationOwned).Concat(
        [
            new ColumnDefinition("rapport_name", "Name", ColumnType.String) { MaxLength = 200, RequiredLevel = RequiredLevel.ApplicationRequired, IsPrimaryName = true },
            new ColumnDefinition("rapport_kind", "Model Kind", ColumnType.Picklist) { OptionSet = ModelKind, RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_parameters", "Parameters (JSON)", ColumnType.Memo) { MaxLength = 100000, Description = "Fitted parameters as JSON." },
            new ColumnDefinition("rapport_loglikelihood", "Log-Likelihood", ColumnType.Double) { MinValue = -1e12, MaxValue = 1e12, Precision = 5 },
            new ColumnDefinition("rapport_samplesize", "Sample Size", ColumnType.Integer) { MinValue = 0, MaxValue = int.MaxValue },
            new ColumnDefinition("rapport_samplecap", "Sample Cap", ColumnType.Integer) { MinValue = 0, MaxValue = int.MaxValue, Description = "Most customers read when fitting." },
            new ColumnDefinition("rapport_sampling", "Sampling", ColumnType.String) { MaxLength = 400, Description = "How the fitting sample was drawn from the stored customer summaries." },
            new ColumnDefinition("rapport_holdoutmae", "Holdout MAE", ColumnType.Double) { MinValue = 0, MaxValue = 1e12, Precision = 5 },
            new ColumnDefinition("rapport_fittedon", "Fitted On", ColumnType.DateTime),
            new ColumnDefinition("rapport_modelstatus", "Model Status", ColumnType.Picklist) { OptionSet = ModelStatus },
            new ColumnDefinition("rapport_verdict", "Verdict", ColumnType.Picklist) { OptionSet = ModelVerdict, Description = "Whether the fit may be used for scoring; an Unusable model cannot be activated." },
            new ColumnDefinition("rapport_verdictreasons", "Verdict Reasons", ColumnType.Memo) { MaxLength = 4000, Description = "Why the fit got its verdict, in words." },
            new ColumnDefinition("rapport_converged", "Converged", ColumnType.Boolean),
            new ColumnDefinition("rapport_iterations", "Iterations", ColumnType.Integer) { MinValue = 0, MaxValue = int.MaxValue },
            new ColumnDefinition("rapport_standarderrorsfinite", "Standard Errors Finite", ColumnType.Boolean) { Description = "False when the Hessian at the optimum is not positive definite: the parameters are poorly determined." },
            new ColumnDefinition("rapport_diagnostics", "Fit Diagnostics (JSON)", ColumnType.Memo) { MaxLength = 100000, Description = "Parameters with standard errors and bound flags, log-likelihood, customers used, verdict and reasons." },
            new ColumnDefinition("rapport_holdoutsummary", "Holdout Summary", ColumnType.Memo) { MaxLength = 4000, Description = "The holdout check in words, or why it could not be run." },
            new ColumnDefinition("rapport_holdout", "Holdout Report (JSON)", ColumnType.Memo) { MaxLength = 100000, Description = "Predicted vs actual holdout transactions in total and by calibration frequency (0 to 7+)." },
        ]);
        return new TableDefinition(Model, "CLV Model", "CLV Models")
        {
            Description = "A fitted customer lifetime value model: its kind, parameters and fit quality.",
            IsCustom = true,
            Ownership = Ownership.OrganizationOwned,
            PrimaryNameAttribute = "rapport_name",
            Columns = columns.ToList(),
            States = SystemColumns.ActiveInactive,
            FormColumns = ["rapport_name", "rapport_kind", "rapport_modelstatus", "rapport_verdict", "rapport_verdictreasons", "rapport_fittedon", "rapport_samplesize", "rapport_samplecap", "rapport_sampling", "rapport_converged", "rapport_iterations", "rapport_standarderrorsfinite", "rapport_loglikelihood", "rapport_holdoutmae", "rapport_holdoutsummary", "rapport_parameters", "rapport_diagnostics", "rapport_holdout"],
            ViewColumns = ["rapport_name", "rapport_kind", "rapport_modelstatus", "rapport_verdict", "rapport_fittedon", "rapport_holdoutmae"],
        };
    }

    private static TableDefinition GiftTable()
    {
        var columns = SystemColumns.For(Gift, "Gift", Ownership.UserOwned).Concat(
        [
            new ColumnDefinition("rapport_name", "Name", ColumnType.String) { MaxLength = 200, RequiredLevel = RequiredLevel.ApplicationRequired, IsPrimaryName = true },
            new ColumnDefinition("rapport_donorid", "Donor", ColumnType.Customer) { Targets = ["contact", "account"], RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_amount", "Amount", ColumnType.Money) { MinValue = 0, MaxValue = 922337203685477, Precision = 2, RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_giftdate", "Gift Date", ColumnType.DateTime) { DateOnly = true, RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_campaignid", "Campaign", ColumnType.Lookup) { Targets = ["campaign"] },
        ]);
        return new TableDefinition(Gift, "Gift", "Gifts")
        {
            Description = "A donation: one transaction of a donor, feeding the donor's RFM summary and CLV.",
            IsCustom = true,
            Ownership = Ownership.UserOwned,
            PrimaryNameAttribute = "rapport_name",
            Columns = columns.ToList(),
            States =
            [
                new(0, "Active", [new OptionDefinition(1, "Received"), new OptionDefinition(107850000, "Pledged")]),
                new(1, "Inactive", [new OptionDefinition(2, "Refunded"), new OptionDefinition(107850001, "Cancelled")]),
            ],
            FormColumns = ["rapport_name", "rapport_donorid", "rapport_amount", "rapport_giftdate", "rapport_campaignid"],
            ViewColumns = ["rapport_name", "rapport_donorid", "rapport_amount", "rapport_giftdate"],
        };
    }

    /// <summary>
    /// Which tables count as transactions: table, customer lookup, amount and date columns, and an optional filter
    /// (column = whole-number value, e.g. statecode = 1 for won opportunities). Gifts always count (Received, active).
    /// Only active rows are read; the columns must be among those the table's Rapport step images carry.
    /// </summary>
    private static TableDefinition SourceTable()
    {
        var columns = SystemColumns.For(Source, "CLV Transaction Source", Ownership.OrganizationOwned).Concat(
        [
            new ColumnDefinition("rapport_name", "Name", ColumnType.String) { MaxLength = 200, RequiredLevel = RequiredLevel.ApplicationRequired, IsPrimaryName = true },
            new ColumnDefinition("rapport_tablename", "Table", ColumnType.String) { MaxLength = 64, RequiredLevel = RequiredLevel.ApplicationRequired, Description = "Logical name of the transaction table (opportunity, invoice)." },
            new ColumnDefinition("rapport_customercolumn", "Customer Column", ColumnType.String) { MaxLength = 64, RequiredLevel = RequiredLevel.ApplicationRequired, Description = "Lookup to the contact or account (customerid)." },
            new ColumnDefinition("rapport_amountcolumn", "Amount Column", ColumnType.String) { MaxLength = 64, RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_datecolumn", "Date Column", ColumnType.String) { MaxLength = 64, RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_filtercolumn", "Filter Column", ColumnType.String) { MaxLength = 64, Description = "Optional: only rows where this column equals the filter value count." },
            new ColumnDefinition("rapport_filtervalue", "Filter Value", ColumnType.Integer) { MinValue = int.MinValue, MaxValue = int.MaxValue },
            new ColumnDefinition("rapport_sourcekind", "Kind", ColumnType.Picklist) { OptionSet = SourceKind },
        ]);
        return new TableDefinition(Source, "CLV Transaction Source", "CLV Transaction Sources")
        {
            Description = "A table whose rows count as customer transactions for CLV, with its customer, amount, date and filter columns.",
            IsCustom = true,
            Ownership = Ownership.OrganizationOwned,
            PrimaryNameAttribute = "rapport_name",
            Columns = columns.ToList(),
            States = SystemColumns.ActiveInactive,
            FormColumns = ["rapport_name", "rapport_tablename", "rapport_customercolumn", "rapport_amountcolumn", "rapport_datecolumn", "rapport_filtercolumn", "rapport_filtervalue", "rapport_sourcekind"],
            ViewColumns = ["rapport_name", "rapport_tablename", "rapport_amountcolumn", "rapport_datecolumn", "rapport_sourcekind"],
        };
    }

    /// <summary>The default sources: won opportunities and paid invoices (the gift table always counts).</summary>
    public static IReadOnlyList<(string Name, string Table, string Customer, string Amount, string Date, string Filter, int FilterValue)> DefaultSources { get; } =
    [
        ("Won opportunities", "opportunity", "customerid", "actualvalue", "actualclosedate", "statecode", 1),
        ("Paid invoices", "invoice", "customerid", "totalamount", "datedelivered", "statecode", 2),
    ];

    /// <summary>CLV and P(alive) distributions on contacts and accounts.</summary>
    public static IEnumerable<ChartDefinition> Charts()
    {
        foreach (var table in new[] { "contact", "account" })
        {
            yield return new ChartDefinition($"rapport_{table}_clvdistribution", "CLV Distribution", table, "rapport_clv", ChartAggregate.Count, "rapport_segment")
            {
                Description = "Customers per CLV segment, with the summed lifetime value as a second series.",
                SecondSeries = new ChartSeries("rapport_clv", ChartAggregate.Sum),
            };
            yield return new ChartDefinition($"rapport_{table}_paliveDistribution".ToLowerInvariant(), "P(alive) Distribution", table, "rapport_palive", ChartAggregate.Count, "rapport_palivebucket")
            {
                Description = "Customers per probability-alive band (0-0.25, 0.25-0.5, 0.5-0.75, 0.75-1).",
            };
        }
    }

    /// <summary>The CLV and donor-rollup columns Rapport adds to a standard customer table.</summary>
    private static TableDefinition Customer(string table, string display, string plural, string primaryName)
    {
        List<ColumnDefinition> added =
        [
            new("rapport_transactioncount", "Transaction Count", ColumnType.Integer) { MinValue = 0, MaxValue = int.MaxValue },
            new("rapport_firsttransactionon", "First Transaction On", ColumnType.DateTime) { DateOnly = true },
            new("rapport_lasttransactionon", "Last Transaction On", ColumnType.DateTime) { DateOnly = true },
            new("rapport_totalvalue", "Total Value", ColumnType.Money) { MinValue = 0, Precision = 2 },
            new("rapport_averagevalue", "Average Value", ColumnType.Money) { MinValue = 0, Precision = 2 },
            new("rapport_clv", "Customer Lifetime Value", ColumnType.Money) { MinValue = 0, Precision = 2 },
            new("rapport_palive", "Probability Alive", ColumnType.Double) { MinValue = 0, MaxValue = 1, Precision = 4 },
            new("rapport_expectedtransactions12m", "Expected Transactions (12 Months)", ColumnType.Double) { MinValue = 0, MaxValue = 1e9, Precision = 4 },
            new("rapport_segment", "CLV Segment", ColumnType.Picklist) { OptionSet = Segment },
            new("rapport_clvscoredon", "CLV Scored On", ColumnType.DateTime),
            new("rapport_largestgift", "Largest Gift", ColumnType.Money) { MinValue = 0, Precision = 2 },
            new("rapport_bestyear", "Best Year", ColumnType.Integer) { MinValue = 1900, MaxValue = 2200 },
            new("rapport_consecutiveyears", "Consecutive Giving Years", ColumnType.Integer) { MinValue = 0, MaxValue = 1000 },
            new("rapport_lybunt", "LYBUNT", ColumnType.Boolean) { Description = "Gave last year but not this year." },
            new("rapport_sybunt", "SYBUNT", ColumnType.Boolean) { Description = "Gave some year but not this year." },
            new("rapport_bestyeartotal", "Best Year Total", ColumnType.Money) { MinValue = 0, Precision = 2 },
            new("rapport_palivebucket", "P(alive) Band", ColumnType.Picklist) { OptionSet = PAliveBand, Description = "P(alive) in quarters, for charts." },
            new("rapport_clvmodelid", "CLV Model", ColumnType.Lookup) { Targets = [Model], Description = "The model the scores come from." },
            new("rapport_clvstate", "CLV Ledger", ColumnType.Memo)
            {
                MaxLength = 1048576,
                Description = "Rapport's compact ledger of this customer's counted transactions (day:amount in cents); maintained by plugins, do not edit.",
            },
        ];
        return new TableDefinition(table, display, plural)
        {
            PrimaryNameAttribute = primaryName,
            Columns = added,
            AddedColumns = added.Select(c => c.LogicalName).ToList(),
        };
    }
}
