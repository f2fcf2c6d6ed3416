namespace SendPipeline.Core.Validation;

/// <summary>Rules about the form of a single value, shared by every return (spec 1: dates, booleans, required values).</summary>
public static class ValueRules
{
    private const string Scope = "value";

    public static readonly Rule Required = new("VAL-001", Severity.Error, Scope,
        "{column} is blank but must have a value.",
        "Enter the value in this cell; the data specification lists what it should hold.");

    public static readonly Rule NotADate = new("VAL-002", Severity.Error, Scope,
        "'{value}' in {column} is not a date written as yyyy-mm-dd or dd/mm/yyyy.",
        "Write the date as, for example, 2026-01-15 or 15/01/2026 (day before month).");

    public static readonly Rule NotABoolean = new("VAL-003", Severity.Error, Scope,
        "'{value}' in {column} is not a yes/no value.",
        "Use Y or N (Yes/No, true/false and 1/0 are also accepted); leave blank for N.");

    public static readonly Rule NotMoney = new("VAL-004", Severity.Error, Scope,
        "'{value}' in {column} is not an amount in pounds.",
        "Write the amount as, for example, 1234.50, £1,234.50 or 1,234 (no other symbols, at most two decimal places).");

    public static readonly Rule NotANumber = new("VAL-005", Severity.Error, Scope,
        "'{value}' in {column} is not a number.",
        "Write a plain number such as 0.5 or 12, with a full stop for decimals and no other characters.");

    public static readonly IReadOnlyList<Rule> All = [Required, NotADate, NotABoolean, NotMoney, NotANumber];
}
