using System.Text;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests;

/// <summary>Builds small eah-activity files from a clean row, with named cells overridden, and validates them.</summary>
internal static class EahActivityFiles
{
    public const string ReturnType = "eah-activity";

    public static readonly string[] Header = ["ServiceCode", "Quarter", "LAEstab", "Discipline", "DaysDelivered", "ActivityType"];

    /// <summary>Ten days of EP consultation at one Leicestershire school; each serial is another school.</summary>
    public static Dictionary<string, string> CleanRow(int serial = 1) => new()
    {
        ["ServiceCode"] = "svc-eps",
        ["Quarter"] = "2026-27 Q2",
        ["LAEstab"] = $"855{2000 + serial}",
        ["Discipline"] = "EP",
        ["DaysDelivered"] = "10",
        ["ActivityType"] = "Consultation",
    };

    public static ValidationReport Validate(IEnumerable<IReadOnlyDictionary<string, string>> rows, string submitter = "svc-eps", TextWriter? canonical = null) =>
        CensusFiles.Validate(Encoding.UTF8.GetBytes(CensusFiles.Csv(rows, Header)), submitter, ReturnType, canonical);

    public static ValidationReport Validate(params Dictionary<string, string>[] rows) => Validate(rows.AsEnumerable());

    /// <summary>A clean first row then the row under test, so row-relative rules have a reference.</summary>
    public static ValidationReport ValidateWith(Action<Dictionary<string, string>> plant, string submitter = "svc-eps")
    {
        var bad = CleanRow(2);
        plant(bad);
        return Validate([CleanRow(1), bad], submitter);
    }
}
