using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Tests.Sen2;

/// <summary>The XLSX reader's named sheets, which the sen2 workbook needs: listing them and opening one by name.</summary>
public class XlsxNamedSheetTests
{
    [Fact]
    public void SheetNames_ListEverySheetInOrder_AndASheetOpensByItsNameInAnyCase()
    {
        var workbook = Sen2Fixture.Clean().Workbook(extraSheet: "Notes");

        Assert.Equal(["Person", "Requests", "Assessments", "Named Plan", "Plan Detail", "Active Plan", "Placement Detail",
            "SEN Need", "Notes"], XlsxTabularReader.SheetNames(workbook));
        Assert.Equal(0, workbook.Position);

        using var reader = new XlsxTabularReader(workbook, sheetName: "named plan");
        Assert.Equal(Sen2Fixture.Modules[4].Columns, reader.Header);
        Assert.True(reader.Read());
        Assert.Equal((2, "41"), (reader.RowNumber, reader[0].ToString()));
    }

    [Fact]
    public void ASheetTheWorkbookDoesNotHave_IsUnreadable_AndNotAWorkbookIsToo()
    {
        var missing = Assert.Throws<TabularFormatException>(() =>
            new XlsxTabularReader(Sen2Fixture.Clean().Workbook(), sheetName: "Header"));
        Assert.Equal(TabularProblem.UnreadableWorkbook, missing.Problem);

        var notZip = Assert.Throws<TabularFormatException>(() =>
            XlsxTabularReader.SheetNames(new MemoryStream("PK\u0003\u0004 not really"u8.ToArray())));
        Assert.Equal(TabularProblem.UnreadableWorkbook, notZip.Problem);
    }
}
