using System.Text.Json.Serialization;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Picture;

/// <summary>
/// One finding of a check across returns, addressed to the submitter an officer should chase,
/// located by upload and row (never by a pupil's identifier).
/// </summary>
public sealed record DataQualityIssue(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("severity")] Severity Severity,
    [property: JsonPropertyName("submitter")] string Submitter,
    [property: JsonPropertyName("returnType")] string ReturnType,
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("row")] int? Row,
    [property: JsonPropertyName("column")] string? Column,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fix")] string Fix,
    [property: JsonPropertyName("part"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Part = null)
{
    public static DataQualityIssue Of(Rule rule, string submitter, string returnType, string? file, int? row, string? column,
        params ReadOnlySpan<(string Name, string? Value)> args) =>
        new(rule.Id, rule.Severity, submitter, returnType, file, row, column, rule.Format(args), rule.FormatFix(args));
}

/// <summary>
/// EHC plans counted from our returns against what the DfE's statistics say for the census's own year:
/// the published figure when the DfE has published that year, otherwise the caseload forecast for it
/// with its 80% interval (<see cref="Basis"/> says which; null with <see cref="Note"/> when neither exists).
/// <see cref="Published"/> is the latest DfE figure, whatever its year.
/// </summary>
public sealed record EhcpReconciliation(
    [property: JsonPropertyName("censusDate")] string? CensusDate,
    [property: JsonPropertyName("fromCensus")] int FromCensus,
    [property: JsonPropertyName("fromPlacementsOnly")] int FromPlacementsOnly,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("publishedPeriod")] string? PublishedPeriod,
    [property: JsonPropertyName("published")] long? Published,
    [property: JsonPropertyName("difference")] long? Difference,
    [property: JsonPropertyName("comparedPeriod")] string? ComparedPeriod = null,
    [property: JsonPropertyName("basis")] string? Basis = null,
    [property: JsonPropertyName("expected")] long? Expected = null,
    [property: JsonPropertyName("expectedLower")] long? ExpectedLower = null,
    [property: JsonPropertyName("expectedUpper")] long? ExpectedUpper = null,
    [property: JsonPropertyName("note")] string? Note = null)
{
    public const string PublishedBasis = "published", ForecastBasis = "forecast";
}
