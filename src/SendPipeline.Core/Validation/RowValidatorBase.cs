using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Validation;

/// <summary>
/// What every return's row validator shares: reading a column by its position in the spec,
/// the value rules of spec 1 (required, dates, booleans, money, numbers), and reporting an issue
/// with the column's spec name and the value as written. Subclasses add the return's own rules.
/// </summary>
public abstract class RowValidatorBase : IRowValidator
{
    private readonly int[] _index;

    protected RowValidatorBase(IReturnSchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
    {
        Context = context;
        Issues = issues;
        Canonical = canonical;
        _index = Enumerable.Range(0, schema.Columns.Count).Select(i => columns[i]).ToArray();
    }

    protected ValidationContext Context { get; }

    protected IssueCollector Issues { get; }

    /// <summary>Where the canonical row goes, or null when only validating.</summary>
    protected CanonicalCsvWriter? Canonical { get; }

    public abstract string? Period { get; }

    public virtual string? Subject => Context.SubmitterId;

    public abstract void Validate(ITabularReader row);

    public virtual void Complete()
    {
    }

    /// <summary>The trimmed value of a spec column, or empty when the file lacks that (optional) column.</summary>
    protected ReadOnlySpan<char> Value(ITabularReader row, ReturnColumn column)
    {
        var index = _index[column.Position];
        return index < 0 ? ReadOnlySpan<char>.Empty : Values.Clean(row[index]);
    }

    /// <summary>True when the value is there; otherwise reports VAL-001 at this row and column.</summary>
    protected bool Required(ReadOnlySpan<char> value, int row, ReturnColumn column)
    {
        if (!value.IsEmpty) return true;
        Add(ValueRules.Required, row, column, value);
        return false;
    }

    /// <summary>The date, or null after reporting VAL-002.</summary>
    protected DateOnly? Date(ReadOnlySpan<char> text, int row, ReturnColumn column)
    {
        if (Values.TryParseDate(text, out var date)) return date;
        Add(ValueRules.NotADate, row, column, text);
        return null;
    }

    /// <summary>Blank means N (spec 1); anything unrecognised is reported (VAL-003) and counts as N.</summary>
    protected bool Boolean(ITabularReader row, int r, ReturnColumn column)
    {
        var text = Value(row, column);
        if (text.IsEmpty) return false;
        if (Values.TryParseBoolean(text, out var value)) return value;
        Add(ValueRules.NotABoolean, r, column, text);
        return false;
    }

    /// <summary>An amount in pounds, or null after reporting VAL-004.</summary>
    protected decimal? Money(ReadOnlySpan<char> text, int row, ReturnColumn column)
    {
        if (Values.TryParseMoney(text, out var amount)) return amount;
        Add(ValueRules.NotMoney, row, column, text);
        return null;
    }

    /// <summary>A plain number, or null after reporting VAL-005.</summary>
    protected decimal? Number(ReadOnlySpan<char> text, int row, ReturnColumn column)
    {
        if (Values.TryParseDecimal(text, out var value)) return value;
        Add(ValueRules.NotANumber, row, column, text);
        return null;
    }

    /// <summary>
    /// The UPN checks of spec 4.1 under the return's own rule ids. True when the UPN has 13
    /// characters, and then <paramref name="upn"/> holds it upper-cased for the caller's own use.
    /// The check letter is only judged over well-formed characters: 1540/1550 already say what is wrong.
    /// </summary>
    protected bool CheckUpn(ReadOnlySpan<char> text, Span<char> upn, int row, ReturnColumn column, UpnRuleSet rules)
    {
        if (text.Length != Upn.Length)
        {
            Add(rules.Length, row, column, text, ("length", text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return false;
        }
        text.ToUpperInvariant(upn);
        var problems = Upn.Check(upn, Context.LaCodes);
        if ((problems & UpnProblems.CheckLetter) != 0) Add(rules.CheckLetter, row, column, text, ("expected", Upn.ExpectedCheckLetter(upn).ToString()));
        if ((problems & UpnProblems.LaCode) != 0) Add(rules.LaCode, row, column, text, ("la", upn.Slice(1, 3).ToString()));
        if ((problems & UpnProblems.NotNumeric) != 0) Add(rules.NotNumeric, row, column, text);
        if ((problems & UpnProblems.LastCharacter) != 0) Add(rules.LastCharacter, row, column, text, ("last", upn[12].ToString()));
        if ((problems & UpnProblems.Temporary) != 0) Add(rules.Temporary, row, column, text);
        return true;
    }

    /// <summary>Reports a rule at a row and column; <c>{value}</c> and <c>{column}</c> are always available to the template.</summary>
    protected void Add(Rule rule, int row, ReturnColumn column, ReadOnlySpan<char> value, params ReadOnlySpan<(string Name, string? Value)> extra)
    {
        // Shortened before it becomes a string: a megabyte-long bad value is never copied whole.
        var text = IssueText.Shorten(value);
        Span<(string, string?)> args = new (string, string?)[extra.Length + 2];
        args[0] = ("value", text);
        args[1] = ("column", column.Name);
        extra.CopyTo(args[2..]);
        Issues.Add(rule, row, column.Name, text, args);
    }

    /// <summary>A file-level issue (no row) about a column, e.g. the file naming another submitter.</summary>
    protected void AddFileLevel(Rule rule, ReturnColumn column, string? value, params ReadOnlySpan<(string Name, string? Value)> args) =>
        Issues.Add(rule, null, column.Name, value, args);
}
