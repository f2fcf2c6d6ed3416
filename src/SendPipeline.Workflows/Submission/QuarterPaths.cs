using SendPipeline.Core.Reference;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Submission;

/// <summary>Where a quarter's snapshots and packages live: <c>submissions/2026-27-Q2/…</c>.</summary>
public static class QuarterPaths
{
    public const string SignOffsTable = "signoffs";
    public const string DeliveriesTable = "deliveries";
    public const string PackagesTable = "packages";

    /// <summary>Parses <c>2026-27 Q2</c>, or says exactly what is expected.</summary>
    public static FinancialQuarter Parse(string quarter) =>
        FinancialQuarter.TryParse(quarter.Trim(), out var parsed) ? parsed
            : throw new ArgumentException($"'{quarter}' is not a financial quarter: write it as 2026-27 Q2 (Q1 is April to June).", nameof(quarter));

    /// <summary><c>2026-27-Q2</c>: the quarter with no space, safe as a path segment, table key and instance id.</summary>
    public static string Slug(string quarter) => Parse(quarter).ToString().Replace(' ', '-');

    public static string Root(string quarter) => $"{StorageLayout.Submissions}/{Slug(quarter)}";

    public static string Snapshot(string quarter, string hash) => $"{Root(quarter)}/snapshots/{hash}";

    public static string Version(string quarter, int version) => $"{Root(quarter)}/v{version}";
}
