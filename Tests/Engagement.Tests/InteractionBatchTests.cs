using System;
using System.Linq;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class InteractionBatchTests
{
    private static readonly SocialProfileLink[] Profiles =
    {
        new SocialProfileLink(Channel.Instagram, "@Ana_B", Ids.Ana),
        new SocialProfileLink(Channel.X, "ana", Ids.Ana),
        new SocialProfileLink(Channel.X, "benj", Ids.Ben),
        new SocialProfileLink(Channel.Facebook, "shared.page", Ids.Cara),
        new SocialProfileLink(Channel.Facebook, "Shared.Page", Ids.Dan),
    };

    private static IncomingInteraction Row(int n, string? id, string network = "instagram", string handle = "ana_b", string kind = "like") =>
        new IncomingInteraction(n) { ExternalId = id, Network = network, Handle = handle, Kind = kind, OccurredOn = "2026-11-20T09:30:00Z" };

    [Test]
    public void Each_row_is_created_skipped_or_refused_with_a_message()
    {
        var rows = new[]
        {
            Row(1, "ig-1", handle: " @ANA_B "),
            Row(2, "ig-1"),
            Row(3, "ig-0"),
            Row(4, "ms-1", network: "myspace"),
            Row(5, "ig-5", handle: "@nobody"),
            Row(6, "ig-6", kind: "review") with { Rating = "7" },
            Row(7, "x-7", network: "x", handle: "benj", kind: "referral") with { ReferredHandle = "@Ana", Value = "0" },
            Row(8, "fb-8", network: "facebook", handle: "shared.page"),
            Row(9, "  "),
            Row(10, "ig-10") with { OccurredOn = "yesterday", Value = "12,50" },
        };

        var result = InteractionBatch.Process(rows, new[] { "ig-0" }, Profiles, Ids.Now);

        Assert.That(result.Rows.Select(r => r.Status), Is.EqualTo(new[]
        {
            BatchRowStatus.Created, BatchRowStatus.SkippedDuplicate, BatchRowStatus.SkippedDuplicate, BatchRowStatus.Error, BatchRowStatus.Error,
            BatchRowStatus.Error, BatchRowStatus.Created, BatchRowStatus.Error, BatchRowStatus.Error, BatchRowStatus.Error,
        }));
        Assert.That(result.Rows.Select(r => r.Message), Is.EqualTo(new[]
        {
            "Created.",
            "Skipped duplicate: external id 'ig-1' is already in this batch (row 1).",
            "Skipped duplicate: external id 'ig-0' was imported before.",
            "Network 'myspace' is not a known channel; use one of: facebook, instagram, x, linkedin, youtube, tiktok, email, web, other.",
            "Handle '@nobody' matches no social profile on instagram; link the profile to a contact or account first.",
            "Rating 7 is out of range; use a whole number from 1 to 5.",
            "Created.",
            "Handle '@shared.page' on facebook is linked to 2 different customers; remove the duplicate social profiles.",
            "ExternalId is required: it makes the import safe to repeat.",
            "OccurredOn 'yesterday' is not a date; use ISO 8601, e.g. 2026-11-25T14:30:00Z. Value '12,50' is not a number; use a dot as the decimal separator and no thousands separator, e.g. 1249.90.",
        }));
        Assert.That((result.Created, result.SkippedDuplicates, result.Errors), Is.EqualTo((2, 2, 6)));

        var like = result.Rows[0].Interaction!;
        Assert.That(like, Is.EqualTo(new Interaction(Ids.Ana, InteractionKind.Like, Channel.Instagram, new DateTime(2026, 11, 20, 9, 30, 0)) { ExternalId = "ig-1" }));
        Assert.That(like.OccurredOn.Kind, Is.EqualTo(DateTimeKind.Utc));
        var referral = result.Rows[6].Interaction!;
        Assert.That((referral.CustomerId, referral.ReferredCustomerId, referral.MonetaryValue), Is.EqualTo((Ids.Ben, (Guid?)Ids.Ana, (decimal?)0m)));
        Assert.That(result.ToCreate, Is.EqualTo(new[] { like, referral }));
    }

    [Test]
    public void Sending_the_same_batch_again_creates_nothing()
    {
        var rows = new[] { Row(1, "a"), Row(2, "b", network: "x", handle: "benj", kind: "share"), Row(3, "c", handle: "nobody") };
        var first = InteractionBatch.Process(rows, Array.Empty<string>(), Profiles, Ids.Now);
        var stored = first.ToCreate.Select(i => i.ExternalId!).ToList();

        var second = InteractionBatch.Process(rows, stored, Profiles, Ids.Now);

        Assert.That(first.Created, Is.EqualTo(2));
        Assert.That(second.Created, Is.EqualTo(0));
        Assert.That(second.SkippedDuplicates, Is.EqualTo(2));
        Assert.That(second.Errors, Is.EqualTo(1), "the row that failed still fails, it was never stored");
    }

    [Test]
    public void A_corrected_row_may_follow_a_failed_row_with_the_same_id()
    {
        var rows = new[] { Row(1, "ig-9", kind: "poke"), Row(2, "ig-9") };

        var result = InteractionBatch.Process(rows, Array.Empty<string>(), Profiles, Ids.Now);

        Assert.That(result.Rows[0].Message, Does.StartWith("Kind 'poke' is not a known interaction kind"));
        Assert.That(result.Rows[1].Status, Is.EqualTo(BatchRowStatus.Created));
    }

    [Test]
    public void Referral_rules_apply_to_rows()
    {
        var rows = new[]
        {
            Row(1, "r1", network: "x", handle: "ana", kind: "referral") with { ReferredHandle = "ANA" },
            Row(2, "r2", network: "x", handle: "ana", kind: "referral"),
            Row(3, "r3", handle: "ana_b") with { OccurredOn = "2026-12-01T00:00:00Z" },
            Row(4, "r4", network: "x", handle: "ana", kind: "click") with { ReferredHandle = "benj", Value = "-3" },
        };

        var result = InteractionBatch.Process(rows, Array.Empty<string>(), Profiles, Ids.Now);

        Assert.That(result.Rows.Select(r => r.Message), Is.EqualTo(new[]
        {
            "ReferredHandle points to the referring customer itself; a customer cannot refer themselves.",
            "ReferredHandle is required for a referral: the referred customer's handle on the same network.",
            "OccurredOn 2026-12-01T00:00:00 is in the future (now is 2026-11-25T12:00:00); an interaction must already have happened.",
            "Value -3 is negative; a monetary value must be zero or more. ReferredHandle is only for referrals, not for a click.",
        }));
    }

    [Test]
    public void Dates_must_be_iso_8601_and_are_read_as_utc_without_an_offset()
    {
        var rows = new[]
        {
            Row(1, "d1") with { OccurredOn = "01/02/2026" },
            Row(2, "d2") with { OccurredOn = "2026-11-20" },
            Row(3, "d3") with { OccurredOn = "2026-11-20T10:00:00+02:00" },
        };

        var result = InteractionBatch.Process(rows, Array.Empty<string>(), Profiles, Ids.Now);

        Assert.That(result.Rows[0].Message, Is.EqualTo("OccurredOn '01/02/2026' is not a date; use ISO 8601, e.g. 2026-11-25T14:30:00Z."));
        Assert.That(result.Rows[1].Interaction!.OccurredOn, Is.EqualTo(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)));
        Assert.That(result.Rows[2].Interaction!.OccurredOn, Is.EqualTo(new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void More_than_1000_rows_are_refused()
    {
        var rows = Enumerable.Range(1, 1001).Select(i => Row(i, "id-" + i)).ToList();

        Assert.That(InteractionBatch.Process(rows.Take(1000).ToList(), Array.Empty<string>(), Profiles, Ids.Now).Created, Is.EqualTo(1000));
        Assert.That(
            () => InteractionBatch.Process(rows, Array.Empty<string>(), Profiles, Ids.Now),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("The batch has 1,001 rows; send at most 1,000 per batch."));
    }

    [Test]
    public void Handles_are_normalised_for_matching()
    {
        Assert.That(SocialProfileDirectory.NormaliseHandle("  @@Ana_B "), Is.EqualTo("ana_b"));
        var directory = new SocialProfileDirectory(Profiles);
        Assert.That(directory.Match(Channel.Instagram, "ANA_B", "Handle", out var problem), Is.EqualTo(Ids.Ana));
        Assert.That(problem, Is.Null);
        Assert.That(directory.Match(Channel.X, "ana_b", "Handle", out problem), Is.Null, "the handle is known on instagram, not on x");
        Assert.That(problem, Is.EqualTo("Handle '@ana_b' matches no social profile on x; link the profile to a contact or account first."));
    }
}
