using System;

namespace Rapport.Domain.Common;

/// <summary>RFC 4648 §5 base64url without padding: safe in URLs, query strings and JSON without escaping.</summary>
public static class Base64Url
{
    public static string Encode(byte[] bytes)
    {
        Guard.NotNull(bytes, nameof(bytes));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes base64url text; false (not an exception) for anything that is not valid base64url.</summary>
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (text is null || text.Length % 4 == 1)
        {
            return false;
        }

        foreach (var c in text)
        {
            var ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok)
            {
                return false;
            }
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
