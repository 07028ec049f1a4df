using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;
using Rapport.Emulator;

namespace Rapport.LocalEnvironment.Samples;

/// <summary>
/// `--sample nonprofit|sales`: a business unit, users and a team, and customers whose gift (nonprofit: contacts with
/// rapport_gift rows) or purchase (sales: accounts with salesorder rows) histories are drawn from a BG/NBD model with
/// the CDNOW parameters published by Fader, Hardie and Lee (2005), so the CLV features have realistic data to fit.
/// Seeded, so every start with the same option gives the same data. Once Rapport's solution is imported (its plugins
/// registered), <see cref="LoadFeed"/> adds the feed and CLV parts through the emulator as the sample's users, so the
/// plugins keep counts, mentions, topics and scores: tracking, follows, user and auto posts, comments, likes.
/// </summary>
internal static class SampleData
{
    public const string Nonprofit = "nonprofit";
    public const string Sales = "sales";

    /// <summary>CDNOW (weeks): r, alpha, a, b from "Counting Your Customers the Easy Way" (2005).</summary>
    private static readonly BgNbdModel Cdnow = new(0.243, 4.414, 0.793, 2.426);

    private static readonly string[] FirstNames = ["Ann", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jade", "Kofi", "Lena", "Milo", "Nia", "Omar", "Pia"];
    private static readonly string[] LastNames = ["Abbot", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jones", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel"];

    /// <summary>The customer the feed sample centres on (the first donor or account): most posts, follows and comments.</summary>
    public const int FeaturedCustomers = 6;

    private static readonly string[] PostTexts =
    [
        "Thanks for the generous year-end gift! #fundraising",
        "Met at the spring gala; interested in the #[major gifts] programme. {mention} can you follow up?",
        "Prefers email over phone calls. #stewardship",
        "Asked about volunteering at the food bank in June. #volunteering",
        "{mention} sent the impact report; very positive reply. #stewardship #fundraising",
        "Renewed monthly giving after our call. #retention",
    ];

    private static readonly string[] CommentTexts = ["Great news!", "I will call next week.", "Added to the gala list.", "Thanks for the update."];

    /// <summary>True when the environment already holds customers (a stored environment is not seeded twice).</summary>
    public static bool HasCustomers(DataverseEmulator env) => env.Store.Count("contact") + env.Store.Count("account") > 0;

    public static void Load(DataverseEmulator env, string kind, int customers = 150, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(env);
        var service = env.SystemService;
        var nonprofit = kind == Nonprofit;
        var unit = service.Create(new Entity("businessunit")
        {
            ["name"] = nonprofit ? "Fundraising" : "Sales",
            ["parentbusinessunitid"] = new EntityReference("businessunit", env.RootBusinessUnitId),
        });
        var role = SampleRoles.Define(env, kind);
        var users = new[] { "Ada Lovelace", "Grace Hopper", "Alan Turing" }.Select(name => env.Security.CreateUser(name, unit, role)).ToList();
        service.Create(new Entity("team")
        {
            ["name"] = nonprofit ? "Major Gifts" : "Key Accounts",
            ["businessunitid"] = new EntityReference("businessunit", unit),
            ["teamtype"] = new OptionSetValue(0),
        });

        var now = env.Clock.UtcNow.Date;
        var random = new RandomVariates(seed);
        var summaries = BgNbdSimulator.Generate(Cdnow, customers, seed);
        for (var i = 0; i < summaries.Count; i++)
        {
            var summary = summaries[i];
            var owner = new EntityReference("systemuser", users[i % users.Count]);
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}";
            var customer = nonprofit
                ? new EntityReference("contact", service.Create(new Entity("contact") { ["firstname"] = name.Split(' ')[0], ["lastname"] = name.Split(' ')[1], ["ownerid"] = owner }))
                : new EntityReference("account", service.Create(new Entity("account") { ["name"] = $"{LastNames[i % LastNames.Length]} {(i / LastNames.Length) + 1} Ltd", ["ownerid"] = owner }));

            // First purchase at the customer's start, the last repeat at the recency, the others uniform in between
            // (given the last time, a Poisson process's earlier events are uniform).
            var times = new List<double> { 0 };
            times.AddRange(Enumerable.Range(0, Math.Max(0, summary.Frequency - 1)).Select(_ => random.Uniform() * summary.Recency).OrderBy(t => t));
            if (summary.Frequency > 0)
            {
                times.Add(summary.Recency);
            }

            foreach (var (week, n) in times.Select((t, n) => (t, n)))
            {
                var date = now.AddDays(-Math.Round((summary.T - week) * 7));
                var amount = Math.Round((decimal)(random.Gamma(3) * (nonprofit ? 20 : 400)), 2) + 1;
                service.Create(nonprofit
                    ? new Entity("rapport_gift")
                    {
                        ["rapport_name"] = $"Gift {n + 1} of {name}",
                        ["rapport_donorid"] = customer,
                        ["rapport_amount"] = new Money(amount),
                        ["rapport_giftdate"] = date,
                        ["ownerid"] = owner,
                    }
                    : new Entity("salesorder")
                    {
                        ["name"] = $"Order {n + 1} of account {i + 1}",
                        ["ordernumber"] = string.Create(CultureInfo.InvariantCulture, $"SO-{i + 1:D4}-{n + 1:D3}"),
                        ["customerid"] = customer,
                        ["totalamount"] = new Money(amount),
                        ["datefulfilled"] = date,
                        ["ownerid"] = owner,
                    });
            }
        }
    }

