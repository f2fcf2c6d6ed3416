using System.Globalization;
using CsvHelper;

namespace SendPipeline.Core.Reports;

/// <summary>
/// The one way a CSV meant for a person in Excel is written: UTF-8 with a BOM (so Excel shows '£' and
/// accents), CRLF line ends, a value quoted only when it holds a comma, a quote or a line break, and
/// every text cell that starts like a formula (= + - @, tab or CR) escaped with a leading apostrophe
/// and quoted, which Excel shows as text and never runs. Numbers written as numbers are left alone,
/// so a negative count stays a number.
/// </summary>
public static class ExcelCsv
{
    public static readonly CsvWriterOptions Options = new()
    {
        Mode = CsvMode.Rfc4180,
        Quoting = CsvQuoting.WhenNeeded,
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        // Report lines of different shapes (issues, then the counts of those not listed) share a file.
        ValidateFieldCount = false,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>
    /// Dataset tables (for Power BI, and for Excel too): the same guard, but LF line ends and no BOM,
    /// as the tables a pipeline reads back have always had.
    /// </summary>
    public static readonly CsvWriterOptions TableOptions = Options with { NewLine = "\n", WriteByteOrderMark = false };

    /// <summary>A writer over <paramref name="output"/>, which stays open when the writer is disposed.</summary>
    public static CsvWriter Create(Stream output, CsvWriterOptions? options = null) =>
        CsvWriter.Create(output, options ?? Options, leaveOpen: true);

    /// <summary>Writes text fields into the current record, which stays open for more.</summary>
    public static void WriteFields(this CsvWriter csv, params ReadOnlySpan<string?> values)
    {
        foreach (var value in values) csv.WriteField(value);
    }
}
