using System.CommandLine;

namespace Rapport.Cli.Commands.Clv;

/// <summary>`rapport clv`: fit, predict and validate customer lifetime value models.</summary>
public static class ClvCommand
{
    public static Command Create()
    {
        var command = new Command("clv", "Customer lifetime value: fit BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB; predict; validate on a holdout.");
        command.Subcommands.Add(ClvFitCommand.Create());
        command.Subcommands.Add(ClvPredictCommand.Create());
        command.Subcommands.Add(ClvValidateCommand.Create());
        return command;
    }
}
