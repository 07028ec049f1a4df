using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;
using Rapport.Plugins.Services.Clv;
using C = Rapport.Plugins.Services.Clv.ClvSchema.Customer;

namespace Rapport.Clv.Crm.Tests;

/// <summary>
/// A gift created, edited, moved to another donor and deleted leaves both donors' summaries and scores exactly as the
/// CLV engine computes them from the donors' gift lists, at 3 requests per donor touched.
/// </summary>
public sealed class GiftFlowTests
{
    private static readonly BgBbModel Model = new(1.204, 0.750, 0.657, 2.783);
    private static readonly string[] OneDonor = ["Retrieve", "RetrieveMultiple", "Update"];
    private static readonly string[] TwoDonors = ["Retrieve", "Retrieve", "RetrieveMultiple", "Update", "Update"];

    private CrmEnvironment _crm = null!;
    private EntityReference _ann = null!;
    private EntityReference _ben = null!;
    private List<Transaction> _annGifts = null!;
    private List<Transaction> _benGifts = null!;

    [SetUp]
    public void SetUp()
    {
        _crm = new CrmEnvironment();
        _crm.Model(BgBbModel.ModelName, CrmEnvironment.BgBbParameters, active: true, unit: "year");
        _ann = _crm.Contact("Ann");
        _ben = _crm.Contact("Ben");
        _annGifts = [];
        _benGifts = [];
        foreach (var (year, month, amount) in new[] { (2021, 3, 100m), (2022, 5, 50m), (2023, 11, 75m), (2024, 12, 200m) })
        {
            _crm.Gift(_ann, amount, new DateTime(year, month, 1));
            _annGifts.Add(new Transaction("ann", new DateTime(year, month, 1), (double)amount));
        }

        _crm.Gift(_ben, 30m, new DateTime(2024, 2, 2));
        _benGifts.Add(new Transaction("ben", new DateTime(2024, 2, 2), 30));
    }

    [Test]
    public void Gift_created_edited_moved_and_deleted_leaves_both_donors_exactly_right_at_3_requests_per_donor()
    {
        // Create: Ann gives in the current year, so 2025 becomes an opportunity she used: x = 4, t_x = 4, n = 4.
        Guid gift = Guid.Empty;
        var created = _crm.PluginRequests(() => gift = _crm.Gift(_ann, 40m, new DateTime(2025, 4, 1)));
        _annGifts.Add(new Transaction("ann", new DateTime(2025, 4, 1), 40));
        Assert.That(created, Is.EqualTo(OneDonor), "create");
        AssertDonor(_ann, _annGifts, x: 4, tx: 4, n: 4);
        AssertDonor(_ben, _benGifts, x: 0, tx: 0, n: 0);

        // Edit amount and date.
        var edited = _crm.PluginRequests(() => _crm.Service.Update(new Entity(ClvSchema.Gift, gift)
        {
            [ClvSchema.GiftColumns.Amount] = new Money(400m),
            [ClvSchema.GiftColumns.Date] = new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
        _annGifts[^1] = new Transaction("ann", new DateTime(2025, 5, 1), 400);
        Assert.That(edited, Is.EqualTo(OneDonor), "edit");
        AssertDonor(_ann, _annGifts, x: 4, tx: 4, n: 4);

        // Move to Ben: Ann is back to 2021-2024 (n = 3), Ben gave in 2024 and 2025 (x = 1, n = 1).
        var moved = _crm.PluginRequests(() => _crm.Service.Update(new Entity(ClvSchema.Gift, gift) { [ClvSchema.GiftColumns.Donor] = _ben }));
        _annGifts.RemoveAt(_annGifts.Count - 1);
        _benGifts.Add(new Transaction("ben", new DateTime(2025, 5, 1), 400));
        Assert.That(moved, Is.EqualTo(TwoDonors), "move: 3 per donor, the models read once");
        AssertDonor(_ann, _annGifts, x: 3, tx: 3, n: 3);
        AssertDonor(_ben, _benGifts, x: 1, tx: 1, n: 1);

        // Delete: Ben is back to his single 2024 gift, a donor with no opportunity yet (n = 0).
        var deleted = _crm.PluginRequests(() => _crm.Service.Delete(ClvSchema.Gift, gift));
        _benGifts.RemoveAt(_benGifts.Count - 1);
        Assert.That(deleted, Is.EqualTo(OneDonor), "delete");
        AssertDonor(_ann, _annGifts, x: 3, tx: 3, n: 3);
        AssertDonor(_ben, _benGifts, x: 0, tx: 0, n: 0);
    }

    [Test]
    public void Request_count_does_not_grow_with_the_donors_history()
    {
        for (var i = 0; i < 200; i++)
        {
            _crm.Gift(_ann, 10m + i, new DateTime(2010, 1, 1).AddDays(i * 20));
        }

        var requests = _crm.PluginRequests(() => _crm.Gift(_ann, 5m, new DateTime(2025, 6, 1)));

        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.EqualTo(OneDonor));
            Assert.That(_crm.Read(_ann).GetAttributeValue<int>(C.TransactionCount), Is.EqualTo(205), "4 seeded + 200 + 1");
        });
    }

