using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using Rapport.LocalEnvironment.WebApi;
using Rapport.Solution.Packing;

namespace Rapport.LocalEnvironment.Solutions;

/// <summary>
/// The two-step upgrade Dataverse offers for managed solutions: ImportSolution(Async) with HoldingSolution=true stages
/// the new version as "&lt;name&gt;_Upgrade" (checked, nothing applied), then DeleteAndPromote(Async) {UniqueName}
/// applies it and removes what the new version no longer contains (web resources; an assembly's dropped steps go with
/// every import already). A staged upgrade lives in memory only: after a restart, import it again.
/// </summary>
internal sealed partial class SolutionImporter
{
    private readonly Dictionary<string, PackedSolution> _installed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (PackedSolution Solution, byte[] Zip)> _staged = new(StringComparer.OrdinalIgnoreCase);

    private static string HoldingName(string uniqueName) => uniqueName + "_Upgrade";

    private static bool IsHolding(JsonElement body) =>
        body.TryGetProperty("HoldingSolution", out var holding) && holding.ValueKind == JsonValueKind.True;

    private void Remember(PackedSolution solution) => _installed[solution.UniqueName] = solution;

    /// <summary>Holding import: the base must be installed and managed, the new version higher; records the _Upgrade row.</summary>
    private void Stage(PackedSolution solution, byte[] zip)
    {
        if (!solution.Managed)
        {
            throw new ImportRefusedException("solution.xml/Managed", "only a managed solution can be imported as a holding solution (stage for upgrade).");
        }

        if (InstalledRow(solution.UniqueName) is not { } installed)
        {
            throw new ImportRefusedException("solution.xml/UniqueName", $"a holding solution needs '{solution.UniqueName}' installed first; import it without HoldingSolution.");
        }

        if (Version.TryParse(installed["version"] as string, out var current) && Version.Parse(solution.Version) <= current)
        {
            throw new ImportRefusedException("solution.xml/Version", $"the upgrade {solution.Version} must be higher than the installed version {current}.");
        }

        _staged[solution.UniqueName] = (solution, zip);
        var row = new Entity("solution")
        {
            ["uniquename"] = HoldingName(solution.UniqueName),
            ["friendlyname"] = HoldingName(solution.UniqueName),
            ["version"] = solution.Version,
            ["ismanaged"] = true,
            ["installedon"] = _env.Clock.UtcNow,
        };
        if (InstalledRow(HoldingName(solution.UniqueName)) is { } existing)
        {
            row.Id = existing.Id;
            _env.SystemService.Update(row);
        }
        else
        {
            _env.Organization.SystemCreate(row);
        }
    }

    /// <summary>DeleteAndPromote / DeleteAndPromoteAsync {UniqueName}. Called under the gate.</summary>
    public ApiResponse Promote(string message, JsonElement body)
    {
        var name = body.TryGetProperty("UniqueName", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new WebApiException("The parameter 'UniqueName' is required.");
        if (!_staged.ContainsKey(name))
        {
            throw new WebApiException($"There is no staged upgrade '{HoldingName(name)}' for the solution '{name}': import the new version with HoldingSolution=true first.");
        }

        var solutionId = InstalledRow(name)?.Id ?? Guid.Empty;
        if (message == "DeleteAndPromote")
        {
            var error = PromoteStaged(name);
            return error is null
                ? new ApiResponse(200, new JsonObject { ["SolutionId"] = solutionId.ToString("D") })
                : throw Emulator.Faults.Fault.Create(ImportRefusedException.ErrorCode, error);
        }

        var operationId = _env.Organization.SystemCreate(new Entity("asyncoperation")
        {
            ["name"] = "Delete and Promote",
            ["operationtype"] = new OptionSetValue(54),
            ["messagename"] = "DeleteAndPromote",
            ["startedon"] = _env.Clock.UtcNow,
        });
        _ = Task.Run(() =>
        {
            lock (_gate)
            {
                var error = PromoteStaged(name);
                _env.SystemService.Update(new Entity("asyncoperation", operationId)
                {
                    ["statecode"] = new OptionSetValue(3),
                    ["statuscode"] = new OptionSetValue(error is null ? 30 : 31),
                    ["message"] = error ?? "The upgrade was applied.",
                    ["friendlymessage"] = error ?? "The upgrade was applied.",
                    ["completedon"] = _env.Clock.UtcNow,
                });
                Changed?.Invoke();
            }
        });
        return new ApiResponse(200, new JsonObject
        {
            ["@odata.context"] = "$metadata#Microsoft.Dynamics.CRM.DeleteAndPromoteAsyncResponse",
            ["AsyncOperationId"] = operationId.ToString("D"),
        });
    }

    /// <summary>Applies the staged version, removes the web resources it dropped, deletes the _Upgrade row; null or the error.</summary>
    private string? PromoteStaged(string name)
    {
        var (solution, zip) = _staged[name];
        try
        {
            var assemblies = _registration.Prepare(solution);
            _registration.Apply(solution, assemblies);
            var kept = solution.WebResources.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var dropped in (_installed.GetValueOrDefault(name)?.WebResources ?? []).Where(r => !kept.Contains(r.Name)))
            {
                _webResources.TryRemove(dropped.Name, out _);
            }

            foreach (var resource in solution.WebResources)
            {
                _webResources[resource.Name] = resource;
            }

            RecordControls(solution, _installed.GetValueOrDefault(name));
            KeepControls(solution);
            RecordSolution(solution);
            if (InstalledRow(HoldingName(name)) is { } holding)
            {
                _env.SystemService.Delete("solution", holding.Id);
            }

            _staged.Remove(name);
            Remember(solution);
            Imported?.Invoke(solution.UniqueName, zip);
            return null;
        }
        catch (ImportRefusedException refused)
        {
            return refused.Message;
        }
        catch (System.ServiceModel.FaultException<OrganizationServiceFault> fault)
        {
            return $"registration: {fault.Detail.Message}";
        }
    }
}
