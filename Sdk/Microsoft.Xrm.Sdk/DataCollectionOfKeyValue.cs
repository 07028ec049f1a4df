using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

// Only IEnumerable is implemented, as in the real SDK (it is not an IDictionary there either).
// No constraint on TKey, as in the real SDK (Dictionary's own check still refuses a null key at run time).
#pragma warning disable CS8714 // TKey may be nullable in the signature; the store is a Dictionary all the same.
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
{
    // The .NET Framework wording, which the sandbox produces; .NET's own message adds the key.
    private const string KeyNotFoundMessage = "The given key was not present in the dictionary.";

    private readonly Dictionary<TKey, TValue> _items;

    internal DataCollection()
    {
        _items = new Dictionary<TKey, TValue>();
    }

    // Internal in the real SDK: a plug-in cannot call it (it would bind to nothing in the sandbox).
    internal DataCollection(IDictionary<TKey, TValue> collection)
    {
        _items = collection is null ? new Dictionary<TKey, TValue>() : new Dictionary<TKey, TValue>(collection);
    }

    public TValue this[TKey key]
    {
        get => _items.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(KeyNotFoundMessage);
        set => _items[key] = value;
    }

    public int Count => _items.Count;

    public ICollection<TKey> Keys => _items.Keys;

    public ICollection<TValue> Values => _items.Values;

    public bool IsReadOnly => false;

    public void Add(KeyValuePair<TKey, TValue> item) => _items.Add(item.Key, item.Value);

    public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
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

    public void Add(TKey key, TValue value) => _items.Add(key, value);

    public void Clear() => _items.Clear();

    public bool Contains(TKey key) => _items.ContainsKey(key);

    public bool Contains(KeyValuePair<TKey, TValue> key) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Contains(key);

#pragma warning disable CS8767 // The out value is default when the key is missing, like Dictionary's.
    public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value!);
#pragma warning restore CS8767

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<TKey, TValue>>)_items).CopyTo(array, arrayIndex);

    public bool ContainsKey(TKey key) => _items.ContainsKey(key);

    public bool Remove(TKey key) => _items.Remove(key);

    public bool Remove(KeyValuePair<TKey, TValue> item) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Remove(item);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
#pragma warning restore CS8714
