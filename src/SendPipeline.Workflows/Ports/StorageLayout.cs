namespace SendPipeline.Workflows.Ports;

/// <summary>Containers and tables, named once. See docs/architecture.md.</summary>
public static class StorageLayout
{
    public const string Uploads = "uploads";
    public const string Reports = "reports";
    public const string Accepted = "accepted";
    public const string Datasets = "datasets";
    public const string PowerBi = "powerbi";
    public const string Submissions = "submissions";

    /// <summary>What a rebuild keeps to be quicker next time; deleting it costs a slower rebuild, no data.</summary>
    public const string Cache = "cache";

    public static readonly IReadOnlyList<string> Containers =
        [Uploads, Reports, Accepted, Datasets, PowerBi, Submissions, Cache];

    /// <summary>One row per upload: who, what, period, when, hash, status, counts.</summary>
    public const string UploadsTable = "uploads";

    /// <summary>One row per (return type, submitter, period): the upload currently in force.</summary>
    public const string AcceptedTable = "accepted";
}
