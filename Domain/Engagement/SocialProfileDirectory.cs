using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>A social profile linked to a contact or account (socialprofile.customerid), as the adapter reads it.</summary>
public sealed record SocialProfileLink(Channel Network, string Handle, Guid CustomerId);

/// <summary>
/// Finds the customer behind a network + handle. Handles match case-insensitively with leading '@' stripped
/// ("@Ana_B" = "ana_b"); a handle linked to two different customers on one network is ambiguous and matches nobody.
/// </summary>
public sealed class SocialProfileDirectory
{
    private readonly Dictionary<string, List<Guid>> _byKey = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);

    public SocialProfileDirectory(IEnumerable<SocialProfileLink> profiles)
    {
        if (profiles is null)
        {
            throw new ArgumentNullException(nameof(profiles));
        }

        foreach (var p in profiles)
        {
            var handle = NormaliseHandle(p.Handle);
            if (handle.Length == 0)
            {
                continue;
            }

            var key = Key(p.Network, handle);
            if (!_byKey.TryGetValue(key, out var ids))
            {
                ids = new List<Guid>();
                _byKey[key] = ids;
            }

            if (!ids.Contains(p.CustomerId))
            {
                ids.Add(p.CustomerId);
            }
        }
    }

    /// <summary>Trimmed, leading '@' removed, lower-case (invariant).</summary>
    public static string NormaliseHandle(string? handle) => (handle ?? string.Empty).Trim().TrimStart('@').Trim().ToLowerInvariant();

    /// <summary>The customer, or null with a message naming <paramref name="field"/> (no match, or ambiguous).</summary>
    public Guid? Match(Channel network, string? handle, string field, out string? problem)
    {
        var normalised = NormaliseHandle(handle);
        problem = null;
        if (normalised.Length == 0)
        {
            problem = $"{field} is required: the profile's handle on the network.";
            return null;
        }

        if (!_byKey.TryGetValue(Key(network, normalised), out var ids))
        {
            problem = $"{field} '@{normalised}' matches no social profile on {Channels.Code(network)}; link the profile to a contact or account first.";
            return null;
        }

        if (ids.Count > 1)
        {
            problem = $"{field} '@{normalised}' on {Channels.Code(network)} is linked to {ids.Count} different customers; remove the duplicate social profiles.";
            return null;
        }

        return ids.Single();
    }

    private static string Key(Channel network, string handle) => Channels.Code(network) + "|" + handle;
}
