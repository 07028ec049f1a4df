using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData.Edm;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.LocalEnvironment.WebApi.OData;

/// <summary>
/// Dataverse's query functions (learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/queryfunctions):
/// $filter=Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=7). Each maps to the condition
/// operator of the same name that the emulator's query engine evaluates; Under/UnderOrEqual/NotUnder are resolved over
/// the table's hierarchy here. Declared bound to crmbaseentity so Microsoft.OData's $filter binder resolves them on
/// the row being filtered.
/// </summary>
internal static class QueryFunctions
{
    /// <summary>Functions with PropertyName only.</summary>
    private static readonly Dictionary<string, ConditionOperator> NoValue = new(StringComparer.Ordinal)
    {
        ["Today"] = ConditionOperator.Today, ["Yesterday"] = ConditionOperator.Yesterday, ["Tomorrow"] = ConditionOperator.Tomorrow,
        ["Last7Days"] = ConditionOperator.Last7Days, ["Next7Days"] = ConditionOperator.Next7Days,
        ["ThisMonth"] = ConditionOperator.ThisMonth, ["LastMonth"] = ConditionOperator.LastMonth,
        ["ThisYear"] = ConditionOperator.ThisYear, ["LastYear"] = ConditionOperator.LastYear,
        ["EqualUserId"] = ConditionOperator.EqualUserId, ["NotEqualUserId"] = ConditionOperator.NotEqualUserId,
        ["EqualBusinessId"] = ConditionOperator.EqualBusinessId,
    };

    /// <summary>Functions with PropertyName and a whole-number PropertyValue.</summary>
    private static readonly Dictionary<string, ConditionOperator> Counted = new(StringComparer.Ordinal)
    {
        ["LastXDays"] = ConditionOperator.LastXDays, ["NextXDays"] = ConditionOperator.NextXDays,
        ["LastXHours"] = ConditionOperator.LastXHours, ["NextXHours"] = ConditionOperator.NextXHours,
        ["LastXMonths"] = ConditionOperator.LastXMonths, ["NextXMonths"] = ConditionOperator.NextXMonths,
        ["LastXYears"] = ConditionOperator.LastXYears, ["NextXYears"] = ConditionOperator.NextXYears,
        ["OlderThanXDays"] = ConditionOperator.OlderThanXDays, ["OlderThanXMonths"] = ConditionOperator.OlderThanXMonths,
    };

    /// <summary>Functions with PropertyName and a text PropertyValue (a date or a record id).</summary>
    private static readonly Dictionary<string, ConditionOperator> Valued = new(StringComparer.Ordinal)
    {
        ["On"] = ConditionOperator.On, ["NotOn"] = ConditionOperator.NotOn,
        ["OnOrAfter"] = ConditionOperator.OnOrAfter, ["OnOrBefore"] = ConditionOperator.OnOrBefore,
        ["Under"] = ConditionOperator.Under, ["UnderOrEqual"] = ConditionOperator.UnderOrEqual, ["NotUnder"] = ConditionOperator.NotUnder,
    };

    /// <summary>Functions with PropertyName and PropertyValues (a collection).</summary>
    private static readonly Dictionary<string, ConditionOperator> Listed = new(StringComparer.Ordinal)
    {
        ["In"] = ConditionOperator.In, ["NotIn"] = ConditionOperator.NotIn,
        ["Between"] = ConditionOperator.Between, ["NotBetween"] = ConditionOperator.NotBetween,
    };

    public static void AddTo(EdmModel model, IEdmEntityType baseType)
    {
        var core = EdmCoreModel.Instance;
        void Add(string name, string? valueName, IEdmTypeReference? valueType)
        {
            var function = new EdmFunction(EdmModelFactory.Namespace, name, core.GetBoolean(false), isBound: true, entitySetPathExpression: null, isComposable: false);
            function.AddParameter("bindingParameter", new EdmEntityTypeReference(baseType, false));
            function.AddParameter("PropertyName", core.GetString(false));
            if (valueName is not null)
            {
                function.AddParameter(valueName, valueType!);
            }

            model.AddElement(function);
        }

        foreach (var name in NoValue.Keys)
        {
            Add(name, null, null);
        }

        foreach (var name in Counted.Keys)
        {
            Add(name, "PropertyValue", core.GetInt64(false));
        }

        foreach (var name in Valued.Keys)
        {
            Add(name, "PropertyValue", core.GetString(false));
        }

        foreach (var name in Listed.Keys)
        {
            Add(name, "PropertyValues", new EdmCollectionTypeReference(new EdmCollectionType(core.GetString(false))));
        }
    }

    /// <summary>The condition operator a query function stands for; null for a name that is not one.</summary>
    public static ConditionOperator? Operator(string qualifiedName)
    {
        var name = qualifiedName.StartsWith(EdmModelFactory.Namespace + ".", StringComparison.Ordinal) ? qualifiedName[(EdmModelFactory.Namespace.Length + 1)..] : qualifiedName;
        foreach (var map in new[] { NoValue, Counted, Valued, Listed })
        {
            if (map.TryGetValue(name, out var op))
            {
                return op;
            }
        }

        return null;
    }

    public static bool IsHierarchy(ConditionOperator op) => op is ConditionOperator.Under or ConditionOperator.UnderOrEqual or ConditionOperator.NotUnder;

    public static IEnumerable<string> Names => NoValue.Keys.Concat(Counted.Keys).Concat(Valued.Keys).Concat(Listed.Keys);
}
