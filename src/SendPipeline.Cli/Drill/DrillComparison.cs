using System.Globalization;
using SendPipeline.Storage;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Drill;

/// <summary>
/// Compares two runs' outputs: every file under <c>datasets/</c> and <c>powerbi/</c> byte for byte, and
/// every row of the uploads and accepted tables by keys and properties (not ETags, which each write makes anew).
/// </summary>
public static class DrillComparison
{
    public static readonly string[] Folders = ["datasets", "powerbi"];
    public static readonly string[] Tables = [StorageLayout.UploadsTable, StorageLayout.AcceptedTable];

    /// <summary>The differences (empty when identical), and how many files and rows were compared.</summary>
    public static async Task<(List<string> Differences, int Files, int Rows)> CompareAsync(string cleanRoot, Stores clean, string faultyRoot, Stores faulty)
    {
        var differences = new List<string>();
        var files = 0;
        foreach (var folder in Folders)
        {
            var a = Listing(cleanRoot, folder);
            var b = Listing(faultyRoot, folder);
            foreach (var path in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            {
                files++;
                if (!a.ContainsKey(path)) differences.Add($"{path}: only in the faulty run");
                else if (!b.ContainsKey(path)) differences.Add($"{path}: missing from the faulty run");
                else if (!File.ReadAllBytes(a[path]).AsSpan().SequenceEqual(File.ReadAllBytes(b[path]))) differences.Add($"{path}: contents differ");
            }
        }
        var rows = 0;
        foreach (var table in Tables)
        {
            var a = await RowsAsync(clean.Tables, table);
            var b = await RowsAsync(faulty.Tables, table);
            foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            {
                rows++;
                if (!a.TryGetValue(key, out var x)) differences.Add($"table {table} row {key}: only in the faulty run");
                else if (!b.TryGetValue(key, out var y)) differences.Add($"table {table} row {key}: missing from the faulty run");
                else if (x != y) differences.Add($"table {table} row {key}: properties differ");
            }
        }
        return (differences, files, rows);
    }

    private static Dictionary<string, string> Listing(string root, string folder)
    {
        var dir = Path.Combine(root, folder);
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, string>> RowsAsync(ITableStore tables, string table)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in tables.QueryAsync(table))
            rows[$"{row.PartitionKey}/{row.RowKey}"] = string.Join('\n', row.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
        return rows;
    }
}
