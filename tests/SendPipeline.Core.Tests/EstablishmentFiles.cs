using System.Text;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests;

/// <summary>Builds small GIAS extracts (the return's columns among some of GIAS's others) and validates them.</summary>
internal static class EstablishmentFiles
{
    /// <summary>GIAS's order, with a few of the columns the return ignores in between.</summary>
    public static readonly string[] Header =
    [
        "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (code)",
        "TypeOfEstablishment (name)", "EstablishmentStatus (code)", "EstablishmentStatus (name)", "PhaseOfEducation (code)",
        "PhaseOfEducation (name)", "NumberOfPupils", "Postcode",
    ];

    /// <summary>An open community primary school in Leicestershire.</summary>
    public static Dictionary<string, string> CleanRow(int serial = 1) => new()
    {
        ["URN"] = (120_000 + serial).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LA (code)"] = "855",
        ["LA (name)"] = "Leicestershire",
        ["EstablishmentNumber"] = (2000 + serial).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["EstablishmentName"] = $"Sample Primary School {serial}",
        ["TypeOfEstablishment (code)"] = "1",
        ["TypeOfEstablishment (name)"] = "Community school",
        ["EstablishmentStatus (code)"] = "1",
        ["EstablishmentStatus (name)"] = "Open",
        ["PhaseOfEducation (code)"] = "2",
        ["PhaseOfEducation (name)"] = "Primary",
        ["NumberOfPupils"] = "212",
        ["Postcode"] = "LE1 1AA",
    };

    public static string Csv(params Dictionary<string, string>[] rows) => CensusFiles.Csv(rows, Header);

    public static string Csv(IEnumerable<IReadOnlyDictionary<string, string>> rows, string[]? header = null) => CensusFiles.Csv(rows, header ?? Header);

    public static ValidationReport Validate(string csv, string submitter = "la", TextWriter? canonical = null) =>
        Validate(new UTF8Encoding(false).GetBytes(csv), submitter, canonical);

    public static ValidationReport Validate(byte[] bytes, string submitter = "la", TextWriter? canonical = null) =>
        ReturnValidator.Validate(new MemoryStream(bytes), new ValidationRequest($"uploads/{submitter}/establishments/edubasealldata.csv", "establishments", submitter, "855"), canonical);

    /// <summary>A clean first row then the row under test.</summary>
    public static ValidationReport ValidateWith(Action<Dictionary<string, string>> plant)
    {
        var bad = CleanRow(2);
        plant(bad);
        return Validate(Csv(CleanRow(1), bad));
    }
}
