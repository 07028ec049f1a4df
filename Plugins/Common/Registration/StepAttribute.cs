using System;

namespace Rapport.Plugins.Registration;

/// <summary>
/// Declares one step of a plugin: the packer emits its registration from this, the emulator runs the pipeline
/// from it and the plugin base refuses to run outside it. Declare each step exactly once.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class StepAttribute : Attribute
{
    public StepAttribute(string message, string primaryEntity, Stage stage, StepMode mode)
    {
        Message = message;
        PrimaryEntity = primaryEntity;
        Stage = stage;
        Mode = mode;
    }

    /// <summary>SDK message name (Create, Update, Delete, Assign, Merge, SetState, ...).</summary>
    public string Message { get; }

    /// <summary>Table logical name, or "none" for messages without a table.</summary>
    public string PrimaryEntity { get; }

    public Stage Stage { get; }

    public StepMode Mode { get; }

    /// <summary>Execution order among steps of the same event; lowest first.</summary>
    public int Rank { get; set; } = 1;

    /// <summary>Comma-separated columns; the step runs on Update only when one of them is in Target. Empty: any column.</summary>
    public string FilteringAttributes { get; set; } = "";

    /// <summary>Fixed step id (GUID text). Empty: the packer derives a stable id from the step's name.</summary>
    public string Id { get; set; } = "";

    /// <summary>Unsecure configuration handed to the plugin's constructor.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Delete the async system job when it succeeds (async steps only).</summary>
    public bool AsyncAutoDelete { get; set; } = true;
}
