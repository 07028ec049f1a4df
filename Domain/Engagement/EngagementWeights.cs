using System;
using System.Collections.Generic;
using System.Globalization;

namespace Rapport.Domain.Engagement;

/// <summary>
/// Points per interaction kind and how many interactions of a kind count per customer per day. Defaults:
/// <code>
/// kind               weight  daily cap
/// like                 1        20   (Marketo's cap of 20 per activity type per day)
/// click                1        20
/// share                3        10
/// comment              3        10
/// mention              4        10
/// review               6         3
/// coupon_redemption    6         5
/// referral            10         5
/// service_contact      1         5   (contact, not praise: counts little)
/// </code>
/// Amplifying acts (share, mention) and acts that bring money or customers (redemption, referral) weigh more than a
/// passive like or click. Immutable: <see cref="With"/> returns a changed copy.
/// </summary>
public sealed class EngagementWeights
{
    private readonly Dictionary<InteractionKind, double> _weights;
    private readonly Dictionary<InteractionKind, int> _caps;

    private EngagementWeights(Dictionary<InteractionKind, double> weights, Dictionary<InteractionKind, int> caps)
    {
        _weights = weights;
        _caps = caps;
    }

    public static EngagementWeights Default { get; } = new EngagementWeights(
        new Dictionary<InteractionKind, double>
        {
            [InteractionKind.Like] = 1,
            [InteractionKind.Click] = 1,
            [InteractionKind.Share] = 3,
            [InteractionKind.Comment] = 3,
            [InteractionKind.Mention] = 4,
            [InteractionKind.Review] = 6,
            [InteractionKind.CouponRedemption] = 6,
            [InteractionKind.Referral] = 10,
            [InteractionKind.ServiceContact] = 1,
        },
        new Dictionary<InteractionKind, int>
        {
            [InteractionKind.Like] = 20,
            [InteractionKind.Click] = 20,
            [InteractionKind.Share] = 10,
            [InteractionKind.Comment] = 10,
            [InteractionKind.Mention] = 10,
            [InteractionKind.Review] = 3,
            [InteractionKind.CouponRedemption] = 5,
            [InteractionKind.Referral] = 5,
            [InteractionKind.ServiceContact] = 5,
        });

    public double Weight(InteractionKind kind) => _weights.TryGetValue(kind, out var w) ? w : 0;

    public int DailyCap(InteractionKind kind) => _caps.TryGetValue(kind, out var c) ? c : 0;

    /// <summary>A copy with a new weight (zero or more; zero ignores the kind) and daily cap (one or more) for one kind.</summary>
    public EngagementWeights With(InteractionKind kind, double weight, int dailyCap)
    {
        if (!InteractionKinds.IsDefined(kind))
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, "Kind", $"Kind {(int)kind} is not a known interaction kind.");
        }

        var code = InteractionKinds.Code(kind);
        if (double.IsNaN(weight) || double.IsInfinity(weight) || weight < 0)
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, "Weight", $"Weight for {code} is {weight.ToString(CultureInfo.InvariantCulture)}; a weight must be a finite number of zero or more.");
        }

        if (dailyCap < 1)
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, "DailyCap", $"DailyCap for {code} is {dailyCap}; at least one interaction per day must count.");
        }

        var weights = new Dictionary<InteractionKind, double>(_weights) { [kind] = weight };
        var caps = new Dictionary<InteractionKind, int>(_caps) { [kind] = dailyCap };
        return new EngagementWeights(weights, caps);
    }
}
