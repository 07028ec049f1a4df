using System;
using System.Collections.Generic;
using System.CommandLine;

namespace Rapport.Cli.Commands;

/// <summary>`rapport bench`: performance figures, one subcommand per feature (add a line to <see cref="Subcommands"/>).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks that print their figures as JSON.");
        foreach (var create in Subcommands())
        {
            command.Subcommands.Add(create());
        }

        return command;
    }

    private static IEnumerable<Func<Command>> Subcommands()
    {
        yield return Clv.BenchClvCommand.Create;
        yield return Feed.BenchFeedCommand.Create;
        yield return Emulator.BenchEmulatorCommand.Create;
    }
}
