using System.Globalization;

namespace Rapport.Domain.Feed;

/// <summary>
/// Length rules for post and comment text (Chatter's 10,000). The limit counts what people read: mentions count as
/// "@Name", not as their stored tokens; the stored text (with tokens) may be up to <see cref="MaxStoredLength"/>,
/// so the text column must be at least that long.
/// </summary>
public static class PostText
{
    public const int MaxLength = 10_000;

    public const int MaxStoredLength = 20_000;

    /// <summary>Trims the stored text and refuses it when empty or too long to store; "what" is "post" or "comment".</summary>
    public static string TrimStored(string? text, string what)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw new FeedException(FeedError.InvalidText, $"The {what} is empty: write between 1 and {N(MaxLength)} characters.");
        }

        if (trimmed.Length > MaxStoredLength)
        {
            throw new FeedException(
                FeedError.InvalidText,
                $"The {what} is {N(trimmed.Length)} characters long with its mentions; the limit is {N(MaxStoredLength)}. Shorten it or mention fewer people or records.");
        }

        return trimmed;
    }

    /// <summary>Refuses visible text (mentions rendered as "@Name") that is empty or longer than <see cref="MaxLength"/>.</summary>
    public static void CheckVisibleLength(string visible, string what)
    {
        if (visible.Trim().Length == 0)
        {
            throw new FeedException(FeedError.InvalidText, $"The {what} is empty: write between 1 and {N(MaxLength)} characters.");
        }

        if (visible.Length > MaxLength)
        {
            throw new FeedException(
                FeedError.InvalidText,
                $"The {what} is {N(visible.Length)} characters long; the limit is {N(MaxLength)}. Remove at least {N(visible.Length - MaxLength)} characters.");
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
