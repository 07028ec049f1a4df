namespace System.Activities;

// Argument values live in the ActivityContext, not in the argument object, as in WF.
public abstract class Argument
{
    private protected Argument(Type argumentType, object? constantValue, bool isBound)
    {
        ArgumentType = argumentType;
        DefaultValue = constantValue;
        IsBound = isBound;
    }

    public Type ArgumentType { get; }

    // A constant given in code (new InArgument<T>(value)); the stand-in for WF's expression binding.
    internal object? DefaultValue { get; }

    internal bool IsBound { get; }

    public object? Get(ActivityContext context) => Context(context).Read(this);

    public T Get<T>(ActivityContext context) => (T)Get(context)!;

    public void Set(ActivityContext context, object? value) => Context(context).Write(this, value);

    private static ActivityContext Context(ActivityContext context) =>
        context ?? throw new ArgumentNullException(nameof(context));

    internal static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}

public abstract class InArgument : Argument
{
    private protected InArgument(Type argumentType, object? constantValue, bool isBound)
        : base(argumentType, constantValue, isBound)
    {
    }
}

public abstract class OutArgument : Argument
{
    private protected OutArgument(Type argumentType)
        : base(argumentType, DefaultOf(argumentType), false)
    {
    }
}

public abstract class InOutArgument : Argument
{
    private protected InOutArgument(Type argumentType, object? constantValue, bool isBound)
        : base(argumentType, constantValue, isBound)
    {
    }
}

public sealed class InArgument<T> : InArgument
{
    public InArgument()
        : base(typeof(T), DefaultOf(typeof(T)), false)
    {
    }

    public InArgument(T constValue)
        : base(typeof(T), constValue, true)
    {
    }

    public static implicit operator InArgument<T>(T constValue) => new(constValue);

    public new T Get(ActivityContext context) => (T)base.Get(context)!;

    public void Set(ActivityContext context, T value) => base.Set(context, value);
}

public sealed class OutArgument<T> : OutArgument
{
    public OutArgument()
        : base(typeof(T))
    {
    }

    public new T Get(ActivityContext context) => (T)base.Get(context)!;

    public void Set(ActivityContext context, T value) => base.Set(context, value);
}

public sealed class InOutArgument<T> : InOutArgument
{
    public InOutArgument()
        : base(typeof(T), DefaultOf(typeof(T)), false)
    {
    }

    public new T Get(ActivityContext context) => (T)base.Get(context)!;

    public void Set(ActivityContext context, T value) => base.Set(context, value);
}
