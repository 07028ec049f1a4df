using System;
using System.Activities;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace Rapport.Sdk.Tests;

/// <summary>
/// The emulator loads the net462 DLLs from the solution zip on .NET. A probe compiled against the framework's real
/// System.Activities and the net462 contract must bind to the test-runtime builds and run.
/// </summary>
[TestFixture]
public sealed class Net462BindingTests
{
    private static readonly Guid UserId = new("6f1b3c1e-0000-4000-8000-000000000004");

    private static Assembly Probe =>
        Assembly.LoadFrom(Path.Combine(ContractPaths.Root, "Tests", "Sdk.Tests", "Net462Probe", "bin", ContractPaths.Configuration, "net462", "Sdk.Tests.Net462Probe.dll"));

    [Test]
    public void A_net462_activity_built_against_the_real_System_Activities_runs_on_the_surrogate()
    {
        var activity = (Activity)Activator.CreateInstance(Probe.GetType("Rapport.Sdk.Tests.Net462Probe.EchoActivity", throwOnError: true)!)!;
        var invoker = new WorkflowInvoker(activity);
        invoker.Extensions.Add(Fakes.Workflow(UserId));

        var outputs = invoker.Invoke(new Dictionary<string, object?> { ["Text"] = "hi", ["Count"] = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(outputs["Echo"], Is.EqualTo("hix3"));
            Assert.That(outputs["Caller"], Is.EqualTo(new EntityReference("systemuser", UserId)));
            Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(activity, new Dictionary<string, object?>()));
        });
    }

    [Test]
    public void A_net462_plugin_built_against_the_contract_runs_on_the_test_runtime()
    {
        var plugin = (IPlugin)Activator.CreateInstance(Probe.GetType("Rapport.Sdk.Tests.Net462Probe.EchoPlugin", throwOnError: true)!)!;
        var target = new Entity("account") { ["name"] = "Contoso", ["revenue"] = new Money(7m) };
        var context = Fakes.Plugin(target);

        plugin.Execute(Fakes.Provider(context, new EmptyService()));

        Assert.That(context.OutputParameters["echo"], Is.EqualTo(7m));
    }

    private sealed class EmptyService : IOrganizationService
    {
        public Guid Create(Entity entity) => throw new NotSupportedException();

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();

        public void Update(Entity entity) => throw new NotSupportedException();

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException();

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException();

        public EntityCollection RetrieveMultiple(QueryBase query) => new() { EntityName = ((QueryExpression)query).EntityName };
    }
}
