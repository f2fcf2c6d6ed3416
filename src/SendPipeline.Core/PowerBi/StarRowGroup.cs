namespace SendPipeline.Core.PowerBi;

/// <summary>
/// Up to <see cref="Capacity"/> rows of one star table, held column by column in typed arrays (a
/// <c>long[]</c> for a key, a <c>decimal?[]</c> for a nullable amount, a <c>string?[]</c> for text), as a
/// Parquet row group is written: no value is boxed, and a table of millions of rows is written a group at a
/// time (<see cref="StarRows"/>) rather than held whole. A row is appended a value at a time in column order
/// (<see cref="Int"/>, <see cref="Dec"/>, <see cref="Text"/>, <see cref="Date"/>, <see cref="Flag"/>), then
/// <see cref="EndRow"/>; a value of the wrong type or a null in a column that is not nullable is refused there.
/// </summary>
public sealed class StarRowGroup
{
    private readonly Array[] _values;
    private int _next;

    public StarRowGroup(IReadOnlyList<StarColumn> columns, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        (Columns, Capacity) = (columns, capacity);
        _values = [.. columns.Select(c => Allocate(c, Math.Min(capacity, FirstAllocation)))];
    }

    // Arrays grow as rows come, so a dimension of ten rows does not take a fact's row group of memory.
    private const int FirstAllocation = 256;

    public IReadOnlyList<StarColumn> Columns { get; }

    public int Capacity { get; }

    /// <summary>The rows appended since the group was made or <see cref="Clear"/>ed.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public StarRowGroup Int(long? value) => Put(StarColumnType.Int64, value);

    public StarRowGroup Dec(decimal? value) => Put(StarColumnType.Decimal, value);

    public StarRowGroup Date(DateOnly? value) => Put(StarColumnType.Date, value);

    public StarRowGroup Flag(bool? value) => Put(StarColumnType.Boolean, value);

    public StarRowGroup Text(string? value)
    {
        var column = Next(StarColumnType.String, value is null);
        ((string?[])_values[column])[Count] = value;
        return this;
    }

    /// <summary>Closes the row: every column must have had its value.</summary>
    public void EndRow()
    {
        if (_next != Columns.Count)
            throw new InvalidDataException(
                $"A row has {_next} values for {Columns.Count} columns "
                + $"({string.Join(", ", Columns.Select(c => c.Name))}).");
        (_next, Count) = (0, Count + 1);
    }

    /// <summary>
    /// Appends the values of a row boxed (a small table built as a list), each of its column's type or null;
    /// <see cref="EndRow"/> closes it.
    /// </summary>
    public StarRowGroup Boxed(IReadOnlyList<object?> row)
    {
        if (row.Count != Columns.Count)
            throw new InvalidDataException($"A row has {row.Count} values for {Columns.Count} columns.");
        for (var c = 0; c < row.Count; c++)
        {
            var (value, column) = (row[c], Columns[c]);
            _ = (column.Type, value) switch
            {
                (StarColumnType.Int64, long or null) => Int((long?)value),
                (StarColumnType.Decimal, decimal or null) => Dec((decimal?)value),
                (StarColumnType.Date, DateOnly or null) => Date((DateOnly?)value),
                (StarColumnType.Boolean, bool or null) => Flag((bool?)value),
                (StarColumnType.String, string or null) => Text((string?)value),
                _ => throw new InvalidDataException(
                    $"Column {column.Name} is {column.Type} but was given a {value!.GetType().Name}."),
            };
        }
        return this;
    }

    /// <summary>Empties the group for the next rows, keeping its arrays.</summary>
    public void Clear()
    {
        foreach (var values in _values.OfType<string?[]>()) Array.Clear(values, 0, Count);
        (_next, Count) = (0, 0);
    }

    /// <summary>One value boxed, null where empty: for the Table Storage export and for tests.</summary>
    public object? this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
            return _values[column].GetValue(row);
        }
    }

    /// <summary>A row boxed (see the indexer).</summary>
    public object?[] Row(int row) => [.. Enumerable.Range(0, Columns.Count).Select(c => this[row, c])];

    /// <summary>One value of a column of <typeparamref name="T"/>, nullable or not, without boxing.</summary>
    public T? Value<T>(int row, int column) where T : struct =>
        Columns[column].Nullable ? ((T?[])_values[column])[row] : ((T[])_values[column])[row];

    /// <summary>The values of a column that is not nullable; the first <see cref="Count"/> are the rows'.</summary>
    public T[] Values<T>(int column) where T : struct => (T[])_values[column];

    /// <summary>The values of a nullable column; the first <see cref="Count"/> are the rows'.</summary>
    public T?[] NullableValues<T>(int column) where T : struct => (T?[])_values[column];

    /// <summary>The values of a text column; the first <see cref="Count"/> are the rows'.</summary>
    public string?[] Texts(int column) => (string?[])_values[column];

    private StarRowGroup Put<T>(StarColumnType type, T? value) where T : struct
    {
        var column = Next(type, value is null);
        if (Columns[column].Nullable) ((T?[])_values[column])[Count] = value;
        else ((T[])_values[column])[Count] = value!.Value;
        return this;
    }

    private int Next(StarColumnType type, bool isNull)
    {
        if (_next == 0 && IsFull) throw new InvalidOperationException($"The row group is full ({Capacity} rows).");
        if (_next >= Columns.Count)
            throw new InvalidDataException($"A row has more values than its {Columns.Count} columns.");
        if (_next == 0 && Count == _values[0].Length) Grow();
        var column = Columns[_next];
        if (column.Type != type)
            throw new InvalidDataException($"Column {column.Name} is {column.Type} but was given a {type} value.");
        if (isNull && !column.Nullable)
            throw new InvalidDataException($"Column {column.Name} is not nullable but has a null.");
        return _next++;
    }

    private void Grow()
    {
        var length = (int)Math.Min(Capacity, 2L * Count);
        for (var c = 0; c < _values.Length; c++)
        {
            var grown = Allocate(Columns[c], length);
            Array.Copy(_values[c], grown, Count);
            _values[c] = grown;
        }
    }

    private static Array Allocate(StarColumn column, int capacity) => (column.Type, column.Nullable) switch
    {
        (StarColumnType.Int64, false) => new long[capacity],
        (StarColumnType.Int64, true) => new long?[capacity],
        (StarColumnType.Decimal, false) => new decimal[capacity],
        (StarColumnType.Decimal, true) => new decimal?[capacity],
        (StarColumnType.Date, false) => new DateOnly[capacity],
        (StarColumnType.Date, true) => new DateOnly?[capacity],
        (StarColumnType.Boolean, false) => new bool[capacity],
        (StarColumnType.Boolean, true) => new bool?[capacity],
        _ => new string?[capacity],
    };
}
