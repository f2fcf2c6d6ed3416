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

/// <summary>The file-level rules not covered above, each planted once; a clean file raises none of them.</summary>
public class FileRulePlantTests
{
    private static ValidationReport Run(byte[] bytes, string type = "school-census", string submitter = "8552001", long? length = null) =>
        ReturnValidator.Validate(new MemoryStream(bytes), new ValidationRequest($"uploads/{submitter}/{type}/f.csv", type, submitter, "855") { Length = length });

    private static void AssertFileLevel(ValidationReport report, string ruleId, int? row = null)
    {
        var issue = Assert.Single(report.Issues, i => i.RuleId == ruleId);
        Assert.Equal((Severity.Error, row, "rejected"), (issue.Severity, issue.Row, report.Status));
    }

    private static byte[] Clean() => Encoding.UTF8.GetBytes(CensusFiles.Csv(CensusFiles.CleanRow()));

    [Fact]
    public void Validate_LengthOverTheLimit_IsRefusedBeforeReading() =>
        AssertFileLevel(Run(Clean(), length: 101L * 1024 * 1024), "FILE-003");

    [Fact]
    public void Validate_StreamThatRunsPastTheLimit_IsStoppedAtTheLimit()
    {
        var report = ReturnValidator.Validate(new EndlessCensus(), new ValidationRequest("uploads/8552001/school-census/f.csv", "school-census", "8552001", "855"));

        AssertFileLevel(report, "FILE-003");
    }

    [Fact]
    public void Validate_Utf8ThatBreaksLater_IsABrokenEncodingError()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(CensusFiles.Csv(CensusFiles.CleanRow()).Replace("SLCN", "SLCN£")), .. Encoding.UTF8.GetBytes("8552001,"), 0xA3, (byte)'\n'];

        AssertFileLevel(Run(bytes), "FILE-006");
    }

    [Fact]
    public void Validate_ColumnTwice_IsADuplicateColumnError()
    {
        var header = CensusFiles.Header.Append("Sex").ToArray();

        Assert.Contains(Run(Encoding.UTF8.GetBytes(CensusFiles.Csv([CensusFiles.CleanRow()], header))).Issues, i => i.RuleId == "FILE-009" && i.Column == "Sex");
    }

    [Fact]
    public void Validate_UnknownReturnType_IsRefused() => AssertFileLevel(Run(Clean(), type: "pupil-names", submitter: "la"), "FILE-011");

    [Fact]
    public void Validate_UnrecognisedSubmitter_IsRefused() => AssertFileLevel(Run(Clean(), submitter: "st-marys"), "FILE-012");

    [Fact]
    public void Validate_WorkbookForAReturnThatIsCsvOnly_IsRefused() =>
        AssertFileLevel(Run([.. "PK\u0003\u0004"u8, .. new byte[100]], type: "hnb-finance", submitter: "la"), "FILE-013");

    [Fact]
    public void Validate_DamagedWorkbook_IsRefusedAsUnreadable() =>
        AssertFileLevel(Run([.. "PK\u0003\u0004"u8, .. new byte[100]]), "FILE-014");

    [Fact]
    public void Validate_RowLongerThanTheLimit_IsRefusedAtItsRow()
    {
        var csv = string.Join(',', CensusFiles.Header) + "\r\n" + new string('a', SendPipeline.Core.Reading.Limits.MaxRowChars + 10) + "\r\n";

        AssertFileLevel(Run(Encoding.UTF8.GetBytes(csv)), "FILE-017", row: 2);
    }

    [Fact]
    public void Validate_CleanFile_RaisesNoFileRule() =>
        Assert.DoesNotContain(Run(Clean()).Issues, i => i.RuleId.StartsWith("FILE-", StringComparison.Ordinal));

    [Fact]
    public void Catalogue_EveryFileRuleIsPlantedByATest()
    {
        var source = string.Concat(Directory.GetFiles(Path.GetDirectoryName(Repo.File("tests/SendPipeline.Core.Tests/CensusFiles.cs"))!, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));

        Assert.All(FileRules.All.Concat(ValueRules.All), r => Assert.Contains($"\"{r.Id}\"", source));
    }

    [Fact]
    public void EveryKnownReturnType_HasADefinition() =>
        Assert.All(SendPipeline.Core.Uploads.ReturnTypes.All, t => Assert.NotNull(SendPipeline.Core.Returns.ReturnRegistry.Find(t)));

    /// <summary>A census that never ends: only the size limit can stop reading it.</summary>
    private sealed class EndlessCensus : Stream
    {
        private readonly byte[] _header = Encoding.UTF8.GetBytes(string.Join(',', CensusFiles.Header) + "\r\n");
        private readonly byte[] _row = Encoding.UTF8.GetBytes(CensusFiles.Csv(CensusFiles.CleanRow()).Split("\r\n")[1] + "\r\n");
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                var source = _position < _header.Length ? _header : _row;
                var at = _position < _header.Length ? (int)_position : (int)((_position - _header.Length) % _row.Length);
                var n = Math.Min(count - written, source.Length - at);
                Array.Copy(source, at, buffer, offset + written, n);
                written += n;
                _position += n;
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
