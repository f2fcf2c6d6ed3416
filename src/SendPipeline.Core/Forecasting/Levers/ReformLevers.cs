namespace SendPipeline.Core.Forecasting.Levers;

/// <summary>
/// A named reform lever or setting of the <c>reform</c> section (docs/assumptions.md "Reform levers"): its key,
/// unit and documented range. The range is both what the assumptions validator accepts and what
/// <c>sendpipeline scenario --goal</c> searches.
/// </summary>
public sealed record ReformLever(string Key, string Unit, decimal Min, decimal Max, string Meaning)
{
    public string RangeText => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Min} to {Max}");
}

/// <summary>The reform levers and the two settings that scale them, each defined once.</summary>
public static class ReformLevers
{
    /// <summary>(a) Experts at Hand: the share of a supported school's EHC needs assessment requests avoided per
    /// expert day it gets in a year.</summary>
    public static readonly ReformLever RequestsAvoidedPerDay = new("eah-requests-avoided-per-day", "ratio/day",
        0m, 0.01m,
        "share of a supported school's EHC needs assessment requests avoided per Experts at Hand day a year");

    /// <summary>(b) Phase transfer: the share of independent special and AP placements at a phase transfer made in
    /// maintained special schools and resourced provision instead.</summary>
    public static readonly ReformLever PhaseTransferMoved = new("phase-transfer-moved", "ratio", 0m, 1m,
        "share of INMSS and AP placements at a phase transfer moved to MSS/ASS and RP");

    /// <summary>(c) The share of plans of young people aged 19 to 25 ceased each year because needs are met.</summary>
    public static readonly ReformLever Ceased19Plus = new("ceased-19-plus", "ratio/year", 0m, 0.3m,
        "share of the 19-25 cohort's plans ceased each year because needs are met");

    /// <summary>(d) The share of AP placements returned to mainstream each year (AP outreach).</summary>
    public static readonly ReformLever ApReduction = new("ap-reduction", "ratio/year", 0m, 0.5m,
        "share of AP placements returned to mainstream schools each year");

    /// <summary>Days a year each school gets, when the scenario plans them; absent means the days the
    /// eah-activity returns show, at the schools they reach.</summary>
    public static readonly ReformLever EahDaysPerSetting = new("eah-days-per-setting", "days/year", 0m, 260m,
        "planned Experts at Hand days a year for every school (absent: as delivered, from eah-activity)");

    /// <summary>The share of a category's placements in a phase-transfer year; absent means
    /// <see cref="DefaultPhaseTransferRate"/>.</summary>
    public static readonly ReformLever PhaseTransferRate = new("phase-transfer-rate", "ratio/year", 0.05m, 0.5m,
        "share of placements at a phase transfer in a year");

    /// <summary>Three transfers (into reception, year 7 and year 12) over about fifteen years of education: one
    /// placement in five is at a transfer in a given year.</summary>
    public const decimal DefaultPhaseTransferRate = 0.2m;

    /// <summary>The four levers <c>--goal</c> may seek, in the order.</summary>
    public static readonly IReadOnlyList<ReformLever> Levers =
        [RequestsAvoidedPerDay, PhaseTransferMoved, Ceased19Plus, ApReduction];

    /// <summary>Every key of this file, the levers first.</summary>
    public static readonly IReadOnlyList<ReformLever> All = [.. Levers, EahDaysPerSetting, PhaseTransferRate];

    public static ReformLever? Find(string key) =>
        All.FirstOrDefault(l => l.Key.Equals(key.Trim(), StringComparison.OrdinalIgnoreCase));
}
