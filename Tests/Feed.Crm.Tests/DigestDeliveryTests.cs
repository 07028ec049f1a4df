using System;
using System.Linq;
using System.ServiceModel;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;

namespace Rapport.Feed.Crm.Tests;

/// <summary>
/// rapport_DeliverDigests with the emulator's clock moved across days and weeks. The emulator starts on Wednesday
/// 2025-01-01 09:00 UTC; a daily digest covers the previous UTC day, a weekly one the previous Monday-to-Monday week.
/// </summary>
[NonParallelizable]
public sealed class DigestDeliveryTests
{
    private const int Daily = 107850001;
    private const int Weekly = 107850002;
    private FeedWorld _w = null!;
    private Guid _carol;
    private Guid _shelter;

    [SetUp]
    public void SetUp()
    {
        _w = new FeedWorld();
        SendEmailDouble.Register(_w.Env);
        SendEmailDouble.Failing = false;
        _carol = _w.Env.CreateUser("Carol Ng");
        _w.Env.AccessPolicy = _w.Policy;
        _shelter = _w.Account("Hope Shelter");
    }

    [TearDown]
    public void TearDown() => SendEmailDouble.Failing = false;

    private void Prefer(Guid user, int cadence) =>
        _w.As(user).Create(new Entity("rapport_feedpreference") { ["rapport_name"] = "mine", ["rapport_digest"] = new OptionSetValue(cadence) });

    private OrganizationResponse Deliver(int? max = null)
    {
        var request = new OrganizationRequest("rapport_DeliverDigests") { ["UnsubscribeUrl"] = "https://rapport.example/unsubscribe" };
        if (max is { } m)
        {
            request["MaxFollowers"] = m;
        }

        return _w.Env.SystemService.Execute(request);
    }

    private Entity[] EmailsTo(Guid user) => _w.Rows("email")
        .Where(e => e.GetAttributeValue<EntityCollection>("to")?.Entities.Any(p => p.GetAttributeValue<EntityReference>("partyid")?.Id == user) == true)
        .ToArray();

    /// <summary>Ana wants a daily digest of the shelter she follows; Carol posts on 1 January; the clock is at 2 January 06:00.</summary>
    private void AnaFollowsDailyAndCarolPostsOnNewYearsDay()
    {
        Prefer(_w.Ana, Daily);
        _w.Follow(_w.Ana, "account", _shelter);
        _w.Post(_carol, "account", _shelter, "Day one");
        At(2025, 1, 2, 6);
    }

