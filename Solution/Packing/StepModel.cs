using System;

namespace Rapport.Solution.Packing;

/// <summary>How a scanned step is named and identified in the solution: the Plugin Registration Tool's naming, stable ids.</summary>
public static class StepModel
{
    /// <summary>"Type: Message of table" as the Plugin Registration Tool names steps.</summary>
    public static string NameOf(string pluginType, ScannedStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return $"{pluginType}: {step.Message} of {(step.PrimaryEntity == "none" ? "any Entity" : step.PrimaryEntity)}";
    }

    /// <summary>The step's fixed Id when declared, else derived from type, message, table and stage.</summary>
    public static Guid IdOf(string pluginType, ScannedStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Guid.TryParse(step.Id, out var id)
            ? id
            : ComponentIds.For("step", $"{pluginType}|{step.Message}|{step.PrimaryEntity}|{step.Stage}");
    }

    public static Guid ImageIdOf(Guid stepId, string alias) => ComponentIds.For("image", $"{stepId}|{alias}");

    public static Guid PluginTypeIdOf(string fullName) => ComponentIds.For("plugintype", fullName);

    public static Guid AssemblyIdOf(string name) => ComponentIds.For("assembly", name);
}
