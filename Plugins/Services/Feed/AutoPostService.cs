using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>
/// One auto-post per change event of a tracked table: the configuration comes with the step, old values from the
/// "before" image, new values from the Target, so an auto-post costs one request (the post's Create), however many
/// follow the record (fan-out on read).
/// </summary>
public static class AutoPostService
{
    public static Guid? Post(LocalPluginContext ctx, string settings)
    {
        var context = ctx.ExecutionContext;
        var table = context.PrimaryEntityName;
        var tracked = FeedData.Domain(() => TrackingService.FromStepConfiguration(table, settings));
        var (config, nameColumn) = tracked;
        var labels = tracked.Labels;
        string? Format(Entity row, string column) => FormatValue(row, column, labels);
        string Label(string column) => labels.Column(column, DefaultLabel(column));
        context.PreEntityImages.TryGetValue("before", out var before);
        var after = context.InputParameters.TryGetValue("Target", out var t) && t is Entity e ? e : null;
        ChangeEvents evt;
        var changes = new List<ColumnChange>();
        switch (context.MessageName)
        {
            case "Create":
                evt = ChangeEvents.Create;
                changes.AddRange(config.Columns.Where(c => after is not null && after.Contains(c)).Select(c => new ColumnChange(c, Label(c), null, Format(after!, c))));
                break;
            case "Update":
                evt = ChangeEvents.Update;
                foreach (var column in after?.Attributes.Keys ?? Enumerable.Empty<string>())
                {
                    changes.Add(new ColumnChange(column, Label(column), before is null ? null : Format(before, column), Format(after!, column)));
                }

                break;
            case "Assign":
                evt = ChangeEvents.Assign;
                var assignee = context.InputParameters.TryGetValue("Assignee", out var a) ? a as EntityReference : null;
                changes.Add(new ColumnChange("ownerid", Label("ownerid"), before is null ? null : Format(before, "ownerid"), assignee is null ? null : Describe(assignee)));
                break;
            case "SetState":
                evt = ChangeEvents.StatusChange;
                var state = context.InputParameters.TryGetValue("State", out var s) ? s as OptionSetValue : null;
                changes.Add(new ColumnChange("statecode", Label("statecode"), before is null ? null : Format(before, "statecode"), state is null ? null : labels.Option("statecode", state.Value) ?? state.Value.ToString(CultureInfo.InvariantCulture)));
                break;
            case "Delete":
                evt = ChangeEvents.Delete;
                break;
            default:
                return null;
        }

        var id = context.PrimaryEntityId;
        var source = after ?? before;
        var name = source is not null && nameColumn.Length > 0 ? source.GetAttributeValue<string>(nameColumn) ?? (before?.GetAttributeValue<string>(nameColumn) ?? string.Empty) : string.Empty;
        var record = new RecordRef(table, id, name);
        var post = AutoPostComposer.Compose(config, evt, record, labels.Column(ColumnLabels.TableKey, table), changes);
        if (post is null)
        {
            return null;
        }

        return ctx.SystemService.Create(new Entity(FeedData.Post)
        {
            ["rapport_name"] = FeedData.Cut(post.Text, 400),
            ["rapport_regardingtable"] = table,
            ["rapport_regardingid"] = FeedData.Text(id),
            ["rapport_regardingname"] = FeedData.Cut(name, 400),
            ["rapport_kind"] = new OptionSetValue(FeedData.KindAuto),
            ["rapport_event"] = ChangeEventsText.Name(post.Event),
            ["rapport_text"] = FeedData.Cut(post.Text.Replace("@[", "@ ["), 20000),
            ["rapport_changes"] = post.ChangesJson,
            ["rapport_authorid"] = new EntityReference("systemuser", context.InitiatingUserId),
            ["rapport_commentcount"] = 0,
            ["rapport_likecount"] = 0,
            ["rapport_edited"] = false,
        });
    }

    private static string DefaultLabel(string column) => column switch
    {
        "ownerid" => "Owner",
        "statecode" => "Status",
        "statuscode" => "Status Reason",
        _ => column,
    };

    /// <summary>Dataverse's formatted value when the row carries one, else the admin's option label, else the domain's fallback formatting.</summary>
    private static string? FormatValue(Entity row, string column, ColumnLabels labels)
    {
        if (row.FormattedValues.TryGetValue(column, out var formatted) && !string.IsNullOrEmpty(formatted))
        {
            return formatted;
        }

        if (!row.Contains(column))
        {
            return null;
        }

        return row[column] switch
        {
            null => null,
            EntityReference r => Describe(r),
            OptionSetValue o => labels.Option(column, o.Value) ?? o.Value.ToString(CultureInfo.InvariantCulture),
            Money m => ColumnValueFormatter.Money(m.Value, string.Empty),
            decimal d => ColumnValueFormatter.Number(d, 2),
            double d => d.ToString("N2", CultureInfo.InvariantCulture),
            int i => i.ToString("N0", CultureInfo.InvariantCulture),
            bool b => ColumnValueFormatter.YesNo(b),
            DateTime dt => ColumnValueFormatter.Date(dt, dt.TimeOfDay == TimeSpan.Zero),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
    }

    private static string Describe(EntityReference r) => string.IsNullOrEmpty(r.Name) ? r.LogicalName + " " + r.Id.ToString("D") : r.Name!;
}
