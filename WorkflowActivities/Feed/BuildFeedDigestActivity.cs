using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Feed;

/// <summary>
/// A user's feed digest for the days before a moment, ready for an e-mail step: the Custom API rapport_GetFeedDigest's
/// service, so the feed is read with that user's rights (security-trimmed) and preference. Another user's digest
/// needs the workflow's user to be a System Administrator. Nothing is written.
/// </summary>
[WorkflowActivity("Build Feed Digest", Group = "Rapport", Description = "The HTML and plain-text digest of a user's feed over the given days up to Period End (default: when the workflow step runs), trimmed to what that user may read. Another user's digest needs a workflow running as a System Administrator.")]
public sealed class BuildFeedDigestActivity : ActivityBase
{
    public const int DefaultDays = 1;
    public const int MaxDays = 31;
    private const string UserLabel = "User";
    private const string DaysLabel = "Days";

    [RequiredArgument]
    [Input(UserLabel)]
    [ReferenceTarget("systemuser")]
    public InArgument<EntityReference> User { get; set; } = new();

    /// <summary>0 (an emptied field) means the default.</summary>
    [Input(DaysLabel)]
    [Default("1")]
    public InArgument<int> Days { get; set; } = new();

    [Input("Period End")]
    public InArgument<DateTime> PeriodEnd { get; set; } = new();

    [Output("Subject")]
    public OutArgument<string> Subject { get; set; } = new();

    [Output("HTML")]
    public OutArgument<string> Html { get; set; } = new();

    [Output("Plain Text")]
    public OutArgument<string> PlainText { get; set; } = new();

    [Output("Item Count")]
    public OutArgument<int> ItemCount { get; set; } = new();

    [Output("Record Count")]
    public OutArgument<int> RecordCount { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var user = context.Reference(User, UserLabel, "systemuser")
            ?? throw new InvalidPluginExecutionException($"{context.Input(UserLabel)} is empty: choose whose digest to build.");
        var days = context.Get(Days) is var d && d != 0 ? d : DefaultDays;
        if (days < 1 || days > MaxDays)
        {
            throw new InvalidPluginExecutionException($"{context.Input(DaysLabel)} must be 1 to {MaxDays}; it was {days}.");
        }

        var end = context.Get(PeriodEnd) is var given && given != default ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : context.WorkflowContext.OperationCreatedOn;
        var digest = FeedDigestService.Build(context.Services, user.Id, end.AddDays(-days), end);
        context.Set(Subject, digest.Subject);
        context.Set(Html, digest.Html);
        context.Set(PlainText, digest.PlainText);
        context.Set(ItemCount, digest.ItemCount);
        context.Set(RecordCount, digest.RecordCount);
    }
}