    /// <summary>True when Rapport's feed Custom APIs are registered (the solution zip was imported).</summary>
    public static bool HasRapport(DataverseEmulator env) =>
        env.Store.Rows("plugintype").Any(r => r["typename"] as string == "Rapport.Plugins.Feed.GetFeedApiPlugin");

    /// <summary>
    /// The feed and CLV parts of the sample, once Rapport is imported and only once (no-op when there are no sample
    /// users, when Rapport is not imported, or when feed tracking is already configured). Gifts written before the
    /// import are written again so the CLV plugins build the donors' ledgers; a model is fitted, activated and scored.
    /// </summary>
    public static bool LoadFeed(DataverseEmulator env, string kind)
    {
        ArgumentNullException.ThrowIfNull(env);
        var customerTable = kind == Nonprofit ? "contact" : "account";
        if (!HasRapport(env) || env.Store.Count("rapport_feedconfig") > 0 || env.Store.Count(customerTable) == 0)
        {
            return false;
        }

        var system = env.SystemService;
        var users = All(system, "systemuser", "fullname").Where(r => r.GetAttributeValue<string>("fullname") is "Ada Lovelace" or "Grace Hopper" or "Alan Turing")
            .Select(r => (Id: r.Id, Name: r.GetAttributeValue<string>("fullname"))).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        if (users.Count == 0)
        {
            return false;
        }

        // Security is on: the users need Rapport's role to follow, post, like and comment.
        SampleRoles.GrantRapportUser(env, users.Select(u => u.Id));
        var realNow = env.Clock.UtcNow;
        try
        {
            if (kind == Nonprofit)
            {
                RewriteGifts(env);
                ScoreCustomers(env, customerTable);
            }

            system.Create(new Entity("rapport_feedconfig")
            {
                ["rapport_name"] = customerTable == "contact" ? "Donors" : "Accounts",
                ["rapport_table"] = customerTable,
                ["rapport_trackedcolumns"] = customerTable == "contact" ? "emailaddress1,jobtitle,address1_city" : "telephone1,emailaddress1,websiteurl",
                ["rapport_events"] = "update",
                ["rapport_active"] = true,
            });

            var primary = customerTable == "contact" ? "fullname" : "name";
            var customers = All(system, customerTable, primary).Take(FeaturedCustomers).Select(r => (Id: r.Id, Name: r.GetAttributeValue<string>(primary) ?? string.Empty)).ToList();

            // Seven days of activity, oldest first, a few hours apart, ending an hour before the start.
            env.Clock.Set(realNow.AddDays(-7));
            var step = TimeSpan.FromHours(7);
            var posts = new List<Guid>();
            for (var c = 0; c < customers.Count; c++)
            {
                var customer = customers[c];
                foreach (var user in users.Where((_, u) => c == 0 || (c + u) % 2 == 0))
                {
                    Call(env, user.Id, "rapport_Follow", ("RecordTable", customerTable), ("RecordId", customer.Id.ToString("D")));
                }

                var postCount = c == 0 ? PostTexts.Length : 2;
                for (var n = 0; n < postCount; n++)
                {
                    env.Clock.Advance(step / Math.Max(1, customers.Count - 4));
                    var author = users[(c + n) % users.Count];
                    var mentioned = users[(c + n + 1) % users.Count];
                    var text = PostTexts[(c + n) % PostTexts.Length].Replace("{mention}", $"@[systemuser,{mentioned.Id:D},\"{mentioned.Name}\"]", StringComparison.Ordinal);
                    posts.Add(env.GetService(author.Id).Create(new Entity("rapport_post")
                    {
                        ["rapport_regardingtable"] = customerTable,
                        ["rapport_regardingid"] = customer.Id.ToString("D"),
                        ["rapport_text"] = text,
                    }));
                }

                // A tracked change by the owner makes an auto-post.
                env.Clock.Advance(TimeSpan.FromHours(1));
                env.GetService(users[c % users.Count].Id).Update(new Entity(customerTable, customer.Id)
                {
                    ["emailaddress1"] = $"{customer.Name.Replace(' ', '.').ToLowerInvariant()}@example.org",
                });
            }

            for (var i = 0; i < posts.Count; i++)
            {
                env.Clock.Advance(TimeSpan.FromMinutes(20));
                for (var u = 0; u < users.Count; u++)
                {
                    if ((i + u) % 3 != 2)
                    {
                        Call(env, users[u].Id, "rapport_SetLike", ("PostId", posts[i].ToString("D")), ("Liked", true));
                    }
                }

                for (var k = 0; k < i % 3; k++)
                {
                    env.GetService(users[(i + k + 1) % users.Count].Id).Create(new Entity("rapport_comment")
                    {
                        ["rapport_postid"] = new EntityReference("rapport_post", posts[i]),
                        ["rapport_text"] = CommentTexts[(i + k) % CommentTexts.Length],
                    });
                }
            }
        }
        finally
        {
            env.Clock.Set(realNow > env.Clock.UtcNow ? realNow : env.Clock.UtcNow);
        }

        return true;
    }

