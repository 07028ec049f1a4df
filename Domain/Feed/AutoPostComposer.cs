using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// Turns one change event into at most one auto-post (fan-out on read: one row per change, whatever the number of
/// followers). Updates list every tracked column whose value really changed — "Stage changed from Qualify to Develop;
/// Est. Revenue changed from $10,000.00 to $12,500.00" — and give no post when none did. Owner and status columns
/// count for the assign and status events even when not tracked, since Dataverse runs both as Update.
/// </summary>
public static class AutoPostComposer
{
    /// <summary>Values longer than this are cut with an ellipsis in the text (the JSON keeps 2,000).</summary>
    public const int MaxValueLengthInText = 255;

    /// <param name="config">The table's tracking configuration.</param>
    /// <param name="evt">The message that ran: one of Create, Update, Assign, StatusChange, Delete.</param>
    /// <param name="record">The changed row, with its primary name.</param>
    /// <param name="tableDisplayName">E.g. "Opportunity".</param>
    /// <param name="changes">Per changed column: display name and formatted old/new values (creates: the new values).</param>
    /// <returns>The post, or null when the event is not configured or no tracked value changed.</returns>
    public static AutoPost? Compose(TrackingConfiguration config, ChangeEvents evt, RecordRef record, string tableDisplayName, IReadOnlyList<ColumnChange>? changes)
    {
        Guard.NotNull(config, nameof(config));
        Guard.NotNull(record, nameof(record));
        var table = Guard.IsBlank(tableDisplayName) ? record.Table : tableDisplayName.Trim();
        var input = changes ?? Array.Empty<ColumnChange>();

        switch (evt)
        {
            case ChangeEvents.Delete:
                if (!config.Has(ChangeEvents.Delete))
                {
                    return null;
                }

                var deleted = record.Name.Length == 0 ? table + " deleted" : table + " \"" + Cut(record.Name) + "\" deleted";
                return Post(ChangeEvents.Delete, record, deleted, Array.Empty<ColumnChange>());

            case ChangeEvents.Create:
                if (!config.Has(ChangeEvents.Create))
                {
                    return null;
                }

                var initial = input.Where(c => config.IsTracked(c.Column) && ColumnChange.Normal(c.NewValue).Length > 0)
                    .Select(c => c with { OldValue = null, OldLabels = null })
                    .ToList();
                var created = table + " created";
                return Post(ChangeEvents.Create, record, created + (initial.Count == 0 ? string.Empty : ". ") + Describe(initial, c => Label(c) + ": " + Cut(c.NewValue)), initial);

            case ChangeEvents.Update:
            case ChangeEvents.Assign:
            case ChangeEvents.StatusChange:
                return ComposeChange(config, record, input);

            default:
                throw new ArgumentOutOfRangeException(nameof(evt), evt, "Auto-posts are composed for one event at a time: Create, Update, Assign, StatusChange or Delete.");
        }
    }

    private static AutoPost? ComposeChange(TrackingConfiguration config, RecordRef record, IReadOnlyList<ColumnChange> input)
    {
        var included = new List<ColumnChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool allOwner = true, allStatus = true;
        foreach (var c in input)
        {
            var column = (c.Column ?? string.Empty).Trim().ToLowerInvariant();
            if (!c.IsChange || !seen.Add(column))
            {
                continue;
            }

            var isOwner = column == TrackingConfiguration.OwnerColumn;
            var isStatus = TrackingConfiguration.StatusColumns.Contains(column);
            var byEvent = (isOwner && config.Has(ChangeEvents.Assign)) || (isStatus && config.Has(ChangeEvents.StatusChange));
            var byTracking = config.Has(ChangeEvents.Update) && config.IsTracked(column);
            if (!byEvent && !byTracking)
            {
                continue;
            }

            included.Add(c);
            allOwner &= isOwner && config.Has(ChangeEvents.Assign);
            allStatus &= isStatus && config.Has(ChangeEvents.StatusChange);
        }

        if (included.Count == 0)
        {
            return null;
        }

        var evt = allOwner ? ChangeEvents.Assign : allStatus ? ChangeEvents.StatusChange : ChangeEvents.Update;
        return Post(evt, record, Describe(included, Sentence), included);
    }

    private static string Sentence(ColumnChange c)
    {
        var oldValue = ColumnChange.Normal(c.OldValue);
        var newValue = ColumnChange.Normal(c.NewValue);
        if (oldValue.Length == 0)
        {
            return Label(c) + " set to " + Cut(newValue);
        }

        return newValue.Length == 0
            ? Label(c) + " cleared (was " + Cut(oldValue) + ")"
            : Label(c) + " changed from " + Cut(oldValue) + " to " + Cut(newValue);
    }

    /// <summary>Joins the sentences with "; ", summarising the tail when the text would pass the post length limit.</summary>
    private static string Describe(IReadOnlyList<ColumnChange> changes, Func<ColumnChange, string> sentence)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < changes.Count; i++)
        {
            var next = (i == 0 ? string.Empty : "; ") + sentence(changes[i]);
            var rest = changes.Count - i;
            var tail = "; and " + rest.ToString(CultureInfo.InvariantCulture) + " more change" + (rest == 1 ? string.Empty : "s");
            var isLast = i == changes.Count - 1;
            if (sb.Length + next.Length + (isLast ? 0 : 40) > PostText.MaxLength)
            {
                return sb.Append(tail).ToString();
            }

            sb.Append(next);
        }

        return sb.ToString();
    }

    private static string Label(ColumnChange c) => Guard.IsBlank(c.DisplayName) ? c.Column : c.DisplayName.Trim();

    private static string Cut(string? value) => AutoPostChanges.Cut(ColumnChange.Normal(value), MaxValueLengthInText) ?? string.Empty;

    private static AutoPost Post(ChangeEvents evt, RecordRef record, string text, IReadOnlyList<ColumnChange> changes) =>
        new AutoPost(evt, record, text, changes, AutoPostChanges.ToJson(evt, changes));
}
