using System.Collections.Generic;

namespace System.Activities;

// Holds the argument values and host extensions of one execution; WorkflowInvoker creates it.
public class ActivityContext
{
    private readonly Dictionary<Argument, object?> _values;
    private readonly IReadOnlyList<object> _extensions;

    internal ActivityContext(Dictionary<Argument, object?> values, IReadOnlyList<object> extensions)
    {
        _values = values;
        _extensions = extensions;
    }

    // The first extension of type T, or null, as in WF.
    public T? GetExtension<T>()
        where T : class
    {
        foreach (var extension in _extensions)
        {
            if (extension is T match)
            {
                return match;
            }
        }

        return null;
    }

    public T GetValue<T>(InArgument<T> argument) => argument.Get(this);

    public T GetValue<T>(OutArgument<T> argument) => argument.Get(this);

    public T GetValue<T>(InOutArgument<T> argument) => argument.Get(this);

    public void SetValue<T>(InArgument<T> argument, T value) => argument.Set(this, value);

    public void SetValue<T>(OutArgument<T> argument, T value) => argument.Set(this, value);

    public void SetValue<T>(InOutArgument<T> argument, T value) => argument.Set(this, value);

    internal object? Read(Argument argument) =>
        _values.TryGetValue(argument, out var value) ? value : argument.DefaultValue;

    internal void Write(Argument argument, object? value) => _values[argument] = value;
}

public sealed class CodeActivityContext : ActivityContext
{
    internal CodeActivityContext(Dictionary<Argument, object?> values, IReadOnlyList<object> extensions)
        : base(values, extensions)
    {
    }
}
