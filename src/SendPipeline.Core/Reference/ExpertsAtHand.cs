using System.Collections.Frozen;

namespace SendPipeline.Core.Reference;

/// <summary>A code of the Experts at Hand returns (spec 2 <c>workforce</c>, <c>eah-activity</c>) and what it means.</summary>
public sealed record EahCode(string Code, string Meaning);

/// <summary>
/// One code list. Services type codes by hand, so lookup ignores case; the canonical spelling is the
/// spec's (<c>FrontLine</c>, <c>SALT</c>). A code's position in the list is its index, so per-file
/// tables can key on small integers instead of strings.
/// </summary>
public sealed class EahCodeList
{
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public EahCodeList(params EahCode[] codes)
    {
        All = codes;
        _bySpan = codes.Select((c, i) => (c.Code, i)).ToFrozenDictionary(p => p.Code, p => p.i, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        Listed = string.Join(", ", codes[..^1].Select(c => c.Code)) + " or " + codes[^1].Code;
    }

    public IReadOnlyList<EahCode> All { get; }

    /// <summary>The codes for a message: <c>EP, ST, SALT, OT, APO or OTHER</c>.</summary>
    public string Listed { get; }

    public int Count => All.Count;

    /// <summary>The code's index in <see cref="All"/>, or -1 when <paramref name="value"/> is not one.</summary>
    public int IndexOf(ReadOnlySpan<char> value) => _bySpan.TryGetValue(value, out var index) ? index : -1;

    public string Code(int index) => All[index].Code;
}

/// <summary>The code lists of the Experts at Hand returns, with their meanings (spec 2 and 4.7).</summary>
public static class ExpertsAtHand
{
    public static readonly EahCodeList Disciplines = new(
        new("EP", "educational psychologist"),
        new("ST", "specialist teacher"),
        new("SALT", "speech and language therapist"),
        new("OT", "occupational therapist"),
        new("APO", "alternative-provision outreach (such as the Oakfield outreach offer)"),
        new("OTHER", "another discipline"));

    /// <summary>The three parts of the allocation: front line must be at least 80%, the other two are capped (spec 4.7).</summary>
    public static readonly EahCodeList Roles = new(
        new("FrontLine", "front-line support to children, young people, families and settings"),
        new("Enabling", "enabling work: administration, training, communications"),
        new("Transformation", "time-limited capacity to change how the local system works"));

    public static readonly EahCodeList Statuses = new(
        new("Filled", "held by an employee"),
        new("Vacant", "budgeted but not filled; its cost is the budgeted cost"),
        new("Agency", "filled by agency or interim staff"),
        new("Secondment", "filled by someone on secondment"));

    public static readonly EahCodeList FundingSources = new(
        new("EAH", "the Experts at Hand grant"),
        new("HNB", "the High Needs Block of the dedicated schools grant"),
        new("ICB", "the integrated care board (NHS)"),
        new("OTHER", "another source"));

    public static readonly EahCodeList ActivityTypes = new(
        new("Consultation", "consultation with a setting's staff about a child or a group"),
        new("Assessment", "assessment of a child's or young person's needs"),
        new("Training", "training for a setting's staff"),
        new("DirectWork", "direct work with a child or young person"));

    public static readonly int Transformation = Roles.IndexOf("Transformation");

    public static readonly int Vacant = Statuses.IndexOf("Vacant");

    /// <summary>Working days in a quarter (13 weeks of 5): the most one discipline can give one setting (spec 2 eah-activity).</summary>
    public const decimal MaxDaysPerQuarter = 65m;
}
