extern alias wf;

using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Services.Engagement;
using wf::Rapport.WorkflowActivities.Engagement;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;
using WorkflowActivityAttribute = wf::Rapport.Plugins.Registration.WorkflowActivityAttribute;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>The four engagement activities through the WorkflowInvoker, outputs asserted, and their designer metadata by reflection.</summary>
public sealed class ActivityTests
{
    private W _world = null!;
    private EntityReference _ann = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new W();
        _ann = _world.Contact("Ann", clv: 2000m);
    }

    [Test]
    public void Record_then_get_score_returns_the_stored_score_and_its_top_components()
    {
        var recorded = WorkflowHost.Run(_world, new RecordSocialInteractionActivity(), new() { ["Contact"] = _ann, ["Channel"] = "twitter", ["Kind"] = "Share", ["OccurredOn"] = W.Now.AddDays(-90) });
        WorkflowHost.Run(_world, new RecordSocialInteractionActivity(), new() { ["Contact"] = _ann, ["Channel"] = "facebook", ["Kind"] = "like", ["Sentiment"] = "positive" });

        var score = WorkflowHost.Run(_world, new GetEngagementScoreActivity(), new() { ["Contact"] = _ann, ["TopCount"] = 2 });

        var stored = _world.Read(_ann);
        var interaction = (EntityReference)recorded["Interaction"]!;
        Assert.Multiple(() =>
        {
            Assert.That(_world.Read(interaction).GetAttributeValue<OptionSetValue>("rapport_channel")!.Value, Is.EqualTo(107850002), "twitter is read as x");
            Assert.That(score["RawPoints"], Is.EqualTo(1.5 + 1.5).Within(1e-9), "share 3 × 0.5 (one half-life) + like 1 × 1.5 (positive, now)");
            Assert.That(score["Score"], Is.EqualTo(stored.GetAttributeValue<double>("rapport_engagementscore")));
            Assert.That(score["TopComponent"], Is.EqualTo("like"), "equal points: ordered by kind");
            Assert.That((string)score["TopComponents"]!, Does.Match(@"^like [\d.]+, share [\d.]+$"));
            Assert.That((string)score["ComponentsJson"]!, Does.Contain("\"kind\":\"share\""));
        });
    }

    [Test]
    public void Record_social_interaction_refuses_an_unknown_kind_and_writes_nothing()
    {
        var error = Assert.Throws<InvalidPluginExecutionException>(() =>
            WorkflowHost.Run(_world, new RecordSocialInteractionActivity(), new() { ["Contact"] = _ann, ["Channel"] = "facebook", ["Kind"] = "poke" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Kind 'poke' is not a known interaction kind"));
            Assert.That(_world.Count(EngagementSchema.Interaction), Is.Zero);
        });
    }

    [Test]
    public void Assign_level_moves_the_contact_and_reports_the_tasks()
    {
        var level = _world.Service.Create(new Entity(EngagementSchema.Level)
        {
            ["rapport_name"] = "Major donor",
            ["rapport_ladder"] = "Donors",
            ["rapport_source"] = new OptionSetValue(107850000),
            ["rapport_rank"] = 1,
            ["rapport_minimum"] = 1000m,
            ["rapport_plantasks"] = "3 | High | Call",
        });

        var outputs = WorkflowHost.Run(_world, new AssignLevelActivity(), new() { ["Contact"] = _ann });

        Assert.Multiple(() =>
        {
            Assert.That(((EntityReference)outputs["Level"]!).Id, Is.EqualTo(level));
            Assert.That(outputs["Moved"], Is.True);
            Assert.That(outputs["Move"], Is.EqualTo("Up"));
            Assert.That(outputs["TasksCreated"], Is.EqualTo(1));
            Assert.That(_world.Count(EngagementSchema.LevelHistory), Is.EqualTo(1));
        });
    }

    [Test]
    public void Calculate_social_roi_returns_each_part_and_the_total()
    {
        var programme = new EntityReference(EngagementSchema.Programme, _world.Service.Create(new Entity(EngagementSchema.Programme)
        {
            ["rapport_name"] = "Summer",
            ["rapport_marginperredemption"] = new Money(25m),
        }));
        _world.Service.Create(new Entity(EngagementSchema.CostItem) { ["rapport_name"] = "Ads", ["rapport_programmeid"] = programme, ["rapport_amount"] = new Money(40m) });
        _world.Interaction(_ann, W.CouponRedemption, W.Now.AddDays(-2), with: r => r["rapport_programmeid"] = programme);
        _world.Interaction(_ann, W.CouponRedemption, W.Now.AddDays(-1), with: r => r["rapport_programmeid"] = programme);

        var outputs = WorkflowHost.Run(_world, new CalculateSocialRoiActivity(), new() { ["Programme"] = programme, ["From"] = W.Now.AddDays(-30), ["To"] = W.Now });

        Assert.Multiple(() =>
        {
            Assert.That(((Money)outputs["OfferProfit"]!).Value, Is.EqualTo(50m));
            Assert.That(((Money)outputs["ReferralValue"]!).Value, Is.Zero);
            Assert.That(((Money)outputs["ClvLift"]!).Value, Is.Zero, "no non-engaged peer");
            Assert.That(((Money)outputs["ServiceSavings"]!).Value, Is.Zero);
            Assert.That(((Money)outputs["TotalGains"]!).Value, Is.EqualTo(50m));
            Assert.That(((Money)outputs["Cost"]!).Value, Is.EqualTo(40m));
            Assert.That(outputs["Roi"], Is.EqualTo(0.25m));
            Assert.That(outputs["RoiDefined"], Is.True);
        });
    }

    [TestCase(typeof(RecordSocialInteractionActivity), "Record Social Interaction")]
    [TestCase(typeof(GetEngagementScoreActivity), "Get Engagement Score")]
    [TestCase(typeof(AssignLevelActivity), "Assign Level")]
    [TestCase(typeof(CalculateSocialRoiActivity), "Calculate Social ROI")]
    public void Each_activity_is_in_the_Rapport_group_and_every_argument_is_labelled(Type type, string friendlyName)
    {
        var registration = type.GetCustomAttribute<WorkflowActivityAttribute>()!;
        var arguments = type.GetProperties().Where(p => typeof(Argument).IsAssignableFrom(p.PropertyType)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(registration.FriendlyName, Is.EqualTo(friendlyName));
            Assert.That(registration.Group, Is.EqualTo("Rapport"));
            Assert.That(type.BaseType!.Name, Is.EqualTo("ActivityBase"));
            foreach (var argument in arguments)
            {
                var isInput = argument.PropertyType.GetGenericTypeDefinition() == typeof(InArgument<>);
                Assert.That(isInput ? argument.GetCustomAttribute<InputAttribute>() is not null : argument.GetCustomAttribute<OutputAttribute>() is not null, Is.True, argument.Name);
                if (argument.PropertyType.GetGenericArguments()[0] == typeof(EntityReference))
                {
                    Assert.That(argument.GetCustomAttribute<ReferenceTargetAttribute>(), Is.Not.Null, argument.Name + " names its table");
                }
            }
        });
    }

    [Test]
    public void Required_defaults_and_reference_targets_are_declared_where_the_designer_needs_them()
    {
        static T? On<T>(Type type, string property)
            where T : Attribute => type.GetProperty(property)!.GetCustomAttribute<T>();

        Assert.Multiple(() =>
        {
            Assert.That(On<RequiredArgumentAttribute>(typeof(RecordSocialInteractionActivity), "Channel"), Is.Not.Null);
            Assert.That(On<RequiredArgumentAttribute>(typeof(RecordSocialInteractionActivity), "Kind"), Is.Not.Null);
            Assert.That(On<RequiredArgumentAttribute>(typeof(CalculateSocialRoiActivity), "From"), Is.Not.Null);
            Assert.That(On<RequiredArgumentAttribute>(typeof(CalculateSocialRoiActivity), "To"), Is.Not.Null);
            Assert.That(On<DefaultAttribute>(typeof(GetEngagementScoreActivity), "TopCount")!.Value, Is.EqualTo("3"));
            Assert.That(On<DefaultAttribute>(typeof(RecordSocialInteractionActivity), "Rating")!.Value, Is.EqualTo("0"));
            Assert.That(On<ReferenceTargetAttribute>(typeof(CalculateSocialRoiActivity), "Programme")!.EntityName, Is.EqualTo("rapport_socialprogramme"));
            Assert.That(On<ReferenceTargetAttribute>(typeof(AssignLevelActivity), "Level")!.EntityName, Is.EqualTo("rapport_level"));
            Assert.That(On<ReferenceTargetAttribute>(typeof(RecordSocialInteractionActivity), "Interaction")!.EntityName, Is.EqualTo("rapport_socialinteraction"));
        });
    }

    [Test]
    public void The_activities_hold_no_state()
    {
        var types = new[] { typeof(RecordSocialInteractionActivity), typeof(GetEngagementScoreActivity), typeof(AssignLevelActivity), typeof(CalculateSocialRoiActivity) };

        Assert.That(types.SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains("k__BackingField", StringComparison.Ordinal)), Is.Empty);
    }
}
