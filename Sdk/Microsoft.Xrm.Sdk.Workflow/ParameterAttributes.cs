using System;

namespace Microsoft.Xrm.Sdk.Workflow;

// The label the process designer shows for an activity argument.
[AttributeUsage(AttributeTargets.Property)]
public abstract class ParameterAttribute : Attribute
{
    protected ParameterAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : ParameterAttribute
{
    public InputAttribute(string name)
        : base(name)
    {
    }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : ParameterAttribute
{
    public OutputAttribute(string name)
        : base(name)
    {
    }
}

// The table an EntityReference argument points at.
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReferenceTargetAttribute : Attribute
{
    public ReferenceTargetAttribute(string entityName)
    {
        EntityName = entityName;
    }

    public string EntityName { get; }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute : Attribute
{
    public DefaultAttribute(string value)
    {
        Value = value;
    }

    public DefaultAttribute(string value, string entityName)
        : this(value)
    {
        EntityName = entityName;
    }

    public string? EntityName { get; }

    public string Value { get; }
}

// The option-set column an OptionSetValue argument takes its choices from.
[AttributeUsage(AttributeTargets.Property)]
public sealed class AttributeTargetAttribute : Attribute
{
    public AttributeTargetAttribute(string entityName, string attributeName)
    {
        EntityName = entityName;
        AttributeName = attributeName;
    }

    public string EntityName { get; }

    public string AttributeName { get; }
}
