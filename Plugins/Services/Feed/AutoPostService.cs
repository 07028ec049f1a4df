using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>
/// One auto-post per change event of a tracked table: the configuration comes with the step, old values from the
/// "before" image, new values from the Target. The post speaks in labels: column display names, choice and yes/no
/// labels, lookup names, money and dates formatted in the base language (1033), with every language's labels kept
/// in the change JSON. Requests: nothing when no tracked value changed; otherwise 1 RetrieveEntity (the table's
/// metadata), 1 Retrieve of the changed row only when a new lookup value comes without its name, and the post's
/// Create — however many follow the record (fan-out on read).
/// </summary>
public static class AutoPostService
{
    public static Guid? Post(LocalPluginContext ctx, string settings)
    {
        var context = ctx.ExecutionContext;
        var table = context.PrimaryEntityName;
        var tracked = FeedData.Domain(() => TrackingService.FromStepConfiguration(table, settings));
        var (config, nameColumn) = tracked;
        context.PreEntityImages.TryGetValue("before", out var before);
        var after = context.InputParameters.TryGetValue("Target", out var t) && t is Entity e ? e : null;
        var evt = EventOf(context.MessageName);
        if (evt is null)
        {
            return null;
        }

        var id = context.PrimaryEntityId;
        var source = after ?? before;
        var name = source is not null && nameColumn.Length > 0 ? source.GetAttributeValue<string>(nameColumn) ?? (before?.GetAttributeValue<string>(nameColumn) ?? string.Empty) : string.Empty;
        var record = new RecordRef(table, id, name);

        // First without metadata: no request at all when nothing tracked changed.
        var plain = new ChangeReader(context, tracked, TableLabels.None, before, after, names: null);
        if (AutoPostComposer.Compose(config, evt.Value, record, plain.TableName(table), plain.Changes(evt.Value)) is null)
        {
            return null;
        }

        var labels = TableLabels.Retrieve(ctx.SystemService, table);
        var names = UnnamedLookups(evt.Value, context, config, after, labels).ToArray() is { Length: > 0 } unnamed && id != Guid.Empty
            ? ctx.SystemService.Retrieve(table, id, new ColumnSet(unnamed))
            : null;
        var reader = new ChangeReader(context, tracked, labels, before, after, names);
        var post = AutoPostComposer.Compose(config, evt.Value, record, reader.TableName(table), reader.Changes(evt.Value));
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

    private static ChangeEvents? EventOf(string message) => message switch
    {
        "Create" => ChangeEvents.Create,
        "Update" => ChangeEvents.Update,
        "Assign" => ChangeEvents.Assign,
        "SetState" => ChangeEvents.StatusChange,
        "Delete" => ChangeEvents.Delete,
        _ => null,
    };

    /// <summary>Lookup columns whose new value arrives without a name (a Web API @odata.bind, an Assign).</summary>
    private static IEnumerable<string> UnnamedLookups(ChangeEvents evt, IExecutionContext context, TrackingConfiguration config, Entity? after, TableLabels labels)
    {
        if (evt == ChangeEvents.Assign)
        {
            if (context.InputParameters.TryGetValue("Assignee", out var a) && a is EntityReference { Name: null or "" })
            {
                yield return "ownerid";
            }

            yield break;
        }

        if (after is null || evt == ChangeEvents.Delete)
        {
            yield break;
        }

        foreach (var pair in after.Attributes)
        {
            var relevant = config.IsTracked(pair.Key) || pair.Key == TrackingConfiguration.OwnerColumn;
            if (relevant && pair.Value is EntityReference { Name: null or "" } && labels.Attribute(pair.Key) is not null)
            {
                yield return pair.Key;
            }
        }
    }

    /// <summary>Reads the change list of one event, with or without metadata.</summary>
    private sealed class ChangeReader
    {
        private readonly IExecutionContext _context;
        private readonly ColumnLabels _admin;
        private readonly TableLabels _labels;
        private readonly Entity? _before;
        private readonly Entity? _after;
        private readonly Entity? _names;
        private readonly TrackingConfiguration _config;

        public ChangeReader(IExecutionContext context, TrackedTable tracked, TableLabels labels, Entity? before, Entity? after, Entity? names)
        {
            _context = context;
            _admin = tracked.Labels;
            _config = tracked.Config;
            _labels = labels;
            _before = before;
            _after = after;
            _names = names;
        }

        /// <summary>The admin's label on the tracking row, else the metadata's display name, else the logical name.</summary>
        public string TableName(string table) => _admin.Column(ColumnLabels.TableKey, _labels.TableName ?? table);

        public List<ColumnChange> Changes(ChangeEvents evt)
        {
            var changes = new List<ColumnChange>();
            switch (evt)
            {
                case ChangeEvents.Create:
                    changes.AddRange(_config.Columns.Where(c => _after is not null && _after.Contains(c)).Select(c => Change(c, null, _after)));
                    break;
                case ChangeEvents.Update:
                    changes.AddRange((_after?.Attributes.Keys ?? Enumerable.Empty<string>()).Select(c => Change(c, _before, _after)));
                    break;
                case ChangeEvents.Assign:
                    var assignee = _context.InputParameters.TryGetValue("Assignee", out var a) ? a as EntityReference : null;
                    var owner = new Entity(_context.PrimaryEntityName) { ["ownerid"] = assignee };
                    changes.Add(Change("ownerid", _before, owner));
                    break;
                case ChangeEvents.StatusChange:
                    var state = _context.InputParameters.TryGetValue("State", out var s) ? s as OptionSetValue : null;
                    changes.Add(Change("statecode", _before, new Entity(_context.PrimaryEntityName) { ["statecode"] = state }));
                    break;
            }

            return changes;
        }

        private ColumnChange Change(string column, Entity? oldRow, Entity? newRow)
        {
            var oldValue = oldRow is null ? ValueText.None : Value(oldRow, column);
            var newValue = newRow is null ? ValueText.None : Value(newRow, column);
            var admin = _admin.Column(column, string.Empty);
            var display = admin.Length > 0 ? admin : _labels.Column(column) ?? DefaultLabel(column);
            return new ColumnChange(column, display, oldValue.Text, newValue.Text)
            {
                // The admin's label is one language: it replaces the metadata's for every reader.
                Labels = admin.Length > 0 ? null : _labels.ColumnLanguages(column),
                OldLabels = oldValue.Languages,
                NewLabels = newValue.Languages,
            };
        }

        /// <summary>The value as text in the base language, and per language for choices and yes/no values.</summary>
        private ValueText Value(Entity row, string column)
        {
            if (!row.Contains(column) || row[column] is null)
            {
                return ValueText.None;
            }

            var raw = row[column];
            if (raw is OptionSetValue o && _admin.Option(column, o.Value) is { } adminOption)
            {
                return new ValueText(adminOption, null);
            }

            if (_labels.ValueLabel(column, raw) is { } label && TableLabels.Text(label) is { } text)
            {
                return new ValueText(text, TableLabels.Languages(label));
            }

            if (row.FormattedValues.TryGetValue(column, out var formatted) && !string.IsNullOrEmpty(formatted))
            {
                return new ValueText(formatted, null);
            }

            return new ValueText(Format(column, raw), null);
        }

        private string? Format(string column, object? raw)
        {
            var attribute = _labels.Attribute(column);
            return raw switch
            {
                null => null,
                EntityReference r => Name(column, r),
                OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
                Money m => ColumnValueFormatter.Money(m.Value, string.Empty, MoneyPrecision(attribute as MoneyAttributeMetadata), TableLabels.NumberCulture),
                decimal d => ColumnValueFormatter.Number(d, (attribute as DecimalAttributeMetadata)?.Precision ?? 2, TableLabels.NumberCulture),
                double d => d.ToString("N" + ((attribute as DoubleAttributeMetadata)?.Precision ?? 2).ToString(CultureInfo.InvariantCulture), TableLabels.NumberCulture),
                int i => i.ToString("N0", TableLabels.NumberCulture),
                bool b => ColumnValueFormatter.YesNo(b),
                DateTime dt => FormatDate(dt, attribute as DateTimeAttributeMetadata),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
        }

        // PrecisionSource 0: the column's own precision; 1 (organisation pricing) and 2 (currency) default to 2.
        private static int MoneyPrecision(MoneyAttributeMetadata? money) =>
            money is { PrecisionSource: 0, Precision: { } own } ? own : 2;

        private string FormatDate(DateTime value, DateTimeAttributeMetadata? attribute)
        {
            if (attribute is null)
            {
                return ColumnValueFormatter.Date(value, value.TimeOfDay == TimeSpan.Zero);
            }

            // Date-only columns show the date; date-and-time columns are stored in UTC, so say so.
            return attribute.Format == DateTimeFormat.DateOnly
                ? TableLabels.Date(value, dateOnly: true)
                : TableLabels.Date(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, dateOnly: false) + " UTC";
        }

        /// <summary>The reference's own name, else the name read back with the row, else "table id".</summary>
        private string Name(string column, EntityReference r)
        {
            if (!string.IsNullOrEmpty(r.Name))
            {
                return r.Name!;
            }

            if (_names?.GetAttributeValue<EntityReference>(column) is { } named && named.Id == r.Id && !string.IsNullOrEmpty(named.Name))
            {
                return named.Name!;
            }

            return r.LogicalName + " " + r.Id.ToString("D");
        }

        private static string DefaultLabel(string column) => column switch
        {
            "ownerid" => "Owner",
            "statecode" => "Status",
            "statuscode" => "Status Reason",
            _ => column,
        };
    }

    private sealed class ValueText
    {
        public static readonly ValueText None = new(null, null);

        public ValueText(string? text, IReadOnlyDictionary<int, string>? languages)
        {
            Text = text;
            Languages = languages;
        }

        public string? Text { get; }

        public IReadOnlyDictionary<int, string>? Languages { get; }
    }
}
