using System.Text;
using System.Text.Json;
using SendPipeline.Core.Reference;

namespace SendPipeline.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string Upn1 = Upn.Create("855200125001");

    private string Write(string relative, string sex = "M")
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n" +
                                $"8552001,2026-01-15,{Upn1},2016-10-01,{sex},4,K,SLCN\r\n", new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Validate_AcceptedFile_ExitsZeroAndInfersTypeAndSubmitterFromThePath()
    {
        var (exit, output, _) = await CliRunner.Run("validate", Write("uploads/8552001/school-census/jan.csv"));

        Assert.Equal(0, exit);
        Assert.Contains("ACCEPTED (school-census, submitter 8552001)", output);
    }

    [Fact]
    public async Task Validate_RejectedFile_ExitsOneAndWritesTheReportsAsked()
    {
        var file = Write("jan.csv", sex: "Q");
        var json = Path.Combine(_dir, "r/report.json");
        var html = Path.Combine(_dir, "r/report.html");

        var (exit, output, _) = await CliRunner.Run("validate", file, "--type", "school-census", "--submitter", "8552001", "--json", json, "--html", html);

        Assert.Equal(1, exit);
        Assert.Contains("REJECTED", output);
        Assert.Contains("SC1700", output);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("rejected", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, report.RootElement.GetProperty("issues")[0].GetProperty("row").GetInt32());
        Assert.Contains("<table>", File.ReadAllText(html));
    }

    [Fact]
    public async Task Validate_ConsoleSummary_NeverPrintsAPupilIdentifier()
    {
        var path = Path.Combine(_dir, "dup.csv");
        File.WriteAllText(path, "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n" +
                                $"8552001,2026-01-15,{Upn1},2016-10-01,M,4,K,SLCN\r\n8552001,2026-01-15,{Upn1},2016-10-01,M,4,K,SLCN\r\n");

        var (exit, output, error) = await CliRunner.Run("validate", path, "--type", "school-census");

        Assert.Equal(1, exit);
        Assert.Contains("SC1520", output);
        Assert.DoesNotContain(Upn1, output + error);
        Assert.DoesNotContain("2016-10-01", output + error);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "/no/such/file.csv", "--type", "school-census")]
    [InlineData("validate", "x.csv", "--bogus", "1")]
    [InlineData("frobnicate")]
    public async Task Validate_CannotRun_ExitsTwoWithAMessage(params string[] args)
    {
        var (exit, _, error) = await CliRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Validate_NoTypeAndNoUploadsPath_ExitsTwoSayingHowToGiveIt()
    {
        var (exit, _, error) = await CliRunner.Run("validate", Write("loose.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--type", error);
    }

    [Fact]
    public async Task Rules_ListsTheCatalogue()
    {
        var (exit, output, _) = await CliRunner.Run("rules");

        Assert.Equal(0, exit);
        Assert.Contains("SC1510", output);
        Assert.Contains("FILE-001", output);
    }
}
