using SendPipeline.SampleData.Defects;
using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData;

/// <summary>One generated upload and what is in it, counted as written (after any planted defect).</summary>
public sealed record GeneratedFile(
    string File,
    string LaEstab,
    SchoolKind Kind,
    int Rows,
    int Ehcp,
    int SenSupport,
    int NoSen,
    string ExpectedStatus);

/// <summary>Any generated upload, of any return type, with its data rows (a copied file counts its lines after the header).</summary>
public sealed record GeneratedUpload(string File, string Submitter, string ReturnType, int Rows, string ExpectedStatus);

/// <param name="Files">The school census uploads, as before the other returns were generated.</param>
/// <param name="Defects">Every planted single-file defect, of every return type.</param>
public sealed record SampleLaResult(
    string OutputRoot,
    IReadOnlyList<GeneratedFile> Files,
    IReadOnlyList<PlantedDefect> Defects)
{
    /// <summary>Every upload written, the census included, in path order.</summary>
    public IReadOnlyList<GeneratedUpload> Uploads { get; init; } = [];
    public IReadOnlyList<CrossReturnDefect> CrossReturnDefects { get; init; } = [];
    /// <summary>What was left out and why (an upload with no source file given).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyDictionary<string, (int Files, int Rows)> CountsByReturnType =>
        Uploads.GroupBy(u => u.ReturnType).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(u => u.Rows)), StringComparer.Ordinal);

    public int Schools => Files.Count;
    public int EhcpPupils => Files.Sum(f => f.Ehcp);
    public int SenSupportPupils => Files.Sum(f => f.SenSupport);
    public int NoSenRows => Files.Sum(f => f.NoSen);
    public int Rows => Files.Sum(f => f.Rows);
}
