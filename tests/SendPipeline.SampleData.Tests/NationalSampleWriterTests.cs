using System.Text;
using SendPipeline.Core.Reference;
using SendPipeline.SampleData.National;
using C = SendPipeline.SampleData.Census.CensusColumns;

namespace SendPipeline.SampleData.Tests;

public sealed class NationalSampleWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-national-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var dir in new[] { _root, _root + "-staging" })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void RestOfEngland_AddsEveryOtherLaAtTheAskedScale_WithNoChildOnTwoCensuses()
    {
        var home = SmallLa.Options with { PlantErrors = false };
        SampleLaGenerator.Generate(home, _root);
        var registerBefore = File.ReadAllLines(Path.Combine(_root, OtherReturns.RegisterPath(home))).Length - 1;
        var scale = new NationalScale(Settings: 3_000, SenPupils: 60_000, EhcpPlans: 20_000);

        var result = NationalSampleWriter.AddRestOfEngland(home, scale, _root, _root + "-staging");

        Assert.Equal(scale.Settings, result.Settings);
        Assert.Equal(scale.Settings, File.ReadAllLines(Path.Combine(_root, OtherReturns.RegisterPath(home))).Length - 1);
        Assert.True(registerBefore < scale.Settings);
        Assert.Equal(scale.SenPupils - home.EhcpPupils - home.SenSupportPupils, result.CensusRows);
        Assert.InRange(result.EhcpOnCensus + result.PlacedOutOfCensus + home.EhcpPupils, scale.EhcpPlans * 0.97, scale.EhcpPlans * 1.03);
        Assert.Equal(LaCodes.Dfe.Codes.Count - 1, result.Uploads.Select(u => u.LaCode).Distinct().Count());
        Assert.DoesNotContain(result.Uploads, u => u.LaCode == home.LaCode);

        var upns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var upload in result.Uploads.Where(u => u.UploadPath.Contains("/school-census/", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(Path.Combine(_root + "-staging", upload.UploadPath), Encoding.ASCII);
            foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
            {
                Assert.StartsWith(upload.LaCode, row[C.LaEstab], StringComparison.Ordinal);
                Assert.True(upns.Add(row[C.Upn]), "a UPN is on two censuses");
            }
        }
        Assert.Equal(result.CensusRows, upns.Count);
    }
}
