using System;
using System.Security.Cryptography;
using System.Text;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// The token in a digest's unsubscribe link: the user's id and an HMAC-SHA256 of it under the organisation's feed
/// secret, so the link works without signing in and cannot be made up for someone else. It never expires: an old
/// digest's link still unsubscribes.
/// </summary>
public static class DigestUnsubscribeToken
{
    public const string InvalidMessage = "This unsubscribe link is invalid or was altered; change the digest in your feed preference instead.";

    public static string Create(byte[] secret, Guid organizationId, Guid userId) =>
        userId.ToString("N") + "." + Convert.ToBase64String(Mac(secret, organizationId, userId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The user the token was issued to; throws <see cref="FeedException"/> for anything altered or made up.</summary>
    public static Guid Verify(byte[] secret, Guid organizationId, string? token)
    {
        var text = (token ?? string.Empty).Trim();
        var dot = text.IndexOf('.');
        if (dot != 32 || !Guid.TryParseExact(text.Substring(0, dot), "N", out var user))
        {
            throw new FeedException(FeedError.InvalidToken, InvalidMessage);
        }

        var expected = Create(secret, organizationId, user);
        var diff = expected.Length ^ text.Length;
        for (var i = 0; i < Math.Min(expected.Length, text.Length); i++)
        {
            diff |= expected[i] ^ text[i];
        }

        if (diff != 0)
        {
            throw new FeedException(FeedError.InvalidToken, InvalidMessage);
        }

        return user;
    }

    private static byte[] Mac(byte[] secret, Guid organizationId, Guid userId)
    {
        Guard.NotNull(secret, nameof(secret));
        if (secret.Length < 16)
        {
            throw new ArgumentException("The feed secret must be at least 16 bytes.", nameof(secret));
        }

        using var hmac = new HMACSHA256(secret);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes("rapport-digest-unsubscribe|" + organizationId.ToString("D") + "|" + userId.ToString("D")));
    }
}
