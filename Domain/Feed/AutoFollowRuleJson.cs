using System;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// The stored form of an auto-follow rule, one JSON object naming the rule, its table and (optional) "when":
/// <c>{"rule":"ownerFollowsOwnRecords","table":"opportunity"}</c>,
/// <c>{"rule":"teamMembersFollow","table":"opportunity","team":"&lt;guid&gt;","when":"rapport_amount gt 10000"}</c>,
/// <c>{"rule":"ownerManagerFollows","table":"rapport_gift","levels":2}</c> ("levels" 1 to 5, default 1),
/// <c>{"rule":"businessUnitRoleFollows","table":"rapport_gift","role":"Fundraising Manager","businessUnit":"&lt;guid&gt;"}</c>
/// ("businessUnit" optional: the row's owning business unit), <c>{"rule":"userColumnFollows","table":"account","column":"rapport_managerid"}</c>.
/// Reading refuses anything else with a message an admin can act on.
/// </summary>
public static class AutoFollowRuleJson
{
    private const string Kinds = "'ownerFollowsOwnRecords', 'teamMembersFollow', 'ownerManagerFollows', 'businessUnitRoleFollows' or 'userColumnFollows'";

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
                break;
            case OwnerManagerFollows managers:
                w.Property("rule", "ownerManagerFollows").Property("table", rule.Table).Property("levels", managers.Levels);
                break;
            case BusinessUnitRoleFollows role:
                w.Property("rule", "businessUnitRoleFollows").Property("table", rule.Table).Property("role", role.Role);
                if (role.BusinessUnitId is { } unit)
                {
                    w.Property("businessUnit", unit);
                }

                break;
            case UserColumnFollows column:
                w.Property("rule", "userColumnFollows").Property("table", rule.Table).Property("column", column.Column);
                break;
            default:
                throw new ArgumentException($"No stored form for the rule type {rule.GetType().Name}.", nameof(rule));
        }

        if (rule.When is not null)
        {
            w.Property("when", rule.When.ToString());
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
        var whenText = root.GetString("when");
        var when = Guard.IsBlank(whenText) ? null : AutoFollowCondition.Parse(whenText);
        switch (kind)
        {
            case "ownerFollowsOwnRecords":
                return new OwnerFollowsOwnRecords(table) { When = when };
            case "teamMembersFollow":
                return new TeamMembersFollow(table, Id(root, "team", "teamMembersFollow", "the team's id") ?? throw Needs("teamMembersFollow", "team", "the team's id (a GUID)"), when);
            case "ownerManagerFollows":
                var levels = root.Get("levels");
                if (levels is null)
                {
                    return new OwnerManagerFollows(table, 1, when);
                }

                if (!levels.TryGetDecimal(out var n) || n != decimal.Truncate(n) || n < int.MinValue || n > int.MaxValue)
                {
                    throw new FeedException(FeedError.InvalidRule, "The auto-follow rule 'ownerManagerFollows' takes \"levels\" as a whole number from 1 to 5.");
                }

                return new OwnerManagerFollows(table, (int)n, when);
            case "businessUnitRoleFollows":
                return new BusinessUnitRoleFollows(table, root.GetString("role") ?? string.Empty, Id(root, "businessUnit", "businessUnitRoleFollows", "the business unit's id"), when);
            case "userColumnFollows":
                return new UserColumnFollows(table, root.GetString("column") ?? string.Empty, when);
            default:
                throw new FeedException(FeedError.InvalidRule, $"Unknown auto-follow rule '{kind}'. Use {Kinds}.");
        }
    }

    private static Guid? Id(JsonValue root, string name, string rule, string what)
    {
        if (root.Get(name) is null)
        {
            return null;
        }

        return Guid.TryParse(root.GetString(name) ?? string.Empty, out var id) && id != Guid.Empty ? id : throw Needs(rule, name, what + " (a GUID)");
    }

    private static FeedException Needs(string rule, string name, string what) =>
        new(FeedError.InvalidRule, $"The auto-follow rule '{rule}' needs \"{name}\": {what}.");
}
