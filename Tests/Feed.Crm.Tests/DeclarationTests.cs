using System.Linq;
using Rapport.Plugins.Feed;
using Rapport.Solution.Declarations;
using Rapport.Solution.Packing;

namespace Rapport.Feed.Crm.Tests;

public sealed class DeclarationTests
{
    [Test]
    public void Feed_tables_apis_and_steps_pass_the_packer_validation()
    {
        var problems = DeclarationValidator.Validate(
            RapportSolution.Build("1.0.0.0"),
            [AssemblyScanner.Scan(typeof(PostCreatePlugin).Assembly.Location)],
            TableCatalog.Standard,
            null);
        foreach (var problem in problems)
        {
            TestContext.Out.WriteLine(problem);
        }

        var feed = new[] { "rapport_follow", "rapport_post", "rapport_comment", "rapport_reaction", "rapport_mention", "rapport_topic", "rapport_postrevision", "rapport_feed", "rapport_autofollowrule", "rapport_Follow", "rapport_Unfollow", "rapport_GetFollowState", "rapport_SetLike", "rapport_GetFeed", ".Feed." };
        Assert.That(problems.Where(p => feed.Any(p.Contains)), Is.Empty);
    }
}
