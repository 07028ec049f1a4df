using System;
using System.Security.Cryptography;
using System.Text;

namespace Rapport.Solution.Packing;

/// <summary>
/// Stable component ids: an RFC 4122 name-based UUID (version 5) over a fixed Rapport namespace, so the same
/// declaration gets the same id in every build and an upgrade keeps the records that hang off it.
/// </summary>
public static class ComponentIds
{
    /// <summary>Rapport's namespace for name-based ids. Never change it: every shipped id derives from it.</summary>
    public static readonly Guid Namespace = new("6f2c3a52-8d0e-4f5b-9a61-2b7d4e1c9f30");

    /// <summary>The id of the component of <paramref name="kind"/> (e.g. "role", "step") named <paramref name="name"/>.</summary>
    public static Guid For(string kind, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return NameBased(Namespace, kind + ":" + name);
    }

    /// <summary>RFC 4122 §4.3 version 5: SHA-1 of namespace (network order) + UTF-8 name, version and variant bits set.</summary>
    public static Guid NameBased(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nsBytes.Length + nameBytes.Length];
        nsBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, nsBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 v5 specifies; it names ids, it protects nothing.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