    [Test]
    public void Deactivating_a_gift_removes_it_and_reactivating_counts_it_again()
    {
        var gift = _crm.Gift(_ben, 60m, new DateTime(2025, 1, 10));
        var counted = _crm.Read(_ben).GetAttributeValue<Money>(C.Total)!.Value;

        _crm.Service.Update(new Entity(ClvSchema.Gift, gift) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
        var refunded = _crm.Read(_ben).GetAttributeValue<Money>(C.Total)!.Value;
        _crm.Service.Update(new Entity(ClvSchema.Gift, gift) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });

        Assert.Multiple(() =>
        {
            Assert.That(counted, Is.EqualTo(90m));
            Assert.That(refunded, Is.EqualTo(30m));
            Assert.That(_crm.Read(_ben).GetAttributeValue<Money>(C.Total)!.Value, Is.EqualTo(90m));
        });
    }

    private void AssertDonor(EntityReference donor, List<Transaction> gifts, int x, int tx, int n)
    {
        var row = _crm.Read(donor);
        var rollup = DonorRollups.Compute(gifts, CrmEnvironment.Today.Year).Single();
        var yearTotals = gifts.GroupBy(g => g.Date.Year).Select(g => g.Sum(t => t.Value)).ToList();
        var meanYear = yearTotals.Average();
        double alive, expected, clv;
        if (n > 0)
        {
            alive = Model.ProbabilityAlive(x, tx, n);
            expected = Model.ConditionalExpectedTransactions(1, x, tx, n);
            clv = Prediction.DiscountedClv(Model, new CustomerSummary("d", x, tx, n), meanYear, 3, 1, 0.10);
        }
        else
        {
            alive = 1;
            expected = Model.ExpectedTransactions(1);
            clv = Enumerable.Range(1, 3).Sum(k => (Model.ExpectedTransactions(k) - Model.ExpectedTransactions(k - 1)) * meanYear / Math.Pow(1.1, k));
        }

        var name = row.GetAttributeValue<string>("fullname");
        Assert.Multiple(() =>
        {
            Assert.That(row.GetAttributeValue<int>(C.TransactionCount), Is.EqualTo(rollup.Count), name + " count");
            Assert.That(row.GetAttributeValue<Money>(C.Total)!.Value, Is.EqualTo((decimal)rollup.Total), name + " total");
            Assert.That(row.GetAttributeValue<Money>(C.Average)!.Value, Is.EqualTo(Math.Round((decimal)rollup.Total / rollup.Count, 2)), name + " average");
            Assert.That(row.GetAttributeValue<DateTime>(C.FirstOn).Date, Is.EqualTo(rollup.FirstGiftDate), name + " first");
            Assert.That(row.GetAttributeValue<DateTime>(C.LastOn).Date, Is.EqualTo(rollup.LastGiftDate), name + " last");
            Assert.That(row.GetAttributeValue<Money>(C.LargestGift)!.Value, Is.EqualTo((decimal)rollup.LargestGift), name + " largest");
            Assert.That(row.GetAttributeValue<int>(C.BestYear), Is.EqualTo(rollup.BestYear), name + " best year");
            Assert.That(row.GetAttributeValue<int>(C.ConsecutiveYears), Is.EqualTo(rollup.ConsecutiveYears), name + " streak");
            Assert.That(row.GetAttributeValue<bool>(C.Lybunt), Is.EqualTo(rollup.Lybunt), name + " LYBUNT");
            Assert.That(row.GetAttributeValue<bool>(C.Sybunt), Is.EqualTo(rollup.Sybunt), name + " SYBUNT");
            Assert.That(row.GetAttributeValue<double>(C.PAlive), Is.EqualTo(Math.Round(alive, 4)), name + " P(alive)");
            Assert.That(row.GetAttributeValue<double>(C.Expected12m), Is.EqualTo(Math.Round(expected, 4)), name + " expected 12 months");
            Assert.That(row.GetAttributeValue<Money>(C.Clv)!.Value, Is.EqualTo(Math.Round((decimal)clv, 2)), name + " CLV");
            Assert.That(row.GetAttributeValue<OptionSetValue>(C.Segment), Is.Not.Null, name + " segment");
            Assert.That(row.GetAttributeValue<DateTime>(C.ScoredOn), Is.EqualTo(CrmEnvironment.Today), name + " scored on");
            Assert.That(row.GetAttributeValue<EntityReference>(C.ModelId), Is.Not.Null, name + " model");
        });
    }
}
