using System.Text;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Sen2;

/// <summary>
/// An issue's part (a sen2 module) in the three reports: "part" in the JSON, a Part column in the CSV and
/// the HTML; and no trace of it in the reports of returns whose issues have no part.
/// </summary>
public class Sen2ReportTests
{
    private static ValidationReport Report(params Issue[] issues) => new()
    {
        File = "uploads/la/sen2/x.zip",
        ReturnType = "sen2",
        Status = UploadStatus.Rejected,
        RuleCatalogueVersion = "v",
        Errors = issues.Length,
        Issues = issues,
    };

    private static string Write(Action<ValidationReport, Stream> writer, ValidationReport report)
    {
        var stream = new MemoryStream();
        writer(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static readonly Issue InRequests = new("S2-0100", Severity.Error, 3, "requeststableid", "21",
        "requeststableid '21' is already used on row 2 of this module.", "Export again.", "requests");

    private static readonly Issue WithoutPart = new("SC1510", Severity.Error, 3, "UPN", "X", "Wrong check letter.", "Copy it.");

    [Fact]
    public void APart_IsInTheJsonCsvAndHtml_AndReadBack()
    {
        var report = Report(InRequests, WithoutPart with { RuleId = "S2-0005", Row = null, Part = "senneed" });

        var json = Write(ReportJson.Write, report);
        Assert.Contains("\"part\": \"requests\"", json);
        var back = ReportJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(["requests", "senneed"], back.Issues.Select(i => i.Part));

        var csv = Write(ReportCsv.Write, report).Split("\r\n");
        Assert.StartsWith("Part,Row,Column,Value", csv[0].TrimStart('\uFEFF'));
        Assert.StartsWith("requests,3,requeststableid,21,error,S2-0100", csv[1]);

        var html = Write(ReportHtml.Write, report);
        Assert.Contains("<th scope=\"col\">Part</th><th scope=\"col\">Row</th>", html);
        Assert.Contains("<tr><td>requests</td><td>3</td>", html);
    }

    [Fact]
    public void IssuesWithoutAPart_WriteReportsWithNoPartAnywhere()
    {
        var report = Report(WithoutPart) with { ReturnType = "school-census" };

        Assert.DoesNotContain("part", Write(ReportJson.Write, report));
        Assert.StartsWith("Row,Column,Value", Write(ReportCsv.Write, report).TrimStart('\uFEFF'));
        var html = Write(ReportHtml.Write, report);
        Assert.DoesNotContain(">Part<", html);
        Assert.Contains("<thead><tr><th scope=\"col\">Row</th><th scope=\"col\">Column</th>", html);
    }
}
