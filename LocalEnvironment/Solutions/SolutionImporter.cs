using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Emulator.Faults;
using Rapport.LocalEnvironment.WebApi;
using Rapport.Solution.Packing;

namespace Rapport.LocalEnvironment.Solutions;

/// <summary>
/// ImportSolution and ImportSolutionAsync: read the zip with SolutionZipReader, check the version against the installed
/// one (higher upgrades in place, same updates, lower is refused), register its parts, and record the solution,
/// importjob and (async) asyncoperation rows a client polls.
/// </summary>
internal sealed partial class SolutionImporter
{
    private readonly DataverseEmulator _env;
    private readonly object _gate;
    private readonly SolutionRegistration _registration;
    private readonly ConcurrentDictionary<string, PackedWebResource> _webResources = new(StringComparer.OrdinalIgnoreCase);

    public SolutionImporter(DataverseEmulator env, object gate)
    {
        _env = env;
        _gate = gate;
        _registration = new SolutionRegistration(env);
    }

    /// <summary>Raised (under the gate) after a successful import, with the zip: persistence keeps it to import it again at start.</summary>
    public Action<string, byte[]>? Imported { get; set; }

    /// <summary>Raised (under the gate) when a background import has written its rows.</summary>
    public Action? Changed { get; set; }

    /// <summary>Registers a stored zip again at start (its solution row and data are already back): no job, no version check.</summary>
    public void Reload(byte[] zip)
    {
        var solution = Read(zip);
        _registration.Apply(solution, _registration.Prepare(solution));
        Remember(solution);
        foreach (var resource in solution.WebResources)
        {
            _webResources[resource.Name] = resource;
        }

        KeepControls(solution);
    }

    public PackedWebResource? WebResource(string name) => _webResources.GetValueOrDefault(name);

    public IEnumerable<PackedWebResource> WebResources => _webResources.Values;

