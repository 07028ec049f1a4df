using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Engagement;
using A = Rapport.Plugins.Engagement.EngagementApiParameters;

namespace Rapport.Plugins.Engagement;

/// <summary>rapport_AssignLevel: evaluates a contact's or account's level on a ladder, keeping history and creating plan tasks on a move.</summary>
public sealed class AssignLevelApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var x = context.ExecutionContext;
        var result = LevelService.Assign(context.UserService, A.Customer(x), A.OptionalString(x, "Ladder"), x.OperationCreatedOn);
        x.OutputParameters["LevelId"] = result.Level?.Id.ToString("D") ?? "";
        x.OutputParameters["LevelName"] = result.LevelName ?? "";
        x.OutputParameters["Move"] = result.Move.ToString();
        x.OutputParameters["TasksCreated"] = result.TaskIds.Count;
    }
}
