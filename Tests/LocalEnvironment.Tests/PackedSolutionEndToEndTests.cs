using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator;
using Rapport.LocalEnvironment.Solutions;
using Rapport.Solution.Declarations;
using Rapport.Solution.Packing;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// Issue 5, end to end: the real solution packed from the built net462 DLLs and WebResources/dist, imported in
/// process by the local environment's importer into a fresh emulator that knows the tables but has no plugin, step,
/// role or Custom API; then the plugins inside the zip do the work.
/// </summary>
public sealed class PackedSolutionEndToEndTests
{
    private static readonly DateTime Today = new(2025, 6, 15, 9, 0, 0, DateTimeKind.Utc);

    private DataverseEmulator _env = null!;
    private PackedSolution _zip = null!;
    private Assembly _zipPlugins = null!;
    private int _rolesBefore;

    private IOrganizationService Service => _env.SystemService;

    [OneTimeSetUp]
    public void Import()
    {
        var bytes = PackedZips.Rapport("1.0.0.0");
        _zip = SolutionZipReader.Read(bytes);

        // Tables come from the declarations (the emulator creates no table from XML); everything else from the zip.
        _env = new DataverseEmulator(RapportSolution.Build("1.0.0.0") with { CustomApis = [] }, Today);
        _rolesBefore = Rows("role").Count;
        var before = AppDomain.CurrentDomain.GetAssemblies().ToHashSet();

        var body = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            CustomizationFile = Convert.ToBase64String(bytes),
            OverwriteUnmanagedCustomizations = true,
            PublishWorkflows = true,
            ImportJobId = Guid.NewGuid(),
        })).RootElement;
        var response = new SolutionImporter(_env, new object()).Handle("ImportSolution", body);
        Assert.That(response.Status, Is.EqualTo(204));

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => !before.Contains(a) && a.GetName().Name == RapportSolution.PluginsAssembly).ToList();
        Assert.That(loaded, Has.Count.EqualTo(1), "the import loads the zip's plugin assembly once");
        _zipPlugins = loaded[0];
    }

    [Test]
    public void Tables_roles_steps_and_plugin_types_of_the_zip_are_registered()
    {
        Assert.That(_zip.Entities.Select(e => _env.Metadata.Find(e.ToLowerInvariant())), Has.None.Null);
        Assert.That(Rows("role").Select(r => r.GetAttributeValue<string>("name")), Is.SupersetOf(_zip.Roles.Keys));
        Assert.That(Rows("role").Count - _rolesBefore, Is.EqualTo(_zip.Roles.Count), "the roles arrive with the zip");

        // Steps Rapport registers at run time come with use (a followed table's cleanup step with its first follow).
        var steps = Rows("sdkmessageprocessingstep").Where(s => s.GetAttributeValue<string>("name")?.StartsWith("Rapport follow cleanup: ", StringComparison.Ordinal) != true).Select(s => s.Id).ToList();
        var packedPluginSteps = _zip.Steps.Where(s => _zip.PluginTypes.Any(t => t.TypeName == s.PluginType)).Select(s => s.Id).ToList();
        Assert.That(packedPluginSteps, Is.Not.Empty);
        Assert.That(steps, Is.EquivalentTo(packedPluginSteps), "every step of the zip, and no other");
        Assert.That(Rows("plugintype").Select(t => t.Id), Is.SupersetOf(_zip.PluginTypes.Select(t => t.Id)));
    }

    [Test]
    public void Plugin_types_come_from_the_zip_bytes_not_from_the_test_build()
    {
        Assert.That(_zipPlugins.Location, Is.Empty, "loaded from bytes, not from a file");
        var context = AssemblyLoadContext.GetLoadContext(_zipPlugins)!;
        Assert.That(context, Is.Not.SameAs(AssemblyLoadContext.Default));
        Assert.That((context.Name, context.IsCollectible), Is.EqualTo(("solution:Rapport", true)), "the importer's context for this solution");
        Assert.That(AssemblyLoadContext.Default.Assemblies.Select(a => a.GetName().Name), Has.No.Member(RapportSolution.PluginsAssembly),
            "the test process has no Rapport.Plugins of its own, so any Rapport plugin that runs is the zip's");
        Assert.That(_zipPlugins.GetName().FullName, Is.EqualTo(_zip.AssemblyFullNames[RapportSolution.PluginsAssembly]));
        Assert.That(_zipPlugins.GetType("Rapport.Plugins.Clv.GiftTransactionPlugin"), Is.Not.Null);
    }

    [Test]
    public void A_gift_updates_the_donors_clv_summary_through_the_zip_plugin()
    {
        var donor = Service.Create(new Entity("contact") { ["lastname"] = "Donor", ["fullname"] = "Donor" });
        _env.StepLog.Clear();

        Gift(donor, 120m, Today.AddDays(-30));
        Gift(donor, 80m, Today.AddDays(-3));

        var contact = Service.Retrieve("contact", donor, new ColumnSet("rapport_transactioncount", "rapport_totalvalue", "rapport_largestgift"));
        Assert.Multiple(() =>
        {
            Assert.That(_env.StepLog.Runs.Where(r => r.PluginType == "Rapport.Plugins.Clv.GiftTransactionPlugin" && r.Message == "Create").Count(s => s.Succeeded), Is.EqualTo(2));
            Assert.That(contact.GetAttributeValue<int?>("rapport_transactioncount"), Is.EqualTo(2));
            Assert.That(contact.GetAttributeValue<Money>("rapport_totalvalue")?.Value, Is.EqualTo(200m));
            Assert.That(contact.GetAttributeValue<Money>("rapport_largestgift")?.Value, Is.EqualTo(120m));
        });
    }

    [Test]
    public void Follow_and_follow_state_custom_apis_run_from_the_zip()
    {
        var record = Service.Create(new Entity("contact") { ["lastname"] = "Followed", ["fullname"] = "Followed" });
        var follow = Service.Execute(new OrganizationRequest("rapport_Follow") { ["RecordTable"] = "contact", ["RecordId"] = record.ToString() });
        var state = Service.Execute(new OrganizationRequest("rapport_GetFollowState") { ["RecordTable"] = "contact", ["RecordId"] = record.ToString() });

        Assert.Multiple(() =>
        {
            Assert.That(follow.Results["AlreadyFollowing"], Is.False);
            Assert.That(Guid.TryParse(follow.Results["FollowId"] as string, out _), Is.True);
            Assert.That(state.Results["IsFollowing"], Is.True);
            Assert.That(state.Results["FollowerCount"], Is.EqualTo(1));
        });
    }

    private void Gift(Guid donor, decimal amount, DateTime day) =>
        Service.Create(new Entity("rapport_gift")
        {
            ["rapport_name"] = "Gift",
            ["rapport_donorid"] = new EntityReference("contact", donor),
            ["rapport_amount"] = new Money(amount),
            ["rapport_giftdate"] = day,
        });

    private List<Entity> Rows(string table) => Service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities.ToList();
}
