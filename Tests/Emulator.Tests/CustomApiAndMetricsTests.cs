using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Tests;

public sealed class CustomApiAndMetricsTests : EmulatorTest
{
    [Test]
    public void Custom_api_runs_its_plugin_and_returns_declared_response_properties()
    {
        var response = Service.Execute(new OrganizationRequest("rapport_Echo") { ["Text"] = "ab", ["Times"] = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(response.Results["Result"], Is.EqualTo("ababab"));
            Assert.That(response.Results.ContainsKey("Undeclared"), Is.False);
            Assert.That(response.ResponseName, Is.EqualTo("rapport_Echo"));
            Assert.That(Env.StepLog.Runs.Last().Stage, Is.EqualTo(30));
        });
    }

    [Test]
    public void Custom_api_without_a_required_parameter_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new OrganizationRequest("rapport_Echo") { ["Times"] = 3 }));

    [Test]
    public void Custom_api_with_a_parameter_of_the_wrong_type_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new OrganizationRequest("rapport_Echo") { ["Text"] = "a", ["Times"] = "3" }));

    [Test]
    public void Custom_api_with_an_undeclared_parameter_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new OrganizationRequest("rapport_Echo") { ["Text"] = "a", ["Other"] = 1 }));

    [Test]
    public void Scope_counts_requests_including_nested_plugin_requests()
    {
        using (var scope = Env.Metrics.BeginScope())
        {
            Service.Create(new Entity("campaign") { ["name"] = "Spring" });
            Env.DrainAsyncQueue();
            Service.RetrieveMultiple(new QueryExpression("task"));

            Assert.Multiple(() =>
            {
                Assert.That(scope.Count, Is.EqualTo(3), "campaign create, the async plugin's task create, the query");
                Assert.That(scope.CountOf("Create"), Is.EqualTo(2));
                Assert.That(scope.Requests.Max(r => r.Depth), Is.EqualTo(2));
            });
        }

        Service.WhoAmIUser();
        Assert.That(Env.Metrics.Total, Is.EqualTo(4));
    }

    [Test]
    public void Metrics_group_by_table_and_caller_and_reset()
    {
        var user = Env.CreateUser("Ann Lee");
        Env.GetService(user).Create(new Entity("account") { ["name"] = "a" });

        Assert.Multiple(() =>
        {
            Assert.That(Env.Metrics.ByTable["account"], Is.EqualTo(1));
            Assert.That(Env.Metrics.ByCaller[user], Is.EqualTo(1));
        });
        Env.Metrics.Reset();
        Assert.That(Env.Metrics.Total, Is.Zero);
    }
}

internal static class ServiceExtensions
{
    public static void WhoAmIUser(this IOrganizationService service) => service.Execute(new OrganizationRequest("WhoAmI"));
}
