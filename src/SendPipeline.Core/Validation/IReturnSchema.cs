using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Validation;

/// <summary>What a validator knows beyond the file: whose it is and which LA receives it.</summary>
public sealed record ValidationContext(string LaCode, string? SubmitterId, LaCodes LaCodes)
{
    /// <summary>A hint for sizing per-file tables (rows seen so far), from the file's length when known.</summary>
    public int ExpectedRows { get; init; }

    /// <summary>
    /// The establishments register in force (LAEstab → GIAS status), for rules a return states
    /// against it (spec 2 eah-activity: "should be a known open establishment"). Null when the LA has
    /// no register yet: those rules then wait for the checks across returns at the next rebuild.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Register { get; init; }

    public static ValidationContext For(string laCode, string? submitterId = null) => new(laCode, submitterId, LaCodes.Dfe);
}

/// <summary>One return type: its columns, its rules, and a validator for the rows of one file.</summary>
public interface IReturnSchema
{
    string ReturnType { get; }

    IReadOnlyList<ReturnColumn> Columns { get; }

    IReadOnlyList<Rule> Rules { get; }

    /// <summary>
    /// Columns outside <see cref="Columns"/> that are expected and ignored without a query: the other
    /// columns of a GIAS extract or a DfE statistics file. Null: every unknown column is a query (FILE-008).
    /// </summary>
    Func<string, bool>? IgnoredColumn => null;

    /// <summary>
    /// The canonical file's header: the spec's columns in the spec's order, then any the validator
    /// computes (an establishment's LAEstab), which is why it can differ from <see cref="Columns"/>.
    /// </summary>
    IEnumerable<string> CanonicalColumns => Columns.Select(c => c.Name);

    /// <summary>
    /// A validator for one file. When <paramref name="canonical"/> is given, every row is also written
    /// there in the return's canonical form (used only if the file is accepted).
    /// </summary>
    IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical);
}

public interface IRowValidator
{
    void Validate(ITabularReader row);

    /// <summary>Checks that need the whole file, after the last row.</summary>
    void Complete();

    /// <summary>The period the return covers (a census date, a quarter…), known once a row is read.</summary>
    string? Period { get; }

    /// <summary>
    /// Whom the return is about (the school's LAEstab for a census). Usually the submitter; not when
    /// the LA uploads on a school's behalf, and then it keeps that school's returns apart from others'.
    /// </summary>
    string? Subject { get; }
}
