using System;
using System.CommandLine;
using System.IO;
using Rapport.Domain.Clv;

namespace Rapport.Cli.Commands.Clv;

/// <summary>Runs a clv action with one error policy: bad input or a numerical failure is one line on stderr and exit code 2.</summary>
internal static class ClvAction
{
    public static int Run(ParseResult parseResult, Func<TextWriter, int> action)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return action(output);
        }
        catch (Exception e) when (e is ClvInputException || e is ClvNumericException || e is IOException || e is UnauthorizedAccessException || e is System.Text.Json.JsonException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
