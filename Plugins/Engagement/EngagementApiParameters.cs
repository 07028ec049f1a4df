using System;
using Microsoft.Xrm.Sdk;

namespace Rapport.Plugins.Engagement;

/// <summary>Typed reads of the engagement Custom APIs' request parameters, with messages naming the parameter.</summary>
internal static class EngagementApiParameters
{
    public static string RequiredString(IPluginExecutionContext context, string name) =>
        OptionalString(context, name) ?? throw new InvalidPluginExecutionException($"The parameter {name} is required.");

    public static string? OptionalString(IPluginExecutionContext context, string name) =>
        context.InputParameters.TryGetValue(name, out var value) && value is string text && text.Trim().Length > 0 ? text.Trim() : null;

    public static int? OptionalInt(IPluginExecutionContext context, string name) =>
        context.InputParameters.TryGetValue(name, out var value) && value is int number ? number : null;

    public static decimal? OptionalDecimal(IPluginExecutionContext context, string name) =>
        context.InputParameters.TryGetValue(name, out var value) && value is decimal number ? number : null;

    public static DateTime RequiredDate(IPluginExecutionContext context, string name) =>
        context.InputParameters.TryGetValue(name, out var value) && value is DateTime date
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : throw new InvalidPluginExecutionException($"The parameter {name} is required: a date and time (UTC).");

    public static Guid? OptionalGuid(IPluginExecutionContext context, string name)
    {
        var text = OptionalString(context, name);
        if (text is null)
        {
            return null;
        }

        return Guid.TryParse(text, out var id) ? id : throw new InvalidPluginExecutionException($"The parameter {name} is not a row id (GUID): '{text}'.");
    }

    public static EntityReference Customer(IPluginExecutionContext context)
    {
        var table = RequiredString(context, "RecordTable").ToLowerInvariant();
        if (table != "contact" && table != "account")
        {
            throw new InvalidPluginExecutionException($"RecordTable must be 'contact' or 'account', got '{table}'.");
        }

        return new EntityReference(table, OptionalGuid(context, "RecordId") ?? throw new InvalidPluginExecutionException("The parameter RecordId is required."));
    }
}
