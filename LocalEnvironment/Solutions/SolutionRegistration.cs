using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Emulator.Security;
using Rapport.LocalEnvironment.Security;
using Rapport.Solution.Packing;

namespace Rapport.LocalEnvironment.Solutions;

/// <summary>
/// Applies a read solution zip to the emulator: plugin assemblies (from the zip bytes), their types and steps as
/// registration rows (an upgrade replaces the previous rows of the same assemblies), Custom APIs, roles, web resources.
/// </summary>
internal sealed class SolutionRegistration
{
    private readonly DataverseEmulator _env;

    public SolutionRegistration(DataverseEmulator env)
    {
        _env = env;
    }

    private Organization Org => _env.Organization;

    /// <summary>Everything that can fail before a write: tables known, assemblies loadable, plugin types present.</summary>
    public Dictionary<string, Assembly> Prepare(PackedSolution solution)
    {
        foreach (var entity in solution.Entities)
        {
            if (_env.Metadata.Find(entity.ToLowerInvariant()) is null)
            {
                throw new ImportRefusedException($"customizations.xml/Entities/{entity}", "the local environment knows tables from Rapport's declarations only; this table is not among them.");
            }
        }

        var context = new ZipAssemblyContext(solution.UniqueName, solution.Assemblies);
        var loaded = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        foreach (var name in solution.Assemblies.Keys)
        {
            try
            {
                loaded[name] = context.LoadFromZip(name);
            }
            catch (Exception e) when (e is BadImageFormatException or ReflectionTypeLoadException or System.IO.FileLoadException or System.IO.FileNotFoundException)
            {
                throw new ImportRefusedException($"PluginAssemblies/{name}", $"the assembly cannot be loaded: {e.Message}");
            }
        }

        // Workflow activities are registered but not run here (the emulator runs no workflows), so only plugins must load.
        foreach (var type in solution.PluginTypes.Where(t => t.WorkflowActivityGroup is null))
        {
            if (!loaded.TryGetValue(type.AssemblyName, out var assembly) || !Loads(assembly, type.TypeName))
            {
                throw new ImportRefusedException($"customizations.xml/PluginType/{type.TypeName}", $"the type is not in the assembly {type.AssemblyName}.");
            }
        }

        return loaded;
    }

    private static bool Loads(Assembly assembly, string typeName)
    {
        try
        {
            return assembly.GetType(typeName, throwOnError: false) is not null;
        }
        catch (Exception e) when (e is TypeLoadException or System.IO.FileNotFoundException or System.IO.FileLoadException or BadImageFormatException)
        {
            return false;
        }
    }

    public void Apply(PackedSolution solution, Dictionary<string, Assembly> assemblies)
    {
        foreach (var (name, assembly) in assemblies)
        {
            RemovePreviousRegistration(name);
            Org.AddAssembly(assembly);
        }

        var typeIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (name, assembly) in assemblies)
        {
            var assemblyId = Org.SystemCreate(new Entity("pluginassembly")
            {
                ["name"] = name,
                ["version"] = assembly.GetName().Version?.ToString(),
                ["isolationmode"] = new OptionSetValue(2),
                ["sourcetype"] = new OptionSetValue(0),
            });
            foreach (var type in solution.PluginTypes.Where(t => t.AssemblyName == name))
            {
                typeIds[type.TypeName] = Org.SystemCreate(new Entity("plugintype", type.Id)
                {
                    ["name"] = type.TypeName,
                    ["typename"] = type.TypeName,
                    ["friendlyname"] = type.FriendlyName,
                    ["assemblyname"] = name,
                    ["pluginassemblyid"] = new EntityReference("pluginassembly", assemblyId),
                });
            }
        }

        foreach (var step in solution.Steps.Where(s => s.Message is not null && typeIds.ContainsKey(s.PluginType)))
        {
            RegisterStep(step, typeIds[step.PluginType]);
        }

