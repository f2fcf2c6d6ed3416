using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Submission;

/// <summary>
/// The quarter's data, frozen: every table of the return, the pre-submission checks and the lineage
/// (the upload versions and their hashes, the assumptions, the rule catalogue). <see cref="Hash"/>
/// identifies it: sign-offs name it, so any change to the returns in force, the assumptions or the
/// rules gives a new hash and voids them.
/// </summary>
public sealed record SubmissionSnapshot(
    string LaCode,
    FinancialQuarter Quarter,
    IReadOnlyList<SubmissionTable> Tables,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<LineageEntry> Returns,
    IReadOnlyList<AssumptionsLineage> Assumptions,
    string RuleCatalogueVersion)
{
    /// <summary>
    /// Bumped when the tables' layout changes, so a package says which layout it follows. 2: the DfE's
    /// tidy columns first, units in the headers, shares in percent (<see cref="SubmissionTables"/>).
    /// </summary>
    public const string SchemaVersion = "2";

    public string Hash { get; } = ComputeHash(LaCode, Quarter, Tables, Checks, Returns, Assumptions, RuleCatalogueVersion);

    /// <summary>The counts the checks state, from the snapshot's own <c>counts</c> table (null without one).</summary>
    public ReturnCounts? Counts => Tables.FirstOrDefault(t => t.Name == ReturnCounts.TableName) is { } table
        ? CountsOf(table, Quarter) : null;

    /// <summary>Reads the counts back from the package's <c>counts</c> table, so a stored snapshot states the same.</summary>
    public static ReturnCounts? CountsOf(SubmissionTable table, FinancialQuarter quarter) =>
        ReturnCounts.FromRows(quarter.ToString(), table.Rows().Select(r =>
            new CountRow((string)r[6]!, (int)(decimal)r[7]!, r[8] as string ?? "")));

    public IReadOnlyList<CheckResult> BlockingFailures => [.. Checks.Where(c => c.Blocking && !c.Passed)];

    /// <summary>
    /// Freezes the quarter from the picture and the datasets built from it. <paramref name="workforce"/>
    /// must be built for <paramref name="quarter"/>; <paramref name="hnb"/> is null when the forecast
    /// could not run (the finance check then says why).
    /// </summary>
    public static SubmissionSnapshot Build(LaPicture picture, string laCode, FinancialQuarter quarter, WorkforceCapacity workforce,
        HnbForecastResult? hnb, FinancialYear baseYear, int dataQualityQueries)
    {
        if (workforce.Quarter is { } built && built != quarter.ToString())
            throw new ArgumentException($"The workforce dataset is for {built}, not {quarter}.", nameof(workforce));
        var counts = ReturnCounts.For(picture, laCode, quarter);
        var checks = PreSubmissionChecks.Run(picture, laCode, quarter, workforce.Split, baseYear, dataQualityQueries,
            counts);
        var census = PreSubmissionChecks.CensusFor(picture, quarter);
        var la = LaIdentity.Of(laCode);
        List<SubmissionTable> tables =
        [
            SubmissionTable.Create(SubmissionTables.Checks, SubmissionTableWriters.Checks(checks, la, quarter)),
            SubmissionTable.Create(SubmissionTables.Counts, SubmissionTableWriters.Counts(counts, la, quarter)),
            SubmissionTable.Create(SubmissionTables.SenCounts, SubmissionTableWriters.SenCounts(picture, la, census)),
            SubmissionTable.Create(SubmissionTables.Placements,
                SubmissionTableWriters.Placements(picture, la, quarter)),
            SubmissionTable.Create(SubmissionTables.HnbFinance, SubmissionTableWriters.Finance(picture, la)),
            SubmissionTable.Create(SubmissionTables.HnbForecast, SubmissionTableWriters.Forecast(hnb, la)),
            SubmissionTable.Create(SubmissionTables.WorkforceFte, SubmissionTableWriters.Fte(workforce, la)),
            SubmissionTable.Create(SubmissionTables.WorkforceCost, SubmissionTableWriters.Cost(workforce, la)),
            SubmissionTable.Create(SubmissionTables.EahSplit, SubmissionTableWriters.Split(workforce, la)),
            SubmissionTable.Create(SubmissionTables.SettingDays, SubmissionTableWriters.SettingDays(workforce, la)),
            SubmissionTable.Create(SubmissionTables.EahOutreach, SubmissionTableWriters.Outreach(workforce, la)),
            SubmissionTable.Create(SubmissionTables.WorkforceFindings, SubmissionTableWriters.Findings(workforce, la)),
            SubmissionTable.Create(SubmissionTables.EhcTimeliness, SubmissionTableWriters.EhcTimeliness(picture, la, quarter)),
        ];
        return new SubmissionSnapshot(laCode, quarter, tables, checks, LineageEntry.Sorted(picture.Lineage), AssumptionsLineage.Of(picture),
            Validation.RuleCatalogue.Version);
    }

    /// <summary>
    /// Over a canonical listing, not over serialised JSON, so the hash does not move with a serialiser's formatting.
    /// The checks are in it too: they decide final or draft, so a stored snapshot cannot pass a check it failed.
    /// </summary>
    private static string ComputeHash(string laCode, FinancialQuarter quarter, IReadOnlyList<SubmissionTable> tables,
        IReadOnlyList<CheckResult> checks, IReadOnlyList<LineageEntry> returns, IReadOnlyList<AssumptionsLineage> assumptions, string rules)
    {
        var text = new StringBuilder();
        text.Append("sendpipeline-snapshot ").Append(SchemaVersion).Append('\n')
            .Append("la ").Append(laCode).Append('\n')
            .Append("quarter ").Append(quarter.ToString()).Append('\n')
            .Append("rules ").Append(rules).Append('\n');
        foreach (var t in tables) text.Append("table ").Append(t.Name).Append(' ').Append(t.Sha256).Append('\n');
        foreach (var c in checks)
            text.Append("check ").Append(c.Id).Append(c.Blocking ? " blocking " : " advisory ").Append(c.Passed ? "pass " : "fail ")
                .Append(Sha256Hex(string.Join('\u001f', [c.Detail, .. c.Items]))).Append('\n');
        foreach (var r in returns) text.Append("return ").Append(r.ReturnType).Append(' ').Append(r.UploadId).Append(' ').Append(r.ContentHash).Append('\n');
        foreach (var a in assumptions) text.Append("assumptions ").Append(a.Source).Append(' ').Append(a.Version).Append(' ').Append(a.Sha256).Append('\n');
        return Sha256Hex(text.ToString());
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
