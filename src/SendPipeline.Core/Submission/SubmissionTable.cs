using System.Security.Cryptography;

namespace SendPipeline.Core.Submission;

/// <summary>
/// One table of the DfE return, held as the exact CSV bytes the package ships. The workbook sheet is
/// read from these same bytes, so the CSV and the sheet cannot disagree; <see cref="NumericColumns"/>
/// says which columns the sheet types as numbers.
/// </summary>
public sealed record SubmissionTable(string Name, string Title, byte[] Csv, IReadOnlySet<string> NumericColumns)
{
    public string FileName => Name + ".csv";

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Csv));

    /// <summary>Renders a table with one of the dataset writers, so the return and the datasets share one format.</summary>
    public static SubmissionTable Render(string name, string title, Action<Stream> write, params string[] numericColumns)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return new SubmissionTable(name, title, buffer.ToArray(), new HashSet<string>(numericColumns, StringComparer.Ordinal));
    }
}
