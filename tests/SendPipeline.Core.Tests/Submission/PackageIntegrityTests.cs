using SendPipeline.Core.Reference;
using SendPipeline.Core.Submission;

namespace SendPipeline.Core.Tests.Submission;

/// <summary>A published version's files against the manifest recorded at publication: every difference named by file.</summary>
public class PackageIntegrityTests
{
    private static readonly IReadOnlyList<PackageFile> Package = Build();

    private static IReadOnlyList<PackageFile> Build()
    {
        var snapshot = new SubmissionSnapshot("855", new FinancialQuarter(new FinancialYear(2025), 3),
            [SubmissionTable.Create(SubmissionTables.HnbFinance, [LaIdentity.Of("855").Row("202425", "1.2.1", "Actual", 100m)])],
            [new CheckResult("SUB-003", "Finance", true, true, "ok", [])], [], [], "rules1");
        return SubmissionPackager.Build(snapshot, SignOffState.Evaluate([], snapshot.Hash), 1, DateTimeOffset.UnixEpoch);
    }

    private static string Recorded => Package.Single(f => f.Name == PackageManifest.FileName).Sha256;

    private static List<PackageFile> With(Func<PackageFile, PackageFile?> change) => [.. Package.Select(change).OfType<PackageFile>()];

    [Fact]
    public void Problems_IntactPackage_None() => Assert.Empty(PackageIntegrity.Problems(Package, Recorded));

    [Fact]
    public void Problems_FileChanged_NamesItAsChanged() =>
        Assert.Equal(["hnb-finance.csv has changed since publication"],
            PackageIntegrity.Problems(With(f => f.Name == "hnb-finance.csv" ? new PackageFile(f.Name, [.. f.Content, (byte)'1']) : f), Recorded)
                .Select(p => p.Split(" (")[0]));

    [Fact]
    public void Problems_FileMissingOrAdded_NamesIt()
    {
        Assert.Equal(["hnb-finance.csv is missing: the manifest lists it."],
            PackageIntegrity.Problems(With(f => f.Name == "hnb-finance.csv" ? null : f), Recorded));
        Assert.Equal(["extra.csv is not in the manifest: it was added after publication."],
            PackageIntegrity.Problems([.. Package, new PackageFile("extra.csv", [1])], Recorded));
    }

    [Fact]
    public void Problems_ManifestEditedOrGone_SaysSo()
    {
        var edited = With(f => f.Name == PackageManifest.FileName ? new PackageFile(f.Name, [.. f.Content, (byte)' ']) : f);
        Assert.StartsWith("manifest.json has changed since publication", Assert.Single(PackageIntegrity.Problems(edited, Recorded)));
        var garbage = With(f => f.Name == PackageManifest.FileName ? new PackageFile(f.Name, "{\"files\":"u8.ToArray()) : f);
        Assert.Contains("manifest.json is not a readable manifest, so no file can be checked against it.", PackageIntegrity.Problems(garbage, Recorded));
        Assert.Equal(["manifest.json is missing."], PackageIntegrity.Problems(With(f => f.Name == PackageManifest.FileName ? null : f), Recorded));
    }
}
