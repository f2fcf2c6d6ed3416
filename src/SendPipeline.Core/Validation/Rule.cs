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
    public string Format(ReadOnlySpan<(string Name, string? Value)> args) => Fill(MessageTemplate, args);

    /// <summary>The fix, with the same placeholders filled (a fix may name the column).</summary>
    public string FormatFix(ReadOnlySpan<(string Name, string? Value)> args) => Fill(Fix, args);

    private static string Fill(string template, ReadOnlySpan<(string Name, string? Value)> args)
    {
        if (args.Length == 0 || !template.Contains('{')) return template;
        var text = template;
        foreach (var (name, value) in args)
            text = text.Replace("{" + name + "}", value ?? "", StringComparison.Ordinal);
        return text;
    }
}
