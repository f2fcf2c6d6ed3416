using System.Text;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Validation;

public class FileLevelTests
{
    private static Issue Single(ValidationReport report, string ruleId)
    {
        Assert.Equal("rejected", report.Status);
        return Assert.Single(report.Issues, i => i.RuleId == ruleId);
    }

    [Fact]
    public void Validate_EmptyFile_IsRejectedAsEmpty()
    {
        var issue = Single(CensusFiles.Validate([]), "FILE-001");
        Assert.Null(issue.Row);
    }

    [Fact]
    public void Validate_HeaderOnly_IsRejectedForHavingNoRows()
    {
        Single(CensusFiles.Validate(string.Join(',', CensusFiles.Header) + "\r\n"), "FILE-002");
    }

    [Fact]
    public void Validate_BlankRowsAfterTheData_AreIgnoredButKeepRowNumbers()
    {
        var csv = CensusFiles.Csv(CensusFiles.CleanRow(1)) + ",,,,,,,,,,,,\r\n\r\n" + CensusFiles.Csv(CensusFiles.CleanRow(2)).Split("\r\n", 2)[1].Replace("UPN", "");
        var bad = csv.Replace("\r\n8552001,2026-01-15," + CensusFiles.ValidUpn(2), "\r\n8552001,2026-01-15,SHORT");

        var report = CensusFiles.Validate(bad);

        Assert.Equal(2, report.RowsRead);
        Assert.Equal(5, Assert.Single(report.Issues).Row);
    }

    [Fact]
    public void Validate_MissingRequiredColumn_IsAFileLevelErrorNamingIt()
    {
        var header = CensusFiles.Header.Where(h => h != "DOB").ToArray();

        var issue = Single(CensusFiles.Validate(CensusFiles.Csv([CensusFiles.CleanRow()], header)), "FILE-007");

        Assert.Equal(("DOB", (int?)null), (issue.Column, issue.Row));
        Assert.Contains("DOB", issue.Message);
    }

    [Fact]
    public void Validate_HeadersInAnyCaseOrderAndSpacing_AreMatched()
    {
        var header = CensusFiles.Header.Reverse().Select(h => h == "NCYearActual" ? "nc_year actual" : h.ToUpperInvariant()).ToArray();
        var row = CensusFiles.CleanRow();
        row["nc_year actual"] = row["NCYearActual"];
        foreach (var h in CensusFiles.Header) row[h.ToUpperInvariant()] = row[h];

        var report = CensusFiles.Validate(CensusFiles.Csv([row], header));

        Assert.Equal("accepted", report.Status);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_UnknownColumn_IsAQueryAndTheReturnIsAccepted()
    {
        var header = CensusFiles.Header.Append("Forename").ToArray();
        var row = CensusFiles.CleanRow();
        row["Forename"] = "Zoë";

        var report = CensusFiles.Validate(CensusFiles.Csv([row], header));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("FILE-008", Severity.Query, "accepted"), (issue.RuleId, issue.Severity, report.Status));
    }

    [Fact]
    public void Validate_Windows1252WithPoundAndAccents_IsAcceptedAndDetected()
    {
        var header = CensusFiles.Header.Concat(["Forename", "Note"]).ToArray();
        var row = CensusFiles.CleanRow();
        row["Forename"] = "Zoë-Chloé";
        row["Note"] = "Top-up £1,234.50";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(CensusFiles.Csv([row], header));
        var canonical = new StringWriter();

        var report = CensusFiles.Validate(bytes, canonical: canonical);

        Assert.Equal(("accepted", "Windows-1252"), (report.Status, report.Encoding));
        Assert.Contains(report.Issues, i => i.Value == "Forename");
        Assert.DoesNotContain("Zoë", canonical.ToString()); // only the return's own columns are kept
    }

    [Fact]
    public void Validate_Utf16File_IsRejectedWithTheEncodingNamed()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(CensusFiles.Csv(CensusFiles.CleanRow()))).ToArray();

        Assert.Contains("UTF-16", Single(CensusFiles.Validate(bytes), "FILE-005").Message);
    }

    [Fact]
    public void Validate_BinaryFileNamedCsv_IsRejectedAsNotText()
    {
        var bytes = new byte[4096];
        new Random(1).NextBytes(bytes);

        Single(CensusFiles.Validate(bytes), "FILE-004");
    }

    [Fact]
    public void Validate_UnclosedQuote_IsAnErrorAtTheRowItOpens()
    {
        var csv = CensusFiles.Csv(CensusFiles.CleanRow(1), CensusFiles.CleanRow(2)) + "8552001,\"2026-01-15,broken\r\n";

        Assert.Equal(4, Single(CensusFiles.Validate(csv), "FILE-015").Row);
    }

    [Fact]
    public void Validate_RowWithTooFewValues_IsAnErrorAtThatRow()
    {
        var csv = CensusFiles.Csv(CensusFiles.CleanRow(1)) + "8552001,2026-01-15\r\n";

        var issue = Single(CensusFiles.Validate(csv), "FILE-016");

        Assert.Equal(3, issue.Row);
    }

    [Fact]
    public void Validate_CanonicalForm_NormalisesDatesBooleansAndCodes()
    {
        var row = CensusFiles.CleanRow();
        row["DOB"] = "01/10/2016";
        row["SENType1"] = "slcn";
        row["TopUpFunding"] = "yes";
        var canonical = new StringWriter();

        var report = CensusFiles.Validate(Encoding.UTF8.GetBytes(CensusFiles.Csv(row)), canonical: canonical);

        Assert.Equal("accepted", report.Status);
        var lines = canonical.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', CensusFiles.Header) + ",SourceRow", lines[0]);
        Assert.Equal($"8552001,2026-01-15,{row["UPN"]},2016-10-01,M,4,K,SLCN,,N,N,Y,2021-09-01,2", lines[1]);
    }

    [Fact]
    public void Validate_ManyBadRows_CountsAllButKeepsDetailBounded()
    {
        var rows = Enumerable.Range(1, 500).Select(i => { var r = CensusFiles.CleanRow(i); r["Sex"] = "Q"; return (IReadOnlyDictionary<string, string>)r; });
        var bytes = Encoding.UTF8.GetBytes(CensusFiles.Csv(rows));

        var report = ReturnValidator.Validate(new MemoryStream(bytes), new ValidationRequest("f.csv", "school-census", "8552001", "855") { DetailLimit = 100 });

        Assert.Equal(500, report.Errors);
        Assert.Equal(100, report.Issues.Count);
        Assert.Equal(400, report.IssuesOmitted);
        Assert.Equal(500, report.CountsByRule["SC1700"]);
    }
}
