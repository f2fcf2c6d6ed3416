using System.Text.Json;
using System.Text.Json.Serialization;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Reports;

/// <summary>The machine-readable report (spec 1), and its reader for rendering the others.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Keep £, accented names and quotes readable; the HTML writer does its own escaping.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ValidationReport report, Stream output) => JsonSerializer.Serialize(output, report, Options);

    public static ValidationReport Read(Stream input) =>
        JsonSerializer.Deserialize<ValidationReport>(input, Options) ?? throw new InvalidDataException("The report is empty.");
}
