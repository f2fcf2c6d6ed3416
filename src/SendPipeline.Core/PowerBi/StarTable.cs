namespace SendPipeline.Core.PowerBi;

/// <summary>The type of a star-schema column, as Parquet, CSV, Table Storage and Power Query each need to know it.</summary>
public enum StarColumnType
{
    /// <summary>A whole number (surrogate keys, counts, years); <c>long</c> in a row.</summary>
    Int64,
    /// <summary>Money, FTE, days, shares; <c>decimal</c> in a row.</summary>
    Decimal,
    String,
    /// <summary>A calendar date; <c>DateOnly</c> in a row.</summary>
    Date,
    Boolean,
}

/// <summary>One column: its name (PascalCase, as Power BI shows it), its type, and whether it may be empty.</summary>
public sealed record StarColumn(string Name, StarColumnType Type, bool Nullable = false);

/// <summary>
/// One table of the officers' star schema (issue 6): a fact at one stated grain, or a dimension.
/// <see cref="Name"/> is snake_case (<c>fact_placement</c>, <c>dim_setting</c>) and names its folder,
/// <c>powerbi/{name}/</c>; <see cref="Key"/> is the surrogate key column of a dimension (null for a fact).
/// Its rows come from <see cref="Source"/> a row group at a time (<see cref="Groups"/>), each holding one
/// value per column, of the column's type (<c>long</c>, <c>decimal</c>, <c>string</c>, <c>DateOnly</c>,
/// <c>bool</c>) or null where the column is nullable.
/// </summary>
public sealed record StarTable(
    string Name, string Grain, IReadOnlyList<StarColumn> Columns, StarRows Source, string? Key = null)
{
    /// <summary>A table built whole as boxed rows (a dimension, an aggregate, a test's table).</summary>
    public StarTable(string name, string grain, IReadOnlyList<StarColumn> columns, IReadOnlyList<object?[]> rows,
        string? Key = null)
        : this(name, grain, columns, StarRows.Listed(rows), Key)
    {
    }

    public bool IsDimension => Name.StartsWith("dim_", StringComparison.Ordinal);

    /// <summary>The Azure Table Storage name: lower case, letters and digits only (<c>factplacement</c>).</summary>
    public string StorageTableName => new([.. Name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>The rows, made afresh, a group at a time (<see cref="StarRows.Groups"/>).</summary>
    public IEnumerable<StarRowGroup> Groups(int groupSize = StarRows.RowGroupSize) => Source.Groups(Columns, groupSize);

    /// <summary>
    /// Every row, made afresh and boxed: for small tables and tests. A pupil-grain fact at national scale is
    /// millions of rows; the writers take it a group at a time instead.
    /// </summary>
    public IReadOnlyList<object?[]> Rows => [.. Groups().SelectMany(g => Enumerable.Range(0, g.Count).Select(g.Row))];

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == column) return i;
        return -1;
    }
}

/// <summary>A foreign key: <see cref="Column"/> of a fact refers to the key of dimension <see cref="Dimension"/>.</summary>
public sealed record StarForeignKey(string Fact, string Column, string Dimension);

/// <summary>The whole schema: tables in a fixed order (dimensions first), and the relationships Power BI should make.</summary>
public sealed record StarSchema(IReadOnlyList<StarTable> Tables, IReadOnlyList<StarForeignKey> Relationships)
{
    public StarTable this[string name] => Tables.Single(t => t.Name == name);
}
