using System.Text;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests;

/// <summary>Builds small workforce files from a clean post, with named cells overridden, and validates them.</summary>
internal static class WorkforceFiles
{
    public const string ReturnType = "workforce";

    public static readonly string[] Header =
    [
        "ServiceCode", "Quarter", "PostId", "Discipline", "Role", "FTE", "Status", "AnnualCost", "FundingSource", "TimeLimitedUntil",
    ];

    /// <summary>A filled front-line educational psychologist post in the EPS's 2026-27 Q2 return.</summary>
    public static Dictionary<string, string> CleanRow(int serial = 1) => new()
    {
        ["ServiceCode"] = "svc-eps",
        ["Quarter"] = "2026-27 Q2",
        ["PostId"] = $"EP-{serial:000}",
        ["Discipline"] = "EP",
        ["Role"] = "FrontLine",
        ["FTE"] = "0.8",
        ["Status"] = "Filled",
        ["AnnualCost"] = "52400",
        ["FundingSource"] = "EAH",
        ["TimeLimitedUntil"] = "",
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
