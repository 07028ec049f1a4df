using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Handlers;
using Rapport.Emulator.Metadata;
using Rapport.Emulator.Observability;
using Rapport.Emulator.Pipeline;
using Rapport.Emulator.Security;
using Rapport.Emulator.Store;

namespace Rapport.Emulator;

/// <summary>Where a transaction began: the undo log position and the pending async jobs count.</summary>
internal readonly record struct TransactionMark(int Undo, int Async);

/// <summary>The emulated organization's parts, shared by handlers and the pipeline. Tests use <see cref="DataverseEmulator"/>.</summary>
public sealed class Organization
{
    private readonly List<Assembly> _assemblies = new();
    private readonly Dictionary<string, Type> _pluginTypes = new(StringComparer.Ordinal);

    internal Organization(MetadataCatalog metadata, DateTime start)
    {
        Metadata = metadata;
        Store = new EntityStore(metadata);
        Clock = new EmulatorClock(start);
        Data = new DataAccess(this);
        Steps = new StepRegistry(Store);
        Executor = new StepExecutor(this);
        CustomApis = new CustomApiRegistry(this);
        Processor = new MessageProcessor(this, HandlerCatalog.All());
    }

    public MetadataCatalog Metadata { get; }

    public EntityStore Store { get; }

    public EmulatorClock Clock { get; }

    public IAccessPolicy AccessPolicy { get; set; } = new AllowAllPolicy();

    public RequestMetrics Metrics { get; } = new();

    public StepLog StepLog { get; } = new();

    public TraceLog Traces { get; } = new();

    public Guid OrganizationId { get; internal set; } = Guid.NewGuid();

    public Guid SystemUserId { get; internal set; }

    public Guid RootBusinessUnitId { get; internal set; }

    internal DataAccess Data { get; }

    internal StepRegistry Steps { get; }

    internal StepExecutor Executor { get; }

    internal CustomApiRegistry CustomApis { get; }

    internal MessageProcessor Processor { get; }

    internal AsyncQueue Async { get; } = new();

    internal bool InTransaction => Store.TransactionDepth > 0;

    internal CallerContext SystemCaller => CallerContext.External(SystemUserId);

    internal TransactionMark BeginTransaction() => new(Store.BeginTransaction(), Async.PendingMark);

    /// <summary>Commits; when the outermost transaction commits, its async jobs become ready.</summary>
    internal void Commit()
    {
        Store.Commit();
        if (!InTransaction)
        {
            Async.Promote();
        }
    }

    /// <summary>Undoes every write since the mark and drops the async jobs raised since then.</summary>
    internal void Rollback(TransactionMark mark)
    {
        Store.Rollback(mark.Undo);
        Async.DropTo(mark.Async);
    }

    internal Guid BusinessUnitOf(Guid userId) =>
        Store.Find("systemuser", userId)?["businessunitid"] is EntityReference unit ? unit.Id : RootBusinessUnitId;

    /// <summary>A row written as SYSTEM without the pipeline or counters (setup and registration).</summary>
    internal Guid SystemCreate(Entity entity) => Data.Create(SystemCaller, entity).Id;

    internal Guid MessageId(string name)
    {
        var existing = Store.Rows("sdkmessage").FirstOrDefault(r => string.Equals(r["name"] as string, name, StringComparison.OrdinalIgnoreCase));
        return existing?.Id ?? SystemCreate(new Entity("sdkmessage") { ["name"] = name });
    }

    internal Guid MessageFilterId(Guid messageId, string table)
    {
        var existing = Store.Rows("sdkmessagefilter").FirstOrDefault(r =>
            r["sdkmessageid"] is EntityReference m && m.Id == messageId && r["primaryobjecttypecode"] as string == table);
        return existing?.Id ?? SystemCreate(new Entity("sdkmessagefilter")
        {
            ["sdkmessageid"] = new EntityReference("sdkmessage", messageId),
            ["primaryobjecttypecode"] = table,
        });
    }

    internal void AddAssembly(Assembly assembly)
    {
        if (_assemblies.Contains(assembly))
        {
            return;
        }

        _assemblies.Add(assembly);
        foreach (var type in SafeTypes(assembly).Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract && t.FullName is not null))
        {
            _pluginTypes[type.FullName!] = type;
        }
    }

    internal Type? FindPluginType(string typeName) => _pluginTypes.GetValueOrDefault(typeName);

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.Where(t => t is not null)!;
        }
    }
}