    private void At(int year, int month, int day, int hour) => _w.Env.Clock.Set(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc));

    [Test]
    public void Daily_digest_is_sent_once_the_day_is_over_trimmed_to_the_follower_and_a_rerun_sends_nothing()
    {
        Prefer(_w.Ana, Daily);
        Prefer(_w.Ben, Daily);
        _w.Follow(_w.Ana, "account", _shelter);
        _w.Follow(_w.Ben, "account", _shelter);
        _w.Policy.Deny(_w.Ben, _shelter); // Ben loses read access: his digest must not carry the shelter's news
        _w.Post(_carol, "account", _shelter, "The gala raised 12,000 for the winter beds");

        var sameDay = Deliver();
        Assert.That(sameDay["Sent"], Is.EqualTo(0), "1 January is not over: only 31 December (empty) was due");

        At(2025, 1, 2, 6);
        using var scope = _w.Env.Metrics.BeginScope();
        var next = Deliver();
        var direct = scope.Requests.Count(r => r.Depth == 2);

        var email = EmailsTo(_w.Ana).Single();
        var notification = _w.Rows("appnotification", "ownerid", _w.Ana).Single();
        Assert.Multiple(() =>
        {
            Assert.That(next["Sent"], Is.EqualTo(1));
            Assert.That(next["Empty"], Is.EqualTo(1), "Ben's digest is empty: the only post is about a record he cannot read");
            Assert.That(email.GetAttributeValue<string>("subject"), Is.EqualTo("Rapport digest: 1 update on 1 record"));
            Assert.That(email.GetAttributeValue<string>("description"), Does.Contain("The gala raised 12,000"));
            Assert.That(email.GetAttributeValue<OptionSetValue>("statuscode")?.Value, Is.EqualTo(6), "SendEmail was issued (Pending Send)");
            Assert.That(notification.GetAttributeValue<string>("title"), Is.EqualTo("Rapport digest: 1 update on 1 record"));
            Assert.That(EmailsTo(_w.Ben), Is.Empty);
            // roles (1) + due followers per cadence (2) + feed secret (1); per digest: feed candidates + one access
            // query per regarding table (2 here) and delivery row, e-mail, SendEmail, notification (4); an empty one:
            // the same feed reads and its delivery row (3).
            Assert.That(direct, Is.EqualTo(4 + (2 + 4) + (2 + 1)), string.Join("; ", scope.Requests.Where(r => r.Depth == 2)));
        });

        var rerun = Deliver();
        At(2025, 1, 2, 23);
        var later = Deliver();
        Assert.Multiple(() =>
        {
            Assert.That(rerun["Sent"], Is.EqualTo(0));
            Assert.That(later["Sent"], Is.EqualTo(0));
            Assert.That(EmailsTo(_w.Ana), Has.Length.EqualTo(1), "sent once per period");
            Assert.That(_w.Rows("appnotification", "ownerid", _w.Ana), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Weekly_digest_covers_monday_to_monday_and_is_sent_once_per_week()
    {
        Prefer(_w.Ana, Weekly);
        _w.Follow(_w.Ana, "account", _shelter);
        Deliver(); // Wednesday: the week of 23 December was due, and empty
        _w.Post(_carol, "account", _shelter, "Volunteers booked for Friday");
        At(2025, 1, 3, 12);
        _w.Post(_carol, "account", _shelter, "Friday: 40 meals served");
        At(2025, 1, 5, 20);
        var sunday = Deliver();
        At(2025, 1, 6, 1);
        var monday = Deliver();
        At(2025, 1, 7, 1);
        var tuesday = Deliver();
        At(2025, 1, 13, 1);
        var nextMonday = Deliver();

        var emails = EmailsTo(_w.Ana);
        Assert.Multiple(() =>
        {
            Assert.That(sunday["Sent"], Is.EqualTo(0), "the week is not over on Sunday");
            Assert.That(monday["Sent"], Is.EqualTo(1));
            Assert.That(tuesday["Sent"], Is.EqualTo(0));
            Assert.That(nextMonday["Sent"], Is.EqualTo(0), "nothing happened in the week of 6 January");
            Assert.That(nextMonday["Empty"], Is.EqualTo(1));
            Assert.That(emails, Has.Length.EqualTo(1));
            Assert.That(emails[0].GetAttributeValue<string>("subject"), Is.EqualTo("Rapport digest: 2 updates on 1 record"));
        });
    }

    [Test]
    public void Unsubscribe_link_stops_the_next_digest_at_once_and_an_altered_link_is_refused()
    {
        AnaFollowsDailyAndCarolPostsOnNewYearsDay();
        Deliver();
        var html = EmailsTo(_w.Ana).Single().GetAttributeValue<string>("description") ?? string.Empty;
        var token = Uri.UnescapeDataString(Regex.Match(html, "https://rapport\\.example/unsubscribe\\?token=([^\"&]+)").Groups[1].Value);
        Assert.That(token, Is.Not.Empty, "the digest carries its unsubscribe link");

        var altered = token[..^2] + (token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
        _w.Refused(() => _w.Call(_w.Ben, "rapport_UnsubscribeDigest", ("Token", altered)), "invalid or was altered");
        var result = _w.Call(_w.Ben, "rapport_UnsubscribeDigest", ("Token", token)); // a link works whoever opens it
        _w.Post(_carol, "account", _shelter, "Day two");
        At(2025, 1, 3, 6);
        var after = Deliver();

        Assert.Multiple(() =>
        {
            Assert.That(result["Unsubscribed"], Is.EqualTo(true));
            Assert.That(after["Sent"], Is.EqualTo(0));
            Assert.That(EmailsTo(_w.Ana), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void A_run_is_bounded_a_failed_run_sends_nothing_and_the_next_resumes_with_whoever_is_still_due()
    {
        foreach (var user in new[] { _w.Ana, _w.Ben, _carol })
        {
            Prefer(user, Daily);
            _w.Follow(user, "account", _shelter);
        }

        _w.Post(_w.Ana, "account", _shelter, "Board meeting notes are up");
        At(2025, 1, 2, 6);
        var first = Deliver(max: 2);
        SendEmailDouble.Failing = true;
        Assert.Throws<FaultException<OrganizationServiceFault>>(() => Deliver(max: 2));
        var afterFailure = _w.Rows("email").Count;
        SendEmailDouble.Failing = false;
        var resumed = Deliver(max: 2);
        var done = Deliver(max: 2);

        Assert.Multiple(() =>
        {
            Assert.That(first["Sent"], Is.EqualTo(2));
            Assert.That(first["HasMore"], Is.EqualTo(true));
            Assert.That(afterFailure, Is.EqualTo(2), "the failed run rolled back: no e-mail, no delivery row");
            Assert.That(resumed["Sent"], Is.EqualTo(1));
            Assert.That(resumed["HasMore"], Is.EqualTo(false));
            Assert.That(done["Sent"], Is.EqualTo(0));
            Assert.That(new[] { _w.Ana, _w.Ben, _carol }.Select(u => EmailsTo(u).Length), Is.EqualTo(new[] { 1, 1, 1 }));
        });
    }

    [Test]
    public void Without_a_mailbox_the_email_stays_a_draft_and_the_notification_still_arrives()
    {
        AnaFollowsDailyAndCarolPostsOnNewYearsDay();
        SendEmailDouble.Failing = true; // would fail the run if it were called

        var run = _w.Env.SystemService.Execute(new OrganizationRequest("rapport_DeliverDigests") { ["SendEmail"] = false });

        Assert.Multiple(() =>
        {
            Assert.That(run["Sent"], Is.EqualTo(1));
            Assert.That(EmailsTo(_w.Ana).Single().GetAttributeValue<OptionSetValue>("statuscode")?.Value, Is.EqualTo(1), "Draft");
            Assert.That(_w.Rows("appnotification", "ownerid", _w.Ana), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Only_an_administrator_or_the_job_user_delivers_digests()
    {
        _w.Refused(() => _w.Call(_w.Ana, "rapport_DeliverDigests"), "Only a System Administrator or a Rapport Administrator");
    }
}
