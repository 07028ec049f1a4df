using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;

namespace Rapport.Emulator.Tests.Plugins;

/// <summary>Gives a new item a count when none is sent: proves Target changes in PreOperation are persisted.</summary>
[Step("Create", "rapport_item", Stage.PreOperation, StepMode.Synchronous)]
public sealed class DefaultCountOnCreate : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        if (!context.Target.Contains("rapport_count"))
        {
            context.Target["rapport_count"] = 42;
        }
    }
}

/// <summary>Writes a contact, then fails when the account is named "fail": the contact must be rolled back too.</summary>
[Step("Create", "account", Stage.PostOperation, StepMode.Synchronous)]
public sealed class FailAfterNestedWrite : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        if (context.Target.GetAttributeValue<string>("name") != "fail")
        {
            return;
        }

        context.UserService.Create(new Entity("contact") { ["lastname"] = "nested" });
        throw new InvalidPluginExecutionException("The account cannot be named fail.");
    }
}

[Step("Update", "contact", Stage.PreOperation, StepMode.Synchronous, Rank = 2)]
public sealed class RankTwoOnContactUpdate : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context) => context.Trace("rank two");
}

[Step("Update", "contact", Stage.PreOperation, StepMode.Synchronous, Rank = 1, FilteringAttributes = "firstname")]
public sealed class RankOneOnFirstNameUpdate : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context) => context.Trace("rank one");
}

/// <summary>Traces the columns of its images: only the declared ones may be there.</summary>
[Step("Update", "rapport_item", Stage.PostOperation, StepMode.Synchronous)]
[Image("Update", ImageKind.Both, "image", "rapport_name,rapport_count")]
public sealed class ImageReporter : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        context.Trace("pre:" + Columns(context.PreImage("image")));
        context.Trace("post:" + Columns(context.PostImage("image")));
        context.Trace("precount:" + context.PreImage("image").GetAttributeValue<int>("rapport_count"));
    }

    private static string Columns(Entity image) => string.Join(",", image.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
}

/// <summary>Updates the task it was triggered by, forever: Dataverse stops it at depth 8.</summary>
[Step("Update", "task", Stage.PostOperation, StepMode.Synchronous, FilteringAttributes = "description")]
public sealed class EndlessTaskUpdate : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        var service = factory.CreateOrganizationService(context.UserId);
        service.Update(new Entity("task", context.PrimaryEntityId) { ["description"] = "depth " + context.Depth });
    }
}

/// <summary>Follows a new campaign up with a task, asynchronously.</summary>
[Step("Create", "campaign", Stage.PostOperation, StepMode.Asynchronous)]
public sealed class FollowUpCampaignAsync : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context) =>
        context.UserService.Create(new Entity("task") { ["subject"] = "follow up " + context.Target.GetAttributeValue<string>("name") });
}

/// <summary>A single-record step: must run once per record of a CreateMultiple.</summary>
[Step("Create", "opportunity", Stage.PreOperation, StepMode.Synchronous)]
public sealed class MarkOpportunity : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context) => context.Target["description"] = "seen";
}

/// <summary>A bulk step: a single Create must reach it with one Target in Targets.</summary>
[Step("CreateMultiple", "invoice", Stage.PreOperation, StepMode.Synchronous)]
public sealed class CountInvoiceTargets : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        var targets = (EntityCollection)context.InputParameters["Targets"]!;
        tracing.Trace("targets:{0}", targets.Entities.Count);
        foreach (var target in targets.Entities)
        {
            target["description"] = "bulk";
        }
    }
}

/// <summary>Registered only at run time, by creating sdkmessageprocessingstep rows.</summary>
public sealed class RuntimeRegistered : IPlugin
{
    private readonly string _configuration;

    public RuntimeRegistered(string unsecure, string secure)
    {
        _configuration = unsecure + "|" + secure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        tracing.Trace("runtime " + _configuration);
    }
}

/// <summary>The rapport_Echo Custom API: repeats Text Times times.</summary>
public sealed class EchoApi : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var text = (string)context.InputParameters["Text"]!;
        var times = context.InputParameters.TryGetValue("Times", out var value) && value is int n ? n : 1;
        context.OutputParameters["Result"] = string.Concat(Enumerable.Repeat(text, times));
        context.OutputParameters["Undeclared"] = "dropped";
    }
}

/// <summary>Reports the optional tag parameter as the pipeline hands it to plug-ins (SharedVariables["tag"]).</summary>
[Step("Create", "lead", Stage.PreOperation, StepMode.Synchronous)]
public sealed class TagReporter : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        tracing.Trace("tag:{0}", context.SharedVariables.TryGetValue("tag", out var tag) ? tag : "(none)");
    }
}
