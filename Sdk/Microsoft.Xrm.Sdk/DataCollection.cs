using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk;

// The real class has no public constructors: instances come from the owning types.
public class DataCollection<T> : Collection<T>
{
    internal DataCollection()
    {
    }

    internal DataCollection(IList<T> list)
        : base(list)
    {
    }

    public void AddRange(params T[] items) => AddRange((IEnumerable<T>)items);

    public void AddRange(IEnumerable<T> items)
    {
        if (items is null)
        {
            return;
        }

        foreach (var item in items)
        {
            Add(item);
        }
    }

    public T[] ToArray()
    {
        var array = new T[Count];
        CopyTo(array, 0);
        return array;
    }
}
