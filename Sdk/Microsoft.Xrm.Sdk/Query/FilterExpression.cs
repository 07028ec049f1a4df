using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

public sealed class FilterExpression : IExtensibleDataObject
{
    public FilterExpression()
    {
        Conditions = new DataCollection<ConditionExpression>();
        Filters = new DataCollection<FilterExpression>();
    }

    public FilterExpression(LogicalOperator filterOperator)
        : this()
    {
        FilterOperator = filterOperator;
    }

    public LogicalOperator FilterOperator { get; set; }

    public string? FilterHint { get; set; }

    public DataCollection<ConditionExpression> Conditions { get; }

    public DataCollection<FilterExpression> Filters { get; }

    public bool IsQuickFindFilter { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object?[] values) =>
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object?[] values) =>
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object?[] values) =>
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object?[] values) =>
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object? value) =>
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object? value) =>
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));

    public void AddCondition(ConditionExpression condition) => Conditions.Add(condition);

    public FilterExpression AddFilter(LogicalOperator logicalOperator)
    {
        var child = new FilterExpression(logicalOperator);
        Filters.Add(child);
        return child;
    }

    public void AddFilter(FilterExpression childFilter) => Filters.Add(childFilter);
}
