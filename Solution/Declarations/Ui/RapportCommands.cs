using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Ui;

/// <summary>
/// Follow / Unfollow on the main form command bar of every table that hosts the feed. Ribbon labels cannot change
/// at run time, so there are two buttons, each shown by its own enable rule (WebResources/README.md).
/// </summary>
public static class RapportCommands
{
    public const string Library = "rapport_/commands/follow.js";
    private const string Namespace = "Rapport.Commands.Follow.";

    public static IEnumerable<RibbonDefinition> All() => RapportForms.All().Select(f => f.Table).Distinct().Select(For);

    public static RibbonDefinition For(string table) => new(table,
    [
        Button("Follow", "Follow this record: its posts and tracked changes appear in your feed.", "rapport_/icons/follow.svg", "isFollowVisible", 75),
        Button("Unfollow", "Stop following this record.", "rapport_/icons/unfollow.svg", "isUnfollowVisible", 76),
    ]);

    private static CommandButtonDefinition Button(string id, string tip, string icon, string visible, int sequence) =>
        new(id, id, Call("toggle"))
        {
            ToolTip = tip,
            Icon = icon,
            EnableRules = [Call("isEnabled"), Call(visible)],
            Sequence = sequence,
        };

    private static JavaScriptCall Call(string function) => new(Library, Namespace + function);
}
