using SendPipeline.SampleData;

namespace SendPipeline.Cli.Commands;

/// <summary><c>sendpipeline generate</c>: writes the synthetic sample LA's uploads into a folder.</summary>
public static class GenerateCommand
{
    public const string Usage = "sendpipeline generate [--seed N] [--out DIR] [--la CODE] [--no-errors] [--history PATH]";

    /// <summary>Where the DfE caseload file sits in the project's shared folder, beside the repository.</summary>
    /// <summary>The DfE's EHC plan tables (uploaded as a zip), else its caseload file alone.</summary>
    private static readonly string[] SharedHistories = ["shared/data/dfe-ehcp", "shared/data/dfe-ehcp-caseload-201819-202223.csv"];

    public static int Run(CommandLine args, TextWriter output)
    {
        var seed = args.Int("seed", 1);
        var root = Path.GetFullPath(args.Option("out") ?? CommandTree.DefaultStore);
        var la = Settings.LaCode(args);
        var clean = args.Flag("no-errors");
        var history = HistoryPath(args);
        var assumptions = AssumptionsPath(args);
        args.EnsureAllRead();

        var result = SampleLaGenerator.Generate(new SampleLaOptions { Seed = seed, LaCode = la, PlantErrors = !clean, EhcpHistoryPath = history, AssumptionsPath = assumptions }, root);
        Describe(result, output);
        if (history is null) output.WriteLine(NoHistoryNote);
        return 0;
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot be the EHC plan history (a caseload file, or a folder of the DfE's tables with
    /// caseload.csv among them); null when it can. The parser's check and <see cref="HistoryPath"/> both ask this.
    /// </summary>
    public static string? HistoryProblem(string path) =>
        File.Exists(path) ? null
        : !Directory.Exists(path) ? $"--history: '{path}' does not exist."
        : File.Exists(Path.Combine(path, "caseload.csv")) ? null
        : $"--history: the folder '{path}' has no caseload.csv (the DfE's EHC plan tables).";

    /// <summary>
    /// <c>--history PATH</c>, else the shared copy found from the current directory or the repository root
    /// upwards (the folder of DfE tables before the caseload file alone); null when there is none, and the generator
    /// says it skipped it.
    /// </summary>
    public static string? HistoryPath(CommandLine args)
    {
        if (args.Option("history") is { } given)
            return HistoryProblem(given) is { } problem ? throw new UsageException(problem) : Path.GetFullPath(given);
        foreach (var shared in SharedHistories)
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    foreach (var candidate in new[] { Path.Combine(dir.FullName, shared), Path.Combine(dir.FullName, "..", shared) })
                        if (File.Exists(candidate) || File.Exists(Path.Combine(candidate, "caseload.csv")))
                            return Path.GetFullPath(candidate);
        return null;
    }

    /// <summary>
    /// <c>--assumptions FILE</c>, else the project's shipped defaults (embedded in Core), written to a
    /// temporary file the generator copies into the LA's uploads.
    /// </summary>
    public static string AssumptionsPath(CommandLine args)
    {
        if (args.Option("assumptions") is { } given)
            return File.Exists(given) ? Path.GetFullPath(given) : throw new UsageException($"--assumptions: '{given}' does not exist.");
        return DefaultAssumptionsFile.Value;
    }

    /// <summary>
    /// The shipped defaults written once per process into its own temp folder, so two runs at once never write
    /// over each other's file; the folder goes when the process ends (or the next run clears it after a kill).
    /// </summary>
    private static readonly Lazy<string> DefaultAssumptionsFile = new(() =>
    {
        // The name is the upload's name in the sample LA: the folder, not the name, keeps processes apart.
        var path = Path.Combine(SendPipeline.Core.Reading.PrivateTemp.Current.Folder, "sendpipeline-default-assumptions.csv");
        using (var defaults = SendPipeline.Core.Returns.Assumptions.AssumptionsDefaults.Open())
        using (var file = File.Create(path))
            defaults.CopyTo(file);
        return path;
    });

    /// <summary>What to do when no DfE history was found: the option, and where the default was looked for.</summary>
    public static readonly string NoHistoryNote =
        $"  No DfE EHC plan history found: pass --history PATH (looked for {string.Join(" and ", SharedHistories)} " +
        "from the current folder and the tool's folder upwards).";

    public static void Describe(SampleLaResult result, TextWriter output)
    {
        output.WriteLine($"Sample LA written to {result.OutputRoot}:");
        output.WriteLine($"  {result.Schools:N0} school census uploads, {result.Rows:N0} rows: {result.EhcpPupils:N0} EHC plans, {result.SenSupportPupils:N0} on SEN support, {result.NoSenRows:N0} without SEN");
        foreach (var (type, (files, rows)) in result.CountsByReturnType)
            output.WriteLine($"  {type,-14} {files,4:N0} uploads {rows,8:N0} rows");
        foreach (var note in result.Notes) output.WriteLine($"  {note}");
        output.WriteLine($"  {result.Defects.Count} planted defects in {result.Defects.Select(d => d.File).Distinct().Count()} files, and {result.CrossReturnDefects.Count} across returns (listed in planted-defects.json)");
    }
}
