namespace SendPipeline.Core.Reading;

/// <summary>
/// A column a return defines: its name in the spec, whether it must be present, and its position in
/// the return's <see cref="ColumnTable"/>. Validators, the canonical writer and the canonical reader
/// all address a column by this one object, never by a repeated string or number.
/// </summary>
public sealed record ReturnColumn(string Name, bool Required, int Position);

/// <summary>
/// A return's columns in the spec's order, each declared once; a column's position is where it was
/// added, so a table declared as static fields in order cannot disagree with itself.
/// </summary>
public sealed class ColumnTable : IReadOnlyList<ReturnColumn>
{
    private readonly List<ReturnColumn> _columns = [];

    public ReturnColumn Required(string name) => Add(name, required: true);

    public ReturnColumn Optional(string name) => Add(name, required: false);

    public ReturnColumn Add(string name, bool required)
    {
        if (_columns.Exists(c => HeaderMap.Normalise(c.Name) == HeaderMap.Normalise(name)))
            throw new InvalidOperationException($"The column '{name}' is declared twice.");
        var column = new ReturnColumn(name, required, _columns.Count);
        _columns.Add(column);
        return column;
    }

    public int Count => _columns.Count;

    public ReturnColumn this[int index] => _columns[index];

    public IEnumerator<ReturnColumn> GetEnumerator() => _columns.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Matches a file's header to a return's columns: case-insensitively, ignoring spaces and
/// underscores, in any order (spec 1).
/// </summary>
public sealed class HeaderMap
{
    private readonly int[] _indexes;

    private HeaderMap(int[] indexes, IReadOnlyList<string> missing, IReadOnlyList<(int Index, string Name)> unknown, IReadOnlyList<string> duplicates)
    {
        _indexes = indexes;
        Missing = missing;
        Unknown = unknown;
        Duplicates = duplicates;
    }

    /// <summary>Required columns the file does not have.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Header cells that match no column (index in the file and the name as written).</summary>
    public IReadOnlyList<(int Index, string Name)> Unknown { get; }

    /// <summary>Columns that appear more than once: which one to trust is unknowable.</summary>
    public IReadOnlyList<string> Duplicates { get; }

    /// <summary>The file's index of the column at <paramref name="specIndex"/> in the spec's list, or -1.</summary>
    public int this[int specIndex] => _indexes[specIndex];

    /// <summary>The file's index of <paramref name="column"/>, or -1 when the file lacks it.</summary>
    public int this[ReturnColumn column] => _indexes[column.Position];

    public static string Normalise(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var n = 0;
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 256)))
        {
            if (c is ' ' or '_' or '\t' or '\uFEFF') continue;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }

    public static HeaderMap Match(IReadOnlyList<string> header, IReadOnlyList<ReturnColumn> columns, Func<string, bool>? ignore = null)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) lookup[Normalise(columns[i].Name)] = i;
        var indexes = Enumerable.Repeat(-1, columns.Count).ToArray();
        var unknown = new List<(int, string)>();
        var duplicates = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            var key = Normalise(name);
            if (key.Length == 0) continue; // an empty header cell over an empty column is formatting
            if (lookup.TryGetValue(key, out var spec))
            {
                if (indexes[spec] >= 0) duplicates.Add(columns[spec].Name);
                else indexes[spec] = i;
            }
            else if (ignore is null || !ignore(name))
            {
                unknown.Add((i, name));
            }
        }
        var missing = columns.Where((c, i) => c.Required && indexes[i] < 0).Select(c => c.Name).ToList();
        return new HeaderMap(indexes, missing, unknown, duplicates);
    }
}
