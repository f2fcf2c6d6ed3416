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

public sealed record SampleLaResult(
    string OutputRoot,
    IReadOnlyList<GeneratedFile> Files,
    IReadOnlyList<PlantedDefect> Defects)
{
    public int Schools => Files.Count;
    public int EhcpPupils => Files.Sum(f => f.Ehcp);
    public int SenSupportPupils => Files.Sum(f => f.SenSupport);
    public int NoSenRows => Files.Sum(f => f.NoSen);
    public int Rows => Files.Sum(f => f.Rows);
}
