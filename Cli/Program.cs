using System.CommandLine;
using Rapport.Cli.Commands;

namespace Rapport.Cli;

/// <summary>Entry point of <c>./rapport</c>: each feature adds its command in <see cref="CommandCatalog"/>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Rapport: follow & feed, social engagement and customer lifetime value for Dataverse.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).Invoke();
    }
}
