using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;
using Rapport.Solution.Packing;

namespace Rapport.LocalEnvironment.Solutions;

/// <summary>
/// Code components of imported solutions: one customcontrol row per component (name, manifest, compatible data types,
/// version; learn.microsoft.com/power-apps/developer/data-platform/reference/entities/customcontrol), and its files,
/// kept to be served at /controls/&lt;Namespace&gt;.&lt;Constructor&gt;/&lt;file&gt; (LocalHost.Controls.Imported.cs).
/// </summary>
internal sealed partial class SolutionImporter
{
    private readonly ConcurrentDictionary<string, PackedCustomControl> _controls = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An imported component by "&lt;Namespace&gt;.&lt;Constructor&gt;", or null.</summary>
    public PackedCustomControl? Control(string namespacedConstructor) => _controls.GetValueOrDefault(namespacedConstructor);

    private static string KeyOf(PackedCustomControl control) => $"{control.Namespace}.{control.Constructor}";

    /// <summary>Keeps the files of the solution's components (at start too: their rows are back with the data).</summary>
    private void KeepControls(PackedSolution solution)
    {
        foreach (var control in solution.CustomControls)
        {
            _controls[KeyOf(control)] = control;
        }
    }

    /// <summary>Creates or updates the customcontrol row of each component, by name; removes those an upgrade dropped.</summary>
    private void RecordControls(PackedSolution solution, PackedSolution? previous = null)
    {
        foreach (var control in solution.CustomControls)
        {
            var row = new Entity("customcontrol")
            {
                ["name"] = control.Name,
                ["manifest"] = Encoding.UTF8.GetString(control.Manifest).TrimStart('\uFEFF'),
                ["compatibledatatypes"] = control.CompatibleDataTypes,
                ["version"] = control.Version,
            };
            if (ControlRow(control.Name) is { } existing)
            {
                row.Id = existing.Id;
                _env.SystemService.Update(row);
            }
            else
            {
                _env.Organization.SystemCreate(row);
            }
        }

        var kept = solution.CustomControls.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var dropped in (previous?.CustomControls ?? []).Where(c => !kept.Contains(c.Name)))
        {
            _controls.TryRemove(KeyOf(dropped), out _);
            if (ControlRow(dropped.Name) is { } row)
            {
                _env.SystemService.Delete("customcontrol", row.Id);
            }
        }
    }

    private Emulator.Store.Row? ControlRow(string name) =>
        _env.Store.Rows("customcontrol").FirstOrDefault(r => string.Equals(r["name"] as string, name, StringComparison.OrdinalIgnoreCase));
}
