using System.Collections;
using System.Collections.Generic;

namespace StratusScan.DataSync.Emulator;

/// <summary>A set safe to change while requests read it; enumeration works on a snapshot.</summary>
internal sealed class SynchronizedSet<T> : ISet<T>
{
    private readonly HashSet<T> _items;
    private readonly object _gate = new();

    public SynchronizedSet(IEqualityComparer<T> comparer) => _items = new HashSet<T>(comparer);

    public int Count { get { lock (_gate) { return _items.Count; } } }
    public bool IsReadOnly => false;

    public bool Add(T item) { lock (_gate) { return _items.Add(item); } }
    void ICollection<T>.Add(T item) => Add(item);
    public void Clear() { lock (_gate) { _items.Clear(); } }
    public bool Contains(T item) { lock (_gate) { return _items.Contains(item); } }
    public void CopyTo(T[] array, int arrayIndex) { lock (_gate) { _items.CopyTo(array, arrayIndex); } }
    public bool Remove(T item) { lock (_gate) { return _items.Remove(item); } }
    public void ExceptWith(IEnumerable<T> other) { lock (_gate) { _items.ExceptWith(other); } }
    public void IntersectWith(IEnumerable<T> other) { lock (_gate) { _items.IntersectWith(other); } }
    public bool IsProperSubsetOf(IEnumerable<T> other) { lock (_gate) { return _items.IsProperSubsetOf(other); } }
    public bool IsProperSupersetOf(IEnumerable<T> other) { lock (_gate) { return _items.IsProperSupersetOf(other); } }
    public bool IsSubsetOf(IEnumerable<T> other) { lock (_gate) { return _items.IsSubsetOf(other); } }
    public bool IsSupersetOf(IEnumerable<T> other) { lock (_gate) { return _items.IsSupersetOf(other); } }
    public bool Overlaps(IEnumerable<T> other) { lock (_gate) { return _items.Overlaps(other); } }
    public bool SetEquals(IEnumerable<T> other) { lock (_gate) { return _items.SetEquals(other); } }
    public void SymmetricExceptWith(IEnumerable<T> other) { lock (_gate) { _items.SymmetricExceptWith(other); } }
    public void UnionWith(IEnumerable<T> other) { lock (_gate) { _items.UnionWith(other); } }

    public IEnumerator<T> GetEnumerator()
    {
        T[] snapshot;
        lock (_gate) { snapshot = [.. _items]; }
        return ((IEnumerable<T>)snapshot).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list safe to change while requests read it; enumeration works on a snapshot.</summary>
internal sealed class SynchronizedList<T> : IList<T>
{
    private readonly List<T> _items = [];
    private readonly object _gate = new();

    public T this[int index]
    {
        get { lock (_gate) { return _items[index]; } }
        set { lock (_gate) { _items[index] = value; } }
    }

    public int Count { get { lock (_gate) { return _items.Count; } } }
    public bool IsReadOnly => false;

    public void Add(T item) { lock (_gate) { _items.Add(item); } }
    public void Clear() { lock (_gate) { _items.Clear(); } }
    public bool Contains(T item) { lock (_gate) { return _items.Contains(item); } }
    public void CopyTo(T[] array, int arrayIndex) { lock (_gate) { _items.CopyTo(array, arrayIndex); } }
    public int IndexOf(T item) { lock (_gate) { return _items.IndexOf(item); } }
    public void Insert(int index, T item) { lock (_gate) { _items.Insert(index, item); } }
    public bool Remove(T item) { lock (_gate) { return _items.Remove(item); } }
    public void RemoveAt(int index) { lock (_gate) { _items.RemoveAt(index); } }

    public IEnumerator<T> GetEnumerator()
    {
        T[] snapshot;
        lock (_gate) { snapshot = [.. _items]; }
        return ((IEnumerable<T>)snapshot).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
