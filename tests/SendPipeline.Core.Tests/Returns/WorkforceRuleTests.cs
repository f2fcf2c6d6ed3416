using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

public class WorkforceRuleTests
{
    public static TheoryData<string, string, string?, Severity, string> PlantedDefects() => new()
    {
        // rule id, column, row (null = file level), severity, name of the plant
        { "WF1000", "ServiceCode", "3", Severity.Error, "service-without-prefix" },
        { "WF1000", "ServiceCode", "3", Severity.Error, "service-la" },
        { "WF1001", "ServiceCode", null, Severity.Error, "service-other" },
        { "WF1100", "Quarter", "3", Severity.Error, "quarter-slash" },
        { "WF1100", "Quarter", "3", Severity.Error, "quarter-5" },
        { "WF1101", "Quarter", "3", Severity.Error, "quarter-differs" },
        { "WF1200", "PostId", "3", Severity.Error, "post-duplicate" },
        { "WF1200", "PostId", "3", Severity.Error, "post-duplicate-other-case" },
        { "WF1300", "Discipline", "3", Severity.Error, "discipline-psy" },
        { "WF1400", "Role", "3", Severity.Error, "role-admin" },
        { "WF1500", "FTE", "3", Severity.Error, "fte-0" },
        { "WF1500", "FTE", "3", Severity.Error, "fte-1.2" },
        { "WF1600", "Status", "3", Severity.Error, "status-temp" },
        { "WF1700", "AnnualCost", "3", Severity.Error, "cost-negative" },
        { "WF1710", "AnnualCost", "3", Severity.Query, "vacant-cost-0" },
        { "WF1800", "FundingSource", "3", Severity.Error, "funding-dsg" },
        { "WF1900", "TimeLimitedUntil", "3", Severity.Error, "transformation-no-end" },
        { "VAL-001", "PostId", "3", Severity.Error, "post-blank" },
        { "VAL-002", "TimeLimitedUntil", "3", Severity.Error, "until-us-order" },
        { "VAL-004", "AnnualCost", "3", Severity.Error, "cost-52k" },
        { "VAL-005", "FTE", "3", Severity.Error, "fte-half" },
    };

    private static void Plant(string name, Dictionary<string, string> row)
    {
        switch (name)
        {
            case "service-without-prefix": row["ServiceCode"] = "eps"; break;
            case "service-la": row["ServiceCode"] = "la"; break;
            case "service-other": row["ServiceCode"] = "svc-slt"; break;
            case "quarter-slash": row["Quarter"] = "2026/27 Q2"; break;
            case "quarter-5": row["Quarter"] = "2026-27 Q5"; break;
            case "quarter-differs": row["Quarter"] = "2026-27 Q3"; break;
            case "post-duplicate": row["PostId"] = "EP-001"; break;
            case "post-duplicate-other-case": row["PostId"] = "ep-001"; break;
            case "discipline-psy": row["Discipline"] = "PSY"; break;
            case "role-admin": row["Role"] = "Admin"; break;
            case "fte-0": row["FTE"] = "0"; break;
            case "fte-1.2": row["FTE"] = "1.2"; break;
            case "status-temp": row["Status"] = "Temp"; break;
            case "cost-negative": row["AnnualCost"] = "-£100.00"; break;
            case "vacant-cost-0": row["Status"] = "Vacant"; row["AnnualCost"] = "0"; break;
            case "funding-dsg": row["FundingSource"] = "DSG"; break;
            case "transformation-no-end": row["Role"] = "Transformation"; break;
            case "post-blank": row["PostId"] = ""; break;
            case "until-us-order": row["TimeLimitedUntil"] = "03/31/2028"; break;
            case "cost-52k": row["AnnualCost"] = "52k"; break;
            case "fte-half": row["FTE"] = "half"; break;
            default: throw new ArgumentException(name);
        }
    }

    [Theory]
    [MemberData(nameof(PlantedDefects))]
    public void Validate_PlantedDefect_IsReportedAtItsRowAndColumnWithTheSpecSeverity(string ruleId, string column, string? row, Severity severity, string plant)
    {
        var report = WorkforceFiles.ValidateWith(r => Plant(plant, r));

        Assert.Single(report.Issues);
        ReturnFiles.Single(report, ruleId, row is null ? null : int.Parse(row), column, severity);
    }

    [Fact]
    public void Catalogue_EveryWorkforceRuleIsPlantedByATest()
    {
        var planted = PlantedDefects().Select(d => (string)d[0]).ToHashSet();

        Assert.All(Core.Returns.Workforce.WorkforceRules.All, r => Assert.Contains(r.Id, planted));
    }

    [Fact]
    public void Validate_CleanFile_IsAcceptedWithNoIssuesAndTheQuarterAsPeriod()
    {
        var report = WorkforceFiles.Validate(Enumerable.Range(1, 30).Select(i => (IReadOnlyDictionary<string, string>)WorkforceFiles.CleanRow(i)));

        Assert.Equal("accepted", report.Status);
        Assert.Empty(report.Issues);
        Assert.Equal(30, report.RowsRead);
        Assert.Equal("2026-27 Q2", report.Period);
        Assert.Equal("svc-eps", report.Subject);
    }

