using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public class ParameterCollection : DataCollection<string, object?>
{
    public ParameterCollection()
    {
    }

    protected ParameterCollection(IDictionary<string, object?> collection)
        : base(collection)
    {
    }

    public void AddOrUpdateIfNotNull(string key, object? obj)
    {
        if (obj is not null)
        {
            this[key] = obj;
        }
    }

    // True only when the key is present and its value is a T.
    public bool TryGetValue<T>(string key, out T value)
    {
        if (TryGetValue(key, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }
}
