using SendPipeline.Core.Returns.EahActivity;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Tests.Rows;

namespace SendPipeline.Core.Tests.Returns;

public class EahActivityRuleTests
{
    public static TheoryData<string, string, string?, Severity, string> PlantedDefects() => new()
    {
        // rule id, column, row (null = file level), severity, name of the plant
        { "EA1000", "ServiceCode", "3", Severity.Error, "service-upper-no-prefix" },
        { "EA1001", "ServiceCode", null, Severity.Error, "service-other" },
        { "EA1100", "Quarter", "3", Severity.Error, "quarter-reversed" },
        { "EA1101", "Quarter", "3", Severity.Error, "quarter-differs" },
        { "EA1200", "LAEstab", "3", Severity.Error, "laestab-6-digits" },
        { "EA1200", "LAEstab", "3", Severity.Error, "laestab-letters" },
        { "EA1210", "LAEstab", "3", Severity.Error, "laestab-la-999" },
        { "EA1300", "Discipline", "3", Severity.Error, "discipline-xx" },
        { "EA1400", "DaysDelivered", "3", Severity.Error, "days-66" },
        { "EA1410", "DaysDelivered", "3", Severity.Error, "days-quarter" },
        { "EA1420", "DaysDelivered", "3", Severity.Error, "days-over-for-setting" },
        { "EA1500", "ActivityType", "3", Severity.Error, "activity-visit" },
        { "EA1600", "LAEstab", "3", Severity.Query, "activity-repeated" },
        { "VAL-001", "ActivityType", "3", Severity.Error, "activity-blank" },
        { "VAL-005", "DaysDelivered", "3", Severity.Error, "days-negative" },
        { "VAL-005", "DaysDelivered", "3", Severity.Error, "days-text" },
    };

    private static void Plant(string name, Dictionary<string, string> row)
    {
        switch (name)
        {
            case "service-upper-no-prefix": row["ServiceCode"] = "EPS"; break;
            case "service-other": row["ServiceCode"] = "svc-slt"; break;
            case "quarter-reversed": row["Quarter"] = "Q2 2026-27"; break;
            case "quarter-differs": row["Quarter"] = "2026-27 Q1"; break;
            case "laestab-6-digits": row["LAEstab"] = "855200"; break;
            case "laestab-letters": row["LAEstab"] = "855200A"; break;
            case "laestab-la-999": row["LAEstab"] = "9992001"; break;
            case "discipline-xx": row["Discipline"] = "XX"; break;
            case "days-66": row["DaysDelivered"] = "66"; break;
            case "days-quarter": row["DaysDelivered"] = "2.25"; break;
            // Row 2 has 10 days of EP consultation at 8552001: 55.5 more of EP assessment there is 65.5.
            case "days-over-for-setting": row["LAEstab"] = "8552001"; row["ActivityType"] = "Assessment"; row["DaysDelivered"] = "55.5"; break;
            case "activity-visit": row["ActivityType"] = "Visit"; break;
            case "activity-repeated": row["LAEstab"] = "8552001"; row["ActivityType"] = "consultation"; break;
            case "activity-blank": row["ActivityType"] = ""; break;
            case "days-negative": row["DaysDelivered"] = "-1"; break;
            case "days-text": row["DaysDelivered"] = "ten"; break;
            default: throw new ArgumentException(name);
        }
    }

    [Theory]
    [MemberData(nameof(PlantedDefects))]
    public void Validate_PlantedDefect_IsReportedAtItsRowAndColumnWithTheSpecSeverity(string ruleId, string column, string? row, Severity severity, string plant)
    {
        var report = EahActivityFiles.ValidateWith(r => Plant(plant, r));

        Assert.Single(report.Issues);
        ReturnFiles.Single(report, ruleId, row is null ? null : int.Parse(row), column, severity);
    }

    [Fact]
    public void Catalogue_EveryEahActivityRuleIsPlantedByATest()
    {
        var planted = PlantedDefects().Select(d => (string)d[0]).Concat(RegisterDefects().Select(d => (string)d[0])).ToHashSet();

        Assert.All(EahActivityRules.All, r => Assert.Contains(r.Id, planted));
    }

    private static readonly Dictionary<string, string> Register = new()
    {
        ["8552001"] = "Open", ["8552002"] = "Open, but proposed to close", ["8552003"] = "Closed", ["8552004"] = "Proposed to open", ["8552005"] = "Open",
    };

    private static ValidationReport ValidateAgainstRegister(string laEstab)
    {
        var rows = new[] { EahActivityFiles.CleanRow(1), EahActivityFiles.CleanRow(2) };
        rows[1]["LAEstab"] = laEstab;
        var bytes = System.Text.Encoding.UTF8.GetBytes(CensusFiles.Csv(rows, EahActivityFiles.Header));
        return ReturnValidator.Validate(new MemoryStream(bytes),
            new ValidationRequest("uploads/svc-eps/eah-activity/q.csv", "eah-activity", "svc-eps", "855") { Register = Register });
    }

    public static TheoryData<string, string> RegisterDefects() => new()
    {
        { "EA1220", "8552999" },
        { "EA1230", "8552003" },
        { "EA1230", "8552004" },
    };

    [Theory]
    [MemberData(nameof(RegisterDefects))]
    public void Validate_SettingNotKnownAndOpenInTheRegister_IsAQueryAtItsRow(string ruleId, string laEstab)
    {
        var report = ValidateAgainstRegister(laEstab);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((ruleId, 3, "LAEstab", Severity.Query, "accepted"), (issue.RuleId, issue.Row!.Value, issue.Column!, issue.Severity, report.Status));
    }

