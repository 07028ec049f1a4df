using System.Linq;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class InteractionCsvTests
{
    [Test]
    public void Reads_quoted_fields_any_column_order_and_header_spelling()
    {
        const string Csv =
            "Kind,External Id,NETWORK,handle,occurred_on,note,value,referred-handle\r\n" +
            "like,\"ig,1\",instagram,@ana_b,2026-11-20T09:30:00Z,\"She said \"\"wow\"\",\nthen left\",,\r\n" +
            "\r\n" +
            "coupon_redemption,ig-2,instagram,ana_b,2026-11-21T10:00:00Z,,49.90,\r\n";

        var rows = InteractionCsv.Parse(Csv);

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0], Is.EqualTo(new IncomingInteraction(2) { ExternalId = "ig,1", Network = "instagram", Handle = "@ana_b", Kind = "like", OccurredOn = "2026-11-20T09:30:00Z", Value = "", ReferredHandle = "" }));
        Assert.That(rows[1].RowNumber, Is.EqualTo(5), "line 2's quoted field spans two lines, then a blank line");
        Assert.That(rows[1].Value, Is.EqualTo("49.90"));
        Assert.That(rows[1].Sentiment, Is.Null, "column absent from the file");
    }

    [Test]
    public void Missing_required_columns_are_named()
    {
        Assert.That(
            () => InteractionCsv.Parse("external_id,network,kind\nx,instagram,like\n"),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("The CSV header lacks the column(s) handle, occurred_on; required: external_id, network, handle, kind, occurred_on."));
        Assert.That(() => InteractionCsv.Parse(string.Empty), Throws.TypeOf<EngagementException>().With.Message.StartsWith("The CSV is empty"));
        Assert.That(
            () => InteractionCsv.Parse("external_id,network,handle,kind,occurred_on,Network\n"),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("The CSV header names column 'Network' twice."));
    }

    [Test]
    public void An_unclosed_quote_is_reported_with_its_line()
    {
        var ex = Assert.Throws<EngagementException>(() => InteractionCsv.Parse("external_id,network,handle,kind,occurred_on\na,x,benj,like,2026-11-01\n\"b,x,benj,like,2026-11-01\n"));

        Assert.That(ex!.Error, Is.EqualTo(EngagementError.InvalidCsv));
        Assert.That(ex.Message, Is.EqualTo("Line 3 opens a quoted field that is never closed; close it with a double quote."));
    }

    [Test]
    public void A_row_with_the_wrong_field_count_becomes_an_error_row_of_the_batch()
    {
        var rows = InteractionCsv.Parse("external_id,network,handle,kind,occurred_on\na,x,benj,like,2026-11-01T08:00:00Z\nb,x,benj,like,2026-11-01,extra\n");

        var result = InteractionBatch.Process(rows, new string[0], new[] { new SocialProfileLink(Channel.X, "benj", Ids.Ben) }, Ids.Now);

        Assert.That(result.Rows.Select(r => r.Status), Is.EqualTo(new[] { BatchRowStatus.Created, BatchRowStatus.Error }));
        Assert.That(result.Rows[1].Message, Is.EqualTo("Line 3 has 6 fields but the header has 5; quote fields that contain commas."));
        Assert.That(result.Rows[1].RowNumber, Is.EqualTo(3));
    }

    [Test]
    public void Format_writes_what_parse_reads()
    {
        var rows = new[]
        {
            new IncomingInteraction(2) { ExternalId = "a,1", Network = "x", Handle = "benj", Kind = "comment", OccurredOn = "2026-11-01T08:00:00Z", Sentiment = "positive", Rating = "", Value = "", ReferredHandle = "" },
            new IncomingInteraction(3) { ExternalId = "q\"2", Network = "web", Handle = "ana", Kind = "review", OccurredOn = "2026-11-02T08:00:00Z", Sentiment = "-0.5", Rating = "4", Value = "", ReferredHandle = "" },
        };

        var csv = InteractionCsv.Format(rows);

        Assert.That(csv, Does.StartWith("external_id,network,handle,kind,occurred_on,sentiment,rating,value,referred_handle\n\"a,1\",x,"));
        Assert.That(InteractionCsv.Parse(csv), Is.EqualTo(rows));
    }
}
