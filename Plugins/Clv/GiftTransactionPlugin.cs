using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Clv;

namespace Rapport.Plugins.Clv;

/// <summary>
/// A gift created, edited, moved to another donor, deactivated or deleted updates the donors' ledgers, summaries and
/// scores in the same transaction: 3 requests per donor touched (5 for a move), whatever the donors' history length.
/// A gift counts while active and not pledged. Bad input (negative amount, future date, no donor) is refused.
/// </summary>
[Step("Create", ClvSchema.Gift, Stage.PostOperation, StepMode.Synchronous)]
[Step("Update", ClvSchema.Gift, Stage.PostOperation, StepMode.Synchronous, FilteringAttributes = ClvSchema.GiftColumns.All)]
[Step("Delete", ClvSchema.Gift, Stage.PostOperation, StepMode.Synchronous)]
[Image("Create", ImageKind.PostImage, Alias, ClvSchema.GiftColumns.All)]
[Image("Update", ImageKind.Both, Alias, ClvSchema.GiftColumns.All)]
[Image("Delete", ImageKind.PreImage, Alias, ClvSchema.GiftColumns.All)]
public sealed class GiftTransactionPlugin : PluginBase
{
    private const string Alias = "gift";

    protected override void ExecuteStep(LocalPluginContext context)
    {
        var message = context.ExecutionContext.MessageName;
        var now = context.ExecutionContext.OperationCreatedOn;
        var before = message == "Create" ? null : TransactionFacts.Gift(context.PreImage(Alias), now, strict: false);
        var after = message == "Delete" ? null : TransactionFacts.Gift(context.PostImage(Alias), now, strict: true);
        ClvScoringService.ApplyChange(context.SystemService, before, after, now, context.Tracing);
    }
}
