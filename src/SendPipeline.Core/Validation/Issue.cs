using System.Text.Json.Serialization;

namespace SendPipeline.Core.Validation;

/// <summary>
/// One finding in a return. <see cref="Row"/> is the spreadsheet row (header = 1, first data row = 2),
/// null for a file-level issue.
/// </summary>
public sealed record Issue(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("severity")] Severity Severity,
    [property: JsonPropertyName("row")] int? Row,
    [property: JsonPropertyName("column")] string? Column,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fix")] string Fix);