    [Theory]
    [InlineData("Discipline", "salt", "Role", "frontline")]
    [InlineData("Discipline", "apo", "FundingSource", "icb")]
    [InlineData("Status", "VACANT", "AnnualCost", "£45,000")]
    [InlineData("Status", "agency", "AnnualCost", "£1,234.50")]
    [InlineData("Status", "Secondment", "AnnualCost", "0")]
    [InlineData("FTE", "1", "FundingSource", "other")]
    [InlineData("FTE", "1.0", "Quarter", "2026-27 q2")]
    [InlineData("FTE", "0.6081", "ServiceCode", "SVC-EPS")]
    [InlineData("Role", "TRANSFORMATION", "TimeLimitedUntil", "31/03/2028")]
    [InlineData("Role", "Transformation", "TimeLimitedUntil", "2020-01-01")]
    [InlineData("Role", "FrontLine", "TimeLimitedUntil", "2028-03-31")]
    [InlineData("Role", "Enabling", "TimeLimitedUntil", "")]
    public void Validate_ValidVariationsOfACleanRow_RaiseNothing(string column1, string value1, string column2, string value2)
    {
        var report = WorkforceFiles.ValidateWith(r =>
        {
            r[column1] = value1;
            r[column2] = value2;
        });

        Assert.Empty(report.Issues);
        Assert.Equal("accepted", report.Status);
    }

    [Fact]
    public void Validate_DuplicatePostId_NamesTheFirstRow()
    {
        var report = WorkforceFiles.ValidateWith(r => r["PostId"] = "EP-001");

        Assert.Contains("row 2", Assert.Single(report.Issues).Message);
    }

    [Fact]
    public void Validate_ServiceCodeOfAnotherService_IsReportedOnceForTheFile()
    {
        var rows = new[] { WorkforceFiles.CleanRow(1), WorkforceFiles.CleanRow(2), WorkforceFiles.CleanRow(3) };
        rows[1]["ServiceCode"] = "svc-slt";
        rows[2]["ServiceCode"] = "svc-ots";

        var report = WorkforceFiles.Validate(rows);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("WF1001", (int?)null, "svc-slt"), (issue.RuleId, issue.Row, issue.Value));
        Assert.Contains("row 3", issue.Message);
        Assert.Contains("svc-eps", issue.Message);
    }

    [Fact]
    public void Validate_LaUploadingOnAServicesBehalf_IsThatServicesReturn()
    {
        var report = WorkforceFiles.Validate([WorkforceFiles.CleanRow(1), WorkforceFiles.CleanRow(2)], submitter: "la");

        Assert.Equal("accepted", report.Status);
        Assert.Equal("svc-eps", report.Subject);
    }

    [Fact]
    public void Validate_LaUploadNamingTwoServices_IsAFileLevelErrorAgainstTheFirst()
    {
        var report = WorkforceFiles.ValidateWith(r => r["ServiceCode"] = "svc-slt", submitter: "la");

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("WF1001", (int?)null, "rejected"), (issue.RuleId, issue.Row, report.Status));
        Assert.Contains("the service on the first row (svc-eps)", issue.Message);
    }

    [Fact]
    public void Validate_WorkforceUploadedByASchool_IsRefused()
    {
        var report = WorkforceFiles.Validate([WorkforceFiles.CleanRow()], submitter: "8552001");

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("FILE-010", (int?)null, "rejected"), (issue.RuleId, issue.Row, report.Status));
    }

    [Fact]
    public void Validate_TransformationPostsWithoutTheOptionalColumn_AreEachAnError()
    {
        var header = WorkforceFiles.Header[..^1];
        var row = WorkforceFiles.CleanRow();
        row["Role"] = "Transformation";
        var csv = CensusFiles.Csv([row], header);

        var report = CensusFiles.Validate(System.Text.Encoding.UTF8.GetBytes(csv), "svc-eps", WorkforceFiles.ReturnType);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("WF1900", (int?)2, "TimeLimitedUntil"), (issue.RuleId, issue.Row, issue.Column));
    }

    [Fact]
    public void Validate_AcceptedFile_IsWrittenCanonically()
    {
        var row = WorkforceFiles.CleanRow();
        (row["ServiceCode"], row["Quarter"], row["Discipline"], row["Role"], row["FTE"], row["Status"], row["AnnualCost"], row["FundingSource"], row["TimeLimitedUntil"]) =
            ("SVC-EPS", "2026-27 q2", "salt", "transformation", "1.0", "vacant", "£45,000", "hnb", "31/03/2028");
        var canonical = new StringWriter();

        var report = WorkforceFiles.Validate([row, WorkforceFiles.CleanRow(2)], canonical: canonical);

        Assert.Equal("accepted", report.Status);
        Assert.Equal(
            "ServiceCode,Quarter,PostId,Discipline,Role,FTE,Status,AnnualCost,FundingSource,TimeLimitedUntil,SourceRow\n" +
            "svc-eps,2026-27 Q2,EP-001,SALT,Transformation,1,Vacant,45000.00,HNB,2028-03-31,2\n" +
            "svc-eps,2026-27 Q2,EP-002,EP,FrontLine,0.8,Filled,52400.00,EAH,,3\n",
            canonical.ToString());
    }
}
