using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>One thing wrong with an interaction: the field and a message that names it.</summary>
public sealed record InteractionProblem(string Field, string Message);

/// <summary>
/// The rules every interaction must meet before it is stored or scored. Each message starts with the field's name.
/// "In the future" is relative to the <c>now</c> the caller passes; <c>allowedClockSkew</c> tolerates senders whose
/// clocks run slightly ahead (zero by default).
/// </summary>
public static class InteractionValidator
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public static IReadOnlyList<InteractionProblem> Check(Interaction interaction, DateTime now, TimeSpan allowedClockSkew = default)
    {
        if (interaction is null)
        {
            throw new ArgumentNullException(nameof(interaction));
        }

        var problems = new List<InteractionProblem>();
        void Add(string field, string message) => problems.Add(new InteractionProblem(field, message));

        if (interaction.CustomerId == Guid.Empty)
        {
            Add("CustomerId", "CustomerId is required: every interaction belongs to a contact or an account.");
        }

        if (!InteractionKinds.IsDefined(interaction.Kind))
        {
            Add("Kind", $"Kind {(int)interaction.Kind} is not a known interaction kind; use one of: {string.Join(", ", InteractionKinds.All.Select(InteractionKinds.Code))}.");
        }

        if (!Channels.IsDefined(interaction.Channel))
        {
            Add("Channel", $"Channel {(int)interaction.Channel} is not a known channel; use one of: {string.Join(", ", Channels.All.Select(Channels.Code))}.");
        }

        if (interaction.OccurredOn > now + allowedClockSkew)
        {
            Add("OccurredOn", $"OccurredOn {Iso(interaction.OccurredOn)} is in the future (now is {Iso(now)}); an interaction must already have happened.");
        }

        if (interaction.Sentiment is { } s && (double.IsNaN(s) || s < -1 || s > 1))
        {
            Add("Sentiment", $"Sentiment {s.ToString("R", CultureInfo.InvariantCulture)} is out of range; use a number from -1 to 1 or negative / neutral / positive.");
        }

        if (interaction.Kind == InteractionKind.Review && interaction.Rating is null)
        {
            Add("Rating", $"Rating is required for a review: a whole number from {MinRating} to {MaxRating}.");
        }
        else if (interaction.Rating is { } r && (r < MinRating || r > MaxRating))
        {
            Add("Rating", $"Rating {r} is out of range; use a whole number from {MinRating} to {MaxRating}.");
        }

        if (interaction.MonetaryValue is { } v && v < 0)
        {
            Add("MonetaryValue", $"MonetaryValue {v.ToString(CultureInfo.InvariantCulture)} is negative; a monetary value must be zero or more.");
        }

        if (interaction.Kind == InteractionKind.Referral)
        {
            if (interaction.ReferredCustomerId is null || interaction.ReferredCustomerId == Guid.Empty)
            {
                Add("ReferredCustomerId", "ReferredCustomerId is required for a referral: the customer who was referred.");
            }
            else if (interaction.ReferredCustomerId == interaction.CustomerId)
            {
                Add("ReferredCustomerId", "ReferredCustomerId points to the referring customer itself; a customer cannot refer themselves.");
            }
        }
        else if (interaction.ReferredCustomerId is not null)
        {
            Add("ReferredCustomerId", $"ReferredCustomerId is only for referrals, not for a {InteractionKinds.Code(interaction.Kind)}.");
        }

        return problems;
    }

    /// <summary>Throws an <see cref="EngagementException"/> carrying the first problem's field; the message lists them all.</summary>
    public static void EnsureValid(Interaction interaction, DateTime now, TimeSpan allowedClockSkew = default)
    {
        var problems = Check(interaction, now, allowedClockSkew);
        if (problems.Count > 0)
        {
            throw new EngagementException(EngagementError.InvalidInteraction, problems[0].Field, string.Join(" ", problems.Select(p => p.Message)));
        }
    }

    internal static string Iso(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
