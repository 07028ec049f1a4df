using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Clv.Crm;
using Rapport.Emulator;
using Rapport.Plugins.Clv;
using Rapport.Plugins.Services.Clv;
using Rapport.Solution.Declarations;

namespace Rapport.Clv.Crm.Tests;

/// <summary>An emulated organization with the Rapport solution and its plugins, on a fixed day, plus small builders.</summary>
internal sealed class CrmEnvironment
{
    public static readonly DateTime Today = new(2025, 6, 15, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>BG/BB parameters of the published donation example (Fader, Hardie &amp; Shang 2010).</summary>
    public static readonly Dictionary<string, double> BgBbParameters = new() { ["alpha"] = 1.204, ["beta"] = 0.750, ["gamma"] = 0.657, ["delta"] = 2.783 };

    public CrmEnvironment()
    {
        Env = new DataverseEmulator(RapportSolution.Build("1.0.0.0"), Today);
        Env.RegisterPlugins(typeof(GiftTransactionPlugin).Assembly);
        Service = Env.SystemService;
    }

    public DataverseEmulator Env { get; }

    public IOrganizationService Service { get; }

    public EntityReference Contact(string name) =>
        new("contact", Service.Create(new Entity("contact") { ["lastname"] = name, ["fullname"] = name }));

    public Guid Gift(EntityReference? donor, decimal amount, DateTime day) =>
        Service.Create(new Entity(ClvSchema.Gift)
        {
            ["rapport_name"] = "Gift",
            [ClvSchema.GiftColumns.Donor] = donor,
            [ClvSchema.GiftColumns.Amount] = new Money(amount),
            [ClvSchema.GiftColumns.Date] = DateTime.SpecifyKind(day, DateTimeKind.Utc),
        });

    public Guid Model(string kind, IReadOnlyDictionary<string, double> parameters, bool active, string unit = "week")
    {
        var spec = new ClvModelSpec(kind, parameters) { Unit = unit };
        return Service.Create(new Entity(ClvSchema.Model)
        {
            [ClvSchema.ModelColumns.Name] = kind,
            [ClvSchema.ModelColumns.Kind] = new OptionSetValue(ClvSchema.KindOption(kind)),
            [ClvSchema.ModelColumns.Parameters] = spec.ToJson(),
            [ClvSchema.ModelColumns.FittedOn] = Today.AddDays(-1),
            [ClvSchema.ModelColumns.Status] = new OptionSetValue(active ? ClvSchema.ModelStatusActive : ClvSchema.ModelStatusDraft),
        });
    }

    public Entity Read(EntityReference customer) => Service.Retrieve(customer.LogicalName, customer.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(true));

    /// <summary>Runs the action and returns the requests Rapport's plugins sent (depth 2: nested in the caller's request).</summary>
    public IReadOnlyList<string> PluginRequests(Action action)
    {
        using var scope = Env.Metrics.BeginScope();
        action();
        return scope.Requests.Where(r => r.Depth == 2).Select(r => r.Message).ToList();
    }
}
