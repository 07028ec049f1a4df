using System;

namespace Rapport.LocalEnvironment;

/// <summary>How `rapport local` was started. Port 0 picks a free port; a null token makes the host generate one.</summary>
public sealed record LocalOptions
{
    public int Port { get; init; } = 5555;

    public string? Token { get; init; }

    public string? DataDirectory { get; init; }

    public string? Sample { get; init; }

    /// <summary>Service protection simulation: every Nth Web API request gets 429 + Retry-After (0: off).</summary>
    public int Throttle { get; init; }

    /// <summary>The Retry-After seconds sent with a simulated 429.</summary>
    public int ThrottleRetryAfter { get; init; } = 1;

    /// <summary>How often the scheduled feed jobs run (digests, follow sweep); zero or less: never (tests call RunScheduledJobs).</summary>
    public TimeSpan JobInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Test behaviour of a real organisation: an async import creates its importjob row only after this delay
    /// (GET importjobs(id) answers 404 until then), as Dataverse's asynchronous service does when it is busy.</summary>
    public TimeSpan ImportJobDelay { get; init; }

    /// <summary>Test behaviour: every Nth Web API GET is answered by the "gateway" with 503, then 502 (0: off).</summary>
    public int TransientFailures { get; init; }

    /// <summary>Test behaviour: an async import stays In Progress (statuscode 20, job row at 12%) this long before it
    /// runs; a long one is a stuck import.</summary>
    public TimeSpan ImportDuration { get; init; }

    /// <summary>Lifetime of the short-lived tokens POST /rapport/token issues (zero: an hour, as Microsoft Entra's default).</summary>
    public TimeSpan TokenLifetime { get; init; }

    /// <summary>The built code components (Controls/out/controls/&lt;Constructor&gt;/), served at /controls/&lt;Namespace&gt;.&lt;Constructor&gt;/
    /// and placed on the form host. `rapport local` passes <see cref="RepositoryControlsDirectory"/>; null (the default for
    /// an embedded host, e.g. in tests): no components, the form host shows the web resources.</summary>
    public string? ControlsDirectory { get; init; }

    /// <summary>The clock of sign-in codes, sessions and issued tokens (tests pass their own to expire a code without waiting).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The repository's Controls/out/controls, found above the running assembly; null outside a clone.</summary>
    public static string? RepositoryControlsDirectory()
    {
        for (var folder = new System.IO.DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "Controls", "package.json")))
            {
                return System.IO.Path.Combine(folder.FullName, "Controls", "out", "controls");
            }
        }

        return null;
    }
}
