using System;
using System.Collections.Generic;
using System.Text;

namespace Rapport.Domain.Feed;

/// <summary>The record events an auto-post can report; a set (flags) in configurations and preferences.</summary>
[Flags]
public enum ChangeEvents
{
    None = 0,
    Create = 1,
    Update = 2,
    Assign = 4,
    StatusChange = 8,
    Delete = 16,
    All = Create | Update | Assign | StatusChange | Delete,
}

/// <summary>The text form of <see cref="ChangeEvents"/> stored on rows: "create,update,assign,status,delete".</summary>
public static class ChangeEventsText
{
    private static readonly string[] Names = { "create", "update", "assign", "status", "delete" };
    private static readonly ChangeEvents[] Values = { ChangeEvents.Create, ChangeEvents.Update, ChangeEvents.Assign, ChangeEvents.StatusChange, ChangeEvents.Delete };

    public static string Format(ChangeEvents events)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Values.Length; i++)
        {
            if ((events & Values[i]) != 0)
            {
                sb.Append(sb.Length == 0 ? string.Empty : ",").Append(Names[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>The name of one event, e.g. "status" for <see cref="ChangeEvents.StatusChange"/>.</summary>
    public static string Name(ChangeEvents single)
    {
        var i = Array.IndexOf(Values, single);
        return i < 0 ? Format(single) : Names[i];
    }

    /// <summary>Parses "create, update" (any case, "all" and "none" allowed); unknown names are refused, naming them.</summary>
    public static ChangeEvents Parse(string? text)
    {
        var result = ChangeEvents.None;
        var unknown = new List<string>();
        foreach (var raw in (text ?? string.Empty).Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = raw.Trim().ToLowerInvariant();
            var i = Array.IndexOf(Names, name);
            if (i >= 0)
            {
                result |= Values[i];
            }
            else if (name == "all")
            {
                result |= ChangeEvents.All;
            }
            else if (name != "none")
            {
                unknown.Add(raw.Trim());
            }
        }

        if (unknown.Count > 0)
        {
            throw new FeedException(
                FeedError.InvalidConfiguration,
                $"Unknown event name(s): {string.Join(", ", unknown)}. Use create, update, assign, status or delete.");
        }

        return result;
    }
}
