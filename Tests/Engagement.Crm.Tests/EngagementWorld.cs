using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator;
using Rapport.Plugins.Engagement;
using Rapport.Plugins.Services.Engagement;
using Rapport.Solution.Declarations;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>An emulated organization with the Rapport solution and its plugins on a fixed day, plus small builders.</summary>
internal sealed class EngagementWorld
{
    public static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    public const int Like = 107850000;
    public const int Share = 107850001;
    public const int Comment = 107850002;
    public const int Mention = 107850003;
    public const int Review = 107850004;
    public const int Referral = 107850005;
    public const int CouponRedemption = 107850007;
    public const int ServiceContact = 107850008;

    public const int Facebook = 107850000;
    public const int Instagram = 107850001;
    public const int Email = 107850006;

    public EngagementWorld()
    {
        Env = new DataverseEmulator(RapportSolution.Build("1.0.0.0"), Now);
        Env.RegisterPlugins(typeof(InteractionScoringPlugin).Assembly);
        Service = Env.SystemService;
    }

    public DataverseEmulator Env { get; }

    public IOrganizationService Service { get; }

    public EntityReference Contact(string name, decimal? clv = null, int? segment = null, string? country = null)
    {
        var row = new Entity("contact") { ["lastname"] = name, ["fullname"] = name };
        if (clv is not null)
        {
            row["rapport_clv"] = new Money(clv.Value);
        }

        if (segment is not null)
        {
            row["rapport_segment"] = new OptionSetValue(segment.Value);
        }

        if (country is not null)
        {
            row["address1_country"] = country;
        }

        return new EntityReference("contact", Service.Create(row));
    }

    public Entity NewInteraction(EntityReference customer, int kind, DateTime occurredOn, int channel = Facebook) => new(EngagementSchema.Interaction)
    {
        [I.Customer] = customer,
        [I.Kind] = new OptionSetValue(kind),
        [I.Channel] = new OptionSetValue(channel),
        [I.OccurredOn] = occurredOn,
    };

    public Guid Interaction(EntityReference customer, int kind, DateTime occurredOn, int channel = Facebook, Action<Entity>? with = null)
    {
        var row = NewInteraction(customer, kind, occurredOn, channel);
        with?.Invoke(row);
        return Service.Create(row);
    }

    public EntityReference Profile(EntityReference customer, int network, string handle, int followers = 0) =>
        new(EngagementSchema.Profile, Service.Create(new Entity(EngagementSchema.Profile)
        {
            ["rapport_name"] = handle,
            ["rapport_customerid"] = customer,
            ["rapport_network"] = new OptionSetValue(network),
            ["rapport_handle"] = handle,
            ["rapport_followers"] = followers,
        }));

    public Entity Read(EntityReference row) => Service.Retrieve(row.LogicalName, row.Id, new ColumnSet(true));

    public int Count(string table) => Service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(false) }).Entities.Count;

    /// <summary>Runs the action and returns the requests Rapport's plugins sent (depth 2: nested in the caller's request).</summary>
    public IReadOnlyList<string> PluginRequests(Action action)
    {
        using var scope = Env.Metrics.BeginScope();
        action();
        return scope.Requests.Where(r => r.Depth == 2).Select(r => r.Message).ToList();
    }

    public OrganizationResponse Call(string api, params (string Name, object Value)[] parameters)
    {
        var request = new OrganizationRequest(api);
        foreach (var (name, value) in parameters)
        {
            request[name] = value;
        }

        return Service.Execute(request);
    }
}
