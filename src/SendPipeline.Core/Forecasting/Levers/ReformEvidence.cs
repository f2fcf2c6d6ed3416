using System.Globalization;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Forecasting.Levers;

/// <summary>
/// The LA's own figures the reform levers are scaled by, each with where it came from
/// (docs/assumptions.md "Reform levers"):
/// <list type="bullet">
/// <item><see cref="NewPlanRate"/>: new EHC plans a year as a share of the plans in a group (mainstream and resourced
/// provision), from the DfE new plans by setting of the LA's last three years, else England's, else England's 2022
/// figure;</item>
/// <item><see cref="Post19Share"/>: plans of 19 to 25 year olds as a share of the FE and specialist post-16 group (a
/// quarter of the 16-19 band plus the 20-25 band, at the last January with age bands), else England's January 2022
/// figure;</item>
/// <item><see cref="EahDaysPerSupportedSetting"/> and <see cref="EahCoverage"/>: the Experts at Hand days a year each
/// supported school had, and the share of the LA's open schools supported, from the eah-activity returns of the
/// latest financial year (the workforce dataset's days per setting, annualised from the quarters returned).</item>
/// </list>
/// </summary>
public sealed record ReformEvidence(decimal NewPlanRateMainstream, decimal NewPlanRateResourced, decimal Post19Share,
    decimal EahDaysPerSupportedSetting, decimal EahCoverage, IReadOnlyList<string> Sources)
{
    /// <summary>England, new plans made in 2022 ÷ plans in January 2023 (DfE, 2025 publication): mainstream
    /// 45,923 / 193,259; resourced provision and units 1,753 / 20,122.</summary>
    public const decimal EnglandNewPlanRateMainstream = 0.2376m, EnglandNewPlanRateResourced = 0.0871m;

    /// <summary>England, January 2022: (98,647 / 4 + 34,309) plans aged 19-25 ÷ 78,370 plans in FE and specialist
    /// post-16.</summary>
    public const decimal EnglandPost19Share = 0.7525m;

    private const int Window = 3;

    /// <summary>New plans a year as a share of a placement category's plans (MMS and RP; 0 elsewhere).</summary>
    public decimal NewPlanRate(string category) => category switch
    {
        "MMS" => NewPlanRateMainstream,
        "RP" => NewPlanRateResourced,
        _ => 0m,
    };

    /// <summary>England's published rates and no Experts at Hand days: what a lever is scaled by with no evidence
    /// of the LA's own.</summary>
    public static ReformEvidence England { get; } = new(EnglandNewPlanRateMainstream, EnglandNewPlanRateResourced,
        EnglandPost19Share, 0m, 0m, ["England's published rates; no eah-activity returns"]);

    public static ReformEvidence From(LaPicture picture, string laCode, EhcpTables? tables)
    {
        var sources = new List<string>();
        var mainstream = Rate(tables, laCode, PlacementGroups.Mainstream, sources) ?? Fallback(
            EnglandNewPlanRateMainstream, "mainstream new-plan rate", sources);
        var resourced = Rate(tables, laCode, PlacementGroups.ResourcedAndUnits, sources) ?? Fallback(
            EnglandNewPlanRateResourced, "resourced provision new-plan rate", sources);
        var post19 = Post19(tables, laCode, sources) ?? Fallback(EnglandPost19Share, "19-25 share of FE", sources);
        var (days, coverage) = EahDays(picture, sources);
        return new ReformEvidence(mainstream, resourced, post19, days, coverage, sources);
    }

    private static decimal Fallback(decimal value, string what, List<string> sources)
    {
        sources.Add(Text($"{what} {value:0.####}: England's published figure ")
            + "(the DfE tables in force do not give the LA's)");
        return value;
    }

    /// <summary>Σ new plans in the group ÷ Σ plans in it the January they lead into, the last three
    /// years.</summary>
    private static decimal? Rate(EhcpTables? tables, string laCode, PlacementGroup group, List<string> sources)
    {
        if (tables is null) return null;
        foreach (var (code, who) in new[] { (laCode, "the LA's"), ("", "England's") })
        {
            if (!tables.NewPlansByGroup.TryGetValue(code, out var news)
                || !tables.Placements.TryGetValue(code, out var plans)) continue;
            var years = news.Keys.Where(plans.ContainsKey).Order().TakeLast(Window).ToList();
            var (fresh, stock) = (years.Sum(y => news[y][group.Breakdown]), years.Sum(y => plans[y][group.Breakdown]));
            if (years.Count == 0 || stock <= 0) continue;
            var rate = (decimal)Math.Round(fresh / stock, 4);
            sources.Add(Text($"{group.Breakdown} new-plan rate {rate:0.####}: {who} DfE new plans ÷ plans, ")
                + $"{AcademicYear.Format(years[0])} to {AcademicYear.Format(years[^1])}");
            return rate;
        }
        return null;
    }

    private static decimal? Post19(EhcpTables? tables, string laCode, List<string> sources)
    {
        if (tables is null || !tables.AgeBands.TryGetValue(laCode, out var bands)
            || !tables.Placements.TryGetValue(laCode, out var plans)) return null;
        var years = bands.Keys.Where(plans.ContainsKey).ToList();
        if (years.Count == 0) return null;
        var year = years.Max();
        var fe = plans[year][PlacementGroups.FurtherEducation.Breakdown];
        if (fe <= 0) return null;
        // Ages 16 to 19 are one band: a quarter of it is 19.
        var post19 = bands[year][3] / 4 + bands[year][4];
        var share = (decimal)Math.Round(Math.Min(1, post19 / fe), 4);
        sources.Add(Text($"19-25 share of FE {share:0.####}: the LA's DfE age bands ÷ fe_total, ")
            + AcademicYear.Format(year));
        return share;
    }

    /// <summary>Days a year per supported school and the share of schools supported, from the latest financial
    /// year's eah-activity returns; (0, 0) without any.</summary>
    private static (decimal Days, decimal Coverage) EahDays(LaPicture picture, List<string> sources)
    {
        if (picture.Activities.Count == 0)
        {
            sources.Add("Experts at Hand days: no eah-activity returns (lever eah-requests-avoided-per-day needs " +
                "them, or reform/eah-days-per-setting)");
            return (0m, 0m);
        }
        var capacity = WorkforceCapacity.Build(picture, SplitRules.Defaults);
        var settings = capacity.SettingDays;
        var supported = settings.Where(s => s.YearToDateDays > 0).ToList();
        var quarters = Math.Max(1, capacity.ActivityQuarters.Count);
        if (settings.Count == 0 || supported.Count == 0)
        {
            sources.Add("Experts at Hand days: none delivered to a school in the register this financial year");
            return (0m, 0m);
        }
        var days = Math.Round(supported.Sum(s => s.YearToDateDays) / supported.Count * 4 / quarters, 2);
        var coverage = Math.Round((decimal)supported.Count / settings.Count, 4);
        sources.Add(Text($"Experts at Hand: {days:0.##} days a year per supported school, {supported.Count} of ")
            + Text($"{settings.Count} open schools supported ({capacity.Quarter}, {quarters} quarter(s) returned)"));
        return (days, coverage);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
