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
        CleanRows = rows.Where(r => !planted.Contains((r.File, r.Row)) && !wrongSchool.Contains(r.File)).ToList();
    }

    public PlantedDefectManifest Manifest { get; }
    public IReadOnlyList<ReadRow> Rows { get; }
    /// <summary>Every row no defect was planted in, and not in a file planted as a whole.</summary>
    public IReadOnlyList<ReadRow> CleanRows { get; }
}

/// <summary>The default LA (seed 1), generated once for all the tests that only read it.</summary>
public sealed class GeneratedLa : IDisposable
{
    public GeneratedLa()
    {
        Root = TempFolder.Create();
        Result = SampleLaGenerator.Generate(new SampleLaOptions(), Root);
        Tree = new GeneratedTree(Root, Result);
    }

    public string Root { get; }
    public SampleLaResult Result { get; }
    internal GeneratedTree Tree { get; }
    public PlantedDefectManifest Manifest => Tree.Manifest;
    internal IReadOnlyList<ReadRow> Rows => Tree.Rows;
    internal IReadOnlyList<ReadRow> CleanRows => Tree.CleanRows;

    public void Dispose() => TempFolder.Delete(Root);
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
