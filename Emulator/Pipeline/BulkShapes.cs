using System;

namespace Rapport.Emulator.Pipeline;

/// <summary>Dataverse merges the pipelines of single and bulk messages: a Create step also runs for CreateMultiple and vice versa.</summary>
internal static class BulkShapes
{
    public static string? Counterpart(string message) => message switch
    {
        "Create" => "CreateMultiple",
        "CreateMultiple" => "Create",
        "Update" => "UpdateMultiple",
        "UpdateMultiple" => "Update",
        _ => null,
    };

    public static bool IsMultiple(string message) => message.EndsWith("Multiple", StringComparison.Ordinal) && message != "ExecuteMultiple";
}
