using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Rapport.LocalEnvironment.Security;

/// <summary>What a presented bearer token is to the local environment.</summary>
internal enum IssuedTokenState
{
    /// <summary>Not one this environment issued (it may still be the environment's own token).</summary>
    Unknown,

    Valid,

    /// <summary>Issued here and past its lifetime: the client must get a new one (401 invalid_token).</summary>
    Expired,

    /// <summary>Issued here and revoked before its lifetime ended, as Continuous Access Evaluation does.</summary>
    Revoked,
}

/// <summary>
/// Short-lived access tokens issued by <c>POST /rapport/token</c> for the environment's own (long-lived) token, so
/// clients meet expiry and renewal as with Microsoft Entra tokens. Kept as SHA-256 hashes in memory (a restart drops
/// them); expired ones are remembered for a day so a late caller gets "expired", not "unknown".
/// </summary>
internal sealed class LocalTokens
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(1);
    private readonly object _gate = new();
    private readonly Dictionary<string, (DateTimeOffset ExpiresOn, bool Revoked)> _issued = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public LocalTokens(TimeSpan lifetime, TimeProvider time)
    {
        Lifetime = lifetime > TimeSpan.Zero ? lifetime : DefaultLifetime;
        _time = time;
    }

    /// <summary>Microsoft Entra's default access token lifetime is 60-90 minutes; an hour here.</summary>
    public static TimeSpan DefaultLifetime { get; } = TimeSpan.FromHours(1);

    public TimeSpan Lifetime { get; }

    public (string Token, TimeSpan ExpiresIn) Issue()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var old in _issued.Where(p => p.Value.ExpiresOn + Remembered < now).Select(p => p.Key).ToList())
            {
                _issued.Remove(old);
            }

            _issued[Hash(token)] = (now + Lifetime, false);
        }

        return (token, Lifetime);
    }

    public IssuedTokenState Check(string token)
    {
        lock (_gate)
        {
            if (!_issued.TryGetValue(Hash(token), out var entry))
            {
                return IssuedTokenState.Unknown;
            }

            return entry.Revoked ? IssuedTokenState.Revoked : entry.ExpiresOn <= _time.GetUtcNow() ? IssuedTokenState.Expired : IssuedTokenState.Valid;
        }
    }

    /// <summary>Every token issued so far stops working at once (the environment's own token is untouched).</summary>
    public int RevokeAll()
    {
        lock (_gate)
        {
            foreach (var key in _issued.Keys.ToList())
            {
                _issued[key] = (_issued[key].ExpiresOn, true);
            }

            return _issued.Count;
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
