using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Solution.Packing;

/// <summary>Assemblies, plugin steps and images, workflow activities: read from the built assemblies' attributes.</summary>
public sealed partial class DeclarationValidator
{
    private static readonly int[] RegistrableStages = [10, 20, 40];

    private void CheckAssemblies()
    {
        foreach (var declared in definition.Assemblies.Where(d => !assemblies.Any(a => a.Name == d.Name)))
        {
            Problem($"Assembly '{declared.Name}' is declared but was not given to the packer.");
        }

        foreach (var assembly in assemblies)
        {
            if (!definition.Assemblies.Any(d => d.Name == assembly.Name))
            {
                Problem($"Assembly '{assembly.Name}' was given to the packer but is not declared in the solution.");
            }

            if (assembly.PublicKeyToken == "null")
            {
                Problem($"Assembly '{assembly.Name}' is not strong-named; Dataverse requires a signed plugin assembly.");
            }

            if (assembly.Bytes.Length > MaxAssemblyBytes)
            {
                Problem($"Assembly '{assembly.Name}' is {assembly.Bytes.Length} bytes; Dataverse accepts at most 16 MB.");
            }
        }

        var types = assemblies.SelectMany(a => a.Types).ToList();
        RequireUnique("plugin type", types.Select(t => t.FullName), StringComparer.Ordinal);
        var activities = types.Where(t => t.IsWorkflowActivity).ToList();
        foreach (var activity in activities.Where(a => string.IsNullOrWhiteSpace(a.FriendlyName) || string.IsNullOrWhiteSpace(a.Group)))
        {
            Problem($"Workflow activity '{activity.FullName}' needs a friendly name and a group ([WorkflowActivity]).");
        }

        RequireUnique("workflow activity name", activities.Select(a => a.Group + "/" + a.FriendlyName));
    }

    private void CheckSteps()
    {
        var stepIds = new List<string>();
        foreach (var type in assemblies.SelectMany(a => a.Types).Where(t => !t.IsWorkflowActivity))
        {
            foreach (var image in type.DeclaredImages.Where(i => !type.Steps.Any(s => s.Message == i.Message && (i.Stage == 0 || i.Stage == s.Stage))))
            {
                Problem($"{type.FullName}: image '{image.Alias}' is for {image.Message}{(image.Stage == 0 ? "" : $" stage {image.Stage}")}, which no [Step] on the class declares.");
            }

            RequireUnique($"step of {type.FullName}", type.Steps.Select(s => $"{s.Message} of {s.PrimaryEntity} at stage {s.Stage}"));
            foreach (var step in type.Steps)
            {
                CheckStep(type, step);
                stepIds.Add(StepModel.IdOf(type.FullName, step).ToString());
            }
        }

        RequireUnique("step id", stepIds);
    }

    private void CheckStep(ScannedType type, ScannedStep step)
    {
        var where = $"{type.FullName}: step {step.Message} of {step.PrimaryEntity} (stage {step.Stage})";
        if (!SdkMessages.TryGetId(step.Message, out _))
        {
            Problem($"{where}: unknown message '{step.Message}' (known: {string.Join(", ", SdkMessages.Names.Order(StringComparer.Ordinal))}).");
        }

        var hasTable = step.PrimaryEntity != "none";
        if (hasTable && !IsKnownTable(step.PrimaryEntity))
        {
            Problem($"{where}: unknown table '{step.PrimaryEntity}'.");
        }

        if (!RegistrableStages.Contains(step.Stage))
        {
            Problem($"{where}: stage must be PreValidation (10), PreOperation (20) or PostOperation (40).");
        }

        if (step.Mode is not (0 or 1))
        {
            Problem($"{where}: mode must be Synchronous (0) or Asynchronous (1).");
        }
        else if (step.Mode == 1 && step.Stage != 40)
        {
            Problem($"{where}: asynchronous steps must be PostOperation (40).");
        }

        if (step.Id.Length > 0 && !Guid.TryParse(step.Id, out _))
        {
            Problem($"{where}: Id '{step.Id}' is not a GUID.");
        }

        var columns = hasTable ? KnownColumns(step.PrimaryEntity) : null;
        foreach (var missing in Split(step.FilteringAttributes).Where(c => columns is not null && !columns.Contains(c)))
        {
            Problem($"{where}: filtering attribute '{missing}' is not a column of '{step.PrimaryEntity}'.");
        }

        foreach (var image in step.Images)
        {
            CheckImage(where, step, image, columns);
        }

        RequireUnique($"image alias on {where}", step.Images.Select(i => i.Alias), StringComparer.Ordinal);
    }

    private void CheckImage(string where, ScannedStep step, ScannedImage image, HashSet<string>? columns)
    {
        var pre = image.Kind is 0 or 2;
        var post = image.Kind is 1 or 2;
        if (image.Kind is < 0 or > 2)
        {
            Problem($"{where}: image '{image.Alias}' has an unknown kind ({image.Kind}).");
        }

        if (string.IsNullOrWhiteSpace(image.Alias))
        {
            Problem($"{where}: an image needs an alias.");
        }

        if (SdkMessages.ImagePropertyName(step.Message) is null)
        {
            Problem($"{where}: message {step.Message} takes no entity images.");
        }

        if (pre && step.Message == "Create")
        {
            Problem($"{where}: image '{image.Alias}': Create has no pre-image.");
        }

        if (post && step.Message == "Delete")
        {
            Problem($"{where}: image '{image.Alias}': Delete has no post-image.");
        }

        if (post && step.Stage != 40)
        {
            Problem($"{where}: image '{image.Alias}': post-images exist only in PostOperation (40).");
        }

        var attributes = Split(image.Attributes).ToList();
        if (attributes.Count == 0)
        {
            Problem($"{where}: image '{image.Alias}' lists no columns; name the columns the plugin reads.");
        }

        foreach (var missing in attributes.Where(c => columns is not null && !columns.Contains(c)))
        {
            Problem($"{where}: image '{image.Alias}' column '{missing}' is not a column of '{step.PrimaryEntity}'.");
        }
    }

    internal static IEnumerable<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
