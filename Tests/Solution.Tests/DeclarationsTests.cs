using System.IO;
using System.Linq;
using Rapport.Solution.Declarations;
using Rapport.Solution.Model;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>Rapport's own declarations: consistent, versioned from VERSION, every table reachable by the roles.</summary>
public sealed class DeclarationsTests
{
    [Test]
    public void Version_comes_from_the_version_file()
    {
        var expected = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "VERSION")).Trim();
        Assert.That(RapportSolution.FromRepository(TestPaths.RepoRoot).Version, Is.EqualTo(expected));
    }

    [Test]
    public void Real_solution_packs_from_the_built_assemblies()
    {
        var definition = RapportSolution.FromRepository(TestPaths.RepoRoot);
        var output = SolutionPacker.Build(new PackRequest(definition, [TestPaths.Plugins, TestPaths.WorkflowActivities])
        {
            // The test command builds the web resources before the .NET suites, as the main job does.
            WebResourceRoot = Path.Combine(TestPaths.RepoRoot, "WebResources", "dist"),

            // ... and the code components (Controls/, built by pcf-scripts).
            ControlsRoot = Path.Combine(TestPaths.RepoRoot, "Controls", "out", "controls"),
        });
        var zip = SolutionZipReader.Read(output.ManagedZip);
        Assert.That(zip.UniqueName, Is.EqualTo("Rapport"));
        Assert.That(zip.Managed, Is.True);
        Assert.That(zip.Assemblies.Keys, Is.EquivalentTo(new[] { "Rapport.Plugins", "Rapport.WorkflowActivities" }));
        Assert.That(zip.Entities, Is.SupersetOf(new[] { "rapport_clvmodel", "rapport_gift", "Contact", "Account" }));
        Assert.That(zip.WebResources.Select(w => w.Name), Is.SupersetOf(new[] { "rapport_/feed/feed.html", "rapport_/card/insights.html", "rapport_/commands/follow.js" }));
        Assert.That(zip.Steps.Select(s => s.Message), Is.SupersetOf(new[] { "Create", "Update", "Delete" }), "the CLV and feed plugins' steps come from their attributes");
    }

    [Test]
    public void Publisher_uses_the_rapport_prefix()
    {
        var publisher = RapportSolution.Publisher;
        Assert.That((publisher.UniqueName, publisher.Prefix), Is.EqualTo(("rapport", "rapport")));
        Assert.That(publisher.OptionValuePrefix, Is.InRange(10000, 99999));
    }

    [Test]
    public void A_new_table_is_covered_by_both_roles_without_touching_them()
    {
        var table = new TableDefinition("rapport_extra", "Extra", "Extras") { IsCustom = true };
        var roles = Declarations.Security.RapportRoles.Build([table]);
        Assert.That(roles.Select(r => r.Privileges.Any(p => p.Table == "rapport_extra" && p.Privilege == PrivilegeType.Read)), Has.All.True);
    }

    [Test]
    public void Gift_donor_is_a_customer_lookup_to_contact_and_account()
    {
        var gift = RapportSolution.Build("1.0.0.0").Tables.Single(t => t.LogicalName == "rapport_gift");
        var donor = gift.Column("rapport_donorid")!;
        Assert.That(donor.Type, Is.EqualTo(ColumnType.Customer));
        Assert.That(donor.Targets, Is.EquivalentTo(new[] { "contact", "account" }));
        Assert.That(gift.Column("rapport_giftdate")!.DateOnly, Is.True);
    }
}
