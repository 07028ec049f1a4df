using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

/// <summary>
/// The stored change list keeps every language's labels beside the base language's texts, read back by an independent
/// JSON parser (System.Text.Json) as well as by the domain's own.
/// </summary>
public sealed class AutoPostLanguagesTests
{
    private static readonly ColumnChange Gender = new("gendercode", "Gender", "Male", "Female")
    {
        Labels = new Dictionary<int, string> { [1036] = "Sexe", [1033] = "Gender" },
        OldLabels = new Dictionary<int, string> { [1033] = "Male", [1036] = "Homme" },
        NewLabels = new Dictionary<int, string> { [1033] = "Female", [1036] = "Femme" },
    };

    [Test]
    public void Labels_per_language_are_written_in_language_order_and_read_back()
    {
        var json = AutoPostChanges.ToJson(ChangeEvents.Update, new[] { Gender, new ColumnChange("emailaddress1", "Email", null, "ann@example.org") });
        var change = JsonDocument.Parse(json).RootElement.GetProperty("changes")[0];
        var back = AutoPostChanges.Parse(json).Changes;

        Assert.Multiple(() =>
        {
            Assert.That(change.GetProperty("labels").EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()), Is.EqualTo(new[] { "1033=Gender", "1036=Sexe" }));
            Assert.That(change.GetProperty("newLabels").GetProperty("1036").GetString(), Is.EqualTo("Femme"));
            Assert.That(JsonDocument.Parse(json).RootElement.GetProperty("changes")[1].TryGetProperty("labels", out _), Is.False, "left out when unknown");
            Assert.That(back[0].OldLabels, Is.EqualTo(Gender.OldLabels));
            Assert.That(back[0].Labels, Is.EquivalentTo(Gender.Labels!));
            Assert.That(back[1].Labels, Is.Null);
        });
    }

    [Test]
    public void A_create_post_keeps_the_new_values_labels_and_drops_the_old_ones()
    {
        var config = TrackingConfiguration.Create("contact", new[] { "gendercode" }, ChangeEvents.All, new[] { "gendercode" });

        var post = AutoPostComposer.Compose(config, ChangeEvents.Create, new RecordRef("contact", System.Guid.NewGuid(), "Ann"), "Contact", new[] { Gender });

        Assert.That(post!.Text, Is.EqualTo("Contact created. Gender: Female"));
        Assert.That(post.Changes.Single().OldLabels, Is.Null);
        Assert.That(post.Changes.Single().NewLabels![1036], Is.EqualTo("Femme"));
    }

    [Test]
    public void Stored_json_without_labels_and_with_a_non_numeric_language_key_still_reads()
    {
        var back = AutoPostChanges.Parse("{\"v\":1,\"event\":\"update\",\"changes\":[{\"column\":\"name\",\"label\":\"Topic\",\"old\":\"a\",\"new\":\"b\",\"labels\":{\"en\":\"x\",\"1033\":\"Topic\"}}]}").Changes.Single();

        Assert.That(back.Labels, Is.EqualTo(new Dictionary<int, string> { [1033] = "Topic" }));
    }
}
