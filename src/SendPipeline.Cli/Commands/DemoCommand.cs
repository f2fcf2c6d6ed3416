using SendPipeline.Core.Submission;
using SendPipeline.SampleData;
using SendPipeline.Storage;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline demo</c>: the main job on the embedded default. Generates the sample LA into a
/// local folder store, ingests every upload through the same workflow the Functions app runs, and
/// says what happened and where the reports are.
/// </summary>
public static class DemoCommand
{
    public const string Usage = "sendpipeline demo [--out DIR] [--seed N] [--la CODE] [--history PATH] [--assumptions FILE] [--suppress-under N]";

    /// <summary>Marks a folder the demo made, so a rerun may clear it and never anything else.</summary>
    private const string Marker = ".sendpipeline-demo";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var root = Path.GetFullPath(args.Option("out") ?? Path.Combine("out", "demo"));
        var seed = args.Int("seed", 1);
        var la = Settings.LaCode(args);
        var history = GenerateCommand.HistoryPath(args);
        var assumptions = GenerateCommand.AssumptionsPath(args);
        var suppressUnder = Settings.SuppressUnder(args);
        var force = args.Flag("force");
        args.EnsureAllRead();

        Prepare(root, force);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var options = new SampleLaOptions { Seed = seed, LaCode = la, EhcpHistoryPath = history, AssumptionsPath = assumptions };
        TerminalProgress.Stage($"Generating the sample LA into {root}");
        var sample = SampleLaGenerator.Generate(options, root);
        GenerateCommand.Describe(sample, output);
        if (history is null) output.WriteLine(GenerateCommand.NoHistoryNote);
        var stores = StoreFactory.Create(root);
        var (results, rebuild) = await IngestCommand.IngestAndRebuildAsync(stores, la, suppressUnder);
        // The quarter the sample's services and providers returned for: what the timer would submit on 15 April.
        TerminalProgress.Stage($"Freezing and drafting the {options.ServiceQuarter} DfE return");
        var submission = await SubmitCommand.SubmitAsync(stores, la, options.ServiceQuarter.ToString(), deliver: false, delivery: null);
        watch.Stop();
        output.WriteLine();
        Summary.Write(results, output);
        if (rebuild is not null)
        {
            output.WriteLine();
            RebuildCommand.Describe(rebuild, output);
        }
        output.WriteLine();
        var storeArguments = $" --store \"{Path.GetRelativePath(Environment.CurrentDirectory, root)}\"";
        SubmitCommand.Describe(submission, output, storeArguments, await IssueDemoSignerKeysAsync(stores));
        await SubmitCommand.DescribeCountsAsync(stores, submission, output);
        output.WriteLine();
        output.WriteLine($"Done in {watch.Elapsed.TotalSeconds:N1} s. Storage is the folder {root}:");
        output.WriteLine($"  uploads/   the raw files        reports/   a JSON, CSV and HTML report per upload");
        output.WriteLine($"  accepted/  canonical returns     .tables/   upload records and the returns in force");
        output.WriteLine($"  datasets/dashboard/index.html  the officers' dashboard: charts of every dataset, opens with no server");
        output.WriteLine($"  datasets/data-quality/  the checks across returns, for officers (HTML, CSV, JSON)");
        output.WriteLine($"  datasets/workforce/     Experts at Hand capacity: FTE, cost, the grant split, outreach, days per setting, checks");
        output.WriteLine($"  powerbi/                the star schema for Power BI: Parquet and CSV per table, schema.json (no pupil identifiers)");
        output.WriteLine($"  submissions/            the {options.ServiceQuarter} DfE return: a frozen snapshot and a draft package awaiting checks and sign-off");
        output.WriteLine($"  planted-defects.json lists the errors the generator planted, to compare with the reports.");
        // The marker's time is when the demo finished: anything newer is someone's work a rerun would lose.
        File.SetLastWriteTimeUtc(Path.Combine(root, Marker), DateTime.UtcNow);
        return 0;
    }

    /// <summary>
    /// Files changed after the demo finished (the marker's time), by what they are: sign-offs and keys (the
    /// tables), package versions (submissions/), uploads not from the generator (uploads/), anything else.
    /// </summary>
    private static List<string> WorkSinceDemo(string root)
    {
        var finished = File.GetLastWriteTimeUtc(Path.Combine(root, Marker));
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) > finished && !f.EndsWith(".lock", StringComparison.Ordinal))
            .GroupBy(f => Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar)[0] switch
            {
                ".tables" => "sign-offs, keys or upload records (.tables/)",
                "submissions" => "submission package versions (submissions/)",
                "uploads" => "uploads not from the generator (uploads/)",
                var other => other,
            })
            .Select(g => $"{g.Count()} file(s) of {g.Key}")
            .ToList();
    }

    /// <summary>Made-up holders of the five roles, one person each, as an LA would register its own.</summary>
    private static readonly string[] DemoSigners =
        ["Alex Morgan", "Sam Patel", "Jordan Reid", "Casey Okafor", "Robin Hughes"];

    /// <summary>
    /// One signer key per role in the demo's own store, so the printed sign-off commands work as they are.
    /// A real LA issues each to its holder with <c>sendpipeline signer-key</c>.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> IssueDemoSignerKeysAsync(Stores stores)
    {
        var keys = new SignerKeyStore(stores.Tables, TimeProvider.System);
        var issued = new Dictionary<string, string>();
        foreach (var (role, name) in SignOffRoles.All.Zip(DemoSigners))
            if ((await keys.IssueAsync(role.Id, name)).Issued is { } key) issued[role.Id] = key.Key;
        return issued;
    }

    private static void Prepare(string root, bool force)
    {
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            if (!File.Exists(Path.Combine(root, Marker)))
                throw new UsageException($"'{root}' is not empty and was not made by the demo; choose another --out.");
            if (!force && WorkSinceDemo(root) is { Count: > 0 } work)
                throw new UsageException($"'{root}' holds work done since the demo made it, which replacing it " +
                    $"would lose: {string.Join("; ", work)}. Choose another --out, or pass --force to replace it.");
            Directory.Delete(root, recursive: true);
        }
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, Marker), "Made by `sendpipeline demo`; the demo clears this folder when it runs again.\n");
    }
}
