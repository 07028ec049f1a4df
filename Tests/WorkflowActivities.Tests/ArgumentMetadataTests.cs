using System;
using System.Activities;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Clv;
using Rapport.WorkflowActivities.Clv;
using Rapport.WorkflowActivities.Common;
using Rapport.WorkflowActivities.Feed;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>
/// What the classic designer shows is read from the activities' attributes by reflection: the friendly name and group,
/// and for each argument its label, direction, type, target table, default and required marker. These tests pin what
/// we promise designers.
/// </summary>
public sealed class ArgumentMetadataTests
{
    /// <summary>Each of our activities: friendly name, then every argument as "Property: in|out Type 'Label' [required] [-> table] [options table.column] [default value]".</summary>
    public static readonly IReadOnlyDictionary<Type, (string Name, string[] Arguments)> Promised = new Dictionary<Type, (string, string[])>
    {
        [typeof(FollowRecordActivity)] = ("Follow Record",
        [
            "RecordUrl: in String 'Record URL' required",
            "FollowerUser: in EntityReference 'Follower User' -> systemuser",
            "FollowerTeam: in EntityReference 'Follower Team' -> team",
            "Follow: out EntityReference 'Follow' -> rapport_follow",
            "AlreadyFollowing: out Boolean 'Already Following'",
        ]),
        [typeof(UnfollowRecordActivity)] = ("Unfollow Record",
        [
            "RecordUrl: in String 'Record URL' required",
            "FollowerUser: in EntityReference 'Follower User' -> systemuser",
            "FollowerTeam: in EntityReference 'Follower Team' -> team",
            "Removed: out Boolean 'Removed'",
        ]),
        [typeof(GetFollowerCountActivity)] = ("Get Follower Count",
        [
            "RecordUrl: in String 'Record URL' required",
            "FollowerUser: in EntityReference 'Follower User' -> systemuser",
            "FollowerTeam: in EntityReference 'Follower Team' -> team",
            "FollowerCount: out Int32 'Follower Count'",
            "IsFollowing: out Boolean 'Is Following'",
            "IsTracked: out Boolean 'Is Tracked'",
        ]),
        [typeof(PostToFeedActivity)] = ("Post to Feed",
        [
            "RecordUrl: in String 'Record URL' required",
            "Text: in String 'Text' required",
            "MentionUser: in EntityReference 'Mention User' -> systemuser",
            "PostAsSystem: in Boolean 'Post as System' default False",
            "Post: out EntityReference 'Post' -> rapport_post",
            "PlainText: out String 'Plain Text'",
        ]),
        [typeof(BuildFeedDigestActivity)] = ("Build Feed Digest",
        [
            "User: in EntityReference 'User' required -> systemuser",
            "Days: in Int32 'Days' default 1",
            "PeriodEnd: in DateTime 'Period End'",
            "Subject: out String 'Subject'",
            "Html: out String 'HTML'",
            "PlainText: out String 'Plain Text'",
            "ItemCount: out Int32 'Item Count'",
            "RecordCount: out Int32 'Record Count'",
        ]),
        [typeof(CalculateClvActivity)] = ("Calculate Customer Lifetime Value",
        [
            "Contact: in EntityReference 'Contact' -> contact",
            "Account: in EntityReference 'Account' -> account",
            "LifetimeValue: out Money 'Customer Lifetime Value'",
            "LifetimeValueLow: out Money 'CLV Low (90%)'",
            "LifetimeValueHigh: out Money 'CLV High (90%)'",
            "ProbabilityAlive: out Double 'Probability Alive'",
            "ExpectedTransactions: out Double 'Expected Transactions (12 months)'",
            "ScoredOn: out DateTime 'Scored On'",
            "IsScored: out Boolean 'Is Scored'",
            "Segment: out String 'Segment'",
            "ModelKind: out String 'Model Kind'",
            "RetentionRate: out Double 'Retention Rate'",
            "GuptaLehmannClv: out Money 'Gupta-Lehmann CLV'",
            "DonorLifetimeValue: out Money 'Donor Lifetime Value'",
        ]),
        [typeof(CalculateSegmentValueActivity)] = ("Calculate Segment Value",
        [
            "Segment: in OptionSetValue 'Segment' required options contact.rapport_segment default 107850000",
            "Customers: out Int32 'Customers'",
            "RetentionRate: out Double 'Retention Rate'",
            "GuptaLehmannClv: out Money 'Gupta-Lehmann CLV'",
            "DonorLifetimeValue: out Money 'Donor Lifetime Value'",
            "SegmentGuptaLehmannClv: out Money 'Segment Gupta-Lehmann CLV'",
            "SegmentDonorLifetimeValue: out Money 'Segment Donor Lifetime Value'",
            "Explanation: out String 'Explanation'",
        ]),
        [typeof(FitClvModelActivity)] = ("Fit CLV Model",
        [
            "ModelKind: in OptionSetValue 'Model Kind' required options rapport_clvmodel.rapport_kind default 107850000",
            "SampleCap: in Int32 'Sample Cap' default 50000",
            "Model: out EntityReference 'Model' -> rapport_clvmodel",
            "LogLikelihood: out Double 'Log-Likelihood'",
            "SampleSize: out Int32 'Sample Size'",
            "HoldoutError: out Double 'Holdout Error'",
            "HoldoutMeasured: out Boolean 'Holdout Measured'",
            "HoldoutSummary: out String 'Holdout Summary'",
            "Verdict: out String 'Verdict'",
            "VerdictReasons: out String 'Verdict Reasons'",
            "Converged: out Boolean 'Converged'",
            "Iterations: out Int32 'Iterations'",
            "StandardErrorsFinite: out Boolean 'Standard Errors Finite'",
        ]),
    };