    /// <summary>Called under the gate.</summary>
    public ApiResponse Handle(string message, JsonElement body)
    {
        var file = body.TryGetProperty("CustomizationFile", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : throw new WebApiException("The parameter 'CustomizationFile' is required.");
        var jobId = body.TryGetProperty("ImportJobId", out var job) && Guid.TryParse(job.GetString(), out var given) ? given : Guid.NewGuid();
        byte[] zip;
        try
        {
            zip = Convert.FromBase64String(file);
        }
        catch (FormatException)
        {
            throw new WebApiException("The parameter 'CustomizationFile' is not base64.");
        }

        var holding = IsHolding(body);
        if (message == "ImportSolution")
        {
            CreateJob(jobId, PeekName(zip));
            var error = Import(zip, jobId, holding);
            if (error is not null)
            {
                throw Fault.Create(ImportRefusedException.ErrorCode, error);
            }

            return ApiResponse.NoContent();
        }

        // The system job exists at once (Ready, Waiting For Resources); the import job row when the job starts.
        var operationId = _env.Organization.SystemCreate(new Entity("asyncoperation")
        {
            ["name"] = "Import Solution",
            ["operationtype"] = new OptionSetValue(54),
            ["messagename"] = "ImportSolution",
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(0),
        });
        var delay = JobDelay;
        if (delay <= TimeSpan.Zero)
        {
            Start(operationId, jobId, zip);
        }

        _ = Task.Run(async () =>
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay).ConfigureAwait(false);
                lock (_gate)
                {
                    Start(operationId, jobId, zip);
                    Changed?.Invoke();
                }
            }

            if (Duration > TimeSpan.Zero)
            {
                await Task.Delay(Duration).ConfigureAwait(false);
            }

            lock (_gate)
            {
                var error = Import(zip, jobId, holding);
                _env.SystemService.Update(new Entity("asyncoperation", operationId)
                {
                    ["statecode"] = new OptionSetValue(3),
                    ["statuscode"] = new OptionSetValue(error is null ? 30 : 31),
                    ["message"] = error ?? "The solution was imported.",
                    ["friendlymessage"] = error ?? "The solution was imported.",
                    ["completedon"] = _env.Clock.UtcNow,
                });
                Changed?.Invoke();
            }
        });
        return new ApiResponse(200, new JsonObject
        {
            ["@odata.context"] = "$metadata#Microsoft.Dynamics.CRM.ImportSolutionAsyncResponse",
            ["AsyncOperationId"] = operationId.ToString("D"),
            ["ImportJobKey"] = jobId.ToString("D"),
        });
    }

    /// <summary>Test behaviour (LocalOptions.ImportJobDelay): how long an async import waits before its job row exists.</summary>
    public TimeSpan JobDelay { get; set; }

    /// <summary>Test behaviour (LocalOptions.ImportDuration): how long an async import stays In Progress.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>The system job goes In Progress and the import job row appears, named after the solution being imported.</summary>
    private void Start(Guid operationId, Guid jobId, byte[] zip)
    {
        _env.SystemService.Update(new Entity("asyncoperation", operationId)
        {
            ["statecode"] = new OptionSetValue(2),
            ["statuscode"] = new OptionSetValue(20),
            ["startedon"] = _env.Clock.UtcNow,
        });
        CreateJob(jobId, PeekName(zip));
        if (Duration > TimeSpan.Zero)
        {
            _env.SystemService.Update(new Entity("importjob", jobId) { ["progress"] = 12d });
        }
    }

    /// <summary>The solution's unique name for the job row, or "" when the zip cannot be read (Import reports why).</summary>
    private static string PeekName(byte[] zip)
    {
        try
        {
            return Read(zip).UniqueName;
        }
        catch (ImportRefusedException)
        {
            return "";
        }
    }

    /// <summary>Imports and completes the job; returns null on success or the refusal message.</summary>
    private string? Import(byte[] zip, Guid jobId, bool holding = false)
    {
        string? error = null;
        var name = "";
        try
        {
            var solution = Read(zip);
            name = solution.UniqueName;
            CheckVersion(solution);
            var assemblies = _registration.Prepare(solution);
            if (holding)
            {
                Stage(solution, zip);
                CompleteJob(jobId, name, null);
                return null;
            }

            _registration.Apply(solution, assemblies);
            foreach (var resource in solution.WebResources)
            {
                _webResources[resource.Name] = resource;
            }

            RecordControls(solution);
            KeepControls(solution);
            RecordSolution(solution);
            Remember(solution);
            Imported?.Invoke(solution.UniqueName, zip);
        }
        catch (ImportRefusedException refused)
        {
            error = refused.Message;
        }
        catch (System.ServiceModel.FaultException<OrganizationServiceFault> fault)
        {
            error = $"registration: {fault.Detail.Message}";
        }

        CompleteJob(jobId, name, error);
        return error;
    }

    private static PackedSolution Read(byte[] zip)
    {
        try
        {
            return SolutionZipReader.Read(zip);
        }
        catch (SolutionFormatException e)
        {
            throw new ImportRefusedException(e.Part, e.Message[(e.Part.Length + 2)..]);
        }
        catch (InvalidDataException e)
        {
            throw new ImportRefusedException(e.Message.Contains(".xml", StringComparison.Ordinal) || e.Message.Contains('\'', StringComparison.Ordinal) ? "zip part" : "zip", e.Message);
        }
        catch (XmlException e)
        {
            throw new ImportRefusedException("solution.xml or customizations.xml", $"the XML is not well formed: {e.Message}");
        }
        catch (Exception e) when (e is FormatException or NullReferenceException or ArgumentException or KeyNotFoundException)
        {
            throw new ImportRefusedException("customizations.xml", $"the file does not have the shape of a solution: {e.Message}");
        }
    }

    private void CheckVersion(PackedSolution solution)
    {
        if (!Version.TryParse(solution.Version, out var incoming))
        {
            throw new ImportRefusedException("solution.xml/Version", $"'{solution.Version}' is not a version.");
        }

        var installed = InstalledRow(solution.UniqueName);
        if (installed?["version"] is string text && Version.TryParse(text, out var current) && incoming < current)
        {
            throw new ImportRefusedException("solution.xml/Version",
                $"the solution '{solution.UniqueName}' {incoming} is older than the installed version {current}; a lower version cannot be imported.");
        }
    }

    private Emulator.Store.Row? InstalledRow(string uniqueName) =>
        _env.Store.Rows("solution").FirstOrDefault(r => string.Equals(r["uniquename"] as string, uniqueName, StringComparison.OrdinalIgnoreCase));

    private void RecordSolution(PackedSolution solution)
    {
        var row = new Entity("solution")
        {
            ["uniquename"] = solution.UniqueName,
            ["friendlyname"] = solution.UniqueName,
            ["version"] = solution.Version,
            ["ismanaged"] = solution.Managed,
            ["installedon"] = _env.Clock.UtcNow,
        };
        if (InstalledRow(solution.UniqueName) is { } existing)
        {
            row.Id = existing.Id;
            _env.SystemService.Update(row);
        }
        else
        {
            _env.Organization.SystemCreate(row);
        }
    }

    private void CreateJob(Guid jobId, string solution)
    {
        if (_env.Store.Find("importjob", jobId) is null)
        {
            _env.Organization.SystemCreate(new Entity("importjob", jobId) { ["name"] = "Solution import", ["solutionname"] = solution, ["progress"] = 0d, ["startedon"] = _env.Clock.UtcNow });
        }
    }

    private void CompleteJob(Guid jobId, string solution, string? error)
    {
        var result = error is null
            ? "<result result=\"success\" errorcode=\"0\" errortext=\"\" />"
            : $"<result result=\"failure\" errorcode=\"{WebApiException.Hex(ImportRefusedException.ErrorCode)}\" errortext=\"{SecurityElement.Escape(error)}\" />";
        _env.SystemService.Update(new Entity("importjob", jobId)
        {
            ["solutionname"] = solution,
            ["progress"] = 100d,
            ["completedon"] = _env.Clock.UtcNow,
            ["data"] = $"<importexportxml><solutionManifests><solutionManifest><UniqueName>{SecurityElement.Escape(solution)}</UniqueName>{result}</solutionManifest></solutionManifests></importexportxml>",
        });
    }
}
