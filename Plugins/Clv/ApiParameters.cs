using System;
using Microsoft.Xrm.Sdk;

namespace Rapport.Plugins.Clv;

/// <summary>Typed reads of Custom API request parameters, with messages naming the parameter.</summary>
internal static class ApiParameters
{
    public static string RequiredString(IPluginExecutionContext context, string name) =>
        context.InputParameters.TryGetValue(name, out var value) && value is string text && text.Trim().Length > 0
            ? text.Trim()
            : throw new InvalidPluginExecutionException($"The parameter {name} is required.");

    public static int? OptionalInt(IPluginExecutionContext context, string name) =>
        context.InputParameters.TryGetValue(name, out var value) && value is int number ? number : null;

    public static Guid RequiredGuid(IPluginExecutionContext context, string name)
    {
        var text = RequiredString(context, name);
        return Guid.TryParse(text, out var id) ? id : throw new InvalidPluginExecutionException($"The parameter {name} is not a row id (GUID): '{text}'.");
    }
}
