using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Rapport.Foundation.Tests;

/// <summary>
/// The SDK surface the shipped net462 assemblies bind to (types and members of Microsoft.Xrm.Sdk,
/// Microsoft.Xrm.Sdk.Workflow and System.Activities they reference), compared with the reviewed list committed in
/// SdkSurface/. New SDK surface is a conscious choice: check each new line against Microsoft's reference
/// (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk) before accepting it into the list.
/// </summary>
[TestFixture]
public sealed class SdkSurfaceTests
{
    private static readonly HashSet<string> SdkAssemblies = new(StringComparer.Ordinal)
    {
        "Microsoft.Xrm.Sdk", "Microsoft.Xrm.Sdk.Workflow", "System.Activities",
    };

    private static object[] Shipped =>
    [
        new object[] { "Plugins", "Rapport.Plugins" },
        new object[] { "WorkflowActivities", "Rapport.WorkflowActivities" },
    ];

    [TestCaseSource(nameof(Shipped))]
    public void The_SDK_surface_a_shipped_assembly_references_is_the_reviewed_list(string project, string assembly)
    {
        using var dll = new ShippedAssembly(RepoPaths.Net462Dll(project, assembly));
        var actual = ReferencedSurface.Of(dll.Reader, SdkAssemblies);
        var listPath = Path.Combine(RepoPaths.Root, "Tests", "Foundation.Tests", "SdkSurface", assembly + ".txt");
        var reviewed = File.Exists(listPath)
            ? File.ReadAllLines(listPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
            : [];

        var added = actual.Except(reviewed, StringComparer.Ordinal).ToList();
        var removed = reviewed.Except(actual, StringComparer.Ordinal).ToList();
        if (added.Count > 0 || removed.Count > 0)
        {
            var proposal = Path.Combine(TestContext.CurrentContext.WorkDirectory, assembly + ".txt");
            File.WriteAllLines(proposal, Header(assembly).Concat(actual));
            Assert.Fail($"The SDK surface of {assembly} changed. Review, then copy {proposal} to {listPath}."
                + Environment.NewLine + string.Join(Environment.NewLine, added.Select(l => "+ " + l).Concat(removed.Select(l => "- " + l))));
        }
    }

    [TestCaseSource(nameof(Shipped))]
    public void The_referenced_surface_holds_only_types_of_the_SDK_assemblies(string project, string assembly)
    {
        using var dll = new ShippedAssembly(RepoPaths.Net462Dll(project, assembly));

        var actual = ReferencedSurface.Of(dll.Reader, SdkAssemblies);

        Assert.That(actual, Is.Not.Empty);
        Assert.That(actual.Where(l => l.StartsWith("type ", StringComparison.Ordinal)).Select(l => l[5..]),
            Has.All.Matches<string>(t => t.StartsWith("Microsoft.Xrm.Sdk.", StringComparison.Ordinal) || t.StartsWith("System.Activities.", StringComparison.Ordinal)));
    }

    private static IEnumerable<string> Header(string assembly) =>
    [
        $"# Microsoft.Xrm.Sdk / Microsoft.Xrm.Sdk.Workflow / System.Activities surface referenced by {assembly} (net462).",
        "# Reviewed against learn.microsoft.com/dotnet/api/microsoft.xrm.sdk; regenerate only after reviewing the diff.",
    ];
}
