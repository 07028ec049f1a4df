using System;

namespace Rapport.Plugins.Registration;

/// <summary>How a custom workflow activity appears in the classic designer: its friendly name under a group.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class WorkflowActivityAttribute : Attribute
{
    public WorkflowActivityAttribute(string friendlyName)
    {
        FriendlyName = friendlyName;
    }

    public string FriendlyName { get; }

    public string Group { get; set; } = "Rapport";

    public string Description { get; set; } = "";
}
