using System;
using System.Globalization;

namespace Rapport.Domain.Engagement;

/// <summary>What an influencer score is computed from: followers on the profile, shares and mentions of the customer's
/// content received, and the summed CLV of the customers they referred.</summary>
public sealed record InfluencerInput(long Followers, long SharesReceived, long MentionsReceived, decimal ReferredClv);

/// <summary>
/// Weights (sum to 1) and ceilings (the value that earns a full sub-score) of the influencer formula. Defaults: reach
/// 0.4 with a ceiling of 1,000,000 followers; amplification 0.35 with a ceiling of 1,000 shares + mentions;
/// referral 0.25 with a ceiling of 100,000 in referred CLV.
/// </summary>
public sealed record InfluencerConfig
{
    public static InfluencerConfig Default { get; } = new InfluencerConfig();

    public double ReachWeight { get; init; } = 0.4;

    public double AmplificationWeight { get; init; } = 0.35;

    public double ReferralWeight { get; init; } = 0.25;

    public double FollowersCeiling { get; init; } = 1_000_000;

    public double AmplificationCeiling { get; init; } = 1_000;

    public double ReferredClvCeiling { get; init; } = 100_000;
}

/// <summary>The score (0–100, 2 decimals, for socialprofile.influencescore) and its three sub-scores (each 0–1).</summary>
public sealed record InfluencerScore(double Score, double Reach, double Amplification, double Referral);

/// <summary>
/// Influencer score, Klout-like but transparent: each term is log-scaled against its ceiling,
/// <c>sub(x) = min(1, log10(1 + x) / log10(1 + ceiling))</c>, and
/// <c>score = 100 × (wReach × sub(followers) + wAmp × sub(shares + mentions) + wRef × sub(referred CLV))</c>.
/// Logs make the first thousand followers count as much as the next million do: reach alone cannot buy the score.
/// </summary>
public static class InfluencerScorer
{
    public static InfluencerScore Score(InfluencerInput input, InfluencerConfig? config = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        config ??= InfluencerConfig.Default;
        EnsureValid(config);
        NotNegative(input.Followers, "Followers");
        NotNegative(input.SharesReceived, "SharesReceived");
        NotNegative(input.MentionsReceived, "MentionsReceived");
        if (input.ReferredClv < 0)
        {
            throw new EngagementException(EngagementError.InvalidInteraction, "ReferredClv", $"ReferredClv {input.ReferredClv.ToString(CultureInfo.InvariantCulture)} is negative; the referred customers' CLV must be zero or more.");
        }

        var reach = Sub(input.Followers, config.FollowersCeiling);
        var amplification = Sub((double)input.SharesReceived + input.MentionsReceived, config.AmplificationCeiling);
        var referral = Sub((double)input.ReferredClv, config.ReferredClvCeiling);
        var score = 100 * ((config.ReachWeight * reach) + (config.AmplificationWeight * amplification) + (config.ReferralWeight * referral));
        return new InfluencerScore(Math.Round(score, 2, MidpointRounding.AwayFromZero), reach, amplification, referral);
    }

    private static double Sub(double value, double ceiling) => Math.Min(1, Math.Log10(1 + value) / Math.Log10(1 + ceiling));

    private static void NotNegative(long value, string field)
    {
        if (value < 0)
        {
            throw new EngagementException(EngagementError.InvalidInteraction, field, $"{field} {value} is negative; it must be zero or more.");
        }
    }

    private static void EnsureValid(InfluencerConfig c)
    {
        Weight(c.ReachWeight, "ReachWeight");
        Weight(c.AmplificationWeight, "AmplificationWeight");
        Weight(c.ReferralWeight, "ReferralWeight");

        if (Math.Abs(c.ReachWeight + c.AmplificationWeight + c.ReferralWeight - 1) > 1e-9)
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, "ReachWeight", "ReachWeight, AmplificationWeight and ReferralWeight must add up to 1.");
        }

        Ceiling(c.FollowersCeiling, "FollowersCeiling");
        Ceiling(c.AmplificationCeiling, "AmplificationCeiling");
        Ceiling(c.ReferredClvCeiling, "ReferredClvCeiling");
    }

    private static void Weight(double w, string name)
    {
        if (!(w >= 0 && w <= 1))
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, name, $"{name} must be from 0 to 1.");
        }
    }

    private static void Ceiling(double ceiling, string name)
    {
        if (!(ceiling > 0) || double.IsInfinity(ceiling))
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, name, $"{name} must be a positive number.");
        }
    }
}
