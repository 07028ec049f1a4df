using System;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>Code components: names as Dataverse forms them, and every form cell that hosts one names a declared component and a text column.</summary>
public sealed partial class DeclarationValidator
{
    private void CheckCodeComponents()
    {
        RequireUnique("code component", definition.CodeComponents.Select(c => c.Name));
        foreach (var component in definition.CodeComponents)
        {
            var where = $"Code component '{component.Name}'";
            RequirePrefix("Code component", component.Name);
            if (!IsIdentifier(component.Constructor) || component.Namespace.Split('.').Any(p => !IsIdentifier(p)))
            {
                Problem($"{where}: namespace '{component.Namespace}' and constructor '{component.Constructor}' must be letters, digits and underscores (the namespace may have dots).");
            }

            // Dataverse names an imported component <prefix>_<namespace>.<constructor>; another name would not match the manifest.
            var expected = $"{Prefix}{component.Namespace}.{component.Constructor}";
            if (!string.Equals(component.Name, expected, StringComparison.Ordinal))
            {
                Problem($"{where} must be named '{expected}' (publisher prefix, namespace, constructor), as Dataverse names the component it imports.");
            }

            if (component.OutputFolder.Length == 0 || component.OutputFolder.Contains("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(component.OutputFolder))
            {
                Problem($"{where}: output folder '{component.OutputFolder}' must be a folder below Controls/out/controls.");
            }
        }

        foreach (var form in definition.Forms)
        {
            var controls = form.Tabs.SelectMany(t => t.Sections).SelectMany(s => s.CodeControls).ToList();
            RequireUnique($"code component control id in Form '{form.Name}'",
                controls.Select(c => c.Id).Concat(form.Tabs.SelectMany(t => t.Sections).SelectMany(s => s.Controls).Select(c => c.Id)));
            foreach (var control in controls)
            {
                var where = $"Form '{form.Name}': control '{control.Id}'";
                if (!definition.CodeComponents.Any(c => c.Name == control.Component))
                {
                    Problem($"{where} hosts code component '{control.Component}', which the solution does not declare.");
                }

                var column = ColumnOf(form.Table, control.Column);
                if (column is null)
                {
                    Problem($"{where} is bound to column '{control.Column}', which table '{form.Table}' does not have.");
                }
                else if (column.Type != ColumnType.String)
                {
                    Problem($"{where} is bound to '{control.Column}', a {column.Type} column; the components' bound property is SingleLine.Text.");
                }

                if (!control.Id.StartsWith(control.Column, StringComparison.Ordinal))
                {
                    Problem($"{where}: a bound control is named after its column ('{control.Column}', then a number for a second copy).");
                }

                if (control.Rows < 1)
                {
                    Problem($"{where} needs at least one row.");
                }
            }
        }
    }
}
