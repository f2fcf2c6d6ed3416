using System.Globalization;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.SampleData.Tables;

namespace SendPipeline.SampleData.Finance;

/// <summary>
/// One file per financial year, as the finance team saves it from Excel: Windows-1252 (the notes
/// hold £ and en dashes), amounts in pounds, some with a £ and thousands separators.
/// </summary>
internal static class HnbFinanceFile
{
    public static readonly IReadOnlyList<string> Columns = ["FinancialYear", "S251Line", "Basis", "Amount", "Note"];

    public static TableFile Build(FinancialYear year, IEnumerable<FinanceRow> rows, bool poundsWithSeparators)
    {
        var file = new TableFile(Submitter.LocalAuthorityId, ReturnTypes.HnbFinance, $"hnb-{year}.csv", Columns, TableEncoding.Windows1252);
        foreach (var r in rows.Where(r => r.Year == year))
            file.Add(r.Year.ToString(), r.Line, r.Basis, Amount(r.Amount, poundsWithSeparators), r.Note);
        return file;
    }

    /// <remarks>A negative amount is always plain: the spec does not say where a minus goes with a £.</remarks>
    public static string Amount(decimal amount, bool poundsWithSeparators) => poundsWithSeparators && amount >= 0
        ? "£" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture)
        : TableFile.Money(amount);
}
