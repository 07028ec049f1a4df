using System.Diagnostics;
using System.Globalization;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>Sends a signal to a child process with kill(1), as a service manager or a crash would.</summary>
internal static class Native
{
    public const string SigTerm = "TERM";
    public const string SigKill = "KILL";

    public static int Kill(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit(10_000);
        return kill.ExitCode;
    }
}
