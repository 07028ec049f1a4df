using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Auto-follow rules at run time: a rule row is validated before the write; its table's auto-follow steps are rewritten after it.</summary>
[Step("Create", "rapport_autofollowrule", Stage.PreOperation, StepMode.Synchronous)]
[Step("Update", "rapport_autofollowrule", Stage.PreOperation, StepMode.Synchronous)]
[Step("Create", "rapport_autofollowrule", Stage.PostOperation, StepMode.Synchronous)]
[Step("Update", "rapport_autofollowrule", Stage.PostOperation, StepMode.Synchronous)]
[Step("Delete", "rapport_autofollowrule", Stage.PostOperation, StepMode.Synchronous)]
[Image("Update", ImageKind.PreImage, "before", "rapport_table,rapport_rule,rapport_active")]
[Image("Delete", ImageKind.PreImage, "before", "rapport_table")]
public sealed class AutoFollowRulePlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var ctx = context.ExecutionContext;
        var before = ctx.MessageName == "Create" ? null : context.PreImage("before");
        var oldTable = before is null ? string.Empty : FeedData.Str(before, "rapport_table");
        if (ctx.MessageName == "Delete")
        {
            AutoFollowService.Sync(context.SystemService, oldTable);
            return;
        }

        var row = new Entity(FeedData.AutoFollowRule);
        foreach (var pair in before?.Attributes ?? new AttributeCollection())
        {
            row[pair.Key] = pair.Value;
        }

        foreach (var pair in context.Target.Attributes)
        {
            row[pair.Key] = pair.Value;
        }

        var rule = AutoFollowService.Validate(context.SystemService, row);
        if (ctx.Stage == (int)Stage.PreOperation)
        {
            // The table comes from the rule, so the steps and the row never disagree.
            context.Target["rapport_table"] = rule.Table;
            if (!row.Contains("rapport_active") || row["rapport_active"] is null)
            {
                context.Target["rapport_active"] = true;
            }

            return;
        }

        AutoFollowService.Sync(context.SystemService, rule.Table);
        if (oldTable.Length > 0 && oldTable != rule.Table)
        {
            AutoFollowService.Sync(context.SystemService, oldTable);
        }
    }
}
