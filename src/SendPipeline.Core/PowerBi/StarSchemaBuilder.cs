using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.PowerBi;

/// <summary>
/// Builds the officers' star schema (issue 6) from the LA's picture and the datasets the rebuild has
/// computed from it: a pure function, no clock, so the same returns in force give the same tables.
/// <list type="bullet">
/// <item>Dimensions first, each with an Unknown member (key 0) except <c>dim_date</c>; surrogate keys are
/// numbered from the sorted natural keys (<see cref="Dimension"/>).</item>
/// <item>No UPN, ULN, name or date of birth: pupils are <see cref="PupilKeys"/> (HMAC-SHA256 under the
/// configured secret), and age is whole years on the census date.</item>
/// <item>With <see cref="StarSchemaOptions.SuppressUnder"/> set the pupil-grain facts (<c>fact_sen_pupil</c>,
/// <c>fact_placement</c>) are withheld and aggregate tables (<c>agg_*</c>) published instead, with primary
/// and secondary suppression (<see cref="CountSuppression"/>): a row per pupil, even keyed, lets anyone who
/// can filter the data count a group of one, which is exactly what suppression exists to prevent.</item>
/// <item>The tables' rows are made when they are read, a row group at a time (<see cref="StarRows"/>), not here:
/// the pupil-grain facts are millions of rows at national scale. Read the facts before <c>dim_date</c>, which
/// covers the dates they hold (<see cref="FactDates"/>).</item>
/// </list>
/// </summary>
public static class StarSchemaBuilder
{
    /// <param name="hnbForecast">The HNB forecast, or null when it could not run (its facts then hold only the returned lines).</param>
    /// <param name="caseload">The LA's EHC plan history and forecast (<see cref="CaseloadGrowth.Caseload"/>), or null without history.</param>
    /// <param name="field">The LA among its neighbours (<see cref="Field.LaField"/>), or null.</param>
    public static StarSchema Build(LaPicture picture, HnbForecastResult? hnbForecast, LaCaseload? caseload, WorkforceCapacity workforce,
        DataQualityReport dataQuality, StarSchemaOptions options, Field.LaField? field = null)
    {
        var years = picture.FinanceLines.Select(f => f.FinancialYear.Trim())
            .Concat(hnbForecast?.Years ?? [])
            .Concat(caseload is null ? [] : caseload.Actual.Keys.Concat(caseload.Forecast.Select(f => f.Year)).Select(y => new Reference.FinancialYear(y).ToString()));
        var quarters = picture.Posts.Select(p => p.Quarter).Concat(picture.Activities.Select(a => a.Quarter));
        var dims = new StarDimensions(picture, years, quarters, workforce.Quarter);

        var facts = new List<StarTable>();
        if (options.SuppressUnder is { } threshold)
            facts.AddRange(StarFacts.Aggregates(picture, dims, threshold));
        else
        {
            var keys = new PupilKeys(options.PupilKeySecret);
            facts.Add(StarFacts.SenPupils(picture, dims, keys));
            facts.Add(StarFacts.Placements(picture, dims, keys));
            // Written empty when no sen2 extract is in force, so the model's tables are the same either way.
            facts.AddRange(RegisterStarFacts.All(picture.Register, dims, keys));
        }
        facts.Add(StarFacts.EhcpCaseload(caseload, dims));
        facts.Add(StarFacts.HnbSpend(picture, hnbForecast, dims));
        facts.Add(StarFacts.WorkforcePosts(picture, dims));
        facts.Add(StarFacts.EahActivity(picture, dims));
        facts.Add(StarFacts.DataQualityIssues(dataQuality));
        facts.AddRange(FieldStarTables.Facts(field));

        var dates = new FactDates();
        facts = [.. facts.Select(dates.Track)];
        var dimensions = dims.Tables().Prepend(DateDimension.Build(dates.Range))
            .Append(FieldStarTables.Area(field)).ToList();
        return new StarSchema([.. dimensions, .. facts], Relationships(dimensions, facts));
    }

    /// <summary>A fact column refers to the dimension whose key has its name; any <c>…DateKey</c> refers to <c>dim_date</c>.</summary>
    private static IReadOnlyList<StarForeignKey> Relationships(IReadOnlyList<StarTable> dimensions, IReadOnlyList<StarTable> facts) =>
        [.. facts.SelectMany(f => f.Columns
            .Select(c => (Column: c.Name, Dimension: DateDimension.IsDateKey(c.Name) ? DateDimension.Name
                : dimensions.FirstOrDefault(d => d.Key == c.Name)?.Name))
            .Where(r => r.Dimension is not null)
            .Select(r => new StarForeignKey(f.Name, r.Column, r.Dimension!)))];
}
