using System.Globalization;
using System.Text.Json;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.Workforce;

/// <summary>The workforce-capacity dataset as CSV tables (for Power BI and Excel) and one JSON document.</summary>
public static class WorkforceWriters
{
    public static void WriteJson(WorkforceCapacity capacity, Stream output) => JsonSerializer.Serialize(output, capacity, ReportJson.Options);

    public static void WriteFte(WorkforceCapacity c, Stream output) => Write(output, "Quarter,Discipline,Role,FteFilled,FteVacant,FteAgency,FteSecondment,Posts",
        c.Fte.Select(r => Row(r.Quarter, r.Discipline, r.Role, N(r.Filled), N(r.Vacant), N(r.Agency), N(r.Secondment), r.Posts.ToString(CultureInfo.InvariantCulture))));

    public static void WriteCost(WorkforceCapacity c, Stream output) => Write(output, "Quarter,Role,FundingSource,AnnualCost",
        c.Cost.Select(r => Row(r.Quarter, r.Role, r.FundingSource, r.AnnualCost.ToString("0.00", CultureInfo.InvariantCulture))));

    public static void WriteSplit(WorkforceCapacity c, Stream output) => Write(output, "Quarter,Role,EahCost,Share,Rule,Meets",
        c.Split.Select(r => Row(r.Quarter, r.Role, r.Cost.ToString("0.00", CultureInfo.InvariantCulture), N(r.Share), r.Rule, YN(r.Meets))));

    /// <summary>Year-to-date columns come after the quarter's, so a report built on the first seven keeps working.</summary>
    public static void WriteSettingDays(WorkforceCapacity c, Stream output) => Write(output,
        "Quarter,LAEstab,Name,Phase,DaysDelivered,QuarterTarget,NoSupport,YearToDateDays,YearToDateTarget,NoSupportThisYear",
        c.SettingDays.Select(r => Row(r.Quarter, r.LaEstab, r.Name, r.Phase ?? "", N(r.DaysDelivered), N(r.Target), YN(r.NoSupport),
            N(r.YearToDateDays), N(r.YearToDateTarget), YN(r.NoSupportThisYear))));

    /// <summary>One row for the quarter (none when there is no quarter).</summary>
    public static void WriteOutreach(WorkforceCapacity c, Stream output) => Write(output,
        "Quarter,FinancialYear,FundedFrom,FundedUntil,InWindow,EahPosts,EahFte,EahCost,OtherFundedFte",
        c.Outreach is not { } r ? [] :
        [Row(r.Quarter, r.FinancialYear, r.FundedFrom, r.FundedUntil, YN(r.InWindow), r.EahPosts.ToString(CultureInfo.InvariantCulture),
            N(r.EahFte), r.EahCost.ToString("0.00", CultureInfo.InvariantCulture), N(r.OtherFundedFte))]);

    public static void WriteChecks(WorkforceCapacity c, Stream output) => Write(output, "Quarter,Check,ServiceCode,PostId,Finding,Action",
        c.Checks.Select(r => Row(r.Quarter, r.Check, r.ServiceCode ?? "", r.PostId ?? "", r.Finding, r.Action)));

    private static void Write(Stream output, string header, IEnumerable<string[]> rows)
    {
        using var csv = ExcelCsv.Create(output, ExcelCsv.TableOptions);
        csv.WriteRecord(header.Split(','));
        foreach (var row in rows) csv.WriteRecord(row);
    }

    private static string[] Row(params string[] cells) => cells;

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string N(decimal? value) => value is { } v ? N(v) : "";

    private static string YN(bool value) => value ? "Y" : "N";
}
