namespace SendPipeline.Core.Tests;

internal static class Rows
{
    /// <summary>The row with the given column/value pairs set: <c>With(row, "Sex", "F", "DOB", "")</c>.</summary>
    public static Dictionary<string, string> With(Dictionary<string, string> row, params string[] pairs)
    {
        for (var i = 0; i < pairs.Length; i += 2) row[pairs[i]] = pairs[i + 1];
        return row;
    }
}
