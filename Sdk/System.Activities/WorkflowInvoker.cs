using System.Activities.Hosting;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace System.Activities;

// The test host: runs one CodeActivity synchronously the way WF's WorkflowInvoker does. Inputs map to In/InOut
// argument properties by name (case-sensitive); the result holds every Out/InOut argument by name.
public sealed class WorkflowInvoker
{
    private const string RequirementsPrefix = "The values provided for the root activity's arguments did not satisfy the root activity's requirements:";
    private readonly Activity _workflow;

    public WorkflowInvoker(Activity workflow)
    {
        _workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
        Extensions = new WorkflowInstanceExtensionManager();
    }

    public WorkflowInstanceExtensionManager Extensions { get; }

    public static IDictionary<string, object?> Invoke(Activity workflow) => new WorkflowInvoker(workflow).Invoke();

    public static IDictionary<string, object?> Invoke(Activity workflow, IDictionary<string, object?> inputs) =>
        new WorkflowInvoker(workflow).Invoke(inputs);

    public static TResult Invoke<TResult>(Activity<TResult> workflow) => Invoke(workflow, new Dictionary<string, object?>());

    public static TResult Invoke<TResult>(Activity<TResult> workflow, IDictionary<string, object?> inputs) =>
        (TResult)new WorkflowInvoker(workflow).Invoke(inputs)["Result"]!;

    public IDictionary<string, object?> Invoke() => Invoke(new Dictionary<string, object?>());

    // Exceptions thrown by the activity propagate unwrapped, as in WF.
    public IDictionary<string, object?> Invoke(IDictionary<string, object?> inputs)
    {
        if (inputs is null)
        {
            throw new ArgumentNullException(nameof(inputs));
        }

        var arguments = DiscoverArguments(_workflow);
        var values = new Dictionary<Argument, object?>();
        BindInputs(arguments, inputs, values);

        var context = new CodeActivityContext(values, Extensions.CreateInstanceExtensions());
        switch (_workflow)
        {
            case CodeActivity activity:
                activity.Run(context);
                break;
            case Activity when FindGenericRun(_workflow) is { } run:
                var result = run.Invoke(_workflow, new object[] { context });
                values[arguments.Single(a => a.Name == "Result").Argument] = result;
                break;
            default:
                throw new NotSupportedException($"The test host runs CodeActivity and CodeActivity<TResult> only, not {_workflow.GetType().Name}.");
        }

        return arguments
            .Where(a => a.Argument is OutArgument or InOutArgument)
            .ToDictionary(a => a.Name, a => context.Read(a.Argument), StringComparer.Ordinal);
    }

    private void BindInputs(List<BoundArgument> arguments, IDictionary<string, object?> inputs, Dictionary<Argument, object?> values)
    {
        var inputArguments = arguments.Where(a => a.Argument is InArgument or InOutArgument).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var unknown = inputs.Keys.Where(key => !inputArguments.ContainsKey(key)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"{RequirementsPrefix}\n'{_workflow.DisplayName}': The following keys from the input dictionary do not map to arguments and must be removed: {string.Join(", ", unknown)}.  Please note that argument names are case sensitive.",
                "rootArgumentValues");
        }

        foreach (var input in inputArguments.Values)
        {
            if (inputs.TryGetValue(input.Name, out var value))
            {
                var type = input.Argument.ArgumentType;
                if (value is null ? type.IsValueType && Nullable.GetUnderlyingType(type) is null : !type.IsInstanceOfType(value))
                {
                    throw new ArgumentException($"Expected an input parameter value of type '{type}' for parameter named '{input.Name}'.", nameof(inputs));
                }

                values[input.Argument] = value;
            }
            else if (input.Required && !input.Argument.IsBound)
            {
                throw new ArgumentException(
                    $"{RequirementsPrefix}\n'{_workflow.DisplayName}': Value for a required activity argument '{input.Name}' was not supplied.",
                    "rootArgumentValues");
            }
        }
    }

    // Public argument properties; a null one gets a fresh argument, as WF's metadata pass does.
    private static List<BoundArgument> DiscoverArguments(Activity activity)
    {
        var found = new List<BoundArgument>();
        foreach (var property in activity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!typeof(Argument).IsAssignableFrom(property.PropertyType) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var argument = (Argument?)property.GetValue(activity);
            if (argument is null)
            {
                if (!property.CanWrite || property.PropertyType.IsAbstract)
                {
                    continue;
                }

                argument = (Argument)Activator.CreateInstance(property.PropertyType)!;
                property.SetValue(activity, argument);
            }

            var required = property.GetCustomAttribute<RequiredArgumentAttribute>(inherit: true) is not null;
            found.Add(new BoundArgument(property.Name, argument, required));
        }

        return found;
    }

    private static MethodInfo? FindGenericRun(Activity activity)
    {
        for (var type = activity.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CodeActivity<>))
            {
                return type.GetMethod("Run", BindingFlags.NonPublic | BindingFlags.Instance);
            }
        }

        return null;
    }

    private sealed record BoundArgument(string Name, Argument Argument, bool Required);
}
