using SendPipeline.Cli.Drill;
using SendPipeline.SampleData;
using SendPipeline.Storage;
using SendPipeline.Workflows.PowerBi;

namespace SendPipeline.Cli.Tests.Crash;

/// <summary>
/// The smallest LA that makes ingest and rebuild do every kind of write: one school's census and the
/// register, placements, workforce, activity and finance returns, plus a rejected census, a census that
/// supersedes the first, and a duplicate (the superseding census's bytes under a new name, as the portal names
/// every upload). Receipt times are fixed, and the pupil key secret is fixed, so two copies give the same outputs.
/// </summary>
internal static class SmallCrashLa
{
    public const string La = "855";

    private static readonly string[] Kept =
    [
        "uploads/la/establishments/", "uploads/la/placements/", "uploads/la/hnb-finance/hnb-2024-25", "uploads/svc-eps/", "uploads/8552001/school-census/",
    ];

    private static readonly DateTime Start = new(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc);

    public static readonly SampleLaOptions Options = new()
    {
        Seed = 3, LaCode = La, PrimarySchools = 1, SecondarySchools = 0, SpecialSchools = 0, AlternativeProvisionSettings = 0,
        EhcpPupils = 4, SenSupportPupils = 6, SchoolsExportingWholeRoll = 0, XlsxSchools = 0, PlantErrors = false,
    };

    /// <summary>Writes the uploads into <paramref name="root"/> (a store folder); returns the census path.</summary>
    public static string Create(string root)
    {
        SampleLaGenerator.Generate(Options, root);
        // One upload of each kind is enough, and every upload costs each crash point a few more writes.
        foreach (var file in Directory.GetFiles(Path.Combine(root, "uploads"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!Kept.Any(k => relative.StartsWith(k, StringComparison.Ordinal))) File.Delete(file);
        }
        var uploads = Directory.GetFiles(Path.Combine(root, "uploads"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < uploads.Count; i++) File.SetLastWriteTimeUtc(uploads[i], Start.AddMinutes(i));
        var census = uploads.First(p => p.Contains($"{Path.DirectorySeparatorChar}school-census{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var text = File.ReadAllText(census);
        var folder = Path.GetDirectoryName(census)!;
        var later = Start.AddHours(1);
        Write(Path.Combine(folder, "rejected.csv"), text.Replace(",F,", ",Q,", StringComparison.Ordinal).Replace(",M,", ",Q,", StringComparison.Ordinal), later);
        // The same census with one pupil fewer: a new return in force for the same school and period.
        var lines = text.TrimEnd('\r', '\n').Split('\n');
        var superseding = string.Join('\n', lines[..^1]) + "\n";
        Write(Path.Combine(folder, "superseding.csv"), superseding, later.AddMinutes(1));
        Write(Path.Combine(folder, "20260120-101500000-superseding.csv"), superseding, later.AddMinutes(2));
        var secret = Path.Combine(root, StorePupilKeySecret.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(secret)!);
        File.WriteAllBytes(secret, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        return census;
    }

    private static void Write(string path, string text, DateTime received)
    {
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, received);
    }

    public static void Copy(string from, string to) => Commands.DrillCommand.CopyTree(from, to);

    public static Stores Faulty(string root, FaultSchedule faults)
    {
        var inner = StoreFactory.Create(root);
        return new Stores(new FaultyBlobStore(inner.Blobs, faults), new FaultyTableStore(inner.Tables, faults));
    }
}
