using System.Globalization;

namespace Rapport.Domain.Engagement;

/// <summary>Sentiment is a number from -1 (negative) to 1 (positive); the labels negative / neutral / positive read as -1 / 0 / 1.</summary>
public static class Sentiment
{
    public const double Negative = -1;
    public const double Neutral = 0;
    public const double Positive = 1;

    /// <summary>Reads a label or an invariant-culture number; blank is "no sentiment". Range is checked by the validator.</summary>
    public static bool TryParse(string? text, out double? sentiment)
    {
        sentiment = null;
        if (text is null || text.Trim().Length == 0)
        {
            return true;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "negative":
                sentiment = Negative;
                return true;
            case "neutral":
                sentiment = Neutral;
                return true;
            case "positive":
                sentiment = Positive;
                return true;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            sentiment = value;
            return true;
        }

        return false;
    }
}
