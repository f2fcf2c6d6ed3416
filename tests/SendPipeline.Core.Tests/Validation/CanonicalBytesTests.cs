using System.Text;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Validation;

/// <summary>
/// The canonical copy and the report of a census with every kind of value, byte for byte as the validator wrote them
/// before it was made faster (issue 20): written through a text writer or straight to bytes, they must not change.
/// </summary>
public class CanonicalBytesTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// Windows-1252 (a pound sign and an accent), quoted values holding commas, quotes and a line break, UK dates,
    /// spaces around values, lower-case codes, every spelling of a boolean, a blank row, a UPN three times and one
    /// with a temporary last letter, year groups N1, R and X, a row too short, and values that break each rule.
    /// </summary>
    private static byte[] Upload()
    {
        var upn1 = CensusFiles.ValidUpn(1);
        var upn2 = CensusFiles.ValidUpn(2);
        var temporary = SendPipeline.Core.Reference.Upn.Create("85520012500A");
        string[] rows =
        [
            string.Join(',', CensusFiles.Header),
            $"8552001,2026-01-15,{upn1},2016-10-01,M,4,K,SLCN,,N,N,N,2021-09-01",
            $" 8552001 ,15/01/2026,{upn2.ToLowerInvariant()},1/9/2016,f,R,e,asd,semh,yes,no,TRUE,1/9/2020",
            ",,,,,,,,,,,,",
            $"8552001,2026-01-15,{upn1},2016-10-01,M,4,K,SLCN,,1,0,,2021-09-01",
            $"8552001,2026-01-15,{temporary},2022-02-01,M,N1,N,,,N,N,N,",
            $"8552001,2026-01-15,{upn1},2004-10-01,Q,X,K,\"Caf\u00e9, \"\"quoted\"\"\",\"two\nlines\",maybe,N,N,2027-01-01",
            $"8552001,2026-01-15,A12345,2016-10-01,M,4,K,\u00a3,,N,N,N,01/13/2020",
            "8552001,2026-01-15",
            $"8562001,2026-02-15,{upn2},2016-10-01,M,4,K,SLCN,,N,N,N,2021-09-01",
        ];
        return Windows1252.GetBytes(string.Join("\r\n", rows) + "\r\n");
    }

    private static ValidationRequest Request() => new("uploads/8552001/school-census/f.csv", "school-census", "8552001", "855");

    /// <summary>The canonical copy as the validator wrote it before issue 20 (LF line ends, UTF-8, no BOM).</summary>
    private static readonly string[] Canonical =
    [
        "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1,SENType2,SENUnitIndicator," +
        "ResourcedProvisionIndicator,TopUpFunding,EntryDate,SourceRow",
        "8552001,2026-01-15,N855200125001,2016-10-01,M,4,K,SLCN,,N,N,N,2021-09-01,2",
        "8552001,2026-01-15,C855200125002,2016-09-01,F,R,E,ASD,SEMH,Y,N,Y,2020-09-01,3",
        "8552001,2026-01-15,N855200125001,2016-10-01,M,4,K,SLCN,,Y,N,N,2021-09-01,5",
        "8552001,2026-01-15,Z85520012500A,2022-02-01,M,N1,N,,,N,N,N,,6",
        "8552001,2026-01-15,N855200125001,2004-10-01,Q,X,K,\"Caf\u00e9, \"\"quoted\"\"\",\"two",
        "lines\",N,N,N,2027-01-01,7",
        "8552001,2026-01-15,A12345,2016-10-01,M,4,K,\u00a3,,N,N,N,,8",
        "8562001,2026-02-15,C855200125002,2016-10-01,M,4,K,SLCN,,N,N,N,2021-09-01,10",
    ];

    /// <summary>
    /// SHA-256 of the report's CSV (17 issues: both file-level LAEstab errors, duplicates on rows 5, 7 and 10, a
    /// temporary UPN, a row too short, and a broken value of each kind) as written before issue 20.
    /// </summary>
    private const string ReportCsvSha256 = "7a8433365491d67219eef21e656a3edd18b99aad05e4bb0de5710ea0b0671584";

    [Fact]
    public void Validate_EveryKindOfValue_WritesTheCanonicalCopyAndReportAsBefore()
    {
        var text = new StringWriter();
        var report = ReturnValidator.Validate(new MemoryStream(Upload()), Request(), text);
        var bytes = new MemoryStream();
        var again = ReturnValidator.ValidateInto(new MemoryStream(Upload()), Request(), bytes);

        var expected = string.Join('\n', Canonical) + "\n";
        Assert.Equal(expected, text.ToString());
        Assert.Equal(new UTF8Encoding(false).GetBytes(expected), bytes.ToArray());
        Assert.Equal(ReportCsvSha256, Sha256(report));
        Assert.Equal(ReportCsvSha256, Sha256(again));
    }

    private static string Sha256(ValidationReport report)
    {
        var csv = new MemoryStream();
        ReportCsv.Write(report, csv);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv.ToArray()));
    }
}
