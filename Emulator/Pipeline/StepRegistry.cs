using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// The steps in force, read from the sdkmessageprocessingstep rows (and their images, plugin types, messages and
/// filters) like Dataverse does, so creating or deleting those rows registers or removes a step. Cached until a
/// registration row changes.
/// </summary>
internal sealed class StepRegistry
{
    private readonly EntityStore _store;
    private long _version = -1;
    private IReadOnlyList<PluginStep> _steps = [];

    public StepRegistry(EntityStore store)
    {
        _store = store;
    }

    public IReadOnlyList<PluginStep> All
    {
        get
        {
            if (_version != _store.RegistrationVersion)
            {
                _steps = Load();
                _version = _store.RegistrationVersion;
            }

            return _steps;
        }
    }

    /// <summary>Steps for a message on a table, with the steps of its bulk counterpart (Create ↔ CreateMultiple).</summary>
    public IReadOnlyList<PluginStep> For(string message, string entity)
    {
        var counterpart = BulkShapes.Counterpart(message);
        var result = new List<PluginStep>();
        foreach (var step in All)
        {
            if (step.Matches(message, entity) || (counterpart is not null && step.Matches(counterpart, entity)))
            {
                result.Add(step);
            }
        }

        return result;
    }

    private List<PluginStep> Load()
    {
        var steps = new List<PluginStep>();
        var images = _store.Rows("sdkmessageprocessingstepimage")
            .Where(r => r["sdkmessageprocessingstepid"] is EntityReference)
            .GroupBy(r => ((EntityReference)r["sdkmessageprocessingstepid"]!).Id)
            .ToDictionary(g => g.Key, g => g.Select(ToImage).ToList());
        foreach (var row in _store.Rows("sdkmessageprocessingstep"))
        {
            if (Int(row["statecode"]) != 0)
            {
                continue;
            }

            var typeName = Lookup(row["plugintypeid"], "plugintype")?["typename"] as string;
            var message = Lookup(row["sdkmessageid"], "sdkmessage")?["name"] as string;
            if (typeName is null || message is null)
            {
                continue;
            }

            var entity = Lookup(row["sdkmessagefilterid"], "sdkmessagefilter")?["primaryobjecttypecode"] as string;
            var filtering = (row["filteringattributes"] as string)?
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.Ordinal);
            steps.Add(new PluginStep(
                row.Id,
                row["name"] as string ?? typeName,
                typeName,
                message,
                string.IsNullOrEmpty(entity) || entity == "none" ? null : entity,
                Int(row["stage"]),
                Int(row["mode"]),
                Int(row["rank"]),
                filtering is { Count: > 0 } ? filtering : null,
                row["configuration"] as string,
                null,
                images.TryGetValue(row.Id, out var declared) ? declared : [],
                row.Sequence,
                (row["impersonatinguserid"] as EntityReference)?.Id));
        }

        return steps.OrderBy(s => s.Stage).ThenBy(s => s.Rank).ThenBy(s => s.Order).ToList();
    }

    private Row? Lookup(object? value, string table) => value is EntityReference r ? _store.Find(table, r.Id) : null;

    private static StepImage ToImage(Row row)
    {
        var columns = (row["attributes"] as string)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new StepImage(row["entityalias"] as string ?? "image", Int(row["imagetype"]), columns is { Length: > 0 } ? columns : null);
    }

    private static int Int(object? value) => value switch
    {
        OptionSetValue o => o.Value,
        int i => i,
        null => 0,
        _ => Convert.ToInt32(value, CultureInfo.InvariantCulture),
    };
}
