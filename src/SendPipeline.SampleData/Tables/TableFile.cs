using System.Globalization;

namespace SendPipeline.SampleData.Tables;

public enum TableEncoding
{
    Utf8,
    Utf8Bom,
    /// <summary>What Excel's plain "CSV" save and the GIAS download write in the UK.</summary>
    Windows1252,
    Xlsx,
}

/// <summary>
/// One upload of a return other than the census, held as the text of its cells so that a planted
/// defect is exactly what lands in the file. Columns are found by name, never by position, because
/// the planters add and move columns the way people editing a spreadsheet do.
/// </summary>
internal sealed class TableFile(string submitter, string returnType, string fileName, IEnumerable<string> header, TableEncoding encoding)
{
    public string Submitter { get; } = submitter;
    public string ReturnType { get; } = returnType;
    public string FileName { get; } = fileName;
    public TableEncoding Encoding { get; } = encoding;
    public List<string> Header { get; } = header.ToList();
    public List<string[]> Rows { get; } = [];

    public string UploadPath => $"{Core.Uploads.UploadPath.Container}/{Submitter}/{ReturnType}/{FileName}";

    public int Column(string name)
    {
        var index = Header.IndexOf(name);
        return index >= 0 ? index : throw new ArgumentException($"{UploadPath} has no column '{name}'.", nameof(name));
    }

    public string Get(int row, string column) => Rows[row][Column(column)];

    public void Set(int row, string column, string value) => Rows[row][Column(column)] = value;

    public void Add(params string[] cells)
    {
        if (cells.Length != Header.Count) throw new ArgumentException($"{UploadPath}: a row of {cells.Length} cells under {Header.Count} columns.");
        Rows.Add(cells);
    }

    /// <summary>A column the spec does not know, as a person adds one for their own notes.</summary>
    public void AddColumn(string name, Func<int, string> value)
    {
        Header.Add(name);
        for (var i = 0; i < Rows.Count; i++) Rows[i] = [.. Rows[i], value(i)];
    }

    /// <summary>The spreadsheet row of a data row: the header is row 1.</summary>
    public static int SpreadsheetRow(int index) => index + 2;

    public bool IsLa => Submitter == Core.Uploads.Submitter.LocalAuthorityId;

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
