using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Cli.Commands.Clv;

/// <summary>The one JSON shape for every clv and bench clv output: camelCase, indented, nulls kept so fields are stable.</summary>
public static class ClvJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}
