using SendPipeline.Core.Returns.Sen2;
using SendPipeline.Core.Validation;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.SampleData.Tests;

/// <summary>The benchmark's SEN2 extract is a clean one: accepted, its only queries the year's undecided requests.</summary>
public class Sen2ExtractWriterTests
{
    [Fact]
    public void AGeneratedExtract_IsAccepted_WithTheRowsItWasAskedFor()
    {
        var zip = new MemoryStream();
        Sen2ExtractWriter.Write(zip, activePlans: 300, requestsPerYear: 90);
        zip.Position = 0;

        var result = Sen2Return.Validate(zip, "Blade-Export_15-01-2026.zip", ValidationContext.For("855", "la"));

        Assert.True(result.Accepted, string.Join("\n", result.Issues.Select(i => $"{i.RuleId} {i.Part} {i.Row} {i.Message}")));
        Assert.Equal(["S2-0310"], result.CountsByRule.Keys);
        Assert.Equal(30, result.Queries);
        Assert.Equal((300 + 30 + 90, 300, 600), (result.RowsRead["person"], result.RowsRead["activeplans"], result.RowsRead["senneed"]));
        Assert.Equal(Sen2ExtractWriter.ReferenceDate, result.ReferenceDate);
        Assert.Equal(300, result.Register!.People.SelectMany(p => p.Requests).Count(r => r.ActivePlans.Count == 1));
    }

    [Fact]
    public void TheSameSizes_WriteTheSameBytes()
    {
        var (a, b) = (new MemoryStream(), new MemoryStream());
        Sen2ExtractWriter.Write(a, 50, 20);
        Sen2ExtractWriter.Write(b, 50, 20);
        Assert.Equal(Hash(a), Hash(b));
    }

    private static string Hash(MemoryStream s) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(s.ToArray()));
}
