using System.Globalization;
using System.Text;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Reports;

namespace SendPipeline.Core.Submission;

/// <summary>The tables of the return that no dataset writer already produces. No pupil identifier appears in any.</summary>
internal static class SubmissionTableWriters
{
    /// <summary>Pupils with an EHC plan (E) and on SEN support (K) per setting at the quarter's census.</summary>
    public static void WriteSenCounts(LaPicture picture, string laCode, DateOnly? census, Stream output)
    {
        var register = picture.Establishments.GroupBy(e => e.LaEstab).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = census is not { } date ? [] : picture.Census
            .Where(p => p.CensusDate == date && p.LaEstab.StartsWith(laCode, StringComparison.Ordinal) && p.Provision is 'E' or 'K')
            .GroupBy(p => (p.LaEstab, p.Provision))
            .OrderBy(g => g.Key.LaEstab, StringComparer.Ordinal).ThenBy(g => g.Key.Provision)
            .Select(g =>
            {
                var setting = register.GetValueOrDefault(g.Key.LaEstab);
                return Row(T(g.Key.LaEstab), T(setting?.Name), T(setting?.Phase), Iso(date), g.Key.Provision == 'E' ? "EHCP" : "SEN support", N(g.Count()));
            });
        Write(output, "LAEstab,SettingName,Phase,CensusDate,Provision,Pupils", rows);
    }

    /// <summary>The LA's children in placements active at the quarter's end, as the providers returned them for it.</summary>
    public static void WritePlacements(LaPicture picture, string laCode, FinancialQuarter quarter, Stream output)
    {
        var rows = picture.Placements
            .Where(p => p.ReturnDate == quarter.End && p.HomeLa.Trim() == laCode && p.ActiveOn(quarter.End))
            .GroupBy(p => (p.ProviderId, Category: PlacementCategories.Find(p.Category.Trim())?.Code ?? p.Category.Trim(), p.Ehcp))
            .OrderBy(g => g.Key.ProviderId, StringComparer.Ordinal).ThenBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Ehcp)
            .Select(g => Row(T(g.Key.ProviderId), Iso(quarter.End), T(g.Key.Category), g.Key.Ehcp ? "Y" : "N", N(g.Count())));
        Write(output, "ProviderId,ReturnDate,PlacementCategory,EHCP,Placements", rows);
    }

    /// <summary>Every High Needs Block line in force: actuals, budgets and forecasts, by year, line and basis.</summary>
    public static void WriteFinance(LaPicture picture, Stream output)
    {
        var rows = picture.FinanceLines
            .Select(f => (Year: f.FinancialYear.Trim(), Line: S251Lines.Find(f.S251Line.Trim())?.Code ?? f.S251Line.Trim(), Basis: f.Basis.Trim(), f.Amount))
            .OrderBy(f => f.Year, StringComparer.Ordinal).ThenBy(f => S251Lines.Order(f.Line)).ThenBy(f => f.Basis, StringComparer.Ordinal)
            .Select(f => Row(T(f.Year), T(f.Line), T(f.Basis), f.Amount.ToString("0.00", CultureInfo.InvariantCulture)));
        Write(output, "FinancialYear,S251Line,Basis,Amount", rows);
    }

    public static void WriteChecks(IReadOnlyList<CheckResult> checks, Stream output) =>
        Write(output, "CheckId,Check,Blocking,Outcome,Detail,ToChase",
            checks.Select(c => Row(T(c.Id), T(c.Title), c.Blocking ? "Y" : "N", T(c.Outcome), T(c.Detail), T(string.Join("; ", c.Items)))));

    private static void Write(Stream output, string header, IEnumerable<string> rows)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(header);
        foreach (var row in rows) w.WriteLine(row);
    }

    /// <summary>Cells already made safe: text through <see cref="T"/>, numbers as they are (a leading minus is not a formula).</summary>
    private static string Row(params string[] cells) => string.Join(',', cells);

    private static string T(string? text) => ReportCsv.Cell(text);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);


    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
