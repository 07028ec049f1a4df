using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Solution.Declarations;
using Rapport.Solution.Declarations.Security;
using Rapport.Solution.Declarations.Tables;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security.Tests;

/// <summary>The solution's own roles load into the emulator and act as declared.</summary>
public sealed class RapportRolesTests
{
    [Test]
    public void Rapport_User_reads_its_units_gifts_writes_only_its_own_and_reads_every_model()
    {
        var solution = RapportSolution.Build("1.0.0.0");
        var env = new DataverseEmulator(solution);
        env.Security.LoadRoles(solution.Roles);
        var sales = env.Security.CreateBusinessUnit("Sales");
        var ann = env.Security.CreateUser("Ann Actor", sales, RapportRoles.User);
        var bob = env.Security.CreateUser("Bob Colleague", sales, RapportRoles.User);
        var dee = env.Security.CreateUser("Dee Other", env.Security.CreateBusinessUnit("Support"), RapportRoles.User);
        var bobsGift = Gift(env, bob, "Bob's gift");
        Gift(env, dee, "Dee's gift");
        var model = env.SystemService.Create(new Entity(ClvTables.Model) { ["rapport_name"] = "BG/NBD" });
        var service = env.AsUser(ann);

        var gifts = service.RetrieveMultiple(new QueryExpression(ClvTables.Gift) { ColumnSet = new ColumnSet("rapport_name") })
            .Entities.Select(e => e.GetAttributeValue<string>("rapport_name"));

        Assert.That(gifts, Is.EquivalentTo(new[] { "Bob's gift" }));
        Assert.That(SecurityWorld.Denial(() => service.Update(new Entity(ClvTables.Gift, bobsGift) { ["rapport_name"] = "x" }))?.Message,
            Does.Contain("does not have WriteAccess right(s)"));
        Assert.That(SecurityWorld.Denial(() => service.Retrieve(ClvTables.Model, model, new ColumnSet("rapport_name"))), Is.Null);
    }

    [Test]
    public void Rapport_User_writes_feed_content_but_cannot_read_the_feed_settings_secret()
    {
        var solution = RapportSolution.Build("1.0.0.0");
        var env = new DataverseEmulator(solution);
        env.Security.LoadRoles(solution.Roles);
        var ann = env.Security.CreateUser("Ann Actor", env.Security.CreateBusinessUnit("Sales"), RapportRoles.User);
        var settings = env.SystemService.Create(new Entity(FeedTables.FeedSettings) { ["rapport_name"] = "default" });
        var user = solution.Roles.Single(r => r.Name == RapportRoles.User);
        var service = env.AsUser(ann);

        Assert.That(user.Privileges.Where(p => p.Table == FeedTables.Post).Select(p => p.Privilege),
            Is.SupersetOf(new[] { PrivilegeType.Create, PrivilegeType.Read, PrivilegeType.Write }));
        Assert.That(user.Privileges.Where(p => p.Table == FeedTables.FeedSettings), Is.Empty);
        Assert.That(SecurityWorld.Denial(() => service.Retrieve(FeedTables.FeedSettings, settings, new ColumnSet(true)))?.Message,
            Does.Contain("prvReadrapport_feedsettings"));
        Assert.That(SecurityWorld.Denial(() => service.RetrieveMultiple(new QueryExpression(FeedTables.FeedSettings) { ColumnSet = new ColumnSet(true) }))?.Message,
            Does.Contain("prvReadrapport_feedsettings"), "a query of a table without Read is refused, not empty");
    }

    private static System.Guid Gift(DataverseEmulator env, System.Guid owner, string name)
    {
        var contact = env.SystemService.Create(new Entity("contact") { ["lastname"] = "Donor" });
        return env.SystemService.Create(new Entity(ClvTables.Gift)
        {
            ["rapport_name"] = name,
            ["rapport_donorid"] = new EntityReference("contact", contact),
            ["rapport_amount"] = new Money(10m),
            ["rapport_giftdate"] = DataverseEmulator.DefaultStart,
            ["ownerid"] = new EntityReference("systemuser", owner),
        });
    }
}
