using System;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// The stored form of an auto-follow rule:
/// <c>{"rule":"ownerFollowsOwnRecords","table":"opportunity"}</c> or
/// <c>{"rule":"teamMembersFollow","table":"opportunity","team":"&lt;guid&gt;","when":"rapport_amount gt 10000"}</c>
/// ("when" optional). Reading refuses anything else with a message an admin can act on.
/// </summary>
public static class AutoFollowRuleJson
{
    public static string Write(AutoFollowRule rule)
    {
        Guard.NotNull(rule, nameof(rule));
        var w = new JsonWriter().StartObject();
        switch (rule)
        {
            case OwnerFollowsOwnRecords:
                w.Property("rule", "ownerFollowsOwnRecords").Property("table", rule.Table);
                break;
            case TeamMembersFollow team:
                w.Property("rule", "teamMembersFollow").Property("table", rule.Table).Property("team", team.TeamId);
                if (team.When is not null)
                {
                    w.Property("when", team.When.ToString());
                }

                break;
            default:
                throw new ArgumentException($"No stored form for the rule type {rule.GetType().Name}.", nameof(rule));
        }

        return w.EndObject().ToString();
    }

    public static AutoFollowRule Read(string? json)
    {
        if (Guard.IsBlank(json))
        {
            throw new FeedException(FeedError.InvalidRule, "The auto-follow rule is empty.");
        }

        JsonValue root;
        try
        {
            root = JsonReader.Parse(json);
        }
        catch (JsonFormatException ex)
        {
            throw new FeedException(FeedError.InvalidRule, "The auto-follow rule is not valid JSON. " + ex.Message);
        }

        if (root.Kind != JsonKind.Object)
        {
            throw new FeedException(FeedError.InvalidRule, "The auto-follow rule must be a JSON object such as {\"rule\":\"ownerFollowsOwnRecords\",\"table\":\"opportunity\"}.");
        }

        var table = root.GetString("table") ?? string.Empty;
        var kind = root.GetString("rule");
        switch (kind)
        {
            case "ownerFollowsOwnRecords":
                return new OwnerFollowsOwnRecords(table);
            case "teamMembersFollow":
                if (!Guid.TryParse(root.GetString("team") ?? string.Empty, out var teamId))
                {
                    throw new FeedException(FeedError.InvalidRule, "The auto-follow rule 'teamMembersFollow' needs \"team\": the team's id (a GUID).");
                }

                var when = root.GetString("when");
                return new TeamMembersFollow(table, teamId, Guard.IsBlank(when) ? null : AutoFollowCondition.Parse(when));
            default:
                throw new FeedException(FeedError.InvalidRule, $"Unknown auto-follow rule '{kind}'. Use 'ownerFollowsOwnRecords' or 'teamMembersFollow'.");
        }
    }
}