        foreach (var api in solution.CustomApis)
        {
            Org.CustomApis.Add(api);
        }

        foreach (var role in solution.Roles.Keys.Where(r => !Org.Store.Rows("role").Any(row => row["name"] as string == r)))
        {
            Org.SystemCreate(new Entity("role") { ["name"] = role, ["businessunitid"] = new EntityReference("businessunit", Org.RootBusinessUnitId) });
        }

        // With the role model on (the local host turns it on), the roles grant their privileges; the emulator holds
        // them in memory, so a stored zip's roles get them back at its reload.
        if (_env.AccessPolicy is DataverseAccessPolicy)
        {
            _env.Security.LoadRoles(ZipRoles.Read(_env.Metadata, solution.Roles));
        }
    }

    private void RegisterStep(PackedStep step, Guid typeId)
    {
        var messageId = Org.MessageId(step.Message!);
        var filterId = step.PrimaryEntity is "" or "none" ? (Guid?)null : Org.MessageFilterId(messageId, step.PrimaryEntity);
        var stepId = Org.SystemCreate(new Entity("sdkmessageprocessingstep", step.Id)
        {
            ["name"] = step.Name,
            ["plugintypeid"] = new EntityReference("plugintype", typeId),
            ["sdkmessageid"] = new EntityReference("sdkmessage", messageId),
            ["sdkmessagefilterid"] = filterId is { } f ? new EntityReference("sdkmessagefilter", f) : null,
            ["stage"] = new OptionSetValue(step.Stage),
            ["mode"] = new OptionSetValue(step.Mode),
            ["rank"] = step.Rank,
            ["filteringattributes"] = step.FilteringAttributes.Count > 0 ? string.Join(",", step.FilteringAttributes) : null,
            ["configuration"] = step.Configuration.Length > 0 ? step.Configuration : null,
            ["asyncautodelete"] = step.AsyncAutoDelete,
        });
        foreach (var image in step.Images)
        {
            Org.SystemCreate(new Entity("sdkmessageprocessingstepimage")
            {
                ["sdkmessageprocessingstepid"] = new EntityReference("sdkmessageprocessingstep", stepId),
                ["imagetype"] = new OptionSetValue(image.ImageType),
                ["entityalias"] = image.Alias,
                ["name"] = image.Alias,
                ["attributes"] = image.Attributes.Count > 0 ? string.Join(",", image.Attributes) : null,
                ["messagepropertyname"] = image.MessagePropertyName,
            });
        }
    }

    /// <summary>An upgrade replaces the assembly's registration rows (steps keep pointing at types by name, as in Dataverse).</summary>
    private void RemovePreviousRegistration(string assemblyName)
    {
        var store = Org.Store;
        var assemblies = store.Rows("pluginassembly").Where(r => r["name"] as string == assemblyName).Select(r => r.Id).ToHashSet();
        var types = store.Rows("plugintype").Where(r => r["pluginassemblyid"] is EntityReference a && assemblies.Contains(a.Id) || r["assemblyname"] as string == assemblyName).Select(r => r.Id).ToHashSet();
        var steps = store.Rows("sdkmessageprocessingstep").Where(r => r["plugintypeid"] is EntityReference t && types.Contains(t.Id)).Select(r => r.Id).ToHashSet();
        var images = store.Rows("sdkmessageprocessingstepimage").Where(r => r["sdkmessageprocessingstepid"] is EntityReference s && steps.Contains(s.Id)).Select(r => r.Id).ToList();
        Delete("sdkmessageprocessingstepimage", images);
        Delete("sdkmessageprocessingstep", steps);
        Delete("plugintype", types);
        Delete("pluginassembly", assemblies);
    }

    private void Delete(string table, IEnumerable<Guid> ids)
    {
        foreach (var id in ids.ToList().Where(id => Org.Store.Find(table, id) is not null))
        {
            Org.Data.Delete(Org.SystemCaller, table, id, ConcurrencyBehavior.Default, null);
        }
    }
}
