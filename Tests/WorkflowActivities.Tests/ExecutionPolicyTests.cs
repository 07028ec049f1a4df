using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>The error policy plugins and activities share (one source file linked into both assemblies).</summary>
public sealed class ExecutionPolicyTests
{
    [Test]
    public void An_InvalidPluginExecutionException_passes_through_unchanged()
    {
        var refused = new InvalidPluginExecutionException("Give the record.");
        var trace = new TraceLines();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => ExecutionPolicy.Run("Step", trace, () => 2, () => throw refused))!;

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.SameAs(refused));
            Assert.That(trace.Text, Does.Contain("Step: exit after").And.Contain(" ms, 2 requests"));
        });
    }

    [Test]
    public void A_Dataverse_fault_is_traced_and_rethrown_as_a_failed_InvalidPluginExecutionException()
    {
        var trace = new TraceLines();
        var fault = new FaultException<OrganizationServiceFault>(new OrganizationServiceFault { ErrorCode = -2147220969, Message = "account does not exist" }, "account does not exist");

        var error = Assert.Throws<InvalidPluginExecutionException>(() => ExecutionPolicy.Run("Step", trace, () => 1, () => throw fault))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Step: account does not exist"));
            Assert.That(error.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(trace.Text, Does.Contain("Step: Dataverse fault -2147220969"));
        });
    }

    [Test]
    public void Any_other_exception_is_traced_in_full_and_rethrown_as_a_failed_InvalidPluginExecutionException()
    {
        var trace = new TraceLines();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => ExecutionPolicy.Run("Step", trace, () => 0, () => throw new InvalidOperationException("boom")))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Step failed: boom"));
            Assert.That(error.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(trace.Text, Does.Contain("Step: unexpected error: System.InvalidOperationException: boom"));
        });
    }
}
