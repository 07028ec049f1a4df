using System;
using System.Collections.Generic;
using Rapport.Domain.Common;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// The retention formulas for a whole CLV segment (the rapport_segment of contacts and accounts): Gupta &amp; Lehmann
/// (2003) CLV = m·r/(1+i−r) and donor lifetime value = g·f/(1−r) for the segment's average customer, and for all of
/// them (× customers). g = the segment's spend ÷ its purchase days, f = its purchase days ÷ its customer-years observed
/// (each customer from the first purchase, at least one year), r = the segment's yearly retention rate measured when
/// the model was fitted (all customers' when the segment's rests on fewer than <see cref="RetentionRates.MinimumBase"/>).
/// </summary>
public sealed record SegmentRetentionValue(ClvSegment Segment, int Customers, int PurchaseDays, double CustomerYears, RetentionValue? PerCustomer)
{
    public double? SegmentGuptaLehmannClv => PerCustomer?.GuptaLehmannClv * Customers;

    public double? SegmentDonorLifetimeValue => PerCustomer?.DonorLifetimeValue * Customers;

    /// <summary>
    /// The segment's value from its members' ledgers at <paramref name="asOf"/>; <see cref="PerCustomer"/> is null
    /// when it has no purchases or the model carries no retention rate.
    /// </summary>
    public static SegmentRetentionValue Compute(ClvSegment segment, IEnumerable<CustomerLedger> members, DateTime asOf, ClvModelSpec model)
    {
        int customers = 0, purchaseDays = 0;
        double spend = 0, years = 0;
        foreach (var ledger in members)
        {
            var days = ledger.DayTotals(asOf);
            if (days.Count == 0)
            {
                continue;
            }

            customers++;
            purchaseDays += days.Count;
            years += Math.Max(1, (asOf.Date - days[0].Key).TotalDays / 365.25);
            foreach (var day in days)
            {
                spend += day.Value;
            }
        }

        var rate = model.Retention?.For(segment);
        var value = customers > 0 && rate != null ? RetentionValue.From(spend / purchaseDays, purchaseDays / years, rate.Value.Key, rate.Value.Value, model) : null;
        return new SegmentRetentionValue(segment, customers, purchaseDays, years, value);
    }

    /// <summary>
    /// <c>{"segment","label","customers","purchaseDays","customerYears","perCustomer":{rate,rateSource,inputs,formulas},
    /// "explanation","segmentTotal":{"guptaLehmannClv","donorLifetimeValue"}}</c>.
    /// </summary>
    public string ToJson()
    {
        var w = new JsonWriter();
        w.StartObject().Property("segment", Segment.ToString()).Property("label", CustomerInsights.SegmentLabel(Segment))
            .Property("customers", Customers).Property("purchaseDays", PurchaseDays);
        JsonNumbers.Write(w, "customerYears", CustomerYears);
        w.Name("perCustomer");
        if (PerCustomer == null)
        {
            w.Null().Property("explanation", Customers == 0 ? "No customer of this segment has a purchase or gift." : "The active model carries no measured retention rate: refit it.");
        }
        else
        {
            PerCustomer.Write(w).Property("explanation", PerCustomer.Explain());
        }

        w.Name("segmentTotal").StartObject();
        JsonNumbers.Write(w, "guptaLehmannClv", SegmentGuptaLehmannClv.HasValue ? Math.Round(SegmentGuptaLehmannClv.Value, 2) : null);
        JsonNumbers.Write(w, "donorLifetimeValue", SegmentDonorLifetimeValue.HasValue ? Math.Round(SegmentDonorLifetimeValue.Value, 2) : null);
        return w.EndObject().EndObject().ToString();
    }
}
