using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Rapport.LocalEnvironment.Web;

/// <summary>
/// One-time sign-in codes and the browser sessions they open. A browser cannot send a bearer token, and a token in a
/// URL ends up in history, logs and screenshots; a code is worth nothing once redeemed or ten minutes old, and the
/// session it opens lives only in an HttpOnly cookie and in this process's memory (a restart signs everyone out).
/// Codes and sessions are kept as SHA-256 hashes, so a lookup never compares secrets character by character.
/// </summary>
internal sealed class SignInSessions
{
    public const string CookieName = "rapport_session";

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A working day: long enough to evaluate, short enough that a forgotten browser does not stay signed in for good.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public SignInSessions(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>A new single-use code and when it stops working.</summary>
    public (string Code, DateTimeOffset ExpiresOn) IssueCode()
    {
        var code = NewSecret();
        var expires = _time.GetUtcNow() + CodeLifetime;
        lock (_gate)
        {
            Prune();
            _codes[Hash(code)] = expires;
        }

        return (code, expires);
    }

    /// <summary>Spends the code and returns a new session id; null when the code is unknown, used or expired.</summary>
    public string? Redeem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        lock (_gate)
        {
            // Removed before the expiry check: a code is spent by any attempt, so it cannot be tried twice.
            if (!_codes.Remove(Hash(code), out var expires) || _time.GetUtcNow() >= expires)
            {
                return null;
            }

            var session = NewSecret();
            _sessions[Hash(session)] = _time.GetUtcNow() + SessionLifetime;
            return session;
        }
    }

    public bool IsValid(string? session)
    {
        if (string.IsNullOrEmpty(session))
        {
            return false;
        }

        lock (_gate)
        {
            return _sessions.TryGetValue(Hash(session), out var expires) && _time.GetUtcNow() < expires;
        }
    }

    private void Prune()
    {
        var now = _time.GetUtcNow();
        foreach (var key in _codes.Where(c => c.Value <= now).Select(c => c.Key).ToList())
        {
            _codes.Remove(key);
        }

        foreach (var key in _sessions.Where(s => s.Value <= now).Select(s => s.Key).ToList())
        {
            _sessions.Remove(key);
        }
    }

    /// <summary>256 random bits, URL-safe (base64url without padding).</summary>
    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
