using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;
using Rapport.Emulator;

namespace Rapport.LocalEnvironment.Samples;

/// <summary>
/// `--sample nonprofit|sales`: a business unit, users and a team, and customers whose gift (nonprofit: contacts with
/// rapport_gift rows) or purchase (sales: accounts with salesorder rows) histories are drawn from a BG/NBD model with
/// the CDNOW parameters published by Fader, Hardie and Lee (2005), so the CLV features have realistic data to fit.
/// Seeded, so every start with the same option gives the same data. Feed rows (follows, posts) are not generated:
/// those tables are not declared yet.
/// </summary>
internal static class SampleData
{
    public const string Nonprofit = "nonprofit";
    public const string Sales = "sales";

    /// <summary>CDNOW (weeks): r, alpha, a, b from "Counting Your Customers the Easy Way" (2005).</summary>
    private static readonly BgNbdModel Cdnow = new(0.243, 4.414, 0.793, 2.426);

    private static readonly string[] FirstNames = ["Ann", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jade", "Kofi", "Lena", "Milo", "Nia", "Omar", "Pia"];
    private static readonly string[] LastNames = ["Abbot", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jones", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel"];

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
        var users = new[] { "Ada Lovelace", "Grace Hopper", "Alan Turing" }.Select(name => env.CreateUser(name, unit)).ToList();
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
}
