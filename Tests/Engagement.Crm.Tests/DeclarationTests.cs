extern alias wf;

using System.Linq;
using Rapport.Plugins.Engagement;
using Rapport.Solution.Declarations;
using Rapport.Solution.Packing;

namespace Rapport.Engagement.Crm.Tests;

public sealed class DeclarationTests
{
    [Test]
    public void Engagement_tables_apis_and_steps_pass_the_packer_validation()
    {
        var problems = DeclarationValidator.Validate(
            RapportSolution.Build("1.0.0.0"),
            [AssemblyScanner.Scan(typeof(InteractionScoringPlugin).Assembly.Location), AssemblyScanner.Scan(typeof(wf::Rapport.WorkflowActivities.Engagement.AssignLevelActivity).Assembly.Location)],
            TableCatalog.Standard,
            null);
        foreach (var problem in problems)
        {
            TestContext.Out.WriteLine(problem);
        }

        var ours = new[] { "rapport_social", "rapport_programmecost", "rapport_kpi", "rapport_level", "rapport_engagement", "rapport_channel", "rapport_funnelstage", "rapport_tactic", ".Engagement.", "Engagement", "Kpi", "rapport_AssignLevel", "rapport_CompareFollowers", "rapport_IngestInteractions", "Activity", "Rapport.WorkflowActivities" };
        Assert.That(problems.Where(p => ours.Any(p.Contains)), Is.Empty);
    }
}
