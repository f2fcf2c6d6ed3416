namespace SendPipeline.Core.PowerBi;

/// <summary>Short constructors for the columns and values of the star schema, so each table reads as its list of columns.</summary>
internal static class StarColumns
{
    public static StarColumn Int(string name, bool nullable = false) => new(name, StarColumnType.Int64, nullable);
    public static StarColumn Dec(string name, bool nullable = false) => new(name, StarColumnType.Decimal, nullable);
    public static StarColumn Text(string name, bool nullable = false) => new(name, StarColumnType.String, nullable);
    public static StarColumn Date(string name, bool nullable = false) => new(name, StarColumnType.Date, nullable);
    public static StarColumn Flag(string name, bool nullable = false) => new(name, StarColumnType.Boolean, nullable);

    /// <summary>
    /// Decimals carry at most <see cref="StarParquetWriter.DecimalScale"/> places, so the Parquet DECIMAL
    /// and the CSV hold the same value and Power BI's fixed decimal type takes it exactly.
    /// </summary>
    public static decimal Round(decimal value) => Math.Round(value, StarParquetWriter.DecimalScale, MidpointRounding.AwayFromZero);

    /// <summary>yyyymmdd: the date table's key, readable and in date order.</summary>
    public static long DateKey(DateOnly date) => date.Year * 10000L + date.Month * 100 + date.Day;
}
