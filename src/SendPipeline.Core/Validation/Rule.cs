namespace SendPipeline.Core.Validation;

/// <summary>
/// One validation rule: a stable id that uploaders and officers can quote, one severity, one message
/// template and the fix an uploader should make. Placeholders in <see cref="MessageTemplate"/> are
/// <c>{name}</c> tokens filled from the arguments given when the rule fires.
/// </summary>
public sealed record Rule(
    string Id,
    Severity Severity,
    string Scope,
    string MessageTemplate,
    string Fix)
{
    /// <summary>Fills the template. Missing arguments are left as their token so a gap is visible, not silent.</summary>
    public string Format(ReadOnlySpan<(string Name, string? Value)> args)
    {
        if (args.Length == 0 || !MessageTemplate.Contains('{')) return MessageTemplate;
        var text = MessageTemplate;
        foreach (var (name, value) in args)
            text = text.Replace("{" + name + "}", value ?? "", StringComparison.Ordinal);
        return text;
    }
}
