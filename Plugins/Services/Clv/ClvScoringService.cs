using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Crm;
using C = Rapport.Plugins.Services.Clv.ClvSchema.Customer;

namespace Rapport.Plugins.Services.Clv;

/// <summary>One counted transaction as it was (pre-image) or is (post-image): whose, and what the ledger holds for it.</summary>
public sealed record TransactionFact(EntityReference Customer, LedgerEntry Entry);

/// <summary>One page of <see cref="ClvScoringService.RescorePage"/>: rows rescored and the next page (0 when done).</summary>
public sealed record RescoreResult(int Processed, int NextPage);

/// <summary>
/// Keeps a customer's ledger, summary and scores current. A change costs one Retrieve of the customer (its ledger),
/// one RetrieveMultiple of the active models and one Update, whatever the customer's history length; a change that
/// moves a transaction between customers costs 5 (the models are read once). Nothing here re-reads transactions.
/// </summary>
public static class ClvScoringService
{
    /// <summary>Applies what a transaction was and is now to the customers concerned; null sides did not count.</summary>
    public static void ApplyChange(IOrganizationService service, TransactionFact? before, TransactionFact? after, DateTime asOf, ITracingService? trace = null)
    {
        if (before != null && after != null && Same(before.Customer, after.Customer))
        {
            if (before.Entry != after.Entry)
            {
                Apply(service, new[] { new CustomerChange(before.Customer, before.Entry, after.Entry) }, asOf, trace);
            }
            else
            {
                trace?.Trace("CLV: the counted amount, date and customer are unchanged; nothing to rescore.");
            }

            return;
        }

        var changes = new List<CustomerChange>(2);
        if (before != null)
        {
            changes.Add(new CustomerChange(before.Customer, before.Entry, null));
        }

        if (after != null)
        {
            changes.Add(new CustomerChange(after.Customer, null, after.Entry));
        }

        Apply(service, changes, asOf, trace);
    }

    /// <summary>Rescores one customer from its stored ledger: 3 requests.</summary>
    public static CustomerScorecard Rescore(IOrganizationService service, EntityReference customer, DateTime asOf) =>
        Rescore(service, customer, asOf, out _);

