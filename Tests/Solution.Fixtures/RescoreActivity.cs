using System.Activities;
using Rapport.Plugins.Registration;

namespace Rapport.Solution.Fixtures;

/// <summary>A custom workflow activity with its designer group and friendly name.</summary>
[WorkflowActivity("Rescore customer CLV", Group = "Rapport CLV", Description = "Rescores one customer's lifetime value.")]
public sealed class RescoreActivity : CodeActivity
{
    protected override void Execute(CodeActivityContext context)
    {
    }
}
