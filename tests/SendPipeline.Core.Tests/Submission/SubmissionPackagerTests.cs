using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.Submission;

/// <summary>The package's workbook as a spreadsheet user meets it, read back with System.Xml over the SDK's parts.</summary>
public class SubmissionPackagerTests
{
    private static readonly FinancialQuarter Q3 = new(new FinancialYear(2025), 3);

    private static (SubmissionSnapshot Snapshot, byte[] Workbook) Package()
    {
        var picture = PreSubmissionCheckTests.ConsistentQ3().Build();
        var workforce = WorkforceCapacity.Build(picture, SplitRules.Defaults, Q3.ToString());
        var snapshot = SubmissionSnapshot.Build(picture, "855", Q3, workforce, hnb: null, new FinancialYear(2024), dataQualityQueries: 0);
        var published = new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero);
        var files = SubmissionPackager.Build(snapshot, SignOffState.Evaluate([], snapshot.Hash), 1, published);
        return (snapshot, files.Single(f => f.Name == SubmissionPackager.WorkbookName).Content);
    }

    [Fact]
    public void Build_Workbook_HasCoverNotesAndATidySheetPerTableWithWidthsAndAFrozenHeader()
    {
        var (snapshot, workbook) = Package();

        var sheets = WorkbookReaders.OpenXml(workbook);

        Assert.Equal(["Cover", "Notes", .. snapshot.Tables.Select(t => t.Title)], sheets.Select(s => s.Name));
        Assert.All(sheets, s =>
            Assert.True(s.FrozenRows == 1 && s.ColumnWidths.Count > 0, $"{s.Name}: frozen {s.FrozenRows}, {s.ColumnWidths.Count} widths"));
        foreach (var sheet in sheets.Skip(2))
            Assert.Equal(["time_period", "geographic_level", "new_la_code", "old_la_code", "la_name"],
                sheet.Cells.Where(c => c.Reference.Length == 2 && c.Reference.EndsWith('1')).Take(5).Select(c => c.Value));
        Assert.Empty(WorkbookReaders.SchemaErrors(workbook));
    }

    [Fact]
    public void Build_Workbook_NegativeAmountsAreMoneyNumbersAndDatesAreDates()
    {
        var sheets = WorkbookReaders.OpenXml(Package().Workbook);

        var finance = sheets.Single(s => s.Name == "HNB actuals and budgets");
        Assert.Equal("amount (£)", finance["H1"].Value);
        // 2024-25 line 1.0.2, the place-funding deduction: a negative number in pounds, not the text "-50000.00".
        Assert.Equal("1.0.2", finance["F2"].Value);
        var deduction = finance["H2"];
        Assert.Equal((true, "-50000.00"), (deduction.IsNumber, deduction.Value));
        Assert.Equal("\"£\"#,##0;\\-\"£\"#,##0", deduction.NumberFormat);
        Assert.Equal((false, "202425"), (finance["A2"].IsNumber, finance["A2"].Value));

        var census = sheets.Single(s => s.Name == "EHC plans and SEN by setting");
        Assert.Equal("census_date", census["F1"].Value);
        var date = census["F2"];
        Assert.Equal((true, "45932", "yyyy\\-mm\\-dd"), (date.IsNumber, date.Value, date.NumberFormat));

        var split = sheets.Single(s => s.Name == "Experts at Hand split");
        Assert.Contains(split.Cells, c => c.Value == "share (%)");
        var published = sheets[0].Cells.Single(c => c.Reference == "B6");
        Assert.Equal((true, "46037.2916666667"), (published.IsNumber, published.Value));
    }
}
