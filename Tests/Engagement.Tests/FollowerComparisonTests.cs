using System;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class FollowerComparisonTests
{
    private static readonly DateTime From = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime May = new DateTime(2026, 5, 10, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Stranger = new Guid("f0000000-0000-0000-0000-00000000000f");

    private static readonly ComparedCustomer[] Customers =
    {
        new ComparedCustomer(Ids.Ana, true, 1000m),
        new ComparedCustomer(Ids.Ben, true, 600m),
        new ComparedCustomer(Ids.Cara, false, 400m),
        new ComparedCustomer(Ids.Dan, false, 200m),
        new ComparedCustomer(Ids.Eve, false, 300m),
    };

    private static readonly Purchase[] Purchases =
    {
        new Purchase(Ids.Ana, May, 120m),
        new Purchase(Ids.Ana, May.AddDays(3), 80m),
        new Purchase(Ids.Ben, May, 100m),
        new Purchase(Ids.Cara, May, 60m),
        new Purchase(Ids.Dan, From.AddDays(-1), 500m), // before the period
        new Purchase(Stranger, May, 999m), // not in the comparison
    };

    [Test]
    public void Followers_and_non_followers_are_compared_on_average_spend_and_clv()
    {
        var result = FollowerComparison.Compare(Customers, Purchases, From, To);

        // followers: spend (200 + 100) / 2 = 150, CLV (1000 + 600) / 2 = 800
        // others: spend (60 + 0 + 0) / 3 = 20 (customers without a purchase count), CLV (400 + 200 + 300) / 3 = 300
        Assert.That(result.Followers, Is.EqualTo(new GroupFigures(2, 300m, 150m, 800m)));
        Assert.That(result.NonFollowers, Is.EqualTo(new GroupFigures(3, 60m, 20m, 300m)));
        Assert.That(result.SpendDifference, Is.EqualTo(130m));
        Assert.That(result.SpendRatio, Is.EqualTo(7.5m));
        Assert.That(result.ClvDifference, Is.EqualTo(500m));
        Assert.That(result.ClvRatio!.Value, Is.EqualTo(2.6667m).Within(0.0001m));
        Assert.That(result.PurchasesOfUnknownCustomers, Is.EqualTo(1));
    }

    [Test]
    public void An_empty_group_gives_no_averages_and_no_difference()
    {
        var result = FollowerComparison.Compare(new[] { new ComparedCustomer(Ids.Cara, false, 400m) }, Purchases, From, To);

        Assert.That(result.Followers, Is.EqualTo(new GroupFigures(0, 0m, null, null)));
        Assert.That(result.NonFollowers.AverageSpend, Is.EqualTo(60m));
        Assert.That(result.SpendDifference, Is.Null);
        Assert.That(result.SpendRatio, Is.Null);
        Assert.That(result.ClvDifference, Is.Null);
    }

    [Test]
    public void Non_followers_without_spend_give_a_difference_but_no_ratio()
    {
        var result = FollowerComparison.Compare(new[] { new ComparedCustomer(Ids.Ana, true, 10m), new ComparedCustomer(Ids.Eve, false, 0m) }, Purchases, From, To);

        Assert.That(result.SpendDifference, Is.EqualTo(200m));
        Assert.That(result.SpendRatio, Is.Null);
        Assert.That(result.ClvRatio, Is.Null);
    }

    [Test]
    public void Bad_inputs_are_refused()
    {
        Assert.That(
            () => FollowerComparison.Compare(new[] { Customers[0], Customers[0] }, Purchases, From, To),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("CustomerId a0000000-0000-0000-0000-000000000001 is listed twice; list each customer once."));
        Assert.That(
            () => FollowerComparison.Compare(Customers, new[] { new Purchase(Ids.Ana, May, -3m) }, From, To),
            Throws.TypeOf<EngagementException>().With.Message.StartsWith("Amount -3 of a purchase"));
        Assert.That(() => FollowerComparison.Compare(Customers, Purchases, To, To), Throws.TypeOf<EngagementException>().With.Message.Contains("the period must not be empty"));
    }
}
