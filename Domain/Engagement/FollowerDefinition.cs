using System;

namespace Rapport.Domain.Engagement;

/// <summary>
/// Who counts as a "follower" in a comparison, said in words with the self-selection caveat that fits it:
/// <c>social</c> — a social profile (follows the organisation on a network) or a social interaction in the period;
/// <c>engaged</c> — a social interaction in the period; <c>follow</c> — the record is followed in Rapport's feed.
/// </summary>
public sealed record FollowerDefinition(string Key, string GroupName, string Description, string Caveat)
{
    public static readonly FollowerDefinition Social = new(
        "social",
        "followers",
        "Followers: customers with an active social profile (they follow the organisation on a network) or a social interaction in the period.",
        "Customers choose to follow and to interact: those who already value the organisation are more likely to, so these figures describe the two groups and do not show that following causes more spending, value or loyalty (self-selection).");

    public static readonly FollowerDefinition Engaged = new(
        "engaged",
        "engaged customers",
        "Engaged: customers with a social interaction (like, share, comment, review, ...) in the period.",
        "Customers choose to engage: those who already give or buy more are more likely to, so these figures describe the two groups and do not show that engagement causes more spending, value or loyalty (self-selection).");

    public static readonly FollowerDefinition Follow = new(
        "follow",
        "followed customers",
        "Followed: customers whose record someone follows in Rapport's feed.",
        "Staff choose which customers to follow, usually the valuable ones, so these figures describe the two groups and do not show that following a customer in Rapport changes their spending, value or loyalty (selection).");

    public static FollowerDefinition Parse(string? key)
    {
        var k = (key ?? string.Empty).Trim().ToLowerInvariant();
        if (k.Length == 0 || k == Social.Key)
        {
            return Social;
        }

        if (k == Engaged.Key)
        {
            return Engaged;
        }

        if (k == Follow.Key)
        {
            return Follow;
        }

        throw new EngagementException(EngagementError.InvalidRoiInput, "Definition", $"Definition '{key}' is not known: use social (profile or interaction, the default), engaged (interaction in the period) or follow (followed in Rapport).");
    }
}
