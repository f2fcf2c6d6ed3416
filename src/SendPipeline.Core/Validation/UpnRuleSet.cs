namespace SendPipeline.Core.Validation;

/// <summary>
/// A return's own ids for the UPN checks of spec 4.1 (DfE rules 1510–1560), so every return that
/// carries a UPN checks it the same way and reports it under its own scope.
/// </summary>
public sealed record UpnRuleSet(Rule Length, Rule CheckLetter, Rule LaCode, Rule NotNumeric, Rule LastCharacter, Rule Temporary);
