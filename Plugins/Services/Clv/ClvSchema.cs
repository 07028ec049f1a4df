using System;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Clv.Models;

namespace Rapport.Plugins.Services.Clv;

/// <summary>
/// The CLV tables' and columns' logical names as the plugins and activities use them (declared in
/// Solution/Declarations/Tables/ClvTables.cs) and the choice values they write.
/// </summary>
public static class ClvSchema
{
    public const string Model = "rapport_clvmodel";
    public const string Gift = "rapport_gift";
    public const string Source = "rapport_clvsource";

    public const int OptionPrefix = 107850000;
    public const int ModelStatusDraft = 107850000;
    public const int ModelStatusActive = 107850001;
    public const int SourceKindNonprofit = 107850001;
    public const int GiftStatusPledged = 107850000;

    /// <summary>Columns on contact and account.</summary>
    public static class Customer
    {
        public const string State = "rapport_clvstate";
        public const string TransactionCount = "rapport_transactioncount";
        public const string FirstOn = "rapport_firsttransactionon";
        public const string LastOn = "rapport_lasttransactionon";
        public const string Total = "rapport_totalvalue";
        public const string Average = "rapport_averagevalue";
        public const string Clv = "rapport_clv";
        public const string PAlive = "rapport_palive";
        public const string PAliveBand = "rapport_palivebucket";
        public const string Expected12m = "rapport_expectedtransactions12m";
        public const string Segment = "rapport_segment";
        public const string ScoredOn = "rapport_clvscoredon";
        public const string LargestGift = "rapport_largestgift";
        public const string BestYear = "rapport_bestyear";
        public const string BestYearTotal = "rapport_bestyeartotal";
        public const string ConsecutiveYears = "rapport_consecutiveyears";
        public const string Lybunt = "rapport_lybunt";
        public const string Sybunt = "rapport_sybunt";
        public const string ModelId = "rapport_clvmodelid";
        public const string Currency = "transactioncurrencyid";
    }

    public static class ModelColumns
    {
        public const string Name = "rapport_name";
        public const string Kind = "rapport_kind";
        public const string Parameters = "rapport_parameters";
        public const string LogLikelihood = "rapport_loglikelihood";
        public const string SampleSize = "rapport_samplesize";
        public const string SampleCap = "rapport_samplecap";
        public const string Sampling = "rapport_sampling";
        public const string HoldoutMae = "rapport_holdoutmae";
        public const string FittedOn = "rapport_fittedon";
        public const string Status = "rapport_modelstatus";
        public const string Verdict = "rapport_verdict";
        public const string VerdictReasons = "rapport_verdictreasons";
        public const string Converged = "rapport_converged";
        public const string Iterations = "rapport_iterations";
        public const string StandardErrorsFinite = "rapport_standarderrorsfinite";
        public const string Diagnostics = "rapport_diagnostics";
        public const string HoldoutSummary = "rapport_holdoutsummary";
        public const string Holdout = "rapport_holdout";
    }

    /// <summary>rapport_verdict's value for a verdict (prefix + the enum value).</summary>
    public static int VerdictOption(Rapport.Domain.Clv.Fitting.FitVerdict verdict) => OptionPrefix + (int)verdict;

    public const int VerdictUnusable = OptionPrefix + 2;

    public static class GiftColumns
    {
        public const string Donor = "rapport_donorid";
        public const string Amount = "rapport_amount";
        public const string Date = "rapport_giftdate";
        public const string All = "rapport_donorid,rapport_amount,rapport_giftdate,statecode,statuscode";
    }

    public static class SourceColumns
    {
        public const string Table = "rapport_tablename";
        public const string CustomerColumn = "rapport_customercolumn";
        public const string AmountColumn = "rapport_amountcolumn";
        public const string DateColumn = "rapport_datecolumn";
        public const string FilterColumn = "rapport_filtercolumn";
        public const string FilterValue = "rapport_filtervalue";
        public const string Kind = "rapport_sourcekind";
    }

    private static readonly string[] KindByOption = { BgNbdModel.ModelName, MbgNbdModel.ModelName, ParetoNbdModel.ModelName, GammaGammaModel.ModelName, BgBbModel.ModelName };

    public static string KindName(int option)
    {
        var index = option - OptionPrefix;
        if (index < 0 || index >= KindByOption.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(option), option, "Unknown CLV model kind value (rapport_kind).");
        }

        return KindByOption[index];
    }

    public static int KindOption(string kind) => OptionPrefix + Array.IndexOf(KindByOption, ClvModelSpec.NormaliseKind(kind, "Kind"));

    public static int SegmentOption(ClvSegment segment) => OptionPrefix + (int)segment;

    public static ClvSegment? SegmentOf(int? option) =>
        option is int value && value >= OptionPrefix && value <= OptionPrefix + (int)ClvSegment.Lapsed ? (ClvSegment)(value - OptionPrefix) : null;

    public static bool IsCustomerTable(string? table) => table == "contact" || table == "account";
}
