using SendPipeline.Core.Picture;

namespace SendPipeline.Core.Forecasting;

/// <summary>
/// The LA's EHC plan caseload: its DfE counts each January (keyed by academic year, as
/// <see cref="CaseloadSeries"/>) and, to the assumptions' end year, the forecast with 80% intervals of the
/// method <c>growth-method/ehcp</c> names. <see cref="Skipped"/> says why there is no forecast when the
/// method could not make one.
/// </summary>
public sealed record LaCaseload(Area Area, IReadOnlyDictionary<int, double> Actual, IReadOnlyList<ForecastRow> Forecast, string? Skipped);

/// <summary>
/// The LA's EHC plan growth, year by year, that the HNB forecast moves placements with: the DfE
/// caseloads in force (ehcp-history), extended to the end year by the EHC plan forecast method the
/// assumptions name (<c>growth-method/ehcp</c>; the default is the default of <c>forecast-ehcp</c>).
/// Financial year 2024-25 pairs with the January 2025 caseload (academic year 2024/25).
/// </summary>
public static class CaseloadGrowth
{
    /// <returns>
    /// Growth from each year to the next, from the base year to the end year of <paramref name="assumptions"/>;
    /// null when the LA has no history, or too little for the method to forecast it.
    /// </returns>
    public static IReadOnlyList<double>? For(LaPicture picture, string laCode, HnbAssumptions assumptions)
    {
        if (Caseload(picture, laCode, assumptions) is not { Skipped: null } caseload) return null;
        var (baseYear, endYear) = (assumptions.BaseYear.StartYear, assumptions.EndYear.StartYear);
        var path = caseload.Actual.ToDictionary(p => p.Key, p => p.Value);
        foreach (var row in caseload.Forecast) path[row.Year] = row.Plans;
        var growth = new List<double>();
        for (var year = baseYear; year < endYear; year++)
            growth.Add(path.TryGetValue(year, out var from) && path.TryGetValue(year + 1, out var to) && from > 0 ? to / from - 1 : 0);
        return growth;
    }

    /// <summary>The LA's EHC plans in the January of <paramref name="year"/> (an academic year's first calendar year),
    /// published or forecast; null when neither reaches it.</summary>
    public static double? PlansIn(LaPicture picture, string laCode, HnbAssumptions assumptions, int year)
    {
        if (Caseload(picture, laCode, assumptions) is not { } caseload) return null;
        if (caseload.Actual.TryGetValue(year, out var plans)) return plans;
        return caseload.Forecast.FirstOrDefault(r => r.Year == year)?.Plans;
    }

    /// <summary>The LA's caseload history and its forecast to the end year; null when the LA has no history.</summary>
    public static LaCaseload? Caseload(LaPicture picture, string laCode, HnbAssumptions assumptions)
    {
        var endYear = assumptions.EndYear.StartYear;
        var series = picture.EhcpHistory
            .Where(h => h.Plans is not null && (h.GeographicLevel == Area.National || h.GeographicLevel == Area.LocalAuthority))
            .GroupBy(h => (h.GeographicLevel, Code: h.OldLaCode ?? ""))
            .Select(g => new CaseloadSeries(new Area(g.Key.GeographicLevel, g.Key.Code, g.First().AreaName),
                g.Where(h => AcademicYear.TryParse(h.TimePeriod, out _))
                 .GroupBy(h => { AcademicYear.TryParse(h.TimePeriod, out var y); return y; })
                 .ToDictionary(y => y.Key, y => (double)y.First().Plans!.Value)))
            .ToList();
        var ours = series.FirstOrDefault(s => s.Area.GeographicLevel == Area.LocalAuthority && s.Area.OldLaCode == laCode);
        if (ours is null || ours.Plans.Count == 0) return null;

        var last = ours.Plans.Keys.Max();
        if (endYear <= last) return new LaCaseload(ours.Area, ours.Plans, [], null);
        var forecast = EhcpForecast.Run(series, last, endYear - last, assumptions.GrowthMethod);
        if (forecast.Skipped.FirstOrDefault(s => s.Area == ours.Area) is { } skipped) return new LaCaseload(ours.Area, ours.Plans, [], skipped.Reason);
        return new LaCaseload(ours.Area, ours.Plans, [.. forecast.Rows.Where(r => r.Area == ours.Area)], null);
    }
}
