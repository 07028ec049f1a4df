using System;
using System.IO;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>Roles, Custom APIs and web resources.</summary>
public sealed partial class DeclarationValidator
{
    private void CheckRoles()
    {
        RequireUnique("role", definition.Roles.Select(r => r.Name));
        foreach (var role in definition.Roles)
        {
            RequireUnique($"privilege in role '{role.Name}'", role.Privileges.Select(p => p.Name), StringComparer.Ordinal);
            foreach (var privilege in role.Privileges)
            {
                var table = Declared(privilege.Table);
                if (table is null)
                {
                    Problem($"Role '{role.Name}' grants {privilege.Name} on undeclared table '{privilege.Table}'.");
                    continue;
                }

                if (!Enum.IsDefined(privilege.Depth))
                {
                    Problem($"Role '{role.Name}' grants {privilege.Name} at an unknown depth ({(int)privilege.Depth}).");
                }

                if (table.Ownership == Ownership.OrganizationOwned
                    && (privilege.Privilege is PrivilegeType.Assign or PrivilegeType.Share || privilege.Depth != PrivilegeDepth.Global))
                {
                    Problem($"Role '{role.Name}' grants {privilege.Name} at {privilege.Depth}; organization-owned '{privilege.Table}' has no Assign/Share and only Global depth.");
                }
            }
        }
    }

    private void CheckCustomApis()
    {
        RequireUnique("Custom API", definition.CustomApis.Select(a => a.UniqueName));
        var pluginTypes = assemblies.SelectMany(a => a.Types).Where(t => !t.IsWorkflowActivity).Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var api in definition.CustomApis)
        {
            var where = $"Custom API '{api.UniqueName}'";
            RequirePrefix("Custom API", api.UniqueName);
            if (!IsIdentifier(api.UniqueName))
            {
                Problem($"{where}: a unique name is letters, digits and underscores.");
            }

            if (!string.IsNullOrEmpty(api.PluginType) && !pluginTypes.Contains(api.PluginType))
            {
                Problem($"{where} is implemented by '{api.PluginType}', which is no plugin class in the packed assemblies.");
            }

            if (!Enum.IsDefined(api.Binding))
            {
                Problem($"{where} has an unknown binding ({(int)api.Binding}).");
            }
            else if (api.Binding != CustomApiBinding.Global && (api.BoundEntity is null || !IsKnownTable(api.BoundEntity)))
            {
                Problem($"{where} is bound to unknown table '{api.BoundEntity}'.");
            }

            if (api.AllowedCustomProcessingStepType is < 0 or > 2)
            {
                Problem($"{where}: AllowedCustomProcessingStepType must be 0, 1 or 2.");
            }

            RequireUnique($"request parameter of '{api.UniqueName}'", api.RequestParameters.Select(p => p.UniqueName));
            RequireUnique($"response property of '{api.UniqueName}'", api.ResponseProperties.Select(p => p.UniqueName));
            foreach (var field in api.RequestParameters.Concat(api.ResponseProperties))
            {
                CheckApiField(where, api, field);
            }

            foreach (var optional in api.ResponseProperties.Where(p => p.IsOptional))
            {
                Problem($"{where}: response property '{optional.UniqueName}' cannot be optional.");
            }
        }
    }

    private void CheckApiField(string where, CustomApiDefinition api, CustomApiFieldDefinition field)
    {
        if (!Enum.IsDefined(field.Type))
        {
            Problem($"{where}: '{field.UniqueName}' has unknown type {(int)field.Type}; use one of {string.Join(", ", Enum.GetNames<CustomApiFieldType>())}.");
        }

        if (!IsIdentifier(field.UniqueName))
        {
            Problem($"{where}: '{field.UniqueName}' is not a valid parameter name.");
        }

        if (api.Binding != CustomApiBinding.Global && field.UniqueName == "Target" && api.RequestParameters.Contains(field))
        {
            Problem($"{where} is bound: the platform adds 'Target', do not declare it.");
        }

        if (field.LogicalEntityName is { } table)
        {
            if (field.Type is not (CustomApiFieldType.Entity or CustomApiFieldType.EntityReference or CustomApiFieldType.EntityCollection))
            {
                Problem($"{where}: '{field.UniqueName}' names a table but its type {field.Type} takes none.");
            }
            else if (!IsKnownTable(table))
            {
                Problem($"{where}: '{field.UniqueName}' names unknown table '{table}'.");
            }
        }
    }

    private void CheckWebResources()
    {
        RequireUnique("web resource", definition.WebResources.Select(w => w.Name));
        foreach (var resource in definition.WebResources)
        {
            RequirePrefix("Web resource", resource.Name);
            if (!Enum.IsDefined(resource.Type))
            {
                Problem($"Web resource '{resource.Name}' has an unknown type ({(int)resource.Type}).");
            }

            if (resource.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '/' or '.' or '-')))
            {
                Problem($"Web resource '{resource.Name}' may use only letters, digits, '_', '-', '.' and '/'.");
            }

            var file = webResourceRoot is null ? null : Path.Combine(webResourceRoot, resource.SourcePath);
            if (file is null || !File.Exists(file))
            {
                Problem($"Web resource '{resource.Name}': built file '{file ?? resource.SourcePath}' is missing (build WebResources first).");
            }
        }
    }
}
