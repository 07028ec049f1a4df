using System.Collections.Generic;

namespace System.Activities.Hosting;

// The extensions a host offers to activities through ActivityContext.GetExtension<T>().
public class WorkflowInstanceExtensionManager
{
    private readonly List<object> _singletons = new();
    private readonly List<Func<object>> _factories = new();

    public WorkflowInstanceExtensionManager()
    {
    }

    public virtual void Add(object singletonExtension) =>
        _singletons.Add(singletonExtension ?? throw new ArgumentNullException(nameof(singletonExtension)));

    // A factory is called once per workflow instance, as in WF.
    public virtual void Add<T>(Func<T> extensionCreationFunction)
        where T : class
    {
        if (extensionCreationFunction is null)
        {
            throw new ArgumentNullException(nameof(extensionCreationFunction));
        }

        _factories.Add(extensionCreationFunction);
    }

    internal List<object> CreateInstanceExtensions()
    {
        var extensions = new List<object>(_singletons);
        foreach (var factory in _factories)
        {
            extensions.Add(factory());
        }

        return extensions;
    }
}
