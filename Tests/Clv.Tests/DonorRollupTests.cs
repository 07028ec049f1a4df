using System;
using System.Collections.Generic;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;

namespace Rapport.Clv.Tests;

public class DonorRollupTests
{
    private const int CurrentYear = 2024;

    private static readonly List<Transaction> Gifts = new()
    {
        Gift("loyal", 2021, 50), Gift("loyal", 2022, 60), Gift("loyal", 2023, 70), Gift("loyal", 2024, 20), Gift("loyal", 2024, 200),
        Gift("lybunt", 2022, 10), Gift("lybunt", 2023, 15),
        Gift("sybunt", 2020, 500), Gift("sybunt", 2021, 5),
        Gift("new", 2024, 25),
    };

    [Test]
    public void Totals_counts_dates_largest_gift_and_best_year()
    {
        var loyal = Find("loyal");

        Assert.That(loyal.Total, Is.EqualTo(400));
        Assert.That(loyal.Count, Is.EqualTo(5));
        Assert.That(loyal.FirstGiftDate, Is.EqualTo(new DateTime(2021, 3, 1)));
        Assert.That(loyal.LastGiftDate, Is.EqualTo(new DateTime(2024, 3, 1)));
        Assert.That(loyal.LargestGift, Is.EqualTo(200));
        Assert.That(loyal.BestYear, Is.EqualTo(2024));
        Assert.That(loyal.BestYearTotal, Is.EqualTo(220));
    }

    [Test]
    public void Consecutive_years_count_back_from_this_year_or_from_last_year_before_a_gift_this_year()
    {
        Assert.That(Find("loyal").ConsecutiveYears, Is.EqualTo(4));
        Assert.That(Find("lybunt").ConsecutiveYears, Is.EqualTo(2));
        Assert.That(Find("sybunt").ConsecutiveYears, Is.EqualTo(0));
        Assert.That(Find("new").ConsecutiveYears, Is.EqualTo(1));
    }

    [Test]
    public void Lybunt_and_sybunt_flags_follow_npsp_definitions()
    {
        Assert.That((Find("lybunt").Lybunt, Find("lybunt").Sybunt), Is.EqualTo((true, false)));
        Assert.That((Find("sybunt").Lybunt, Find("sybunt").Sybunt), Is.EqualTo((false, true)));
        Assert.That((Find("loyal").Lybunt, Find("loyal").Sybunt), Is.EqualTo((false, false)));
        Assert.That((Find("new").Lybunt, Find("new").Sybunt), Is.EqualTo((false, false)));
    }

    [Test]
    public void Organisation_retention_is_the_share_of_last_years_donors_who_gave_again()
    {
        var byYear = DonorRollups.RetentionByYear(Gifts).ConvertAll(r => (r.Year, r.PriorYearDonors, r.Retained));

        Assert.That(byYear, Is.EqualTo(new[] { (2021, 1, 1), (2022, 2, 1), (2023, 2, 2), (2024, 2, 1) }));
    }

    [Test]
    public void Negative_gift_is_rejected_naming_the_donor()
    {
        var e = Assert.Throws<ClvInputException>(() => DonorRollups.Compute(new[] { Gift("x", 2024, -1) }, CurrentYear));

        Assert.That(e!.Message, Does.Contain("'x'"));
    }

    private static DonorRollup Find(string id) => DonorRollups.Compute(Gifts, CurrentYear).Find(r => r.DonorId == id)!;

    private static Transaction Gift(string donor, int year, double amount) => new(donor, new DateTime(year, 3, 1), amount);
}
