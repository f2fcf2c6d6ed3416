using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SendPipeline.SampleData.Defects;

/// <param name="File">The upload path relative to the output root, <c>uploads/{submitter}/{return-type}/{file}</c>.</param>
/// <param name="Row">The spreadsheet row (header 1, first data row 2); null for a file-level defect.</param>
/// <param name="Value">The text written in the cell, or null when the cell was left blank.</param>
/// <param name="Part">The part of a many-part upload the row is in (a SEN2 extract's module, e.g. <c>requests</c>); null otherwise.</param>
public sealed record PlantedDefect(string File, int? Row, string Column, string ExpectedSeverity, string Kind, string? Value, string? DfeRule,
    string? Part = null);

/// <param name="ExpectedStatus"><c>accepted</c> or <c>rejected</c>: rejected exactly when an error was planted.</param>
public sealed record ExpectedFile(string File, string ExpectedStatus);

/// <summary>
/// <c>planted-defects.json</c>: what a correct pipeline must find in the generated tree. Every
/// planted defect must be reported; a defect may also set off a consequence (an impossible date
/// of birth leaves no age to check the NC year against), so compare by containment, not equality.
/// </summary>
/// <param name="Files">Every upload, of every return type, with the status it must end with.</param>
/// <param name="CrossReturnDefects">Defects each file is clean of, which only a check across returns finds.</param>
public sealed record PlantedDefectManifest(
    string LaCode,
    DateOnly CensusDate,
    int Seed,
    IReadOnlyList<ExpectedFile> Files,
    IReadOnlyList<PlantedDefect> Defects,
    IReadOnlyList<CrossReturnDefect>? CrossReturnDefects = null)
{
    public const string FileName = "planted-defects.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(Stream output) => JsonSerializer.Serialize(output, this, Json);

    public static PlantedDefectManifest Read(Stream input) =>
        JsonSerializer.Deserialize<PlantedDefectManifest>(input, Json)
        ?? throw new InvalidDataException("The planted-defects manifest is empty.");
}
