using System;
using System.Globalization;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

/// <summary>Digest periods against the calendar: ISO 8601 weeks start on Monday (System.Globalization.ISOWeek is the second method).</summary>
public sealed class DigestScheduleTests
{
    [TestCase("2025-01-01T09:00:00", "2024-12-31", "2025-01-01")]
    [TestCase("2025-01-02T00:00:00", "2025-01-01", "2025-01-02")]
    [TestCase("2024-03-01T23:59:59", "2024-02-29", "2024-03-01")]
    public void Daily_period_is_the_previous_utc_day(string now, string start, string end)
    {
        var period = DigestSchedule.LastComplete(DigestCadence.Daily, DateTime.Parse(now, CultureInfo.InvariantCulture))!;
        Assert.That((period.Start, period.End), Is.EqualTo((DateTime.Parse(start, CultureInfo.InvariantCulture), DateTime.Parse(end, CultureInfo.InvariantCulture))));
        Assert.That(period.Key, Is.EqualTo("daily:" + start));
    }

    [Test]
    public void Weekly_period_is_the_previous_iso_week_for_every_day_of_two_years()
    {
        for (var day = new DateTime(2024, 1, 1, 13, 0, 0, DateTimeKind.Utc); day.Year < 2026; day = day.AddDays(1))
        {
            var period = DigestSchedule.LastComplete(DigestCadence.Weekly, day)!;
            var lastWeek = day.AddDays(-7);
            var isoMonday = ISOWeek.ToDateTime(ISOWeek.GetYear(lastWeek), ISOWeek.GetWeekOfYear(lastWeek), DayOfWeek.Monday);
            Assert.That(period.Start, Is.EqualTo(isoMonday), day.ToString("O", CultureInfo.InvariantCulture));
            Assert.That(period.End, Is.EqualTo(isoMonday.AddDays(7)));
        }
    }

    [Test]
    public void No_period_without_a_cadence() => Assert.That(DigestSchedule.LastComplete(DigestCadence.None, DateTime.UtcNow), Is.Null);

    [Test]
    public void Unsubscribe_token_verifies_only_as_issued()
    {
        var secret = new byte[32];
        new Random(7).NextBytes(secret);
        var org = Guid.NewGuid();
        var user = Guid.NewGuid();
        var token = DigestUnsubscribeToken.Create(secret, org, user);
        var otherSecret = (byte[])secret.Clone();
        otherSecret[0] ^= 1;

        Assert.Multiple(() =>
        {
            Assert.That(DigestUnsubscribeToken.Verify(secret, org, token), Is.EqualTo(user));
            Assert.That(() => DigestUnsubscribeToken.Verify(otherSecret, org, token), Throws.TypeOf<FeedException>());
            Assert.That(() => DigestUnsubscribeToken.Verify(secret, Guid.NewGuid(), token), Throws.TypeOf<FeedException>());
            Assert.That(() => DigestUnsubscribeToken.Verify(secret, org, Guid.NewGuid().ToString("N") + token[32..]), Throws.TypeOf<FeedException>(), "another user's id with this MAC");
            Assert.That(() => DigestUnsubscribeToken.Verify(secret, org, "nonsense"), Throws.TypeOf<FeedException>());
        });
    }
}
