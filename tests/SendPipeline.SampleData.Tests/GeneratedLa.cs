using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Defects;

namespace SendPipeline.SampleData.Tests;

/// <summary>One row as read back from a generated file, with where it came from.</summary>
internal sealed record ReadRow(string File, string Submitter, int Row, string[] Cells)
{
    public string this[int column] => Cells[column];
    public string Upn => Cells[CensusColumns.Upn];
    public string Provision => Cells[CensusColumns.SenProvision];
}

/// <summary>A generated tree read back from disk: every row, the manifest, and the rows no defect was planted in.</summary>
internal sealed class GeneratedTree
{
    public GeneratedTree(string root, SampleLaResult result)
    {
        using (var stream = File.OpenRead(Path.Combine(root, PlantedDefectManifest.FileName)))
            Manifest = PlantedDefectManifest.Read(stream);

        var rows = new List<ReadRow>();
        foreach (var file in result.Files)
        {
            var (header, data) = CensusFileReader.Read(Path.Combine(root, file.File));
            Assert.Equal(CensusColumns.Names, header);
            var submitter = file.File.Split('/')[1];
            rows.AddRange(data.Select((cells, i) => new ReadRow(file.File, submitter, i + 2, cells)));
        }
        Rows = rows;

        var planted = Manifest.Defects.Where(d => d.Row is not null).Select(d => (d.File, d.Row!.Value)).ToHashSet();
        var wrongSchool = Manifest.Defects.Where(d => d.Row is null).Select(d => d.File).ToHashSet();
        // A child planted in two census files is clean in each file; only the cross-return check sees them.
        var acrossReturns = Manifest.CrossReturnDefects ?? [];
        CleanRows = rows.Where(r => !planted.Contains((r.File, r.Row)) && !wrongSchool.Contains(r.File)
                                    && !acrossReturns.Any(c => c.Files.Contains(r.File) && c.Detail.Contains(r.Upn, StringComparison.Ordinal))).ToList();

        Tables = result.Uploads.Where(u => u.ReturnType is not "school-census" and not "ehcp-history" and not "assumptions" and not "sen2")
            .Select(u => TableReader.Read(root, u.File)).ToList();
        var fileErrors = Manifest.Defects.Where(d => d.Row is null && d.ExpectedSeverity == "error").Select(d => d.File).ToHashSet();
        CleanTableRows = Tables.Where(t => !fileErrors.Contains(t.File))
            .ToDictionary(t => t.File, t => t.Rows.Where((_, i) => !planted.Contains((t.File, i + 2))).ToList());
    }

    /// <summary>Every upload other than the census and the copied files, read back as text.</summary>
    public IReadOnlyList<ReadTable> Tables { get; }
    /// <summary>Per file, the rows no defect was planted in (none for a file with a file-level error).</summary>
    public IReadOnlyDictionary<string, List<string[]>> CleanTableRows { get; }

    public IEnumerable<ReadTable> OfType(string returnType) => Tables.Where(t => t.ReturnType == returnType);

    public PlantedDefectManifest Manifest { get; }
    public IReadOnlyList<ReadRow> Rows { get; }
    /// <summary>Every row no defect was planted in, and not in a file planted as a whole.</summary>
    public IReadOnlyList<ReadRow> CleanRows { get; }
}

/// <summary>The default LA (seed 1), generated once for all the tests that only read it.</summary>
public sealed class GeneratedLa : IDisposable
{
    /// <summary>The defaults, with the DfE history when the shared folder is beside the repository, as in development and CI.</summary>
    public static readonly SampleLaOptions Options = new() { EhcpHistoryPath = SharedFiles.History };

    public GeneratedLa()
    {
        Root = TempFolder.Create();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Result = SampleLaGenerator.Generate(Options, Root);
        Elapsed = watch.Elapsed;
        Tree = new GeneratedTree(Root, Result);
    }

    public TimeSpan Elapsed { get; }
    public string Root { get; }
    public SampleLaResult Result { get; }
    internal GeneratedTree Tree { get; }
    public PlantedDefectManifest Manifest => Tree.Manifest;
    internal IReadOnlyList<ReadRow> Rows => Tree.Rows;
    internal IReadOnlyList<ReadRow> CleanRows => Tree.CleanRows;

    public void Dispose() => TempFolder.Delete(Root);
}

internal static class SharedFiles
{
    /// <summary>shared/data's DfE file, found upwards from the test binaries (beside the repository or inside it); null when absent.</summary>
    public static readonly string? History = Find("shared/data/dfe-ehcp-caseload-201819-202223.csv");

    private static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, relative), Path.Combine(dir.FullName, "..", relative) })
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}

internal static class TempFolder
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "sendpipeline-sample-" + Path.GetRandomFileName());
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}
