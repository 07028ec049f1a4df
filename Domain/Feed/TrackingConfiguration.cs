using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// Which columns of a table are tracked and which events make auto-posts. No cap on the number of columns (Chatter's
/// is 20). Built only through <see cref="Create"/>, which checks the names against the table's columns.
/// </summary>
public sealed class TrackingConfiguration
{
    public const string OwnerColumn = "ownerid";

    public static readonly IReadOnlyList<string> StatusColumns = new[] { "statecode", "statuscode" };

    private readonly HashSet<string> _tracked;

    private TrackingConfiguration(string table, IReadOnlyList<string> columns, ChangeEvents events)
    {
        Table = table;
        Columns = columns;
        Events = events;
        _tracked = new HashSet<string>(columns, StringComparer.Ordinal);
    }

    public string Table { get; }

    /// <summary>Tracked logical names, lower-case, de-duplicated, in the order given.</summary>
    public IReadOnlyList<string> Columns { get; }

    public ChangeEvents Events { get; }

    /// <summary>The stored form of <see cref="Columns"/>: "name,estimatedvalue,stepname".</summary>
    public string ColumnsText => string.Join(",", Columns);

    /// <summary>
    /// The Update step's filtering attributes: tracked columns, plus ownerid when assignments post and statecode and
    /// statuscode when status changes post (Dataverse runs both as Update); sorted, comma-separated.
    /// </summary>
    public string FilteringAttributes
    {
        get
        {
            var names = new SortedSet<string>(Columns, StringComparer.Ordinal);
            if (Has(ChangeEvents.Assign))
            {
                names.Add(OwnerColumn);
            }

            if (Has(ChangeEvents.StatusChange))
            {
                names.UnionWith(StatusColumns);
            }

            return string.Join(",", names);
        }
    }

    public bool Has(ChangeEvents single) => (Events & single) == single && single != ChangeEvents.None;

    public bool IsTracked(string column) => column is not null && _tracked.Contains(column.Trim().ToLowerInvariant());

    /// <summary>Splits a stored or typed column list ("name, estimatedvalue;stepname").</summary>
    public static IReadOnlyList<string> ParseColumns(string? text) =>
        (text ?? string.Empty).Split(new[] { ',', ';', ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Validates a configuration against the table's column logical names; throws <see cref="FeedException"/> naming
    /// every unknown column. Updates need at least one column: an Update step without filtering attributes would run on
    /// every change to the table.
    /// </summary>
    public static TrackingConfiguration Create(string? table, IEnumerable<string>? columns, ChangeEvents events, IEnumerable<string> knownColumns)
    {
        Guard.NotNull(knownColumns, nameof(knownColumns));
        if (Guard.IsBlank(table))
        {
            throw new FeedException(FeedError.InvalidConfiguration, "Choose the table whose changes are tracked.");
        }

        var tableName = table.Trim().ToLowerInvariant();
        if ((events & ChangeEvents.All) == ChangeEvents.None)
        {
            throw new FeedException(FeedError.InvalidConfiguration, $"Choose at least one event to post about for '{tableName}': create, update, assign, status or delete.");
        }

        var known = new HashSet<string>(knownColumns.Select(c => c.Trim().ToLowerInvariant()), StringComparer.Ordinal);
        var list = new List<string>();
        var unknown = new List<string>();
        foreach (var raw in columns ?? Enumerable.Empty<string>())
        {
            var name = (raw ?? string.Empty).Trim().ToLowerInvariant();
            if (name.Length == 0 || list.Contains(name) || unknown.Contains(name))
            {
                continue;
            }

            (known.Contains(name) ? list : unknown).Add(name);
        }

        if (unknown.Count > 0)
        {
            throw new FeedException(
                FeedError.InvalidConfiguration,
                $"The table '{tableName}' has no column named {string.Join(", ", unknown.Select(u => "'" + u + "'"))}. Use column logical names (e.g. 'estimatedvalue'), not display names.");
        }

        if ((events & ChangeEvents.Update) != 0 && list.Count == 0)
        {
            throw new FeedException(FeedError.InvalidConfiguration, $"Choose at least one column of '{tableName}' to track for updates, or turn off the update event.");
        }

        return new TrackingConfiguration(tableName, list, events & ChangeEvents.All);
    }
}
