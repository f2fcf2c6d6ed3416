using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.Submission;

/// <summary>
/// A table of the return as its definition says (name, title, columns) and its rows: what the package's
/// CSV holds and its workbook sheet shows.
/// </summary>
public sealed record SubmissionTableDefinition(
    string Name, string Title, string Description, IReadOnlyList<SubmissionColumn> Columns)
{
    public string FileName => Name + ".csv";

    /// <summary>The column headers as one line, for messages and tests (the file is written by CsvHelper).</summary>
    public string HeaderLine => string.Join(',', Columns.Select(c => c.Header));
}

/// <summary>
/// One table of the DfE return, held as the exact CSV bytes the package ships. The workbook sheet is
/// read from these same bytes through the same column definitions, so the CSV and the sheet cannot
/// disagree: a money column is a number in both, a date a date.
/// </summary>
public sealed class SubmissionTable
{
    private SubmissionTable(SubmissionTableDefinition definition, byte[] csv) => (Definition, Csv) = (definition, csv);

    public SubmissionTableDefinition Definition { get; }

    public byte[] Csv { get; }

    public string Name => Definition.Name;

    public string Title => Definition.Title;

    public string FileName => Definition.FileName;

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Csv));

    /// <summary>
    /// Writes the rows as CSV. Each value must suit its column: a string for Code and Text, a decimal
    /// (or int) for the numeric kinds, a <see cref="DateOnly"/> for Date; null is a blank cell.
    /// </summary>
    public static SubmissionTable Create(SubmissionTableDefinition definition, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = ExcelCsv.Create(buffer, ExcelCsv.TableOptions))
        {
            csv.WriteRecord(definition.Columns.Select(c => c.Header).ToArray());
            var number = 1;
            foreach (var row in rows)
            {
                number++;
                if (row.Count != definition.Columns.Count)
                    throw new ArgumentException($"Row {number} of table {definition.Name} has {row.Count} values "
                        + $"for {definition.Columns.Count} columns.", nameof(rows));
                for (var i = 0; i < row.Count; i++) WriteCell(csv, definition, definition.Columns[i], row[i], number);
                csv.EndRecord();
            }
        }
        return new SubmissionTable(definition, buffer.ToArray());
    }

    /// <summary>A table read back from its stored CSV; refused when the header is not the definition's.</summary>
    public static SubmissionTable Load(SubmissionTableDefinition definition, byte[] csv)
    {
        var table = new SubmissionTable(definition, csv);
        using var reader = table.OpenReader();
        var header = string.Join(',', reader.Header);
        if (!reader.Header.SequenceEqual(definition.Columns.Select(c => c.Header), StringComparer.Ordinal))
            throw new InvalidDataException(
                $"{definition.FileName} has the columns {header}, not {definition.HeaderLine}: it was frozen with "
                + $"another layout of the return. Run the submission again to freeze a fresh snapshot.");
        return table;
    }

    /// <summary>The rows as typed values (string, decimal, <see cref="DateOnly"/> or null) read from the CSV.</summary>
    public IEnumerable<IReadOnlyList<object?>> Rows()
    {
        using var reader = OpenReader();
        var columns = Definition.Columns;
        var number = 1;
        while (reader.Read())
        {
            number++;
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
                row[i] = Parse(columns[i], i < reader.FieldCount ? reader[i].ToString() : "", number);
            yield return row;
        }
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const NumberStyles SignedDecimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private CsvTabularReader OpenReader() => new(new StreamReader(new MemoryStream(Csv), new UTF8Encoding(false)));

    // Numbers go to CsvHelper as numbers with their format, so a negative amount is a number, never text
    // escaped as a formula; only Code and Text cells pass through the formula guard.
    private static void WriteCell(CsvWriter csv, SubmissionTableDefinition table, SubmissionColumn column, object? value,
        int row)
    {
        switch (column.Kind, value)
        {
            case (_, null): csv.WriteField((string?)null); break;
            case (ColumnKind.Code or ColumnKind.Text, string text): csv.WriteField(text); break;
            case (ColumnKind.Count, int n): csv.WriteField(n, default); break;
            case (ColumnKind.Count, decimal n) when n == decimal.Truncate(n): csv.WriteField(n, "0"); break;
            case (ColumnKind.Number, decimal n): csv.WriteField(n, "0.####"); break;
            case (ColumnKind.Money, decimal n): csv.WriteField(n, "0.00"); break;
            case (ColumnKind.Percent, decimal n): csv.WriteField(n, "0.##"); break;
            case (ColumnKind.Date, DateOnly d): csv.WriteField(d, "yyyy-MM-dd"); break;
            default:
                throw new ArgumentException($"Row {row} of table {table.Name}: {value} ({value.GetType().Name}) does "
                    + $"not suit {column.Header}, a {column.Kind} column.");
        }
    }

    private object? Parse(SubmissionColumn column, string text, int row)
    {
        if (text.Length == 0) return null;
        switch (column.Kind)
        {
            case ColumnKind.Code or ColumnKind.Text:
                return text;
            case ColumnKind.Date
                when DateOnly.TryParseExact(text, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var date):
                return date;
            case not ColumnKind.Date
                when decimal.TryParse(text, SignedDecimal, CultureInfo.InvariantCulture, out var number):
                return number;
            default:
                throw new InvalidDataException($"{FileName} row {row}, {column.Header}: '{text}' is not a "
                    + $"{column.Kind.ToString().ToLowerInvariant()} value.");
        }
    }
}
