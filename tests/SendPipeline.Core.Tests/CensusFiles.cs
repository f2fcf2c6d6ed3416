using System.Text;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests;

/// <summary>Builds small census files from a clean row, with named cells overridden, and validates them.</summary>
internal static class CensusFiles
{
    public static readonly string[] Header =
    [
        "LAEstab", "CensusDate", "UPN", "DOB", "Sex", "NCYearActual", "SENProvision", "SENType1", "SENType2",
        "SENUnitIndicator", "ResourcedProvisionIndicator", "TopUpFunding", "EntryDate",
    ];

    public static string ValidUpn(int serial) => Upn.Create($"855200125{serial % 1000:000}");

    /// <summary>A year 4 pupil on SEN support at the January 2026 census.</summary>
    public static Dictionary<string, string> CleanRow(int serial = 1) => new()
    {
        ["LAEstab"] = "8552001",
        ["CensusDate"] = "2026-01-15",
        ["UPN"] = ValidUpn(serial),
        ["DOB"] = "2016-10-01",
        ["Sex"] = "M",
        ["NCYearActual"] = "4",
        ["SENProvision"] = "K",
        ["SENType1"] = "SLCN",
        ["SENType2"] = "",
        ["SENUnitIndicator"] = "N",
        ["ResourcedProvisionIndicator"] = "N",
        ["TopUpFunding"] = "N",
        ["EntryDate"] = "2021-09-01",
    };

    public static string Csv(IEnumerable<IReadOnlyDictionary<string, string>> rows, string[]? header = null)
    {
        header ??= Header;
        var text = new StringBuilder(string.Join(',', header)).Append("\r\n");
        foreach (var row in rows)
            text.Append(string.Join(',', header.Select(h => Quote(row.TryGetValue(h, out var v) ? v : "")))).Append("\r\n");
        return text.ToString();
    }

    public static string Csv(params Dictionary<string, string>[] rows) => Csv(rows.AsEnumerable());

    public static ValidationReport Validate(string csv, string submitter = "8552001", Encoding? encoding = null) =>
        Validate((encoding ?? new UTF8Encoding(false)).GetBytes(csv), submitter);

    public static ValidationReport Validate(byte[] bytes, string submitter = "8552001", string returnType = "school-census", TextWriter? canonical = null) =>
        ReturnValidator.Validate(new MemoryStream(bytes), new ValidationRequest($"uploads/{submitter}/{returnType}/test.csv", returnType, submitter, "855"), canonical);

    /// <summary>A clean first row then the row under test, so row-relative rules have a reference.</summary>
    public static ValidationReport ValidateWith(Action<Dictionary<string, string>> plant)
    {
        var bad = CleanRow(2);
        plant(bad);
        return Validate(Csv(CleanRow(1), bad));
    }

    private static string Quote(string v) => v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
