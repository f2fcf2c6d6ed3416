using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Forecasting;

/// <summary>A share of one placement's cost that falls on one S251 line.</summary>
public sealed record LineShare(string Line, decimal Share);

/// <summary>
/// The S251 top-up line a placement's cost falls on (spec 4.5, 4.6), from its category and the
/// register type of the setting. Only MMS, RP and AP have more than one line; the register says
/// which: maintained schools and pupil referral units are paid on 1.2.1, academies and free schools
/// on 1.2.2, and AP that is neither (independent AP, tuition) on 1.2.7.
/// </summary>
public static class PlacementLines
{
    /// <summary>
    /// One line with share 1, except an MMS or RP placement whose setting is not in the register (or
    /// is neither maintained nor an academy), which is split evenly over 1.2.1 and 1.2.2.
    /// </summary>
    /// <param name="setting">The setting's register type; null when it is not in the register.</param>
    public static IReadOnlyList<LineShare> Of(PlacementCategory category, EstablishmentType? setting)
    {
        var governance = setting?.Governance ?? Governance.Unknown;
        var line = (category.Code, governance) switch
        {
            ("MMS" or "RP" or "AP", Governance.Maintained) => "1.2.1",
            ("MMS" or "RP" or "AP", Governance.Academy) => "1.2.2",
            ("AP", _) => "1.2.7",
            _ when category.S251Lines.Count == 1 => category.S251Lines[0],
            _ => null,
        };
        return line is not null ? [new LineShare(line, 1m)] : [.. category.S251Lines.Select(l => new LineShare(l, 1m / category.S251Lines.Count))];
    }
}
