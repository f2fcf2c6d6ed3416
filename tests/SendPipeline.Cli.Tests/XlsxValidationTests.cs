using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.Cli.Tests;

/// <summary>An Excel export, as a school would save it: real date cells, numbers as numbers.</summary>
public sealed class XlsxValidationTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Header = ["LAEstab", "CensusDate", "UPN", "DOB", "Sex", "NCYearActual", "SENProvision", "SENType1", "TopUpFunding"];

    private string Workbook(params object?[][] rows)
    {
        var path = Path.Combine(_dir, "uploads/8552001/school-census/census.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        SimpleXlsxWriter.Write(stream, Header, rows);
        return path;
    }

    private static object?[] Row(int serial, object? dob = null, string sex = "F") =>
        [8552001, new DateOnly(2026, 1, 15), Upn.Create($"855200125{serial:000}"), dob ?? new DateOnly(2016, 10, 1), sex, 4, "K", "SLCN", "N"];

    [Fact]
    public void Validate_CleanWorkbookWithDateCellsAndNumericCodes_IsAccepted()
    {
        var path = Workbook(Row(1), Row(2), Row(3));

        var report = ReturnValidator.Validate(File.OpenRead(path), new ValidationRequest(path, "school-census", "8552001", "855"));

        Assert.Equal(("accepted", 3, "xlsx"), (report.Status, report.RowsRead, report.Format));
        Assert.Empty(report.Issues);
        Assert.Equal("2026-01-15", report.Period);
    }

    [Fact]
    public async Task Validate_WorkbookWithAnError_ReportsItAtItsSpreadsheetRowAndExitsOne()
    {
        var path = Workbook(Row(1), Row(2), Row(3, sex: "Boy"));
        var json = Path.Combine(_dir, "report.json");

        var (exit, output, _) = await CliRunner.Run("validate", path, "--json", json);

        Assert.Equal(1, exit);
        var report = SendPipeline.Core.Reports.ReportJson.Read(File.OpenRead(json));
        var issue = Assert.Single(report.Issues);
        Assert.Equal(("SC1700", 4, "Sex", "Boy"), (issue.RuleId, issue.Row!.Value, issue.Column!, issue.Value!));
        Assert.Contains("REJECTED", output);
    }

    [Fact]
    public void Validate_DateOfBirthTypedAsUkText_IsReadAsADate()
    {
        var path = Workbook(Row(1, dob: "01/10/2016"));

        var report = ReturnValidator.Validate(File.OpenRead(path), new ValidationRequest(path, "school-census", "8552001", "855"));

        Assert.Equal("accepted", report.Status);
    }
}
