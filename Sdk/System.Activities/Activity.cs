namespace System.Activities;

// Surrogate of the .NET Framework type: only what running a CodeActivity outside WF needs.
public abstract class Activity
{
    protected Activity()
    {
    }

    private string? _displayName;

    // Defaults to the type name, as in WF.
    public string DisplayName
    {
        get => _displayName ?? GetType().Name;
        set => _displayName = value;
    }
}

public abstract class Activity<TResult> : Activity
{
    protected Activity()
    {
    }

    public OutArgument<TResult> Result { get; set; } = new OutArgument<TResult>();
}
