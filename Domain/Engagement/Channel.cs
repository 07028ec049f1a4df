using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>Where an interaction happened: a fixed, validated list of networks and channels.</summary>
public enum Channel
{
    Facebook,
    Instagram,
    X,
    LinkedIn,
    YouTube,
    TikTok,
    Email,
    Web,
    Other,
}

public static class Channels
{
    private static readonly Channel[] AllChannels = (Channel[])Enum.GetValues(typeof(Channel));

    public static IReadOnlyList<Channel> All => AllChannels;

    /// <summary>The text code: facebook, instagram, x, linkedin, youtube, tiktok, email, web, other.</summary>
    public static string Code(Channel channel) => channel.ToString().ToLowerInvariant();

    /// <summary>True for the social networks (not email, web or other): where "handled on social" service contacts happen.</summary>
    public static bool IsSocialNetwork(Channel channel) => channel != Channel.Email && channel != Channel.Web && channel != Channel.Other && IsDefined(channel);

    public static bool IsDefined(Channel channel) => Array.IndexOf(AllChannels, channel) >= 0;

    /// <summary>Reads a code case-insensitively; "twitter" is read as <see cref="Channel.X"/>.</summary>
    public static bool TryParse(string? text, out Channel channel)
    {
        channel = default;
        if (text is null)
        {
            return false;
        }

        var key = InteractionKinds.Squash(text);
        if (key == "twitter")
        {
            channel = Channel.X;
            return true;
        }

        foreach (var c in AllChannels)
        {
            if (string.Equals(Code(c), key, StringComparison.Ordinal))
            {
                channel = c;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a code or throws a message that names <paramref name="field"/> and lists the valid codes.</summary>
    public static Channel Parse(string? text, string field = "Channel")
    {
        if (TryParse(text, out var channel))
        {
            return channel;
        }

        throw new EngagementException(
            EngagementError.InvalidInteraction,
            field,
            $"{field} '{text}' is not a known channel; use one of: {string.Join(", ", AllChannels.Select(Code))}.");
    }
}
