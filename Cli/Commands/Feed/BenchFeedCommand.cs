extern alias plugins;

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Solution.Declarations;

namespace Rapport.Cli.Commands.Feed;

/// <summary>
/// `rapport bench feed`: request counts of auto-posts and feed pages in the emulator as follows and posts grow. Plugin
/// types are reached through the "plugins" alias only (the CLI also references Rapport.Domain, whose types the plugin
/// assembly compiles in), and the bench itself uses no domain type. A feed page's figure is 1 + distinctTablesPerPage:
/// the token secret and the reader's preference ride on the candidate query.
/// </summary>
public static class BenchFeedCommand
{
    public static Command Create()
    {
        var command = new Command("feed", "Benchmark feed request counts (auto-post, feed page) for 1 to 10,000 follows and up to 100,000 posts.");
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated follower/follow counts.", DefaultValueFactory = _ => "1,100,1000,10000" };
        var maxPosts = new Option<int>("--max-posts") { Description = "Posts in the largest run.", DefaultValueFactory = _ => 100_000 };
        var json = new Option<bool>("--json") { Description = "Print JSON (the only output format)." };
        command.Options.Add(sizes);
        command.Options.Add(maxPosts);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var counts = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            var largest = counts.Max();
            var watch = Stopwatch.StartNew();
            var runs = counts.Select(n => Run(n, n == largest ? parse.GetValue(maxPosts) : Math.Min(parse.GetValue(maxPosts), Math.Max(1000, 10 * n)))).ToList();
            Write(runs, watch.ElapsedMilliseconds);
            return 0;
        });
        return command;
    }

    private sealed record BenchRun(int Followers, int Follows, int Posts, int RequestsPerAutoPost, int RequestsPerFeedPage, int DistinctTablesPerPage, long ElapsedMs);

    private static BenchRun Run(int size, int posts)
    {
        var watch = Stopwatch.StartNew();
        var env = new DataverseEmulator(RapportSolution.Build("1.0.0.0"));
        env.RegisterPlugins(typeof(plugins::Rapport.Plugins.Feed.PostCreatePlugin).Assembly);
        var system = env.SystemService;
        var reader = env.CreateUser("Reader One");
        var readerService = env.GetService(reader);

        // The reader follows `size` accounts; one watched account has `size` followers.
        var accounts = Enumerable.Range(0, size).Select(i => system.Create(new Entity("account") { ["name"] = "Account " + i })).ToList();
        var contacts = Enumerable.Range(0, 10).Select(i => system.Create(new Entity("contact") { ["lastname"] = "Contact " + i })).ToList();
        foreach (var a in accounts)
        {
            Follow(readerService, "account", a);
        }

        foreach (var c in contacts)
        {
            Follow(readerService, "contact", c);
        }

        var watched = accounts[0];
        for (var i = 1; i < size; i++)
        {
            Follow(env.GetService(env.CreateUser("Follower " + i)), "account", watched);
        }

        // Posts spread over followed accounts, followed contacts and unfollowed rows.
        var unfollowed = system.Create(new Entity("account") { ["name"] = "Not followed" });
        for (var i = 0; i < posts; i++)
        {
            var (table, id) = (i % 4) switch
            {
                0 => ("contact", contacts[i % contacts.Count]),
                1 => ("account", unfollowed),
                _ => ("account", accounts[i % accounts.Count]),
            };
            if (i % 50 == 0)
            {
                env.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            system.Create(new Entity("rapport_post") { ["rapport_regardingtable"] = table, ["rapport_regardingid"] = id.ToString(), ["rapport_text"] = "Post " + i });
        }

        system.Create(new Entity("rapport_feedconfig") { ["rapport_name"] = "Accounts", ["rapport_table"] = "account", ["rapport_trackedcolumns"] = "name,telephone1,revenue", ["rapport_events"] = "update", ["rapport_active"] = true });
        var editor = env.GetService(env.CreateUser("Editor"));
        int autoPost;
        using (var scope = env.Metrics.BeginScope())
        {
            // A person edits the record (as in the CRM): Rapport's own post write is then recognised without a request.
            editor.Update(new Entity("account", watched) { ["name"] = "Renamed", ["telephone1"] = "555", ["revenue"] = new Money(1000m) });
            autoPost = scope.Requests.Count(r => r.Depth > 1);
        }

        Page(env, reader, null); // the first read creates the organisation's token secret
        var worst = 0;
        var tables = 0;
        string? token = null;
        for (var page = 0; page < 3; page++)
        {
            using var scope = env.Metrics.BeginScope();
            var response = Page(env, reader, token);
            var requests = scope.Count - 1;
            var items = JsonDocument.Parse((string)response["Items"]!).RootElement;
            var distinct = items.EnumerateArray().Select(i => i.GetProperty("regarding").GetProperty("table").GetString()).Distinct().Count();
            if (requests > worst)
            {
                worst = requests;
                tables = distinct;
            }

            token = response["ContinuationToken"] as string;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        return new BenchRun(size, size + contacts.Count, posts, autoPost, worst, tables, watch.ElapsedMilliseconds);
    }

    private static void Follow(IOrganizationService service, string table, Guid id) =>
        service.Execute(new OrganizationRequest("rapport_Follow") { ["RecordTable"] = table, ["RecordId"] = id.ToString() });

    private static OrganizationResponse Page(DataverseEmulator env, Guid reader, string? token)
    {
        var request = new OrganizationRequest("rapport_GetFeed") { ["Scope"] = "my", ["PageSize"] = 25 };
        if (!string.IsNullOrEmpty(token))
        {
            request["ContinuationToken"] = token;
        }

        return env.GetService(reader).Execute(request);
    }

    private static void Write(IReadOnlyList<BenchRun> runs, long elapsedMs)
    {
        var largest = runs.OrderBy(r => r.Posts).Last();
        var worstPage = runs.OrderBy(r => r.RequestsPerFeedPage).Last();
        using var stream = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("followers", largest.Followers);
        w.WriteNumber("follows", largest.Follows);
        w.WriteNumber("posts", largest.Posts);
        w.WriteNumber("requestsPerAutoPost", runs.Max(r => r.RequestsPerAutoPost));
        w.WriteNumber("requestsPerFeedPage", worstPage.RequestsPerFeedPage);
        w.WriteNumber("distinctTablesPerPage", worstPage.DistinctTablesPerPage);
        w.WriteNumber("elapsedMs", elapsedMs);
        w.WriteStartArray("runs");
        foreach (var r in runs)
        {
            w.WriteStartObject();
            w.WriteNumber("followers", r.Followers);
            w.WriteNumber("follows", r.Follows);
            w.WriteNumber("posts", r.Posts);
            w.WriteNumber("requestsPerAutoPost", r.RequestsPerAutoPost);
            w.WriteNumber("requestsPerFeedPage", r.RequestsPerFeedPage);
            w.WriteNumber("distinctTablesPerPage", r.DistinctTablesPerPage);
            w.WriteNumber("elapsedMs", r.ElapsedMs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        Console.WriteLine();
    }
}
