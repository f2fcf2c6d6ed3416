namespace SendPipeline.Workflows;

/// <summary>
/// Settings that differ between local authorities. The LA code is configuration, never code
/// (spec: "nothing may be hard-wired to it"): the CLI reads it from --la or SENDPIPELINE_LA_CODE,
/// the Functions app from the LaCode app setting.
/// </summary>
public sealed record PipelineOptions(string LaCode)
{
    public const string LaCodeSetting = "LaCode";
    public const string LaCodeEnvironmentVariable = "SENDPIPELINE_LA_CODE";

    /// <summary>The demo LA (Leicestershire) when nothing else is configured.</summary>
    public const string DefaultLaCode = "855";

    /// <summary>The secret that keys pupil keys in the Power BI star schema; null: a random one kept in the store (local demo only).</summary>
    public PowerBi.IPupilKeySecret? PupilKeySecret { get; init; }

    /// <summary>Counts under this are suppressed in the Power BI star schema, which then has no pupil-level rows; null: off.</summary>
    public int? SuppressUnder { get; init; }

    /// <summary>
    /// Also write the star tables to Table Storage (issue 6), for tools that read tables. On in the Functions
    /// app; off by default in the CLI, where the local store keeps a table as one file per row.
    /// </summary>
    public bool ExportStarTables { get; init; }

    /// <summary>
    /// Read every canonical return in force, not the parts an earlier rebuild kept
    /// (<see cref="Rebuild.PictureLoader"/>); the kept parts are then written afresh.
    /// <c>sendpipeline rebuild --full</c>.
    /// </summary>
    public bool FullRebuild { get; init; }

    public const string PupilKeySecretEnvironmentVariable = "SENDPIPELINE_PUPIL_KEY_SECRET", SuppressUnderEnvironmentVariable = "SENDPIPELINE_SUPPRESS_UNDER";
}
