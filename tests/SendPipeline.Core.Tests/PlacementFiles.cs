using System.Text;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests;

/// <summary>Builds small placements files from a clean row, with named cells overridden, and validates them.</summary>
internal static class PlacementFiles
{
    public const string Provider = "123456";

    public static readonly string[] Header =
    [
        "ProviderId", "ReturnDate", "UPN", "ULN", "DOB", "PlacementCategory", "PlacementStart", "PlacementEnd",
        "Residential", "AnnualCost", "FundingElement", "PrimaryNeed", "EHCP", "HomeLA",
    ];

    public static string ValidUpn(int serial) => CensusFiles.ValidUpn(serial);

    /// <summary>A valid ULN for a serial (the first digit is never 0, and some 9-digit bodies have no check digit).</summary>
    public static string ValidUln(int serial)
    {
        for (var body = 100_000_000 + serial * 17; ; body++)
            if (Uln.Create(body.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } uln) return uln;
    }

    /// <summary>An 11-year-old with an EHC plan in a maintained special school since September 2024, at the March 2026 return.</summary>
    public static Dictionary<string, string> CleanRow(int serial = 1) => new()
    {
        ["ProviderId"] = Provider,
        ["ReturnDate"] = "2026-03-31",
        ["UPN"] = ValidUpn(serial),
        ["ULN"] = "",
        ["DOB"] = "2014-05-01",
        ["PlacementCategory"] = "MSS",
        ["PlacementStart"] = "2024-09-01",
        ["PlacementEnd"] = "",
        ["Residential"] = "N",
        ["AnnualCost"] = "18500.00",
        ["FundingElement"] = "TOPUP",
        ["PrimaryNeed"] = "ASD",
        ["EHCP"] = "Y",
        ["HomeLA"] = "855",
    };

    public static string Csv(params Dictionary<string, string>[] rows) => CensusFiles.Csv(rows, Header);

    public static string Csv(IEnumerable<IReadOnlyDictionary<string, string>> rows, string[]? header = null) => CensusFiles.Csv(rows, header ?? Header);

    public static ValidationReport Validate(string csv, string submitter = Provider, TextWriter? canonical = null) =>
        Validate(new UTF8Encoding(false).GetBytes(csv), submitter, canonical);

    public static ValidationReport Validate(byte[] bytes, string submitter = Provider, TextWriter? canonical = null) =>
        ReturnValidator.Validate(new MemoryStream(bytes), new ValidationRequest($"uploads/{submitter}/placements/test.csv", "placements", submitter, "855"), canonical);

    /// <summary>
    /// A clean first row then the row under test, so row-relative rules have a reference.
    /// <paramref name="everyRow"/> changes both rows first, for what must be the same across the file.
    /// </summary>
    public static ValidationReport ValidateWith(Action<Dictionary<string, string>> plant, Action<Dictionary<string, string>>? everyRow = null, string submitter = Provider)
    {
        var first = CleanRow(1);
        var bad = CleanRow(2);
        everyRow?.Invoke(first);
        everyRow?.Invoke(bad);
        plant(bad);
        return Validate(Csv(first, bad), submitter);
    }
}
