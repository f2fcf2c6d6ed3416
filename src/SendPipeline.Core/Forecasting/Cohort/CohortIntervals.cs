namespace SendPipeline.Core.Forecasting.Cohort;

/// <summary>
/// 80% intervals that know whole years move together. An LA's log error, ln(actual / forecast), is split into the
/// part every LA shared that year (the median error across LAs for that origin and horizon) and the LA's own part.
/// The LA's own part is read from past backtests (its 10th and 90th percentiles by horizon); the shared part from
/// the national series since 2010: how far England's growth in each year strayed from the growth a forecast made
/// the year(s) before expected (the mean log growth of the previous <see cref="CohortModel.Window"/> years). A
/// handful of recent origins share the same few national years, so their errors alone miss that spread; the
/// national series has more years. The two parts are taken as independent and added in quadrature:
/// half-width = √(own² + (1.2816 σ_h)²), 1.2816 being the normal's 90th percentile. Only errors whose outcome year
/// is at or before the calibration year are used (strictly out of sample), and none whose forecast path crosses
/// the statutory transition from statements to plans (<see cref="CrossesTransition"/>): a one-off change of law,
/// not the year-to-year movement of the regime the forecast continues.
/// </summary>
public sealed class CohortIntervals
{
    public const double Z80 = 1.2815515655446004;

    /// <summary>
    /// The years of growth (keyed by the January they end in, less one, as caseloads are) that ended inside the
    /// transition of the Children and Families Act 2014: it came into force on 1 September 2014 and statements were
    /// to be converted by 1 April 2018, so the growth into January 2015, 2016, 2017 and 2018 (keys 2014–2017).
    /// Fixed by the law's dates, not by the backtest.
    /// </summary>
    public const int TransitionFirst = 2014, TransitionLast = 2017;

    private readonly SortedDictionary<int, (double Low, double High)> _own;
    private readonly SortedDictionary<int, double> _common;

    private CohortIntervals(SortedDictionary<int, (double, double)> own, SortedDictionary<int, double> common)
    {
        _own = own;
        _common = common;
    }

    public IReadOnlyDictionary<int, double> CommonSd => _common;

    /// <summary>
    /// From LA errors (origin, horizon, log error) and a national series, using outcome years up to
    /// <paramref name="through"/> only; null when there is no LA error yet to calibrate from.
    /// </summary>
    public static CohortIntervals? Calibrate(IEnumerable<(int Origin, int Horizon, double LogError)> errors,
        IReadOnlyDictionary<int, double> national, int through)
    {
        var own = new SortedDictionary<int, (double, double)>();
        var usable = errors.Where(e => e.Origin + e.Horizon <= through
            && !CrossesTransition(e.Origin, e.Horizon)).ToList();
        foreach (var byHorizon in usable.GroupBy(e => e.Horizon))
        {
            // The LA's own part from the latest origins only: how far LAs spread apart changes with the regime.
            var latest = byHorizon
                .Select(e => e.Origin).Distinct().OrderDescending().Take(CohortModel.Window).ToHashSet();
            var centred = new List<double>();
            foreach (var byOrigin in byHorizon.Where(e => latest.Contains(e.Origin)).GroupBy(e => e.Origin))
            {
                var sorted = byOrigin.Select(e => e.LogError).Order().ToArray();
                var median = PredictionIntervals.Quantile(sorted, 0.5);
                centred.AddRange(sorted.Select(e => e - median));
            }
            var all = centred.Order().ToArray();
            own[byHorizon.Key] = (PredictionIntervals.Quantile(all, PredictionIntervals.LowerQuantile),
                PredictionIntervals.Quantile(all, PredictionIntervals.UpperQuantile));
        }
        if (own.Count == 0) return null;
        return new CohortIntervals(own, CommonSpread(national, through));
    }

    /// <summary>
    /// True when a forecast from <paramref name="origin"/> <paramref name="horizon"/> years ahead grows through a
    /// year of the statutory transition: its error measures the reform, not the regime, and calibrates nothing.
    /// </summary>
    public static bool CrossesTransition(int origin, int horizon) =>
        origin + 1 <= TransitionLast && origin + horizon >= TransitionFirst;

    /// <summary>σ_h: robust spread of England's h-year-ahead log errors of window-mean growth, transition
    /// excluded.</summary>
    public static SortedDictionary<int, double> CommonSpread(IReadOnlyDictionary<int, double> national, int through)
    {
        var spread = new SortedDictionary<int, double>();
        var years = national.Keys.Where(y => y <= through).Order().ToList();
        for (var h = 1; h <= Backtest.MaxHorizon; h++)
        {
            var absolute = new List<double>();
            foreach (var origin in years)
            {
                if (origin + h > through || !national.ContainsKey(origin + h)
                    || CrossesTransition(origin, h)) continue;
                var growth = new List<double>();
                for (var y = origin; y > origin - CohortModel.Window; y--)
                    if (national.TryGetValue(y, out var now) && national.TryGetValue(y - 1, out var before)
                        && before > 0)
                        growth.Add(Math.Log(now / before));
                if (growth.Count < CohortModel.Window) continue;
                var error = Math.Log(national[origin + h] / national[origin]) - h * growth.Average();
                absolute.Add(Math.Abs(error));
            }
            // Robust: 1.4826 × the median absolute error is σ for normal errors, so one odd year does not set the
            // width for every year.
            if (absolute.Count > 0) spread[h] = 1.4826 * PredictionIntervals.Quantile([.. absolute.Order()], 0.5);
        }
        return spread;
    }

    public (double Low, double High) LogBounds(int horizon)
    {
        var from = _own.Keys.Where(h => h <= horizon).DefaultIfEmpty(_own.Keys.First()).Max();
        var (low, high) = _own[from];
        var scale = (double)horizon / from;
        low *= scale;
        high *= scale;
        var shared = Z80 * CommonSdAt(horizon);
        return (-Math.Sqrt(Math.Min(low, 0) * Math.Min(low, 0) + shared * shared),
            Math.Sqrt(Math.Max(high, 0) * Math.Max(high, 0) + shared * shared));
    }

    /// <summary>σ_h, from the furthest horizon with national errors, growing linearly beyond it (a persistent
    /// shift).</summary>
    public double CommonSdAt(int horizon)
    {
        if (_common.Count == 0) return 0;
        var from = _common.Keys.Where(h => h <= horizon).DefaultIfEmpty(_common.Keys.First()).Max();
        return _common[from] * horizon / from;
    }

    public (double Lower, double Upper) Bounds(double point, int horizon)
    {
        var (low, high) = LogBounds(horizon);
        return (point * Math.Exp(low), point * Math.Exp(high));
    }
}
