using System.Globalization;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>
/// A module's keys, each to the ordinal of its row in the module. Table ids are nearly always numbers, so
/// those are held as 64-bit integers (24 bytes an entry, no string); any other key as its string, looked
/// up without making one. A national extract has about five million keys.
/// </summary>
internal sealed class KeyIndex(int capacity = 0)
{
    private readonly Dictionary<long, int> _numbers = new(capacity);
    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);

    /// <summary>How many keys it holds.</summary>
    public int Count => _numbers.Count + _texts.Count;

    /// <summary>Adds the key; false (and the ordinal it has) when it is already there.</summary>
    public bool TryAdd(ReadOnlySpan<char> key, int ordinal, out int existing)
    {
        if (TryNumber(key, out var number))
        {
            if (_numbers.TryAdd(number, ordinal)) { existing = -1; return true; }
            existing = _numbers[number];
            return false;
        }
        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out existing)) return false;
        _texts.Add(key.ToString(), ordinal);
        existing = -1;
        return true;
    }

    /// <summary>The ordinal of the key's row, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        if (TryNumber(key, out var number)) return _numbers.TryGetValue(number, out var n) ? n : -1;
        return _texts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var t) ? t : -1;
    }

    // Leading zeros would make "007" and "7" one key, so only canonical numbers are packed.
    private static bool TryNumber(ReadOnlySpan<char> key, out long number)
    {
        number = 0;
        return key.Length is > 0 and < 19 && (key[0] != '0' || key.Length == 1)
            && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
