namespace SendPipeline.Core.Forecasting.Levers;

/// <summary>The reform scenario's lever values (absent levers are 0: no effect).</summary>
public sealed record ReformSettings(decimal RequestsAvoidedPerDay, decimal? EahDaysPerSetting,
    decimal PhaseTransferMoved, decimal PhaseTransferRate, decimal Ceased19Plus, decimal ApReduction)
{
    public static ReformSettings From(HnbAssumptions assumptions)
    {
        decimal? Read(ReformLever lever) => assumptions.Lever(HnbAssumptions.Reform, lever);
        return new ReformSettings(Read(ReformLevers.RequestsAvoidedPerDay) ?? 0m, Read(ReformLevers.EahDaysPerSetting),
            Read(ReformLevers.PhaseTransferMoved) ?? 0m,
            Read(ReformLevers.PhaseTransferRate) ?? ReformLevers.DefaultPhaseTransferRate,
            Read(ReformLevers.Ceased19Plus) ?? 0m, Read(ReformLevers.ApReduction) ?? 0m);
    }
}

/// <summary>
/// The reform levers acting on the projected counts by placement category (docs/forecasting.md "Reform levers").
/// In reform year n (1 in <c>reform/start-year</c>), against the baseline count B(c, t):
/// <list type="number">
/// <item><b>Experts at Hand</b>: a supported school's requests fall by min(1, per-day × days), so the new plans
/// of MMS and RP fall by that share × the share of schools supported; a plan avoided stays avoided:
/// avoided(c, t) = Σ over reform years of share × new-plan rate(c) × B(c, year).</item>
/// <item><b>Ceased at 19+</b>: FE and SPI keep B × (1 − ceased × 19-25 share)^n.</item>
/// <item><b>Phase transfer</b>: INMSS and AP keep B × (1 − moved × transfer rate)^n; the INMSS placements moved
/// go to MSS and ASS (by their base-year counts), the AP ones to RP.</item>
/// <item><b>AP reduced</b>: what AP keeps is then × (1 − reduction)^n, the rest going to MMS.</item>
/// </list>
/// Each lever moves only its own categories. A moved placement costs its new category's unit cost and lines; on
/// the shipped unit costs every move is toward a cheaper category, so spend falls as a lever rises, which the goal
/// seek relies on (it checks the two ends of the range, so a lever that raised spend would still be sought).
/// </summary>
public static class ReformEffect
{
    public static Dictionary<string, decimal[]> Apply(IReadOnlyDictionary<string, decimal[]> baseline, int reformFrom,
        ReformSettings settings, ReformEvidence evidence)
    {
        var result = baseline.ToDictionary(b => b.Key, b => (decimal[])b.Value.Clone(), StringComparer.Ordinal);
        var horizon = baseline.Values.First().Length - 1;
        var (days, coverage) = settings.EahDaysPerSetting is { } planned
            ? (planned, 1m)
            : (evidence.EahDaysPerSupportedSetting, evidence.EahCoverage);
        var requestShare = Math.Min(1m, settings.RequestsAvoidedPerDay * days) * coverage;
        var (mss, ass) = (baseline["MSS"][0], baseline["ASS"][0]);
        var toMss = mss + ass > 0 ? mss / (mss + ass) : 0.5m;
        var avoided = new Dictionary<string, decimal> { ["MMS"] = 0m, ["RP"] = 0m };
        for (var t = reformFrom; t <= horizon; t++)
        {
            var n = t - reformFrom + 1;
            foreach (var c in avoided.Keys.ToList())
            {
                avoided[c] += requestShare * evidence.NewPlanRate(c) * baseline[c][t];
                result[c][t] = Math.Max(0, baseline[c][t] - avoided[c]);
            }

            var ceasedKeep = Pow(1 - (settings.Ceased19Plus * evidence.Post19Share), n);
            foreach (var c in new[] { "FE", "SPI" }) result[c][t] = baseline[c][t] * ceasedKeep;

            var transferKeep = Pow(1 - (settings.PhaseTransferMoved * settings.PhaseTransferRate), n);
            var fromIndependent = baseline["INMSS"][t] * (1 - transferKeep);
            result["INMSS"][t] -= fromIndependent;
            result["MSS"][t] += fromIndependent * toMss;
            result["ASS"][t] += fromIndependent * (1 - toMss);
            var fromAp = baseline["AP"][t] * (1 - transferKeep);
            result["AP"][t] -= fromAp;
            result["RP"][t] += fromAp;

            var toMainstream = result["AP"][t] * (1 - Pow(1 - settings.ApReduction, n));
            result["AP"][t] -= toMainstream;
            result["MMS"][t] += toMainstream;
        }
        return result;
    }

    private static decimal Pow(decimal x, int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++) result *= x;
        return result;
    }
}
