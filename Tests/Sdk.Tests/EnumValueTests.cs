using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace Rapport.Sdk.Tests;

/// <summary>
/// Enum values are compiled into callers, so a wrong one silently means another thing in production.
/// The tables are the real binaries' values, as Microsoft's API reference lists them per enum
/// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk).
/// </summary>
[TestFixture]
public sealed class EnumValueTests
{
    // Note 75-79: the compiled values, not the ones in Microsoft's doc comments.
    private static readonly (string Name, int Value)[] ConditionOperators =
    [
        ("Equal", 0),
        ("NotEqual", 1),
        ("GreaterThan", 2),
        ("LessThan", 3),
        ("GreaterEqual", 4),
        ("LessEqual", 5),
        ("Like", 6),
        ("NotLike", 7),
        ("In", 8),
        ("NotIn", 9),
        ("Between", 10),
        ("NotBetween", 11),
        ("Null", 12),
        ("NotNull", 13),
        ("Yesterday", 14),
        ("Today", 15),
        ("Tomorrow", 16),
        ("Last7Days", 17),
        ("Next7Days", 18),
        ("LastWeek", 19),
        ("ThisWeek", 20),
        ("NextWeek", 21),
        ("LastMonth", 22),
        ("ThisMonth", 23),
        ("NextMonth", 24),
        ("On", 25),
        ("OnOrBefore", 26),
        ("OnOrAfter", 27),
        ("LastYear", 28),
        ("ThisYear", 29),
        ("NextYear", 30),
        ("LastXHours", 31),
        ("NextXHours", 32),
        ("LastXDays", 33),
        ("NextXDays", 34),
        ("LastXWeeks", 35),
        ("NextXWeeks", 36),
        ("LastXMonths", 37),
        ("NextXMonths", 38),
        ("LastXYears", 39),
        ("NextXYears", 40),
        ("EqualUserId", 41),
        ("NotEqualUserId", 42),
        ("EqualBusinessId", 43),
        ("NotEqualBusinessId", 44),
        ("ChildOf", 45),
        ("Mask", 46),
        ("NotMask", 47),
        ("MasksSelect", 48),
        ("Contains", 49),
        ("DoesNotContain", 50),
        ("EqualUserLanguage", 51),
        ("NotOn", 52),
        ("OlderThanXMonths", 53),
        ("BeginsWith", 54),
        ("DoesNotBeginWith", 55),
        ("EndsWith", 56),
        ("DoesNotEndWith", 57),
        ("ThisFiscalYear", 58),
        ("ThisFiscalPeriod", 59),
        ("NextFiscalYear", 60),
        ("NextFiscalPeriod", 61),
        ("LastFiscalYear", 62),
        ("LastFiscalPeriod", 63),
        ("LastXFiscalYears", 64),
        ("LastXFiscalPeriods", 65),
        ("NextXFiscalYears", 66),
        ("NextXFiscalPeriods", 67),
        ("InFiscalYear", 68),
        ("InFiscalPeriod", 69),
        ("InFiscalPeriodAndYear", 70),
        ("InOrBeforeFiscalPeriodAndYear", 71),
        ("InOrAfterFiscalPeriodAndYear", 72),
        ("EqualUserTeams", 73),
        ("EqualUserOrUserTeams", 74),
        ("Under", 75),
        ("NotUnder", 76),
        ("UnderOrEqual", 77),
        ("Above", 78),
        ("AboveOrEqual", 79),
        ("EqualUserOrUserHierarchy", 80),
        ("EqualUserOrUserHierarchyAndTeams", 81),
        ("OlderThanXYears", 82),
        ("OlderThanXWeeks", 83),
        ("OlderThanXDays", 84),
        ("OlderThanXHours", 85),
        ("OlderThanXMinutes", 86),
        ("ContainValues", 87),
        ("DoesNotContainValues", 88),
    ];

    [Test]
    public void ConditionOperator_has_exactly_the_89_compiled_members()
    {
        var actual = Enum.GetValues<ConditionOperator>().Select(v => (v.ToString(), (int)v)).ToArray();

        Assert.That(actual, Is.EquivalentTo(ConditionOperators));
    }

    [Test]
    public void ConditionOperator_hierarchy_members_use_the_compiled_values_not_the_documented_ones()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)ConditionOperator.Under, Is.EqualTo(75));
            Assert.That((int)ConditionOperator.NotUnder, Is.EqualTo(76));
            Assert.That((int)ConditionOperator.UnderOrEqual, Is.EqualTo(77));
            Assert.That((int)ConditionOperator.Above, Is.EqualTo(78));
            Assert.That((int)ConditionOperator.AboveOrEqual, Is.EqualTo(79));
        });
    }

    [Test]
    public void Other_enums_match_the_real_values()
    {
        Assert.Multiple(() =>
        {
            AssertMembers<LogicalOperator>(("And", 0), ("Or", 1));
            AssertMembers<OrderType>(("Ascending", 0), ("Descending", 1));
            AssertMembers<JoinOperator>(
                ("Inner", 0), ("LeftOuter", 1), ("Natural", 2), ("MatchFirstRowUsingCrossApply", 3), ("In", 4),
                ("Exists", 5), ("Any", 6), ("NotAny", 7), ("All", 8), ("NotAll", 9));
            AssertMembers<EntityRole>(("Referencing", 0), ("Referenced", 1));
            AssertMembers<EntityState>(("Unchanged", 0), ("Created", 1), ("Changed", 2));
            AssertMembers<ConcurrencyBehavior>(("Default", 0), ("IfRowVersionMatches", 1), ("AlwaysOverwrite", 2));
            AssertMembers<OperationStatus>(("Failed", 0), ("Canceled", 1), ("Retry", 2), ("Suspended", 3), ("Succeeded", 4));
            AssertMembers<PluginHttpStatusCode>(
                ("NotSet", 0), ("BadRequest", 400), ("Unauthorized", 401), ("Forbidden", 403), ("NotFound", 404),
                ("MethodNotAllowed", 405), ("RequestTimeout", 408), ("Conflict", 409), ("Gone", 410),
                ("PreconditionFailed", 412), ("RequestEntityTooLarge", 413), ("FailedDependency", 424),
                ("TooManyRequests", 429), ("InternalServerError", 500), ("BadGateway", 502),
                ("ServiceUnavailable", 503), ("GatewayTimeout", 504));
            AssertMembers<ArgumentDirection>(("Input", 0), ("Output", 1));
        });
    }

    private static void AssertMembers<TEnum>(params (string Name, int Value)[] expected)
        where TEnum : struct, Enum
    {
        var actual = Enum.GetValues<TEnum>().Select(v => (v.ToString(), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.That(actual, Is.EquivalentTo(expected), typeof(TEnum).Name);
    }
}
