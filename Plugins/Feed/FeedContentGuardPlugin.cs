using System.Linq;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>
/// The column rules of feed content, before anything else runs (pre-validation): a person sets only the columns they
/// type (FeedColumnPolicy); likes, mentions, topics and revisions are Rapport's, deleted directly only by Rapport or a
/// Rapport Administrator (a post's delete cascades to them). Costs nothing for Rapport's own writes.
/// </summary>
[Step("Create", "rapport_post", Stage.PreValidation, StepMode.Synchronous)]
[Step("Update", "rapport_post", Stage.PreValidation, StepMode.Synchronous)]
[Step("Create", "rapport_comment", Stage.PreValidation, StepMode.Synchronous)]
[Step("Update", "rapport_comment", Stage.PreValidation, StepMode.Synchronous)]
[Step("Create", "rapport_reaction", Stage.PreValidation, StepMode.Synchronous)]
[Step("Update", "rapport_reaction", Stage.PreValidation, StepMode.Synchronous)]
[Step("Delete", "rapport_reaction", Stage.PreValidation, StepMode.Synchronous)]
[Step("Create", "rapport_mention", Stage.PreValidation, StepMode.Synchronous)]
[Step("Update", "rapport_mention", Stage.PreValidation, StepMode.Synchronous)]
[Step("Delete", "rapport_mention", Stage.PreValidation, StepMode.Synchronous)]
[Step("Create", "rapport_topic", Stage.PreValidation, StepMode.Synchronous)]
[Step("Update", "rapport_topic", Stage.PreValidation, StepMode.Synchronous)]
[Step("Delete", "rapport_topic", Stage.PreValidation, StepMode.Synchronous)]
[Step("Create", "rapport_postrevision", Stage.PreValidation, StepMode.Synchronous)]
[Step("Update", "rapport_postrevision", Stage.PreValidation, StepMode.Synchronous)]
[Step("Delete", "rapport_postrevision", Stage.PreValidation, StepMode.Synchronous)]
public sealed class FeedContentGuardPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var ctx = context.ExecutionContext;
        var caller = FeedCaller.Of(context);
        if (caller.IsElevated)
        {
            return;
        }

        if (ctx.MessageName == "Delete")
        {
            FeedGuard.EnsureRapportDelete(context, caller);
            return;
        }

        var target = context.Target;
        FeedGuard.EnsureColumns(context, caller, target.Attributes.Keys.ToList());
    }
}
