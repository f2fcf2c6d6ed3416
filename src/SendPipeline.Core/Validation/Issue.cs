using System.Text.Json.Serialization;

namespace SendPipeline.Core.Validation;

/// <summary>
/// One finding in a return. <see cref="Row"/> is the spreadsheet row (header = 1, first data row = 2),
/// null for a file-level issue. <see cref="Part"/> names the module of a return made of several tables
/// (a sen2 extract's "requests"), and then <see cref="Row"/> counts within it; null for every other return,
/// and then it is left out of the JSON so their reports stay as they were.
/// </summary>
public sealed record Issue(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("severity")] Severity Severity,
    [property: JsonPropertyName("row")] int? Row,
    [property: JsonPropertyName("column")] string? Column,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fix")] string Fix,
    [property: JsonPropertyName("part"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Part = null);
