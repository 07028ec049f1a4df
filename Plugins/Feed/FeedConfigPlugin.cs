using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Feed tracking at run time: a config row is validated before the write, and its auto-post steps are (re)registered after it.</summary>
[Step("Create", "rapport_feedconfig", Stage.PreOperation, StepMode.Synchronous)]
[Step("Update", "rapport_feedconfig", Stage.PreOperation, StepMode.Synchronous)]
[Step("Create", "rapport_feedconfig", Stage.PostOperation, StepMode.Synchronous)]
[Step("Update", "rapport_feedconfig", Stage.PostOperation, StepMode.Synchronous)]
[Step("Delete", "rapport_feedconfig", Stage.PostOperation, StepMode.Synchronous)]
[Image("Update", ImageKind.PreImage, "before", "rapport_table,rapport_trackedcolumns,rapport_events,rapport_namecolumn,rapport_active,rapport_columnlabels")]
[Image("Delete", ImageKind.PreImage, "before", "rapport_table")]
public sealed class FeedConfigPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var ctx = context.ExecutionContext;
        if (ctx.MessageName == "Delete")
        {
            TrackingService.Sync(context.SystemService, FeedData.Str(context.PreImage("before"), "rapport_table"), null, string.Empty);
            return;
        }

        var row = new Entity("rapport_feedconfig");
        if (ctx.MessageName == "Update")
        {
            foreach (var pair in context.PreImage("before").Attributes)
            {
                row[pair.Key] = pair.Value;
            }
        }

        foreach (var pair in context.Target.Attributes)
        {
            row[pair.Key] = pair.Value;
        }

        var active = row.GetAttributeValue<bool?>("rapport_active") ?? true;
        var tracked = TrackingService.Validate(context.SystemService, row);
        var (config, nameColumn) = tracked;
        if (ctx.Stage == (int)Stage.PreOperation)
        {
            context.Target["rapport_table"] = config.Table;
            context.Target["rapport_trackedcolumns"] = config.ColumnsText;
            context.Target["rapport_namecolumn"] = nameColumn;
            context.Target["rapport_active"] = active;
            context.Target["rapport_columnlabels"] = tracked.Labels.Text;
            return;
        }

        TrackingService.Sync(context.SystemService, config.Table, active ? config : null, nameColumn, tracked.Labels);
    }
}
