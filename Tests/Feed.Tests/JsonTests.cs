using System;
using Rapport.Domain.Common;

namespace Rapport.Feed.Tests;

public sealed class JsonTests
{
    [Test]
    public void Writer_escapes_what_json_and_html_need()
    {
        var json = new JsonWriter().StartObject().Property("t", "a\"b\\c\n\u0001<&>'\u2028é").EndObject().ToString();

        Assert.That(json, Is.EqualTo("{\"t\":\"a\\\"b\\\\c\\n\\u0001\\u003c\\u0026\\u003e\\u0027\\u2028é\"}"));
        Assert.That(JsonReader.Parse(json).GetString("t"), Is.EqualTo("a\"b\\c\n\u0001<&>'\u2028é"));
    }

    [Test]
    public void Emoji_round_trip()
    {
        var json = new JsonWriter().StartArray().String("🎉 done").EndArray().ToString();

        Assert.That(JsonReader.Parse(json).Items[0].Text, Is.EqualTo("🎉 done"));
    }

    [Test]
    public void Reader_reads_nested_values_numbers_and_literals()
    {
        var v = JsonReader.Parse(" {\"a\":[1,-2.5e3,true,false,null],\"b\":{\"c\":\"\\u00e9\\/\"}} ");

        Assert.That(v.Get("a")!.Items, Has.Count.EqualTo(5));
        Assert.That(v.Get("a")!.Items[1].TryGetDecimal(out var d) && d == -2500m, Is.True);
        Assert.That(v.Get("a")!.Items[4].Kind, Is.EqualTo(JsonKind.Null));
        Assert.That(v.Get("b")!.GetString("c"), Is.EqualTo("é/"));
    }

    [TestCase("{\"a\":1,}", 8)]
    [TestCase("[1 2]", 4)]
    [TestCase("{'a':1}", 2)]
    [TestCase("01", 2)]
    [TestCase("\"abc", 5)]
    public void Reader_refuses_invalid_json_with_the_position(string text, int position)
    {
        var ex = Assert.Throws<JsonFormatException>(() => JsonReader.Parse(text));

        Assert.That(ex!.Message, Does.StartWith($"Invalid JSON at character {position}:"));
    }

    [Test]
    public void Writer_refuses_an_unfinished_document()
    {
        Assert.That(() => new JsonWriter().StartObject().ToString(), Throws.InvalidOperationException);
    }

    [Test]
    public void Base64url_has_no_padding_or_url_unsafe_characters_and_decodes_back()
    {
        var bytes = new byte[] { 0xfb, 0xff, 0xfe, 0x01 };

        var text = Base64Url.Encode(bytes);

        Assert.That(text, Is.EqualTo("-__-AQ"));
        Assert.That(Base64Url.TryDecode(text, out var back) && back.AsSpan().SequenceEqual(bytes), Is.True);
        Assert.That(Base64Url.TryDecode("a+b/", out _), Is.False);
    }

    [Test]
    public void Html_encoding_covers_markup_and_quotes()
    {
        Assert.That(HtmlText.Encode("<a href=\"x\" title='y'>&</a>"), Is.EqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"));
    }
}