    public static IEnumerable<Type> OurActivities => Promised.Keys;

    /// <summary>Every activity in the assembly (ours and those of the other parts of Rapport).</summary>
    public static IEnumerable<Type> AllActivities =>
        typeof(ActivityBase).Assembly.GetTypes().Where(t => typeof(CodeActivity).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName);

    [TestCaseSource(nameof(OurActivities))]
    public void The_designer_shows_the_promised_arguments(Type activity) =>
        Assert.That(Arguments(activity).Select(Describe), Is.EqualTo(Promised[activity].Arguments));

    [TestCaseSource(nameof(OurActivities))]
    public void The_designer_lists_it_under_Rapport_with_its_friendly_name_and_a_description(Type activity)
    {
        var registration = activity.GetCustomAttribute<WorkflowActivityAttribute>()!;

        Assert.Multiple(() =>
        {
            Assert.That(registration.FriendlyName, Is.EqualTo(Promised[activity].Name));
            Assert.That(registration.Group, Is.EqualTo("Rapport"));
            Assert.That(registration.Description, Is.Not.Empty);
        });
    }

    [TestCaseSource(nameof(AllActivities))]
    public void Every_argument_has_one_label_of_its_direction_and_a_target_only_when_it_is_a_record(Type activity)
    {
        foreach (var argument in Arguments(activity))
        {
            var isInput = typeof(InArgument).IsAssignableFrom(argument.PropertyType);
            var valueType = argument.PropertyType.GetGenericArguments()[0];
            Assert.Multiple(() =>
            {
                Assert.That(argument.GetCustomAttributes<InputAttribute>().Count(), Is.EqualTo(isInput ? 1 : 0), $"{activity.Name}.{argument.Name} [Input]");
                Assert.That(argument.GetCustomAttributes<OutputAttribute>().Count(), Is.EqualTo(isInput ? 0 : 1), $"{activity.Name}.{argument.Name} [Output]");
                Assert.That(argument.GetCustomAttribute<ReferenceTargetAttribute>() is not null, Is.EqualTo(valueType == typeof(EntityReference)), $"{activity.Name}.{argument.Name} [ReferenceTarget]");
                Assert.That(argument.CanRead && argument.CanWrite, Is.True, $"{activity.Name}.{argument.Name}: the designer sets arguments");
                Assert.That(argument.GetValue(Activator.CreateInstance(activity)), Is.Not.Null, $"{activity.Name}.{argument.Name} starts unbound, not null");
            });
        }
    }

    [TestCaseSource(nameof(AllActivities))]
    public void Every_default_is_a_value_of_its_argument_type(Type activity)
    {
        foreach (var argument in Arguments(activity))
        {
            var fallback = argument.GetCustomAttribute<DefaultAttribute>();
            if (fallback is null)
            {
                continue;
            }

            var type = argument.PropertyType.GetGenericArguments()[0];
            var parses = type == typeof(int) ? int.TryParse(fallback.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                : type == typeof(bool) ? bool.TryParse(fallback.Value, out _)
                : type == typeof(double) || type == typeof(decimal) ? double.TryParse(fallback.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                : type == typeof(OptionSetValue) ? int.TryParse(fallback.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                : type == typeof(string);
            Assert.That(parses, Is.True, $"{activity.Name}.{argument.Name}: default '{fallback.Value}' is not a {type.Name}");
        }
    }

    [Test]
    public void The_defaults_are_what_the_activities_use_when_the_field_is_emptied()
    {
        string Default(Type type, string property) => type.GetProperty(property)!.GetCustomAttribute<DefaultAttribute>()!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(Default(typeof(BuildFeedDigestActivity), "Days"), Is.EqualTo(BuildFeedDigestActivity.DefaultDays.ToString(CultureInfo.InvariantCulture)));
            Assert.That(Default(typeof(FitClvModelActivity), "SampleCap"), Is.EqualTo(ClvModelFitter.DefaultSampleCap.ToString(CultureInfo.InvariantCulture)));
            Assert.That(ClvSchema.KindName(int.Parse(Default(typeof(FitClvModelActivity), "ModelKind"), CultureInfo.InvariantCulture)), Is.EqualTo("bgnbd"));
        });
    }

    private static IEnumerable<PropertyInfo> Arguments(Type activity) =>
        activity.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(Argument).IsAssignableFrom(p.PropertyType))
            .OrderBy(p => p.MetadataToken);

    private static string Describe(PropertyInfo argument)
    {
        var isInput = typeof(InArgument).IsAssignableFrom(argument.PropertyType);
        var label = isInput ? argument.GetCustomAttribute<InputAttribute>()?.Name : argument.GetCustomAttribute<OutputAttribute>()?.Name;
        var parts = new List<string> { $"{argument.Name}: {(isInput ? "in" : "out")} {argument.PropertyType.GetGenericArguments()[0].Name} '{label}'" };
        if (argument.GetCustomAttribute<RequiredArgumentAttribute>() is not null)
        {
            parts.Add("required");
        }

        if (argument.GetCustomAttribute<ReferenceTargetAttribute>() is { } target)
        {
            parts.Add("-> " + target.EntityName);
        }

        if (argument.GetCustomAttribute<AttributeTargetAttribute>() is { } options)
        {
            parts.Add($"options {options.EntityName}.{options.AttributeName}");
        }

        if (argument.GetCustomAttribute<DefaultAttribute>() is { } fallback)
        {
            parts.Add("default " + fallback.Value);
        }

        return string.Join(" ", parts);
    }
}
