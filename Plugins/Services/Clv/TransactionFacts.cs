using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Crm;
using G = Rapport.Plugins.Services.Clv.ClvSchema.GiftColumns;
using S = Rapport.Plugins.Services.Clv.ClvSchema.SourceColumns;

namespace Rapport.Plugins.Services.Clv;

/// <summary>A configured transaction source (a rapport_clvsource row).</summary>
public sealed record TransactionSource(string Name, string Table, string CustomerColumn, string AmountColumn, string DateColumn, string? FilterColumn, int? FilterValue, bool IsGift);

/// <summary>
/// Reads what a transaction row counts for from a step image. The side being written (post-image) is validated
/// strictly, with messages naming the column; the side being replaced (pre-image) is lenient: a row that was never
/// valid never counted, so it is simply not removed.
/// </summary>
public static class TransactionFacts
{
    /// <summary>A gift counts while active and not pledged.</summary>
    public static TransactionFact? Gift(Entity? image, DateTime today, bool strict)
    {
        if (image == null || !IsActiveGift(image))
        {
            return null;
        }

        var source = new TransactionSource("Gifts", ClvSchema.Gift, G.Donor, G.Amount, G.Date, null, null, IsGift: true);
        return Read(image, source, today, strict, "gift");
    }

    /// <summary>A row of a configured source; null when it does not pass the source's filter.</summary>
    public static TransactionFact? FromSource(Entity? image, TransactionSource source, DateTime today, bool strict)
    {
        if (image == null || (source.FilterColumn != null && Number(image.GetAttributeValue<object>(source.FilterColumn)) != source.FilterValue))
        {
            return null;
        }

        return Read(image, source, today, strict, source.Table);
    }

    /// <summary>The active sources for one table: one RetrieveMultiple. Their columns must be among <paramref name="imagedColumns"/>.</summary>
    public static List<TransactionSource> ActiveSources(IOrganizationService service, string table, string imagedColumns)
    {
        var query = new QueryExpression(ClvSchema.Source)
        {
            ColumnSet = new ColumnSet("rapport_name", S.Table, S.CustomerColumn, S.AmountColumn, S.DateColumn, S.FilterColumn, S.FilterValue, S.Kind),
            NoLock = true,
        };
        query.Criteria.AddCondition(S.Table, ConditionOperator.Equal, table);
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        var allowed = new HashSet<string>(imagedColumns.Split(','), StringComparer.Ordinal);
        var sources = new List<TransactionSource>();
        foreach (var row in service.RetrieveMultiple(query).Entities)
        {
            var name = row.GetAttributeValue<string>("rapport_name") ?? row.Id.ToString();
            var source = new TransactionSource(
                name,
                table,
                Column(row, S.CustomerColumn, name, allowed, true)!,
                Column(row, S.AmountColumn, name, allowed, true)!,
                Column(row, S.DateColumn, name, allowed, true)!,
                Column(row, S.FilterColumn, name, allowed, false),
                row.GetAttributeValue<int?>(S.FilterValue),
                row.GetAttributeValue<OptionSetValue>(S.Kind)?.Value == ClvSchema.SourceKindNonprofit);
            sources.Add(source);
        }

        return sources;
    }

    private static TransactionFact? Read(Entity image, TransactionSource source, DateTime today, bool strict, string what)
    {
        var customer = image.GetAttributeValue<EntityReference>(source.CustomerColumn);
        try
        {
            if (customer == null)
            {
                throw new ClvInputException($"The {what} has no {(source.IsGift ? "donor" : "customer")} ({source.CustomerColumn}): choose the contact or account it belongs to.", source.CustomerColumn);
            }

            if (!ClvSchema.IsCustomerTable(customer.LogicalName))
            {
                throw new ClvInputException($"The {what}'s {source.CustomerColumn} points to a {customer.LogicalName}; CLV counts contacts and accounts only.", source.CustomerColumn);
            }

            var amount = Amount(image.GetAttributeValue<object>(source.AmountColumn), source.AmountColumn);
            var date = image.GetAttributeValue<DateTime?>(source.DateColumn);
            return new TransactionFact(customer, LedgerEntry.From(amount, date, source.IsGift, today, source.AmountColumn, source.DateColumn));
        }
        catch (ClvInputException error)
        {
            if (strict)
            {
                throw new InvalidPluginExecutionException(error.Message);
            }

            return null;
        }
    }

    private static bool IsActiveGift(Entity image)
    {
        var state = image.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
        var status = image.GetAttributeValue<OptionSetValue>("statuscode")?.Value;
        return state == 0 && status != ClvSchema.GiftStatusPledged;
    }

    private static decimal? Amount(object? value, string column) => value switch
    {
        null => null,
        Money money => money.Value,
        decimal d => d,
        double d => (decimal)d,
        int i => i,
        _ => throw new ClvInputException($"The amount column {column} holds a {value.GetType().Name}, not a currency or number.", column),
    };

    private static int? Number(object? value) => value switch
    {
        OptionSetValue option => option.Value,
        int i => i,
        bool b => b ? 1 : 0,
        _ => null,
    };

    private static string? Column(Entity row, string column, string source, HashSet<string> allowed, bool required)
    {
        var value = row.GetAttributeValue<string>(column)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return required ? throw new InvalidPluginExecutionException($"CLV transaction source '{source}' has no {column}: fill it in or deactivate the source.") : null;
        }

        if (!allowed.Contains(value!))
        {
            throw new InvalidPluginExecutionException(
                $"CLV transaction source '{source}': {column} '{value}' is not a column Rapport's step reads on this table ({string.Join(", ", allowed)}). Choose one of those or deactivate the source.");
        }

        return value;
    }
}