    /// <summary>As <see cref="Rescore(IOrganizationService, EntityReference, DateTime)"/>, also giving the ledger it read.</summary>
    public static CustomerScorecard Rescore(IOrganizationService service, EntityReference customer, DateTime asOf, out CustomerLedger ledger)
    {
        RequireCustomer(customer);
        ledger = ReadLedger(service.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(C.State)));
        var card = CustomerScorer.Score(ledger, asOf, ClvModelRepository.ActiveModels(service));
        service.Update(ToUpdate(customer, ledger, card));
        return card;
    }

    /// <summary>Rescores one page of customers that have a ledger, with one UpdateMultiple: 3 requests a page.</summary>
    public static RescoreResult RescorePage(IOrganizationService service, string table, int pageSize, int pageNumber, DateTime asOf)
    {
        var query = new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(C.State),
            PageInfo = new PagingInfo { Count = pageSize, PageNumber = pageNumber },
        };
        query.Criteria.AddCondition(C.State, ConditionOperator.NotNull);
        query.AddOrder(table + "id", OrderType.Ascending);
        var page = service.RetrieveMultiple(query);
        if (page.Entities.Count == 0)
        {
            return new RescoreResult(0, 0);
        }

        var models = ClvModelRepository.ActiveModels(service);
        var targets = new EntityCollection { EntityName = table };
        foreach (var row in page.Entities)
        {
            var ledger = ReadLedger(row);
            targets.Entities.Add(ToUpdate(row.ToEntityReference(), ledger, CustomerScorer.Score(ledger, asOf, models)));
        }

        service.Execute(new UpdateMultipleRequest { Targets = targets });
        return new RescoreResult(page.Entities.Count, page.MoreRecords ? pageNumber + 1 : 0);
    }

    /// <summary>The customer's ledger column, read strictly: a corrupt ledger is refused naming the customer.</summary>
    public static CustomerLedger ReadLedger(Entity customer)
    {
        try
        {
            return CustomerLedger.Parse(customer.GetAttributeValue<string>(C.State), C.State);
        }
        catch (ClvInputException error)
        {
            throw new InvalidPluginExecutionException($"{customer.LogicalName} {customer.Id}: {error.Message}");
        }
    }

    /// <summary>Every summary and score column, so an emptied ledger clears them.</summary>
    public static Entity ToUpdate(EntityReference customer, CustomerLedger ledger, CustomerScorecard card)
    {
        var row = new Entity(customer.LogicalName, customer.Id)
        {
            [C.State] = ledger.IsEmpty ? null : ledger.Encode(),
            [C.TransactionCount] = card.TransactionCount,
            [C.FirstOn] = Utc(card.FirstTransactionOn),
            [C.LastOn] = Utc(card.LastTransactionOn),
            [C.Total] = new Money(card.Total),
            [C.Average] = MoneyOrNull(card.Average),
            [C.LargestGift] = MoneyOrNull(card.LargestGift),
            [C.BestYear] = card.BestYear,
            [C.BestYearTotal] = MoneyOrNull(card.BestYearTotal),
            [C.ConsecutiveYears] = card.ConsecutiveYears,
            [C.Lybunt] = card.Lybunt,
            [C.Sybunt] = card.Sybunt,
            [C.Clv] = MoneyOrNull(card.Clv),
            [C.PAlive] = card.ProbabilityAlive,
            [C.PAliveBand] = card.ProbabilityAlive is double p ? new OptionSetValue(ClvSchema.OptionPrefix + Math.Min(3, (int)(p * 4))) : null,
            [C.Expected12m] = card.ExpectedTransactions12Months,
            [C.Segment] = card.Segment is ClvSegment s ? new OptionSetValue(ClvSchema.SegmentOption(s)) : null,
            [C.ScoredOn] = DateTime.SpecifyKind(card.ScoredOn, DateTimeKind.Utc),
            [C.ModelId] = card.Model != null && card.Model.Id != Guid.Empty && card.ProbabilityAlive.HasValue ? new EntityReference(ClvSchema.Model, card.Model.Id) : null,
        };
        return row;
    }

    private static void Apply(IOrganizationService service, IReadOnlyList<CustomerChange> changes, DateTime asOf, ITracingService? trace)
    {
        var touched = new List<KeyValuePair<EntityReference, CustomerLedger>>(changes.Count);
        foreach (var change in changes)
        {
            RequireCustomer(change.Customer);
            var ledger = ReadLedger(service.Retrieve(change.Customer.LogicalName, change.Customer.Id, new ColumnSet(C.State)));
            var changed = false;
            if (change.Remove != null)
            {
                changed = ledger.Remove(change.Remove);
                if (!changed)
                {
                    trace?.Trace("CLV: {0} {1} never counted {2:yyyy-MM-dd} {3}; nothing removed.", change.Customer.LogicalName, change.Customer.Id, change.Remove.Day, change.Remove.Amount);
                }
            }

            if (change.Add != null)
            {
                ledger.Add(change.Add);
                changed = true;
            }

            if (changed)
            {
                touched.Add(new KeyValuePair<EntityReference, CustomerLedger>(change.Customer, ledger));
            }
        }

        if (touched.Count == 0)
        {
            return;
        }

        var models = ClvModelRepository.ActiveModels(service);
        foreach (var customer in touched)
        {
            var card = CustomerScorer.Score(customer.Value, asOf, models);
            if (card.Warning != null)
            {
                trace?.Trace("CLV: {0}", card.Warning);
            }

            service.Update(ToUpdate(customer.Key, customer.Value, card));
        }
    }

    private static void RequireCustomer(EntityReference customer)
    {
        if (!ClvSchema.IsCustomerTable(customer.LogicalName))
        {
            throw new InvalidPluginExecutionException($"CLV is kept on contacts and accounts; '{customer.LogicalName}' is neither.");
        }
    }

    private static bool Same(EntityReference a, EntityReference b) => a.Id == b.Id && a.LogicalName == b.LogicalName;

    private static object? Utc(DateTime? value) => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : null;

    private static Money? MoneyOrNull(decimal? value) => value.HasValue ? new Money(value.Value) : null;

    private sealed record CustomerChange(EntityReference Customer, LedgerEntry? Remove, LedgerEntry? Add);
}
