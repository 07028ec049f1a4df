using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Handlers;

/// <summary>Reads request parameters, failing as Dataverse does when one is missing or of the wrong type.</summary>
internal static class Args
{
    public static T Required<T>(ParameterCollection input, string name)
        where T : class
    {
        if (!input.TryGetValue(name, out var value) || value is null)
        {
            throw Fault.MissingArgument(name);
        }

        return value as T ?? throw Fault.InvalidArgument($"The parameter '{name}' must be of type {typeof(T).Name}, not {value.GetType().Name}.");
    }

    public static T? Optional<T>(ParameterCollection input, string name)
        where T : class =>
        input.TryGetValue(name, out var value) && value is not null
            ? value as T ?? throw Fault.InvalidArgument($"The parameter '{name}' must be of type {typeof(T).Name}, not {value.GetType().Name}.")
            : null;

    public static TValue Value<TValue>(ParameterCollection input, string name, TValue fallback)
        where TValue : struct =>
        input.TryGetValue(name, out var value) && value is TValue typed ? typed : fallback;

    /// <summary>An entity target: present, with a logical name.</summary>
    public static Entity Target(ParameterCollection input)
    {
        var target = Required<Entity>(input, "Target");
        if (string.IsNullOrEmpty(target.LogicalName))
        {
            throw Fault.MissingArgument("Target.LogicalName");
        }

        return target;
    }

    public static EntityReference Reference(ParameterCollection input, string name = "Target")
    {
        var target = Required<EntityReference>(input, name);
        if (string.IsNullOrEmpty(target.LogicalName))
        {
            throw Fault.MissingArgument(name + ".LogicalName");
        }

        return target;
    }
}
