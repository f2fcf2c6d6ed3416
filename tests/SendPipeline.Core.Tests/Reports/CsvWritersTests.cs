using System.Text;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Reports;

public class CsvWritersTests
{
    private static ValidationReport Report(params Issue[] issues) => new()
    {
        File = "uploads/8552001/school-census/test.csv",
        ReturnType = "school-census",
        Status = UploadStatus.Rejected,
        RuleCatalogueVersion = "test",
        Issues = issues,
    };

    private static Issue Value(int row, string value) =>
        new("VAL-001", Severity.Error, row, "UPN", value, "The value is wrong.", "Correct it.");

    private static List<string[]> ReadBack(byte[] csv)
    {
        using var reader = new CsvTabularReader(new DetectingTextReader(new MemoryStream(csv)));
        var rows = new List<string[]> { reader.Header.ToArray() };
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString()).ToArray());
        return rows;
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+44 20")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTAB")]
    [InlineData("\rCR")]
    public void ReportCsv_FormulaLikeValue_IsWrittenAsTextWithALeadingApostrophe(string value)
    {
        var output = new MemoryStream();

        ReportCsv.Write(Report(Value(2, value)), output);

        var rows = ReadBack(output.ToArray());
        Assert.Equal("'" + value, rows[1][2]);
        Assert.Equal("2", rows[1][0]);
    }

    [Fact]
    public void ReportCsv_IsUtf8WithABomAndCrlf_AndQuotesOnlyWhatNeedsIt()
    {
        var output = new MemoryStream();

        ReportCsv.Write(Report(Value(3, "a,b"), Value(4, "plain") with { Row = null, Column = null }), output);

        var bytes = output.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "Row,Column,Value,Severity,RuleId,Message,HowToFix\r\n" +
            "3,UPN,\"a,b\",error,VAL-001,The value is wrong.,Correct it.\r\n" +
            ",,plain,error,VAL-001,The value is wrong.,Correct it.\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void CanonicalCsvWriter_QuotesOnlyWhatNeedsIt_WithLfLineEndsAndTheSourceRowLast()
    {
        var text = new StringWriter();
        using (var writer = new CanonicalCsvWriter(text, ["Name", "Note", "Date", "Flag", "Amount"]))
        {
            writer.SourceRow = 7;
            writer.Field("O'Neil");
            writer.Field("say \"hi\", then\nleave");
            writer.Field(new DateOnly(2026, 1, 2));
            writer.Field(true);
            writer.Field(1.5m, "0.00");
            writer.EndRow();
            writer.SourceRow = 9;
            writer.Field("");
            writer.Field("-1");
            writer.Field(null, default);
            writer.Field(false);
            writer.Field(-3m, "0.00");
            writer.EndRow();
        }

        Assert.Equal(
            "Name,Note,Date,Flag,Amount,SourceRow\n" +
            "O'Neil,\"say \"\"hi\"\", then\nleave\",2026-01-02,Y,1.50,7\n" +
            ",-1,,N,-3.00,9\n",
            text.ToString());
    }
}
