using System;
using System.Linq;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>The same inputs give the same bytes and the same component ids, so upgrades keep records.</summary>
public sealed class DeterminismTests
{
    [Test]
    public void Packing_twice_gives_identical_zips()
    {
        var first = SolutionPacker.Build(TestSolution.Request());
        var second = SolutionPacker.Build(TestSolution.Request());
        Assert.That(second.ManagedZip, Is.EqualTo(first.ManagedZip));
        Assert.That(second.UnmanagedZip, Is.EqualTo(first.UnmanagedZip));
        Assert.That(second.UnpackedFiles.Keys, Is.EqualTo(first.UnpackedFiles.Keys));
    }

    [Test]
    public void Entries_carry_one_fixed_timestamp()
    {
        var zip = new ZipParts(TestSolution.Output.ManagedZip);
        Assert.That(zip.Timestamps.Select(t => t.DateTime).Distinct(), Is.EqualTo(new[] { new DateTime(1980, 1, 1) }));
    }

    [Test]
    public void Component_ids_follow_rfc4122_version_5()
    {
        // The RFC 4122 / Python uuid5(NAMESPACE_DNS, "python.org") vector.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.That(ComponentIds.NameBased(dns, "python.org"), Is.EqualTo(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d")));
    }

    [Test]
    public void Ids_depend_on_names_only()
    {
        var first = ComponentIds.For("role", "Rapport User");
        var again = ComponentIds.For("role", string.Concat("Rapport", " User"));
        Assert.That(again, Is.EqualTo(first));
        Assert.That(ComponentIds.For("role", "Rapport User"), Is.Not.EqualTo(ComponentIds.For("role", "Rapport Administrator")));
        Assert.That(ComponentIds.For("role", "x"), Is.Not.EqualTo(ComponentIds.For("webresource", "x")));
    }

    [Test]
    public void A_new_version_changes_the_manifest_but_keeps_every_component_id()
    {
        var next = SolutionZipReader.Read(SolutionPacker.Build(TestSolution.Request(TestSolution.Definition() with { Version = "1.2.4.0" })).ManagedZip);
        var current = TestSolution.ManagedZip;
        Assert.That(next.Version, Is.EqualTo("1.2.4.0"));
        Assert.That(next.RootComponents, Is.EqualTo(current.RootComponents));
        Assert.That(next.Steps.Select(s => s.Id), Is.EqualTo(current.Steps.Select(s => s.Id)));
    }
}
