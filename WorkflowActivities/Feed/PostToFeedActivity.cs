using System.Activities;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Domain.Feed;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Feed;

/// <summary>
/// Posts to a record's feed. As the user, the post is created like one from the feed control, so the post steps
/// check it and record its author, mentions, topics and notifications; as system, Rapport writes it
/// (<see cref="SystemPostService"/>). Either way the text, the record and every mention are checked first, as the
/// workflow's user, so a refused post writes nothing.
/// </summary>
[WorkflowActivity("Post to Feed", Group = "Rapport", Description = "Posts text to a record's feed (its Record URL). #topics and mention tokens @[table,id,\"Name\"] in the text work as in the feed; Mention User puts an @mention of that user first. Posts as the user who started the workflow, or as Rapport (system).")]
public sealed class PostToFeedActivity : ActivityBase
{
    private const string TextLabel = "Text";
    private const string MentionLabel = "Mention User";

    [RequiredArgument]
    [Input(FeedInputs.RecordUrl)]
    public InArgument<string> RecordUrl { get; set; } = new();

    [RequiredArgument]
    [Input(TextLabel)]
    public InArgument<string> Text { get; set; } = new();

    [Input(MentionLabel)]
    [ReferenceTarget("systemuser")]
    public InArgument<EntityReference> MentionUser { get; set; } = new();

    [Input("Post as System")]
    [Default("False")]
    public InArgument<bool> PostAsSystem { get; set; } = new();

    [Output("Post")]
    [ReferenceTarget(FeedData.Post)]
    public OutArgument<EntityReference> Post { get; set; } = new();

    [Output("Plain Text")]
    public OutArgument<string> PlainText { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var text = context.RequiredText(Text, TextLabel);
        var mention = context.Reference(MentionUser, MentionLabel, "systemuser");
        var record = FeedInputs.ReadableRecord(context, RecordUrl);
        if (mention is not null)
        {
            text = MentionParser.Format(new RecordRef(mention.LogicalName, mention.Id, context.ReadableName(mention))) + " " + text;
        }

        PostContent content;
        try
        {
            content = PostContent.ForPost(text);
        }
        catch (FeedException refused)
        {
            throw new InvalidPluginExecutionException($"{context.ActivityName}: {refused.Message}");
        }

        foreach (var mentioned in content.Mentions.Where(m => m.Id != mention?.Id))
        {
            context.ReadableName(new EntityReference(mentioned.Table, mentioned.Id));
        }

        var regarding = new RecordRef(record.LogicalName, record.Id, record.Name);
        var postId = context.Get(PostAsSystem)
            ? SystemPostService.Post(context.Services, regarding, content)
            : context.UserService.Create(new Entity(FeedData.Post)
            {
                ["rapport_regardingtable"] = regarding.Table,
                ["rapport_regardingid"] = FeedData.Text(regarding.Id),
                ["rapport_text"] = content.StoredText,
            });
        context.Set(Post, new EntityReference(FeedData.Post, postId));
        context.Set(PlainText, content.PlainText);
    }
}
