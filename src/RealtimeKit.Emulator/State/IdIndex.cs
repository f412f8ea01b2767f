using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RealtimeKit.Emulator.State;

/// <summary>
/// Items by id and by custom participant id, both found in constant time whatever the count: what
/// <c>Dictionary&lt;Guid, T&gt;</c> was here, plus the second index that adds, joins, kicks and mutes by custom id
/// use instead of a scan. Custom ids are unique within one index (the emulator refuses a duplicate with 409).
/// </summary>
/// <typeparam name="T">A participant, or a member of a session.</typeparam>
internal sealed class IdIndex<T>(Func<T, string> customId) : IReadOnlyDictionary<Guid, T>
    where T : class
{
    private readonly Dictionary<Guid, T> _byId = [];
    private readonly Dictionary<string, T> _byCustomId = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    public Dictionary<Guid, T>.ValueCollection Values => _byId.Values;

    public IEnumerable<Guid> Keys => _byId.Keys;

    IEnumerable<T> IReadOnlyDictionary<Guid, T>.Values => _byId.Values;

    public T this[Guid id] => _byId[id];

    public void Add(Guid id, T item)
    {
        _byCustomId.Add(customId(item), item);
        _byId.Add(id, item);
    }

    public bool TryAdd(Guid id, T item)
    {
        if (_byId.ContainsKey(id) || !_byCustomId.TryAdd(customId(item), item))
        {
            return false;
        }

        _byId.Add(id, item);
        return true;
    }

    public bool Remove(Guid id) => Remove(id, out _);

    public bool Remove(Guid id, [MaybeNullWhen(false)] out T item)
    {
        if (!_byId.Remove(id, out item))
        {
            return false;
        }

        _byCustomId.Remove(customId(item));
        return true;
    }

    public void Clear()
    {
        _byId.Clear();
        _byCustomId.Clear();
    }

    public bool ContainsKey(Guid id) => _byId.ContainsKey(id);

    public bool TryGetValue(Guid id, [MaybeNullWhen(false)] out T item) => _byId.TryGetValue(id, out item);

    public bool ContainsCustomId(string id) => _byCustomId.ContainsKey(id);

    public bool TryGetByCustomId(string id, [MaybeNullWhen(false)] out T item) => _byCustomId.TryGetValue(id, out item);

    public IEnumerator<KeyValuePair<Guid, T>> GetEnumerator() => _byId.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
