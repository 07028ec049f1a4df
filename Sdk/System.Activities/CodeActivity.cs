namespace System.Activities;

public abstract class CodeActivity : Activity
{
    protected CodeActivity()
    {
    }

    protected abstract void Execute(CodeActivityContext context);

    // The host's entry point; Execute stays protected as in the framework.
    internal void Run(CodeActivityContext context) => Execute(context);
}

public abstract class CodeActivity<TResult> : Activity<TResult>
{
    protected CodeActivity()
    {
    }

    protected abstract TResult Execute(CodeActivityContext context);

    internal TResult Run(CodeActivityContext context) => Execute(context);
}
