using System.Collections.Generic;
using System.CommandLine;

namespace Rapport.Cli.Commands;

/// <summary>The tool's top-level commands, one line per feature so features can be added without touching each other.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Clv.ClvCommand.Create();
        yield return BenchCommand.Create();
        yield return Pack.PackCommand.Create();
        yield return LocalCommand.Create();
        yield return Auth.AuthCommand.Create();
        yield break;
    }
}
