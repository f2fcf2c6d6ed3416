using SendPipeline.Cli.Commands;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Cli.Tests;

/// <summary>The console summary of a report: a sen2 row counts within its module, so the module is named with it.</summary>
public class ValidateSummaryTests
{
    private static string Summary(params Issue[] issues)
    {
        var report = new ValidationReport
        {
            File = "uploads/la/sen2/extract.zip",
            ReturnType = ReturnTypes.Sen2,
            Status = UploadStatus.Rejected,
            RuleCatalogueVersion = RuleCatalogue.Version,
            Errors = issues.Length,
            Issues = issues,
            CountsByRule = issues.GroupBy(i => i.RuleId).ToDictionary(g => g.Key, g => g.Count()),
        };
        using var output = new StringWriter();
        ValidateCommand.Summarise(report, output);
        return output.ToString();
    }

    [Fact]
    public void Summarise_RowsOfAModularReturn_NameTheirModule()
    {
        var text = Summary(
            new Issue("S2-0110", Severity.Error, 4776, "requeststableid", "9", "m", "f", "assessment"),
            new Issue("S2-0110", Severity.Error, 7471, "requeststableid", "9", "m", "f", "activeplans"));

        Assert.Contains("rows assessment 4776, activeplans 7471:", text);
    }

    [Fact]
    public void Summarise_RowsOfAOneTableReturn_AreNumbersAlone()
    {
        var text = Summary(new Issue("PL1200", Severity.Error, 5, "UPN", "", "m", "f"));

        Assert.Contains("rows 5:", text);
    }
}