    [Theory]
    [InlineData("8552002")]
    [InlineData("8552005")]
    public void Validate_OpenSettingsInTheRegister_RaiseNothing(string laEstab) => Assert.Empty(ValidateAgainstRegister(laEstab).Issues);

    [Fact]
    public void Validate_CleanFile_IsAcceptedWithNoIssuesAndTheQuarterAsPeriod()
    {
        var report = EahActivityFiles.Validate(Enumerable.Range(1, 40).Select(i => (IReadOnlyDictionary<string, string>)EahActivityFiles.CleanRow(i)));

        Assert.Equal("accepted", report.Status);
        Assert.Empty(report.Issues);
        Assert.Equal(40, report.RowsRead);
        Assert.Equal("2026-27 Q2", report.Period);
        Assert.Equal("svc-eps", report.Subject);
    }

    [Theory]
    [InlineData("DaysDelivered", "0", "ActivityType", "directwork")]
    [InlineData("DaysDelivered", "0.5", "ActivityType", "TRAINING")]
    [InlineData("DaysDelivered", "12.5", "Discipline", "salt")]
    [InlineData("DaysDelivered", "65", "Discipline", "ot")]
    [InlineData("DaysDelivered", "3.0", "Quarter", "2026-27 q2")]
    [InlineData("LAEstab", "8732001", "ServiceCode", "Svc-Eps")]
    [InlineData("LAEstab", "8551234", "Discipline", "other")]
    public void Validate_ValidVariationsOfACleanRow_RaiseNothing(string column1, string value1, string column2, string value2)
    {
        var report = EahActivityFiles.ValidateWith(r =>
        {
            r[column1] = value1;
            r[column2] = value2;
        });

        Assert.Empty(report.Issues);
        Assert.Equal("accepted", report.Status);
    }

    [Fact]
    public void Validate_DaysForOneSettingAndDiscipline_MayAddUpToExactly65()
    {
        Dictionary<string, string>[] rows =
        [
            With(EahActivityFiles.CleanRow(), "ActivityType", "Consultation", "DaysDelivered", "16"),
            With(EahActivityFiles.CleanRow(), "ActivityType", "Assessment", "DaysDelivered", "16"),
            With(EahActivityFiles.CleanRow(), "ActivityType", "Training", "DaysDelivered", "16"),
            With(EahActivityFiles.CleanRow(), "ActivityType", "DirectWork", "DaysDelivered", "17"),
            With(EahActivityFiles.CleanRow(), "Discipline", "ST", "DaysDelivered", "65"),
        ];

        var report = EahActivityFiles.Validate(rows);

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_DaysOverTheQuarterForASetting_AreReportedOnceAtTheRowThatTakesThemOver()
    {
        var rows = new[] { "Consultation", "Assessment", "Training", "DirectWork" }.Select(a => With(EahActivityFiles.CleanRow(), "ActivityType", a, "DaysDelivered", "30"))
            .ToArray();

        var report = EahActivityFiles.Validate(rows);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(("EA1420", (int?)4, "rejected"), (issue.RuleId, issue.Row, report.Status));
        Assert.Equal("DaysDelivered 30 brings EP days at setting 8552001 to 90 this quarter; one discipline can give one setting at most 65 (the working days in a quarter).", issue.Message);
    }

    [Fact]
    public void Validate_RepeatedActivity_NamesTheFirstRowAndIsAccepted()
    {
        var report = EahActivityFiles.ValidateWith(r => Plant("activity-repeated", r));

        var issue = Assert.Single(report.Issues);
        Assert.Equal("Setting 8552001, EP Consultation is also on row 2; the two rows' days are added together.", issue.Message);
        Assert.Equal("accepted", report.Status);
    }

    [Fact]
    public void Validate_ServiceUploadingActivity_IsAllowedAndALaUploadIsTheServicesReturn()
    {
        var byService = EahActivityFiles.Validate([EahActivityFiles.CleanRow()], submitter: "svc-eps");
        var byLa = EahActivityFiles.Validate([EahActivityFiles.CleanRow()], submitter: "la");

        Assert.Equal(("accepted", "svc-eps"), (byService.Status, byService.Subject));
        Assert.Equal(("accepted", "svc-eps"), (byLa.Status, byLa.Subject));
    }

    [Fact]
    public void Validate_ActivityUploadedByAProvider_IsRefused()
    {
        var report = EahActivityFiles.Validate([EahActivityFiles.CleanRow()], submitter: "123456");

        Assert.Equal("FILE-010", Assert.Single(report.Issues).RuleId);
    }

    [Fact]
    public void Validate_AcceptedFile_IsWrittenCanonically()
    {
        var row = With(EahActivityFiles.CleanRow(), "ServiceCode", "SVC-EPS", "Quarter", "2026-27 q2", "Discipline", "salt", "DaysDelivered", "2.50", "ActivityType", "directwork");
        var canonical = new StringWriter();

        var report = EahActivityFiles.Validate([row, With(EahActivityFiles.CleanRow(2), "DaysDelivered", "3.0")], canonical: canonical);

        Assert.Equal("accepted", report.Status);
        Assert.Equal(
            "ServiceCode,Quarter,LAEstab,Discipline,DaysDelivered,ActivityType,SourceRow\n" +
            "svc-eps,2026-27 Q2,8552001,SALT,2.5,DirectWork,2\n" +
            "svc-eps,2026-27 Q2,8552002,EP,3,Consultation,3\n",
            canonical.ToString());
    }
}
