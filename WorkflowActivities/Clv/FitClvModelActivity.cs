using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Domain.Clv.Models;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Clv;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Clv;

/// <summary>
/// Fits a CLV model from the ledgers stored on contacts and accounts, as the Custom API rapport_FitClvModel does, and
/// writes it as a Draft model row (activate it by setting its status to Active). Read as the workflow's user.
/// </summary>
[WorkflowActivity("Fit CLV Model", Group = "Rapport", Description = "Fits a CLV model of the chosen kind from at most Sample Cap customers' stored transaction summaries and saves it as a Draft model with its diagnostics. Verdict is Usable, Usable with warnings or Unusable (an Unusable model cannot be activated), with the reasons in words. Holdout Error is the holdout's mean absolute error when Holdout Measured is true; Holdout Summary says what was measured or why it could not be.")]
public sealed class FitClvModelActivity : ActivityBase
{
    private const string KindLabel = "Model Kind";
    private const string CapLabel = "Sample Cap";

    [RequiredArgument]
    [Input(KindLabel)]
    [AttributeTarget(ClvSchema.Model, ClvSchema.ModelColumns.Kind)]
    [Default("107850000")]
    public InArgument<OptionSetValue> ModelKind { get; set; } = new();

    /// <summary>0 (an emptied field) means the default.</summary>
    [Input(CapLabel)]
    [Default("50000")]
    public InArgument<int> SampleCap { get; set; } = new();

    [Output("Model")]
    [ReferenceTarget(ClvSchema.Model)]
    public OutArgument<EntityReference> Model { get; set; } = new();

    [Output("Log-Likelihood")]
    public OutArgument<double> LogLikelihood { get; set; } = new();

    [Output("Sample Size")]
    public OutArgument<int> SampleSize { get; set; } = new();

    [Output("Holdout Error")]
    public OutArgument<double> HoldoutError { get; set; } = new();

    [Output("Holdout Measured")]
    public OutArgument<bool> HoldoutMeasured { get; set; } = new();

    [Output("Holdout Summary")]
    public OutArgument<string> HoldoutSummary { get; set; } = new();

    [Output("Verdict")]
    public OutArgument<string> Verdict { get; set; } = new();

    [Output("Verdict Reasons")]
    public OutArgument<string> VerdictReasons { get; set; } = new();

    [Output("Converged")]
    public OutArgument<bool> Converged { get; set; } = new();

    [Output("Iterations")]
    public OutArgument<int> Iterations { get; set; } = new();

    [Output("Standard Errors Finite")]
    public OutArgument<bool> StandardErrorsFinite { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var option = context.Get(ModelKind)
            ?? throw new InvalidPluginExecutionException($"{context.Input(KindLabel)} is empty: choose a model kind ({string.Join(", ", ModelCatalog.Names)}).");
        string kind;
        try
        {
            kind = ClvSchema.KindName(option.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidPluginExecutionException($"{context.Input(KindLabel)} is {option.Value}, which is not a Rapport model kind: choose one of {string.Join(", ", ModelCatalog.Names)}.");
        }

        var cap = context.Get(SampleCap) is var given && given != 0 ? given : ClvModelFitter.DefaultSampleCap;
        if (cap < 1 || cap > ClvModelFitter.MaxSampleCap)
        {
            throw new InvalidPluginExecutionException($"{context.Input(CapLabel)} must be 1 to {ClvModelFitter.MaxSampleCap}; it was {cap}.");
        }

        var outcome = ClvModelFitter.Fit(context.UserService, kind, cap, context.WorkflowContext.OperationCreatedOn);
        context.Trace("{0}: {1}", context.ActivityName, outcome.Sampling);
        context.Set(Model, new EntityReference(ClvSchema.Model, outcome.ModelId));
        context.Set(LogLikelihood, outcome.LogLikelihood);
        context.Set(SampleSize, outcome.SampleSize);
        context.Set(HoldoutError, outcome.HoldoutMae ?? 0);
        context.Set(HoldoutMeasured, outcome.Holdout.Measured);
        context.Set(HoldoutSummary, outcome.Holdout.Summary);
        context.Set(Verdict, outcome.Diagnostics.VerdictLabel);
        context.Set(VerdictReasons, outcome.Diagnostics.Summary);
        context.Set(Converged, outcome.Diagnostics.Converged);
        context.Set(Iterations, outcome.Diagnostics.Iterations);
        context.Set(StandardErrorsFinite, outcome.Diagnostics.StandardErrorsFinite);
    }
}
