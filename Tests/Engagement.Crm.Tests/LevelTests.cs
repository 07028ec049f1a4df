using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Plugins.Services.Engagement;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>Level moves on a CLV ladder keep their history and create the entered level's engagement plan tasks.</summary>
public sealed class LevelTests
{
    private W _world = null!;
    private Guid _friend;
    private Guid _patron;
    private Guid _patronLocal;

    [SetUp]
    public void SetUp()
    {
        _world = new W();
        _friend = Level("Friend", 0, 0m, 1000m, null, "");
        _patron = Level("Patron", 1, 1000m, null, null, "2 | High | Thank-you call\n14 | Invite to the donor evening");
        _patronLocal = Level("Patron (local)", 2, 1000m, null, "FR, BE", "7 | Normal | Visit");
    }

    [Test]
    public void Moving_up_records_history_and_creates_the_levels_tasks_and_staying_adds_nothing()
    {
        var ann = _world.Contact("Ann", clv: 400m);

        var first = Assign(ann);
        _world.Service.Update(new Entity("contact", ann.Id) { ["rapport_clv"] = new Money(2500m) });
        var second = Assign(ann);
        var again = Assign(ann);

        var history = Rows(EngagementSchema.LevelHistory);
        var tasks = Rows("task");
        var contact = _world.Read(ann);
        Assert.Multiple(() =>
        {
            Assert.That(first["LevelName"], Is.EqualTo("Friend"));
            Assert.That(first["Move"], Is.EqualTo("Up"));
            Assert.That(second["LevelName"], Is.EqualTo("Patron"));
            Assert.That(second["Move"], Is.EqualTo("Up"));
            Assert.That(second["TasksCreated"], Is.EqualTo(2));
            Assert.That(again["Move"], Is.EqualTo("None"));
            Assert.That(contact.GetAttributeValue<EntityReference>("rapport_levelid")!.Id, Is.EqualTo(_patron));
            Assert.That(contact.GetAttributeValue<DateTime>("rapport_levelsince"), Is.EqualTo(W.Now));
            Assert.That(history.Select(h => (h.GetAttributeValue<EntityReference>("rapport_fromlevelid")?.Id, h.GetAttributeValue<EntityReference>("rapport_tolevelid")!.Id)),
                Is.EquivalentTo(new (Guid?, Guid)[] { (null, _friend), (_friend, _patron) }));
            Assert.That(tasks.Select(t => (t.GetAttributeValue<string>("subject"), t.GetAttributeValue<DateTime>("scheduledend"), t.GetAttributeValue<OptionSetValue>("prioritycode")!.Value)),
                Is.EquivalentTo(new[] { ("Thank-you call", W.Now.Date.AddDays(2), 2), ("Invite to the donor evening", W.Now.Date.AddDays(14), 1) }));
            Assert.That(tasks.All(t => t.GetAttributeValue<EntityReference>("regardingobjectid")!.Id == ann.Id), Is.True);
        });
    }

    [Test]
    public void Geography_picks_the_local_level_and_a_fall_in_clv_moves_down_with_history()
    {
        var bea = _world.Contact("Bea", clv: 5000m, country: "fr");
        Assign(bea);
        _world.Service.Update(new Entity("contact", bea.Id) { ["rapport_clv"] = new Money(10m) });

        var down = Assign(bea);

        var moves = Rows(EngagementSchema.LevelHistory).OrderBy(h => h.GetAttributeValue<OptionSetValue>("rapport_move")!.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(down["Move"], Is.EqualTo("Down"));
            Assert.That(down["LevelName"], Is.EqualTo("Friend"));
            Assert.That(moves[0].GetAttributeValue<EntityReference>("rapport_tolevelid")!.Id, Is.EqualTo(_patronLocal), "up into the local level");
            Assert.That(moves[1].GetAttributeValue<EntityReference>("rapport_fromlevelid")!.Id, Is.EqualTo(_patronLocal));
            Assert.That(Rows("task").Select(t => t.GetAttributeValue<string>("subject")), Is.EquivalentTo(new[] { "Visit" }), "Friend has no plan tasks");
        });
    }

    private OrganizationResponse Assign(EntityReference customer) =>
        _world.Call("rapport_AssignLevel", ("RecordTable", customer.LogicalName), ("RecordId", customer.Id.ToString()));

    private Guid Level(string name, int rank, decimal min, decimal? max, string? countries, string tasks)
    {
        var row = new Entity(EngagementSchema.Level)
        {
            ["rapport_name"] = name,
            ["rapport_ladder"] = "Donors",
            ["rapport_source"] = new OptionSetValue(107850000),
            ["rapport_rank"] = rank,
            ["rapport_minimum"] = min,
            ["rapport_maximum"] = max,
            ["rapport_countries"] = countries,
            ["rapport_plantasks"] = tasks,
        };
        return _world.Service.Create(row);
    }

    private System.Collections.Generic.List<Entity> Rows(string table) =>
        _world.Service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities.ToList();
}
