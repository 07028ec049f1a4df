using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Metadata;
using Rapport.Emulator.Observability;
using Rapport.Emulator.Pipeline;
using Rapport.Emulator.Security;
using Rapport.Emulator.Store;
using Rapport.Solution.Model;

namespace Rapport.Emulator;

/// <summary>
/// An embedded Dataverse organization for tests and the local environment. Metadata comes from the solution's
/// declarations plus the standard tables; plugins register from their [Step]/[Image] attributes; every request runs
/// the pipeline, fails with Dataverse's faults and is counted.
/// <code>
/// var env = new DataverseEmulator(Declarations.Solution);
/// env.RegisterPlugins(typeof(MyPlugin).Assembly);
/// var service = env.GetService(env.CreateUser("Ann"));
/// using var scope = env.Metrics.BeginScope();
/// service.Create(new Entity("contact") { ["lastname"] = "Smith" });
/// env.DrainAsyncQueue();
/// </code>
/// </summary>
public sealed class DataverseEmulator
{
    /// <summary>The clock starts here unless told otherwise, so tests are repeatable.</summary>
    public static readonly DateTime DefaultStart = new(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly Organization _org;
    private EmulatorSecurity? _security;

    public DataverseEmulator(SolutionDefinition? solution = null, DateTime? start = null)
    {
        _org = new Organization(new MetadataCatalog(solution), start ?? DefaultStart);
        _org.SystemUserId = Guid.NewGuid();
        _org.RootBusinessUnitId = Guid.NewGuid();
        var system = _org.SystemCaller;
        _org.Data.Create(system, new Entity("businessunit", _org.RootBusinessUnitId) { ["name"] = "Root" });
        _org.Data.Create(system, new Entity("systemuser", _org.SystemUserId)
        {
            ["fullname"] = "SYSTEM",
            ["businessunitid"] = new EntityReference("businessunit", _org.RootBusinessUnitId),
        });
        foreach (var api in solution?.CustomApis ?? [])
        {
            _org.CustomApis.Add(api);
        }
    }

    public EmulatorClock Clock => _org.Clock;

    public Guid SystemUserId => _org.SystemUserId;

    public Guid RootBusinessUnitId => _org.RootBusinessUnitId;

    public Guid OrganizationId => _org.OrganizationId;

    /// <summary>A service acting as SYSTEM.</summary>
    public IOrganizationService SystemService => GetService(null);

    public RequestMetrics Metrics => _org.Metrics;

    public StepLog StepLog => _org.StepLog;

    public TraceLog Traces => _org.Traces;

    public MetadataCatalog Metadata => _org.Metadata;

    /// <summary>The rows themselves, for assertions (Snapshot, Count, Find); writes go through a service.</summary>
    public EntityStore Store => _org.Store;

    /// <summary>Who may do what: allow-all until the security model is plugged in.</summary>
    public IAccessPolicy AccessPolicy
    {
        get => _org.AccessPolicy;
        set => _org.AccessPolicy = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Business units, users, teams, roles and sharing. First use replaces the allow-all policy with
    /// Dataverse's role model, so every request is then checked as its user (SYSTEM still bypasses).</summary>
    public EmulatorSecurity Security => _security ??= new EmulatorSecurity(_org);

    /// <summary>A service acting as the user (see <see cref="Security"/> for roles), as a caller outside Dataverse.</summary>
    public IOrganizationService AsUser(Guid userId) => GetService(userId);

    /// <summary>The organization's parts (for the security model and the local Web API).</summary>
    public Organization Organization => _org;

    /// <summary>A service acting as the user (null: SYSTEM), as a caller outside Dataverse (depth 1).</summary>
    public IOrganizationService GetService(Guid? userId) =>
        new EmulatedOrganizationService(_org, CallerContext.External(userId ?? _org.SystemUserId));

    /// <summary>Creates an enabled user in the business unit (the root one by default) and returns its id.</summary>
    public Guid CreateUser(string fullName, Guid? businessUnitId = null, string? domainName = null)
    {
        var parts = fullName.Split(' ', 2);
        return _org.SystemCreate(new Entity("systemuser")
        {
            ["firstname"] = parts.Length > 1 ? parts[0] : null,
            ["lastname"] = parts.Length > 1 ? parts[1] : parts[0],
            ["domainname"] = domainName ?? fullName.Replace(' ', '.').ToLowerInvariant() + "@rapport.test",
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? _org.RootBusinessUnitId),
            ["isdisabled"] = false,
        });
    }

    /// <summary>Registers every [Step] of the assembly's plugin types (as sdkmessageprocessingstep rows) and binds the
    /// solution's Custom APIs whose plugin type it contains. Returns the step ids.</summary>
    public IReadOnlyList<Guid> RegisterPlugins(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _org.AddAssembly(assembly);
        return new AttributeRegistration(_org).Register(assembly);
    }

    /// <summary>Adds a Custom API implemented by a plugin type of the assembly.</summary>
    public void RegisterCustomApi(CustomApiDefinition definition, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(assembly);
        _org.AddAssembly(assembly);
        if (_org.FindPluginType(definition.PluginType) is null)
        {
            throw new ArgumentException($"The assembly {assembly.GetName().Name} has no plugin type {definition.PluginType}.", nameof(assembly));
        }

        _org.CustomApis.Add(definition);
    }

    /// <summary>Makes plugin types of the assembly available to steps registered later as rows, without registering its attributes.</summary>
    public void AddPluginAssembly(Assembly assembly) => _org.AddAssembly(assembly);

    /// <summary>Runs the queued async steps (and those they queue) until none is left; each in its own transaction.</summary>
    public IReadOnlyList<AsyncJobResult> DrainAsyncQueue()
    {
        var results = new List<AsyncJobResult>();
        while (_org.Async.TryTake(out var job))
        {
            var mark = _org.BeginTransaction();
            try
            {
                _org.Executor.Run(job.Step, job.Context);
                _org.Commit();
                results.Add(new AsyncJobResult(job.Step.Name, true, null));
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                _org.Rollback(mark);
                results.Add(new AsyncJobResult(job.Step.Name, false, fault.Detail.Message));
            }
        }

        return results;
    }

    /// <summary>
    /// Declares an alternate key at run time, as creating an entity key does in Dataverse: the rows already stored are
    /// indexed first, so a value set held twice refuses the key (DuplicateRecordEntityKey) and nothing changes.
    /// </summary>
    public void AddAlternateKey(string table, AlternateKeyDefinition key)
    {
        var updated = _org.Metadata.WithKey(table, key);
        _org.Store.IndexNewKey(updated.LogicalName, key);
        _org.Metadata.ReplaceTable(updated);
    }

    /// <summary>Async steps waiting for DrainAsyncQueue.</summary>
    public int PendingAsyncJobs => _org.Async.ReadyCount;
}

/// <summary>The outcome of one async step: Dataverse would record it on the system job.</summary>
public sealed record AsyncJobResult(string Step, bool Succeeded, string? Error);
