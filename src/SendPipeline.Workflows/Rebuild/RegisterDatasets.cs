using SendPipeline.Core.Register;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Rebuild;

/// <summary>
/// The register's figures as dataset CSVs, one a table, each named after the DfE file it matches where there is
/// one (<c>requests.csv</c>, <c>assessments.csv</c>, <c>timeliness_20_week.csv</c>, <c>ceased_plans.csv</c>) and
/// with the DfE's column names, so an analyst can lay the LA's month beside the published year. Counts and
/// request ids only: nothing in them names a child.
/// </summary>
public static class RegisterDatasets
{
    /// <param name="published">The LA's rows of the DfE's flow tables (<see cref="PublishedEhcpFigures.From"/>),
    /// put beside the register's calendar years in <c>compared_with_published.csv</c>; empty without them.</param>
    public static async Task WriteAsync(IBlobStore blobs, string folder, Sen2Figures figures, string laCode,
        IReadOnlyList<PublishedFigureRow> published, CancellationToken cancellationToken)
    {
        await Csv(blobs, $"{folder}/requests.csv", Sen2FigureColumns.Requests(laCode), figures.Requests, cancellationToken);
        await Csv(blobs, $"{folder}/assessments.csv", Sen2FigureColumns.Assessments(laCode), figures.Assessments, cancellationToken);
        await Csv(blobs, $"{folder}/timeliness_20_week.csv", Sen2FigureColumns.Timeliness(laCode), figures.Timeliness,
            cancellationToken);
        await Csv(blobs, $"{folder}/ceased_plans.csv", Sen2FigureColumns.Ceased(laCode), figures.Ceased, cancellationToken);
        await Csv(blobs, $"{folder}/annual_reviews.csv", Sen2FigureColumns.Reviews(laCode), figures.Reviews, cancellationToken);
        await Csv(blobs, $"{folder}/plans_in_force.csv", Sen2FigureColumns.ActivePlans(laCode), figures.ActivePlans,
            cancellationToken);
        await Csv(blobs, $"{folder}/requests_overdue.csv", Sen2FigureColumns.Overdue, figures.Overdue, cancellationToken);
        await Csv(blobs, $"{folder}/compared_with_published.csv", Sen2FigureColumns.Comparison,
            PublishedEhcpFigures.Beside(figures, published), cancellationToken);
    }

    private static Task Csv<TRow>(IBlobStore blobs, string path, IReadOnlyList<FigureColumn<TRow>> columns,
        IEnumerable<TRow> rows, CancellationToken cancellationToken) =>
        blobs.WriteRenderedAsync(path, "text/csv", s => Sen2FigureCsv.Write(s, columns, rows), cancellationToken);
}
