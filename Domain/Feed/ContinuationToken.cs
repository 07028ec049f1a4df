using System;
using System.Security.Cryptography;
using System.Text;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// Continuation tokens for feed pages: base64url of 73 bytes — version (1), createdon ticks (8, big-endian), post id
/// (16, Guid.ToByteArray), the first 16 bytes of SHA-256 over the query's <see cref="FeedQuery.Fingerprint"/>, and an
/// HMAC-SHA256 (32) over the first 41 bytes with a key bound to the organisation and the user
/// (<see cref="DeriveKey"/>). A token that was altered, made up, or issued to someone else is refused.
/// </summary>
public static class ContinuationToken
{
    public const string InvalidMessage = "The feed's continuation token is invalid or was altered; reload the feed.";

    public const string OtherQueryMessage = "The feed's continuation token belongs to a different view of the feed (its filters or page size changed); reload the feed.";

    private const byte Version = 1;
    private const int BodyLength = 41;
    private const int TokenLength = BodyLength + 32;

    /// <summary>
    /// The HMAC key for one user in one organisation, from a server-side secret (at least 16 bytes, never sent to
    /// clients). Ids alone are not secret, so the secret is what makes tokens unforgeable.
    /// </summary>
    public static byte[] DeriveKey(byte[] secret, Guid organizationId, Guid userId)
    {
        Guard.NotNull(secret, nameof(secret));
        if (secret.Length < 16)
        {
            throw new ArgumentException("The feed token secret must be at least 16 bytes.", nameof(secret));
        }

        using var hmac = new HMACSHA256(secret);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes("rapport-feed-token|" + organizationId.ToString("D") + "|" + userId.ToString("D")));
    }

    public static string Create(FeedPosition position, FeedQuery query, byte[] key)
    {
        Guard.NotNull(position, nameof(position));
        Guard.NotNull(query, nameof(query));
        CheckKey(key);
        var bytes = new byte[TokenLength];
        bytes[0] = Version;
        var ticks = position.CreatedOn.Ticks;
        for (var i = 0; i < 8; i++)
        {
            bytes[1 + i] = (byte)(ticks >> (56 - (8 * i)));
        }

        Buffer.BlockCopy(position.PostId.ToByteArray(), 0, bytes, 9, 16);
        Buffer.BlockCopy(FingerprintHash(query), 0, bytes, 25, 16);
        Buffer.BlockCopy(Mac(key, bytes), 0, bytes, BodyLength, 32);
        return Base64Url.Encode(bytes);
    }

    /// <summary>The position a token carries; throws <see cref="FeedException"/> (<see cref="FeedError.InvalidToken"/>) when it cannot be trusted or was made for another query.</summary>
    public static FeedPosition Read(string token, FeedQuery query, byte[] key)
    {
        Guard.NotNull(query, nameof(query));
        CheckKey(key);
        if (!Base64Url.TryDecode(token, out var bytes) || bytes.Length != TokenLength || bytes[0] != Version
            || !FixedTimeEquals(Mac(key, bytes), bytes, BodyLength))
        {
            throw new FeedException(FeedError.InvalidToken, InvalidMessage);
        }

        if (!FixedTimeEquals(FingerprintHash(query), bytes, 25))
        {
            throw new FeedException(FeedError.InvalidToken, OtherQueryMessage);
        }

        long ticks = 0;
        for (var i = 0; i < 8; i++)
        {
            ticks = (ticks << 8) | bytes[1 + i];
        }

        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            throw new FeedException(FeedError.InvalidToken, InvalidMessage);
        }

        var id = new byte[16];
        Buffer.BlockCopy(bytes, 9, id, 0, 16);
        return new FeedPosition(new DateTime(ticks, DateTimeKind.Utc), new Guid(id));
    }

    /// <summary>
    /// The position a token claims, NOT verified: only for starting a fetch before the key is known (the feed reads
    /// its secret in the same query as the first batch). <see cref="Read"/> must still check the token before any of
    /// that batch is used; a token that is not even well-formed is refused here.
    /// </summary>
    public static FeedPosition Peek(string token)
    {
        if (!Base64Url.TryDecode(token, out var bytes) || bytes.Length != TokenLength || bytes[0] != Version)
        {
            throw new FeedException(FeedError.InvalidToken, InvalidMessage);
        }

        long ticks = 0;
        for (var i = 0; i < 8; i++)
        {
            ticks = (ticks << 8) | bytes[1 + i];
        }

        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            throw new FeedException(FeedError.InvalidToken, InvalidMessage);
        }

        var id = new byte[16];
        Buffer.BlockCopy(bytes, 9, id, 0, 16);
        return new FeedPosition(new DateTime(ticks, DateTimeKind.Utc), new Guid(id));
    }

    private static byte[] Mac(byte[] key, byte[] token)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(token, 0, BodyLength);
    }

    private static byte[] FingerprintHash(FeedQuery query)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(query.Fingerprint));
        var first = new byte[16];
        Buffer.BlockCopy(hash, 0, first, 0, 16);
        return first;
    }

    private static bool FixedTimeEquals(byte[] expected, byte[] actual, int offset)
    {
        var diff = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            diff |= expected[i] ^ actual[offset + i];
        }

        return diff == 0;
    }

    private static void CheckKey(byte[] key)
    {
        if (key is null || key.Length < 16)
        {
            throw new ArgumentException("The continuation token key must be at least 16 bytes; derive it with ContinuationToken.DeriveKey.", nameof(key));
        }
    }
}
