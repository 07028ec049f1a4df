using System;

namespace Microsoft.Xrm.Sdk.Workflow;

// Custom API / plugin-type argument metadata; ArgumentValue is Value boxed.
[AttributeUsage(AttributeTargets.Property)]
public sealed class ArgumentEntityAttribute : Attribute
{
    public ArgumentEntityAttribute()
    {
    }

    public ArgumentEntityAttribute(string value)
    {
        Value = value;
    }

    public string? Value { get; set; }

    public object? ArgumentValue => Value;
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class ArgumentDescriptionAttribute : Attribute
{
    public ArgumentDescriptionAttribute()
    {
    }

    public ArgumentDescriptionAttribute(string value)
    {
        Value = value;
    }

    public string? Value { get; set; }

    public object? ArgumentValue => Value;
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class ArgumentRequiredAttribute : Attribute
{
    public ArgumentRequiredAttribute()
    {
    }

    public ArgumentRequiredAttribute(bool value)
    {
        Value = value;
    }

    public bool Value { get; set; }

    public object ArgumentValue => Value;
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class ArgumentDirectionAttribute : Attribute
{
    public ArgumentDirectionAttribute()
    {
    }

    public ArgumentDirectionAttribute(ArgumentDirection value)
    {
        Value = value;
    }

    public ArgumentDirection Value { get; set; }

    public object ArgumentValue => Value;
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class ArgumentTargetAttribute : Attribute
{
    public ArgumentTargetAttribute()
    {
    }

    public ArgumentTargetAttribute(bool value)
    {
        Value = value;
    }

    public bool Value { get; set; }

    public object ArgumentValue => Value;
}

public enum ArgumentDirection
{
    Input = 0,
    Output = 1,
}