    /// <summary>Every row of a table with the columns, in creation order (then name, for rows created in the same instant).</summary>
    private static List<Entity> All(IOrganizationService service, string table, params string[] columns)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns.Append("createdon").Distinct().ToArray()) };
        query.AddOrder("createdon", OrderType.Ascending);
        query.AddOrder(columns[0], OrderType.Ascending);
        return service.RetrieveMultiple(query).Entities.ToList();
    }

    private static OrganizationResponse Call(DataverseEmulator env, Guid user, string name, params (string Name, object Value)[] parameters)
    {
        var request = new OrganizationRequest(name);
        foreach (var (key, value) in parameters)
        {
            request[key] = value;
        }

        return env.GetService(user).Execute(request);
    }

    /// <summary>Gifts written before the CLV plugins were registered: deleted and written again with the same id and values.</summary>
    private static void RewriteGifts(DataverseEmulator env)
    {
        var service = env.SystemService;
        var donorsWithLedger = All(service, "contact", "rapport_clvstate").Where(r => r.GetAttributeValue<string>("rapport_clvstate") is { Length: > 0 }).Select(r => r.Id).ToHashSet();
        foreach (var gift in All(service, "rapport_gift", "rapport_name", "rapport_donorid", "rapport_amount", "rapport_giftdate", "ownerid"))
        {
            if (gift.GetAttributeValue<EntityReference>("rapport_donorid") is not { } donor || donorsWithLedger.Contains(donor.Id))
            {
                continue;
            }

            service.Delete("rapport_gift", gift.Id);
            var again = new Entity("rapport_gift", gift.Id);
            foreach (var column in new[] { "rapport_name", "rapport_donorid", "rapport_amount", "rapport_giftdate", "ownerid" })
            {
                again[column] = gift[column];
            }

            service.Create(again);
        }
    }

    /// <summary>
    /// Fits BG/NBD and Gamma-Gamma models on the ledgers, activates those not judged Unusable (an unusable fit cannot
    /// be activated; the sample's spend then comes from each customer's own average) and scores every customer.
    /// </summary>
    private static void ScoreCustomers(DataverseEmulator env, string table)
    {
        var service = env.SystemService;
        foreach (var kind in new[] { "bgnbd", "gammagamma" })
        {
            var fit = service.Execute(new OrganizationRequest("rapport_FitClvModel") { ["Kind"] = kind });
            if (fit.Results.TryGetValue("Verdict", out var verdict) && (string?)verdict == "Unusable")
            {
                continue;
            }

            service.Update(new Entity("rapport_clvmodel", (Guid)fit["ModelId"]!) { ["rapport_modelstatus"] = new OptionSetValue(107850001) });
        }

        var page = 1;
        while (page > 0)
        {
            var result = service.Execute(new OrganizationRequest("rapport_RescoreCustomers") { ["Table"] = table, ["PageSize"] = 1000, ["PageNumber"] = page });
            page = result.Results.TryGetValue("NextPage", out var next) && next is int n ? n : 0;
        }
    }
}
