using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;

namespace Rapport.Feed.Crm.Tests;

/// <summary>An auto-post's author is the user who made the change, with their full name, in the GetFeed item JSON.</summary>
public sealed class AutoPostAuthorTests
{
    [Test]
    public void An_auto_post_names_the_user_who_made_the_change()
    {
        var w = new FeedWorld();
        w.Env.SystemService.Create(new Entity("rapport_feedconfig") { ["rapport_name"] = "Accounts", ["rapport_table"] = "account", ["rapport_trackedcolumns"] = "name", ["rapport_events"] = "update", ["rapport_active"] = true });
        var account = w.Account("Contoso");
        w.Follow(w.Ben, "account", account);
        w.As(w.Ana).Update(new Entity("account", account) { ["name"] = "Contoso Ltd" });

        var items = JsonDocument.Parse((string)w.Feed(w.Ben)["Items"]!).RootElement.EnumerateArray().ToList();
        var auto = items.Single(i => i.GetProperty("kind").GetString() == "autoPost");
        var author = auto.GetProperty("author");

        Assert.Multiple(() =>
        {
            Assert.That(Guid.Parse(author.GetProperty("id").GetString()!), Is.EqualTo(w.Ana), "the initiating user of the change");
            Assert.That(author.GetProperty("name").GetString(), Is.EqualTo("Ana Lopez"));
            Assert.That(author.GetProperty("table").GetString(), Is.EqualTo("systemuser"));
        });
    }
}
