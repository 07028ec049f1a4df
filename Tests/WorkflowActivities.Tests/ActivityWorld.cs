using System;
using System.Activities;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator;
using Rapport.Emulator.Security;
using Rapport.Emulator.Store;
using Rapport.Emulator.Workflow;
using Rapport.Solution.Declarations;
using Rapport.Solution.Model;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>Reads of listed rows are refused to listed users (PrivilegeDenied, and trimmed from queries); the rest is allowed.</summary>
public sealed class DenyReadPolicy : IAccessPolicy
{
    private readonly HashSet<(Guid User, Guid Row)> _denied = new();

    public void Deny(Guid user, Guid row) => _denied.Add((user, row));

    public bool HasAccess(AccessRequest request) =>
        request.Privilege != PrivilegeType.Read || request.Row is null || !_denied.Contains((request.UserId, request.Row.Id));

    public Func<Row, bool>? ReadFilter(Guid userId, string table) => _denied.Count == 0 ? null : row => !_denied.Contains((userId, row.Id));
}

/// <summary>The trace an activity writes, as one text.</summary>
public sealed class TraceLines : ITracingService
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public void Trace(string format, params object?[] args) =>
        _text.AppendLine(args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format);
}

/// <summary>
/// An organization with the Rapport solution and its plugins (loaded from the plugins' net10.0 build), named users
/// and a deny-list access policy; <see cref="Run"/> invokes an activity the way a background workflow step does.
/// </summary>
public sealed class ActivityWorld
{
    public static readonly DateTime Today = new(2025, 6, 15, 9, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<Assembly> Plugins = new(() => Assembly.LoadFrom(TestPaths.PluginsForEmulator));

    public ActivityWorld()
    {
        Env = new DataverseEmulator(RapportSolution.Build("1.0.0.0"), Today);
        Env.RegisterPlugins(Plugins.Value);
        Env.AccessPolicy = Policy;
        Ana = Env.CreateUser("Ana Lopez");
        Ben = Env.CreateUser("Ben Okafor");
    }

    public DataverseEmulator Env { get; }

    public DenyReadPolicy Policy { get; } = new();

    public Guid Ana { get; }

    public Guid Ben { get; }

    /// <summary>The last run's trace.</summary>
    public TraceLines Trace { get; private set; } = new();

    /// <summary>Runs the activity as <paramref name="user"/> (started by <paramref name="initiatingUser"/>, the same user by default).</summary>
    public IDictionary<string, object?> Run(Activity activity, Guid user, IDictionary<string, object?> inputs, Guid? initiatingUser = null)
    {
        var invoker = new WorkflowInvoker(activity);
        var context = WorkflowContextBuilder.For(Env, user, initiatingUser);
        Trace = new TraceLines();
        invoker.Extensions.Add(context);
        invoker.Extensions.Add(Trace);
        invoker.Extensions.Add(Env.CreateWorkflowServiceFactory(context.InitiatingUserId, context.Depth, context.CorrelationId));
        return invoker.Invoke(inputs);
    }

    /// <summary>The activity fails with an InvalidPluginExecutionException whose message contains every expected part, and nothing is written.</summary>
    public string Refused(Activity activity, Guid user, IDictionary<string, object?> inputs, params string[] expected)
    {
        var before = Env.Store.Snapshot();
        var error = Assert.Throws<InvalidPluginExecutionException>(() => Run(activity, user, inputs))!;
        foreach (var part in expected)
        {
            Assert.That(error.Message, Does.Contain(part));
        }

        Assert.That(Env.Store.Snapshot(), Is.EqualTo(before), "a refused activity wrote something");
        return error.Message;
    }

    public Guid Account(string name) => Env.SystemService.Create(new Entity("account") { ["name"] = name });

    public Guid Contact(string name) => Env.SystemService.Create(new Entity("contact") { ["lastname"] = name, ["fullname"] = name });

    public Guid Team(string name) =>
        Env.SystemService.Create(new Entity("team") { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", Env.RootBusinessUnitId) });

    /// <summary>A user holding the System Administrator role (the role rows only: access decisions stay with <see cref="Policy"/>).</summary>
    public Guid Administrator(string name)
    {
        var admin = Env.CreateUser(name);
        Env.Security.AssignRoles(admin, EmulatorSecurity.SystemAdministrator);
        Env.AccessPolicy = Policy;
        return admin;
    }

    /// <summary>The Unified Interface record URL of a row, as the designer's Record URL (Dynamic) gives it.</summary>
    public static string Url(string table, Guid id) =>
        $"https://rapport.crm.dynamics.com/main.aspx?appid=6b9d1c2e-0000-4000-8000-000000000001&pagetype=entityrecord&etn={table}&id={id:D}";

    /// <summary>The classic record URL: the table as its type code, the id braced and escaped.</summary>
    public static string ClassicUrl(int typeCode, Guid id) =>
        $"https://rapport.crm.dynamics.com:443/main.aspx?etc={typeCode}&id=%7b{id.ToString("D").ToUpperInvariant()}%7d&histKey=1&newWindow=true&pagetype=entityrecord";

    public List<Entity> Rows(string table, string? column = null, object? value = null)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
        if (column is not null)
        {
            query.Criteria.AddCondition(column, ConditionOperator.Equal, value);
        }

        return Env.SystemService.RetrieveMultiple(query).Entities.ToList();
    }

    public Entity Read(string table, Guid id) => Env.SystemService.Retrieve(table, id, new ColumnSet(true));
}
