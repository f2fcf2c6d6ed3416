using System.Text;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Validation;

/// <summary>
/// Issue 15: a report is bounded whatever the upload holds. Values are shortened in one place, each
/// rule lists at most its first thousand issues, and the counts of the rest stay exact and are said.
/// </summary>
public class ReportBoundsTests
{
    [Fact]
    public void Shorten_TextWithinTheLimit_IsUnchanged()
    {
        var text = new string('x', IssueText.MaxChars);

        Assert.Same(text, IssueText.Shorten(text));
    }

    [Fact]
    public void Shorten_LongText_KeepsItsStartAndSaysItsLengthInAtMostTheLimit()
    {
        var text = "START" + new string('x', 5_000);

        var shown = IssueText.Shorten(text)!;

        Assert.True(shown.Length <= IssueText.MaxChars, shown);
        Assert.StartsWith("STARTxxx", shown);
        Assert.EndsWith("… (5,005 characters)", shown);
        Assert.Equal(shown, IssueText.Shorten(shown));
    }

    [Fact]
    public void Shorten_NeverCutsASurrogatePairInTwo()
    {
        var suffix = "… (1,000 characters)";
        var keep = IssueText.MaxChars - suffix.Length;
        // An emoji (two UTF-16 units) straddles the cut.
        var text = new string('a', keep - 1) + "😀" + new string('b', 1_000 - keep - 1);

        var shown = IssueText.Shorten(text)!;

        Assert.False(char.IsHighSurrogate(shown[shown.IndexOf('…') - 1]));
        Assert.EndsWith(suffix, shown);
    }

    [Fact]
    public void Collector_ListsAtMostTheRuleLimit_AndCountsEveryIssue()
    {
        var issues = new IssueCollector();
        for (var row = 2; row < 3_002; row++) issues.Add(ValueRules.NotADate, row, "DOB", "soon", ("value", "soon"), ("column", "DOB"));
        issues.Add(ValueRules.NotABoolean, 5, "TopUpFunding", "maybe");

        Assert.Equal(IssueCollector.PerRuleDetailLimit, issues.Issues.Count(i => i.RuleId == "VAL-002"));
        Assert.Equal((3_000, 1), (issues.CountsByRule["VAL-002"], issues.CountsByRule["VAL-003"]));
        Assert.Equal((3_001, 2_000), (issues.Errors, issues.Omitted));
    }

    [Fact]
    public void Collector_PastTheTotalLimit_StillListsTheFirstIssueOfEveryRule()
    {
        var issues = new IssueCollector(detailLimit: 5, perRuleLimit: 3);
        for (var row = 2; row < 12; row++) issues.Add(ValueRules.NotADate, row, "DOB", "x");
        for (var row = 2; row < 12; row++) issues.Add(ValueRules.NotANumber, row, "FTE", "x");
        issues.Add(ValueRules.NotABoolean, 3, "TopUpFunding", "x");

        Assert.Equal(["VAL-002", "VAL-002", "VAL-002", "VAL-005", "VAL-005", "VAL-003"], issues.Issues.Select(i => i.RuleId));
        Assert.Equal(21 - 6, issues.Omitted);
    }

    [Fact]
    public void Collector_ShortensTheValueColumnAndEveryArgumentButTheDetail()
    {
        var issues = new IssueCollector();
        var huge = new string('7', 50_000);
        var detail = "The pipeline's own sentence, which is longer than a hundred characters and is kept whole because it explains the problem.";

        issues.Add(ValueRules.NotADate, 2, huge, huge, ("value", huge), ("column", huge));
        issues.Add(FileRules.UnreadableWorkbook, null, null, null, ("detail", detail));

        var date = issues.Issues[0];
        Assert.Equal(IssueText.Shorten(huge), date.Value);
        Assert.Equal(IssueText.Shorten(huge), date.Column);
        Assert.True(date.Message.Length < 3 * IssueText.MaxChars, date.Message);
        Assert.Contains("(50,000 characters)", date.Message);
        Assert.Equal(detail, issues.Issues[1].Message);
    }

    /// <summary>3,000 rows, each with a 20,000-character bad value: 60 MB of bad values, a report of a few hundred KB.</summary>
    [Fact]
    public void Reports_OfAFileOfLongBadValues_AreBoundedAndSayHowManyMoreThereAre()
    {
        var bad = new string('Q', 20_000);
        var rows = Enumerable.Range(1, 3_000).Select(i =>
        {
            var row = CensusFiles.CleanRow(i);
            row["Sex"] = bad;
            return (IReadOnlyDictionary<string, string>)row;
        });
        var report = CensusFiles.Validate(Encoding.UTF8.GetBytes(CensusFiles.Csv(rows)));

        Assert.Equal(3_000, report.CountsByRule["SC1700"]);
        Assert.Equal(1_000, report.Issues.Count(i => i.RuleId == "SC1700"));
        Assert.All(report.Issues, i => Assert.True((i.Value?.Length ?? 0) <= IssueText.MaxChars));
        Assert.Contains(("SC1700", 2_000), report.NotListedByRule());

        var (json, csv, html) = (Render(ReportJson.Write, report), Render(ReportCsv.Write, report), Render(ReportHtml.Write, report));
        foreach (var rendered in new[] { json, csv, html })
        {
            Assert.True(rendered.Length < 2 * 1024 * 1024, $"{rendered.Length:N0} bytes");
            Assert.DoesNotContain(new string('Q', IssueText.MaxChars), rendered);
        }
        Assert.Contains(",error,SC1700,\"2,000 more issues of this rule are counted but not listed.\",", csv);
        Assert.Contains("SC1700</span>: 2,000 more issues of this rule are counted but not listed.", html);
        Assert.Equal(report.CountsByRule, ReportJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))).CountsByRule);
    }

    private static string Render(Action<ValidationReport, Stream> write, ValidationReport report)
    {
        var stream = new MemoryStream();
        write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
