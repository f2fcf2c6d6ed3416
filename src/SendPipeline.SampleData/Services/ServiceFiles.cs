using System.Globalization;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.SampleData.Tables;

namespace SendPipeline.SampleData.Services;

/// <summary>The <c>workforce</c> and <c>eah-activity</c> files a service uploads each quarter.</summary>
internal static class ServiceFiles
{
    public static readonly IReadOnlyList<string> WorkforceColumns = [.. Core.Returns.Workforce.WorkforceColumns.Table.Select(c => c.Name)];

    public static readonly IReadOnlyList<string> ActivityColumns = [.. Core.Returns.EahActivity.EahActivityColumns.Table.Select(c => c.Name)];

    public static TableFile Workforce(Service service, FinancialQuarter quarter, IEnumerable<WorkforcePost> posts, TableEncoding encoding)
    {
        var extension = encoding == TableEncoding.Xlsx ? "xlsx" : "csv";
        var file = new TableFile(service.Code, ReturnTypes.Workforce, $"workforce-{Slug(quarter)}.{extension}", WorkforceColumns, encoding);
        foreach (var p in posts)
            file.Add(service.Code, quarter.ToString(), p.PostId, p.Discipline, p.Role, p.Fte.ToString("0.0#", CultureInfo.InvariantCulture),
                p.Status, TableFile.Money(p.AnnualCost), p.FundingSource, p.TimeLimitedUntil is { } until ? TableFile.Date(until) : "");
        return file;
    }

    public static TableFile Activity(Service service, FinancialQuarter quarter, IEnumerable<ActivityRow> rows, TableEncoding encoding)
    {
        var file = new TableFile(service.Code, ReturnTypes.EahActivity, $"activity-{Slug(quarter)}.csv", ActivityColumns, encoding);
        foreach (var r in rows)
            file.Add(service.Code, quarter.ToString(), r.LaEstab, r.Discipline, TableFile.Number(r.Days), r.ActivityType);
        return file;
    }

    private static string Slug(FinancialQuarter quarter) => $"{quarter.Year}-q{quarter.Quarter}";
}
