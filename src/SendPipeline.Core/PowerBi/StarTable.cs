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
/// Each row holds one value per column, of the column's type (<c>long</c>, <c>decimal</c>, <c>string</c>,
/// <c>DateOnly</c>, <c>bool</c>) or null where the column is nullable.
/// </summary>
public sealed record StarTable(string Name, string Grain, IReadOnlyList<StarColumn> Columns, IReadOnlyList<object?[]> Rows, string? Key = null)
{
    public bool IsDimension => Name.StartsWith("dim_", StringComparison.Ordinal);

    /// <summary>The Azure Table Storage name: lower case, letters and digits only (<c>factplacement</c>).</summary>
    public string StorageTableName => new([.. Name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);

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
