using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>What a customer did. Codes (<see cref="InteractionKinds.Code"/>) are the stable text form used in CSV and APIs.</summary>
public enum InteractionKind
{
    Like,
    Share,
    Comment,
    Mention,
    Review,
    Referral,
    Click,
    CouponRedemption,
    ServiceContact,
}

public static class InteractionKinds
{
    private static readonly InteractionKind[] AllKinds = (InteractionKind[])Enum.GetValues(typeof(InteractionKind));

    public static IReadOnlyList<InteractionKind> All => AllKinds;

    /// <summary>The text code: like, share, comment, mention, review, referral, click, coupon_redemption, service_contact.</summary>
    public static string Code(InteractionKind kind) => kind switch
    {
        InteractionKind.CouponRedemption => "coupon_redemption",
        InteractionKind.ServiceContact => "service_contact",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool IsDefined(InteractionKind kind) => Array.IndexOf(AllKinds, kind) >= 0;

    /// <summary>Reads a code case-insensitively; '-', '_' and spaces are ignored ("Coupon redemption" works).</summary>
    public static bool TryParse(string? text, out InteractionKind kind)
    {
        kind = default;
        if (text is null)
        {
            return false;
        }

        var key = Squash(text);
        foreach (var k in AllKinds)
        {
            if (string.Equals(Squash(Code(k)), key, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a code or throws a message that names <paramref name="field"/> and lists the valid codes.</summary>
    public static InteractionKind Parse(string? text, string field = "Kind")
    {
        if (TryParse(text, out var kind))
        {
            return kind;
        }

        throw new EngagementException(
            EngagementError.InvalidInteraction,
            field,
            $"{field} '{text}' is not a known interaction kind; use one of: {string.Join(", ", AllKinds.Select(Code))}.");
    }

    internal static string Squash(string text)
    {
        var chars = new List<char>(text.Length);
        foreach (var c in text.Trim())
        {
            if (c != '-' && c != '_' && c != ' ')
            {
                chars.Add(char.ToLowerInvariant(c));
            }
        }

        return new string(chars.ToArray());
    }
}
