namespace System.Activities;

// WorkflowInvoker rejects a root activity whose required input is not supplied.
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredArgumentAttribute : Attribute
{
    public RequiredArgumentAttribute()
    {
    }
}
