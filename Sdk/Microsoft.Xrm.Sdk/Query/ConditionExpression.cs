using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

public sealed class ConditionExpression : IExtensibleDataObject
{
    public ConditionExpression()
    {
        Values = new DataCollection<object?>();
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object?[] values)
        : this(null, attributeName, conditionOperator, false, values)
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object?[] values)
        : this(entityName, attributeName, conditionOperator, false, values)
    {
    }

    public ConditionExpression(string? entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object?[] values)
        : this()
    {
        EntityName = entityName;
        AttributeName = attributeName;
        Operator = conditionOperator;
        CompareColumns = compareColumns;
        if (values is not null)
        {
            Values.AddRange(values);
        }
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object? value)
        : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value })
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object? value)
        : this(null, attributeName, conditionOperator, compareColumns, new[] { value })
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object?[] values)
        : this(null, attributeName, conditionOperator, compareColumns, values)
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object? value)
        : this(null, attributeName, conditionOperator, false, new[] { value })
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object? value)
        : this(entityName, attributeName, conditionOperator, false, new[] { value })
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
        : this(null, attributeName, conditionOperator, false, System.Array.Empty<object>())
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
        : this(entityName, attributeName, conditionOperator, false, System.Array.Empty<object>())
    {
    }

    // Each element becomes one value (e.g. a List<Guid> for In).
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
        : this()
    {
        AttributeName = attributeName;
        Operator = conditionOperator;
        if (values is not null)
        {
            foreach (var value in values)
            {
                Values.Add(value);
            }
        }
    }

    // Alias of a link-entity the condition applies to; null for the query's own table.
    public string? EntityName { get; set; }

    public bool CompareColumns { get; set; }

    public string AttributeName { get; set; } = null!;

    public ConditionOperator Operator { get; set; }

    public DataCollection<object?> Values { get; }

    public ExtensionDataObject? ExtensionData { get; set; }
}
