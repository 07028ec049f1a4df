using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Engagement;

public enum BatchRowStatus
{
    Created,
    SkippedDuplicate,
    Error,
}

/// <summary>One row's outcome; <see cref="Interaction"/> is set for created rows (the adapter writes exactly those).</summary>
public sealed record BatchRowResult(int RowNumber, string? ExternalId, BatchRowStatus Status, string Message, Interaction? Interaction);

public sealed record BatchResult(IReadOnlyList<BatchRowResult> Rows)
{
    public int Created => Rows.Count(r => r.Status == BatchRowStatus.Created);

    public int SkippedDuplicates => Rows.Count(r => r.Status == BatchRowStatus.SkippedDuplicate);

    public int Errors => Rows.Count(r => r.Status == BatchRowStatus.Error);

    public IReadOnlyList<Interaction> ToCreate => Rows.Where(r => r.Interaction is not null).Select(r => r.Interaction!).ToList();
}

/// <summary>
/// Bulk ingestion rules for up to <see cref="MaxRows"/> interactions from outside. Idempotent by external id (ordinal,
/// trimmed): an id the adapter already holds, or one created by an earlier row of the batch, is "skipped duplicate"
/// (a row repeating an id whose earlier row failed is processed, so a corrected row can follow a bad one). The acting
/// profile is matched to a customer by network + handle, and for referrals the referred handle on the same network.
/// Every row gets a result: created, skipped duplicate, or error with the messages naming the fields.
/// </summary>
public static class InteractionBatch
{
    public const int MaxRows = 1000;

    public static BatchResult Process(IReadOnlyList<IncomingInteraction> rows, IEnumerable<string> existingExternalIds, IEnumerable<SocialProfileLink> profiles, DateTime now)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        if (rows.Count > MaxRows)
        {
            throw new EngagementException(EngagementError.InvalidBatch, "rows", $"The batch has {rows.Count.ToString("N0", CultureInfo.InvariantCulture)} rows; send at most {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} per batch.");
        }

        var existing = new HashSet<string>((existingExternalIds ?? Array.Empty<string>()).Where(id => id is not null).Select(id => id.Trim()), StringComparer.Ordinal);
        var createdAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var directory = new SocialProfileDirectory(profiles ?? Array.Empty<SocialProfileLink>());
        var results = new List<BatchRowResult>(rows.Count);
        foreach (var row in rows)
        {
            var id = row.ExternalId?.Trim();
            if (!string.IsNullOrEmpty(id) && existing.Contains(id!))
            {
                results.Add(new BatchRowResult(row.RowNumber, id, BatchRowStatus.SkippedDuplicate, $"Skipped duplicate: external id '{id}' was imported before.", null));
                continue;
            }

            if (!string.IsNullOrEmpty(id) && createdAt.TryGetValue(id!, out var firstRow))
            {
                results.Add(new BatchRowResult(row.RowNumber, id, BatchRowStatus.SkippedDuplicate, $"Skipped duplicate: external id '{id}' is already in this batch (row {firstRow}).", null));
                continue;
            }

            var problems = new List<string>();
            var interaction = Read(row, directory, now, problems);
            if (interaction is null || problems.Count > 0)
            {
                results.Add(new BatchRowResult(row.RowNumber, id, BatchRowStatus.Error, string.Join(" ", problems), null));
                continue;
            }

            createdAt[id!] = row.RowNumber;
            results.Add(new BatchRowResult(row.RowNumber, id, BatchRowStatus.Created, "Created.", interaction));
        }

        return new BatchResult(results);
    }

    /// <summary>ISO 8601 only (a date first, as yyyy-MM-dd), so "01/02/2026" is refused rather than read as 2 January.</summary>
    private static bool TryParseIso(string? text, out DateTime value)
    {
        value = default;
        var t = text?.Trim() ?? string.Empty;
        if (t.Length < 10 || t[4] != '-' || t[7] != '-' || !IsDigits(t, 0, 4) || !IsDigits(t, 5, 2) || !IsDigits(t, 8, 2))
        {
            return false;
        }

        return DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Validator messages start with the interaction's field; a row calls them Value and ReferredHandle.</summary>
    private static string InRowTerms(InteractionProblem p)
    {
        var rowField = p.Field switch
        {
            "MonetaryValue" => "Value",
            "ReferredCustomerId" => "ReferredHandle",
            _ => null,
        };
        return rowField is not null && p.Message.StartsWith(p.Field, StringComparison.Ordinal) ? rowField + p.Message.Substring(p.Field.Length) : p.Message;
    }

    private static bool IsDigits(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static Interaction? Read(IncomingInteraction row, SocialProfileDirectory directory, DateTime now, List<string> problems)
    {
        if (row.Problem is not null)
        {
            problems.Add(row.Problem);
            return null;
        }

        var id = row.ExternalId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            problems.Add("ExternalId is required: it makes the import safe to repeat.");
        }

        var hasNetwork = Channels.TryParse(row.Network, out var network);
        if (!hasNetwork)
        {
            problems.Add($"Network '{row.Network}' is not a known channel; use one of: {string.Join(", ", Channels.All.Select(Channels.Code))}.");
        }

        var hasKind = InteractionKinds.TryParse(row.Kind, out var kind);
        if (!hasKind)
        {
            problems.Add($"Kind '{row.Kind}' is not a known interaction kind; use one of: {string.Join(", ", InteractionKinds.All.Select(InteractionKinds.Code))}.");
        }

        var hasDate = TryParseIso(row.OccurredOn, out var occurredOn);
        if (!hasDate)
        {
            problems.Add($"OccurredOn '{row.OccurredOn}' is not a date; use ISO 8601, e.g. 2026-11-25T14:30:00Z.");
        }

        if (!Sentiment.TryParse(row.Sentiment, out var sentiment))
        {
            problems.Add($"Sentiment '{row.Sentiment}' is not understood; use a number from -1 to 1 or negative / neutral / positive.");
        }

        int? rating = null;
        if (!string.IsNullOrWhiteSpace(row.Rating))
        {
            if (int.TryParse(row.Rating!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
            {
                rating = r;
            }
            else
            {
                problems.Add($"Rating '{row.Rating}' is not a whole number; use 1 to 5.");
            }
        }

        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(row.Value))
        {
            if (decimal.TryParse(row.Value!.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            {
                value = v;
            }
            else
            {
                problems.Add($"Value '{row.Value}' is not a number; use a dot as the decimal separator and no thousands separator, e.g. 1249.90.");
            }
        }

        Guid? customer = null;
        Guid? referred = null;
        if (hasNetwork)
        {
            customer = directory.Match(network, row.Handle, "Handle", out var handleProblem);
            if (handleProblem is not null)
            {
                problems.Add(handleProblem);
            }

            if (!string.IsNullOrWhiteSpace(row.ReferredHandle))
            {
                referred = directory.Match(network, row.ReferredHandle, "ReferredHandle", out var referredProblem);
                if (referredProblem is not null)
                {
                    problems.Add(referredProblem);
                }
            }
            else if (hasKind && kind == InteractionKind.Referral)
            {
                problems.Add("ReferredHandle is required for a referral: the referred customer's handle on the same network.");
            }
        }

        if (problems.Count > 0 || customer is null)
        {
            return null;
        }

        var interaction = new Interaction(customer.Value, kind, network, occurredOn)
        {
            ExternalId = id,
            Sentiment = sentiment,
            Rating = rating,
            MonetaryValue = value,
            ReferredCustomerId = referred,
        };
        foreach (var p in InteractionValidator.Check(interaction, now))
        {
            problems.Add(InRowTerms(p));
        }

        return interaction;
    }
}
