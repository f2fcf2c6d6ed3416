using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Submission;
using SendPipeline.Workflows;

namespace SendPipeline.Cli;

/// <summary>
/// The grammar of <c>sendpipeline</c> on System.CommandLine: every command, option and argument with its
/// help, and every value checked where it is parsed, so a bad value is exit 2 before any command does work.
/// Each command's body still reads its arguments from a <see cref="CommandLine"/> filled from the ParseResult.
/// </summary>
internal static class CommandTree
{
    /// <summary>The store both <c>generate</c> writes and <c>ingest</c>, <c>rebuild</c>, <c>submit</c> read.</summary>
    public static readonly string DefaultStore = Path.Combine("out", "store");

    private const string StorageVariable = "SENDPIPELINE_STORAGE";

    public static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand(
            "SendPipeline: validate, ingest, rebuild and submit an English LA's SEND returns, on a local folder " +
            "or Azure Storage.\nStart with: sendpipeline demo");
        Command Make(string name, string description, string example, Func<CommandLine, TextWriter, Task<int>> run,
            params Symbol[] symbols) => MakeCommand(name, description, example, run, output, symbols);

        root.Subcommands.Add(Make("validate", "Validate one upload (CSV or XLSX) and write its reports.",
            "sendpipeline validate census.csv --type school-census --html report.html",
            (a, o) => Task.FromResult(ValidateCommand.Run(a, o)),
            new Argument<string>("FILE") { Description = "The upload to validate." },
            Text("--type", "The return type; inferred from the file name when left out.", "TYPE"),
            Text("--submitter", "The submitter id (e.g. a school's LA-establishment number).", "ID"), La(),
            Text("--json", "Write the JSON report here.", "PATH"),
            Text("--html", "Write the HTML report here.", "PATH"),
            Text("--csv", "Write the CSV report here.", "PATH")));
        root.Subcommands.Add(Make("rules", "List every validation rule.", "sendpipeline rules --markdown",
            (a, o) => Task.FromResult(RulesCommand.Run(a, o)),
            Flag("--markdown", "Print the rules as a Markdown table.")));
        root.Subcommands.Add(Make("generate",
            $"Generate a synthetic LA's uploads into a store (default {DefaultStore}, the store ingest reads).",
            "sendpipeline generate --seed 7 && sendpipeline ingest",
            (a, o) => Task.FromResult(GenerateCommand.Run(a, o)), Seed(),
            Text("--out", $"The store to write the uploads into (default {DefaultStore}).", "DIR"), La(),
            Flag("--no-errors", "Plant no errors in the uploads."), History(), Assumptions()));
        root.Subcommands.Add(Make("ingest",
            "Ingest every upload not yet ingested in a store, then rebuild the datasets " +
            $"(default store {DefaultStore}).",
            "sendpipeline ingest --store out/store", IngestCommand.RunAsync, StoreOptions(mustExist: true)
                .Append(La()).ToArray()));
        root.Subcommands.Add(Make("rebuild", "Rebuild the datasets from the returns in force.",
            "sendpipeline rebuild --store out/store --suppress-under 5", RebuildCommand.RunAsync,
            StoreOptions(mustExist: true).Append(La()).Append(SuppressUnder()).Append(Flag("--full",
                "Read every return in force again, not the parts the last rebuild kept (cache/picture-parts.bin)."))
                .ToArray()));
        root.Subcommands.Add(Make("demo",
            "Generate the sample LA, ingest it, rebuild and draft the DfE return, in one folder (default out/demo). " +
            "Refuses to replace a folder with work since the demo made it (sign-offs, new uploads) unless --force.",
            "sendpipeline demo --out out/demo", DemoCommand.RunAsync,
            Text("--out", "The folder to make (default out/demo).", "DIR"), Seed(), La(), History(), Assumptions(),
            SuppressUnder(), Flag("--force", "Replace the folder even when work done since the demo would be lost.")));
        root.Subcommands.Add(Make("drill",
            "The fault drill: the demo twice, fault-free and with storage faults and a crash; exit 0 when identical.",
            "sendpipeline drill --small", DrillCommand.RunAsync,
            Text("--out", "The folder to work in (default out/drill).", "DIR"), Seed(),
            Flag("--small", "A small LA, for a quick run."), La()));
        root.Subcommands.Add(Bench(output));
        root.Subcommands.Add(Make("forecast-ehcp", "Forecast EHC plans from a DfE caseload history.",
            "sendpipeline forecast-ehcp --history caseload.csv --train-through 202122 --horizon 3 --out f.csv",
            (a, o) => Task.FromResult(ForecastEhcpCommand.Run(a, o)),
            MustBeFile(Text("--history", "The DfE EHC plan caseload history (CSV); or --data-dir.", "FILE")), DataDir(),
            Text("--by", "With --data-dir: 'placement' adds a row per placement group to each LA's total.", "placement"),
            Text("--train-through", "The last DfE time_period to train on, e.g. 202122.", "YYYYYY", required: true),
            Whole("--horizon", "Years ahead to forecast, 1 to 10.", 1, 10, required: true),
            Text("--out", "The CSV to write.", "FILE.csv", required: true),
            Method(), NewPlans()));
        root.Subcommands.Add(Make("backtest", "Backtest every forecasting method on a DfE caseload history.",
            "sendpipeline backtest --history caseload.csv", (a, o) => Task.FromResult(BacktestCommand.Run(a, o)),
            MustBeFile(Text("--history", "The DfE EHC plan caseload history (CSV); or --data-dir.", "FILE")), DataDir(),
            Whole("--age-lag",
                "With --data-dir: withhold the age bands of the last N years before each origin (default 0).", 0, 5),
            NewPlans()));
        root.Subcommands.Add(Make("scenario",
            "Run named reform scenarios (assumptions CSVs of levers) side by side: EHC plans and HNB spend by S251 " +
            "line, by year; with --goal, the lever value that reaches a target spend (exit 1 when none in its range).",
            "sendpipeline scenario --store out/demo --goal 190000000 --year 2027-28 --lever ap-reduction",
            ScenarioCommand.RunAsync,
            new Symbol[] { Files("Scenario files (assumptions CSVs); none runs the reform scenario of the assumptions " +
                "in force.") }
                .Concat(StoreOptions(mustExist: true)).Append(La())
                .Append(Text("--out", "Also write the comparison as a CSV here.", "FILE.csv"))
                .Append(Text("--goal", "The target reform spend in pounds for --year.", "POUNDS"))
                .Append(Text("--year", "The financial year of the goal, e.g. 2027-28.", "YYYY-YY"))
                .Append(Text("--lever", "The reform lever the goal seek moves (docs/assumptions.md).", "KEY"))
                .ToArray()));
        root.Subcommands.Add(Make("submit",
            "Run the quarter's DfE return: exit 0 final (and delivered), 1 draft awaiting checks or sign-off.",
            "sendpipeline submit --quarter \"2026-27 Q2\" --no-deliver", SubmitCommand.RunAsync,
            new Symbol[] { Quarter() }.Concat(StoreOptions(mustExist: true)).Append(La())
                .Append(Text("--deliver-to", "The DfE endpoint (else $" + SubmitCommand.EndpointVariable + ").", "URL"))
                .Append(Flag("--no-deliver", "Build the package but deliver nothing.")).ToArray()));
        root.Subcommands.Add(Make("signoff", "Sign off the quarter's snapshot in one of the five roles.",
            "sendpipeline signoff --quarter \"2026-27 Q2\" --role la-chief-executive --snapshot HASH --key KEY",
            SignOffCommand.RunAsync,
            new Symbol[] { Quarter(), Role(required: true),
                Text("--snapshot", "The hash of the snapshot you reviewed, as the draft shows it.", "HASH",
                    required: true),
                Text("--key", "Your signer key (else $" + SignOffCommand.KeyVariable + ").", "SIGNER-KEY"),
                Hidden(Text("--name", "Refused: the name recorded is the key's.", "NAME")) }
                .Concat(StoreOptions(mustExist: true)).Append(La()).ToArray()));
        root.Subcommands.Add(Make("submitter-key", "Issue or revoke a submitter's upload key.",
            "sendpipeline submitter-key --submitter 8552001", SubmitterKeyCommand.RunAsync,
            new Symbol[] { Text("--submitter", "The submitter to issue a key for.", "ID"),
                Text("--revoke", "The key id to revoke.", "KEY-ID") }
                .Concat(StoreOptions(mustExist: false)).ToArray()));
        root.Subcommands.Add(Make("signer-key", "Issue, revoke or list signer keys for the five sign-off roles.",
            "sendpipeline signer-key --role la-chief-executive --name \"Alex Morgan\"", SignerKeyCommand.RunAsync,
            new Symbol[] { Role(required: false), Text("--name", "The holder's full name.", "FULL NAME"),
                Text("--revoke", "The key id to revoke.", "KEY-ID"), Flag("--list", "List the keys.") }
                .Concat(StoreOptions(mustExist: false)).ToArray()));
        root.Subcommands.Add(Make("powerbi-queries", "Write the Power Query (M) file of every star table.",
            "sendpipeline powerbi-queries --out docs/powerbi/queries",
            (a, o) => Task.FromResult(PowerBiQueriesCommand.Run(a, o)),
            Text("--out", "The folder for the queries (default docs/powerbi/queries).", "DIR"),
            Text("--model", "The model definition folder (default docs/powerbi/SendPipeline.SemanticModel/definition).",
                "DIR")));
        root.Subcommands.Add(Make("serve", "Serve the upload portal on 127.0.0.1 against a local folder store.",
            "sendpipeline serve --store out/demo --issue-key 8552001", ServeCommand.RunAsync,
            Text("--store", $"The store folder (default {DefaultStore}).", "DIR"),
            Hidden(Text("--connection", "Refused: in Azure the Functions app serves the portal.", "CONNECTION-STRING")),
            Whole("--port", $"The port, 1 to 65535 (default {ServeCommand.DefaultPort}).", 1, 65535), La(),
            Text("--issue-key", "Print a fresh upload key for this submitter first.", "SUBMITTER"),
            Whole("--session-minutes", "How long a portal session lasts (default 30).", 1)));
        return root;
    }

    private static Command Bench(TextWriter output)
    {
        Symbol[] ValidateOptions() =>
        [
            Whole("--rows", "Rows in the generated census (default 1,000,000).", 1),
            Whole("--runs", "Timed runs (default 3).", 1),
            Text("--file", "Validate this census instead of a generated one.", "PATH"),
            Hidden(Text("--phase", "Internal: the child process's phase.", "PHASE")),
        ];
        Task<int> Run(CommandLine args, TextWriter o, string sub) =>
            BenchCommand.RunAsync(new CommandLine(args.Options, [sub]), o);
        var bench = MakeCommand("bench", "Benchmark validation (the default), the rebuild or the memory bounds.",
            "sendpipeline bench --rows 100000 --runs 1", (a, o) => BenchCommand.RunAsync(a, o), output,
            ValidateOptions());
        bench.Subcommands.Add(MakeCommand("validate", "Time validation of a generated census against a raw read.",
            "sendpipeline bench validate --rows 100000", (a, o) => Run(a, o, "validate"), output, ValidateOptions()));
        bench.Subcommands.Add(MakeCommand("rebuild", "Time the rebuild of the datasets from a prepared store.",
            "sendpipeline bench rebuild --scale tiny --runs 1", (a, o) => Run(a, o, "rebuild"), output,
            Text("--scale", "tiny, la or national (default la).", "SCALE", among: ["tiny", "la", "national"]),
            Whole("--runs", "Timed runs (default 3).", 1),
            Text("--store", "The prepared store (default out/bench-SCALE).", "DIR"), Seed(), La(),
            Whole("--settings", "National scale: settings.", 1), Whole("--pupils", "National scale: SEN pupils.", 1),
            Whole("--plans", "National scale: EHC plans.", 1), History(), Assumptions(),
            Hidden(Text("--phase", "Internal: the child process's phase.", "PHASE"))));
        bench.Subcommands.Add(MakeCommand("bounds", "Measure peak memory validating hostile and huge uploads.",
            "sendpipeline bench bounds --rows 100000", (a, o) => Run(a, o, "bounds"), output,
            Whole("--rows", "Rows in the XLSX census (default 1,000,000).", 1),
            Text("--keep", "Keep the generated uploads in this folder.", "DIR")));
        bench.Subcommands.Add(MakeCommand("sen2", "Time validating a national-size SEN2 extract across its modules.",
            "sendpipeline bench sen2 --plans 650000 --requests 120000", (a, o) => Run(a, o, "sen2"), output,
            Whole("--plans", "Active plans (default 650,000).", 1), Whole("--requests", "Requests a year (default 120,000).", 1),
            Text("--file", "Validate this extract instead of a generated one.", "PATH"),
            Flag("--no-register", "Validate and write the canonical form only, without reading the register back.")));
        return bench;
    }

    private static Command MakeCommand(string name, string description, string example,
        Func<CommandLine, TextWriter, Task<int>> run, TextWriter output, params Symbol[] symbols)
    {
        var command = new Command(name, $"{description}\nExample: {example}");
        foreach (var symbol in symbols)
        {
            if (symbol is Option option) command.Options.Add(option);
            else if (symbol is Argument argument) command.Arguments.Add(argument);
        }
        if (symbols.OfType<Option>().FirstOrDefault(o => o.Name == "--store") is { } store
            && symbols.OfType<Option>().Any(o => o.Name == "--connection" && !o.Hidden))
            command.Validators.Add(result => OneStore(result, mustExist: store.Validators.Count > 0));
        command.SetAction((parse, _) => run(Arguments(parse, command), output));
        return command;
    }

    /// <summary>The options given (not defaulted) and the positional values, as the body reads them.</summary>
    private static CommandLine Arguments(ParseResult parse, Command command)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var option in command.Options)
        {
            if (parse.GetResult(option) is not { Implicit: false } result) continue;
            var name = option.Name.TrimStart('-');
            if (option.ValueType == typeof(bool))
            {
                if (result.GetValueOrDefault<bool>()) options[name] = null;
            }
            else if (result.Tokens.Count > 0) options[name] = result.Tokens[^1].Value;
        }
        var positional = command.Arguments.SelectMany(a => parse.GetResult(a)?.Tokens.Select(t => t.Value) ?? []);
        return new CommandLine(options, positional);
    }

    /// <summary>A store option's folder must exist, and a bare command's default store too (unless Azure).</summary>
    private static void OneStore(CommandResult result, bool mustExist)
    {
        var store = result.Children.OfType<OptionResult>().FirstOrDefault(r => r.Option.Name == "--store");
        var connection = result.Children.OfType<OptionResult>().FirstOrDefault(r => r.Option.Name == "--connection");
        if (store is { Implicit: false } && connection is { Implicit: false })
            result.AddError("Give --store or --connection, not both.");
        else if (mustExist && store is null && connection is null
                 && Environment.GetEnvironmentVariable(StorageVariable) is null && !Directory.Exists(DefaultStore))
            result.AddError($"There is no store at {DefaultStore}, the default: run `sendpipeline generate` first, " +
                            "or give the store with --store DIR or --connection CONNECTION-STRING.");
    }

    private static Symbol[] StoreOptions(bool mustExist)
    {
        var store = Text("--store", $"The local folder store (default {DefaultStore})." +
            (mustExist ? " It must exist." : ""), "DIR");
        var connection = Text("--connection",
            $"An Azure Storage connection string (else ${StorageVariable}), e.g. UseDevelopmentStorage=true.",
            "CONNECTION-STRING");
        connection.Validators.Add(r =>
        {
            if (Value(r) is { } text && !text.Contains('='))
                r.AddError($"--connection takes a storage connection string such as UseDevelopmentStorage=true or " +
                           $"DefaultEndpointsProtocol=https;AccountName=…, not '{text}'. For a folder use --store.");
        });
        if (mustExist)
        {
            store.Validators.Add(r =>
            {
                if (Value(r) is { } folder && !Directory.Exists(folder))
                    r.AddError($"The store folder '{folder}' does not exist. Give the folder generate or ingest " +
                               $"wrote to with --store (the default is {DefaultStore}).");
            });
        }
        return [store, connection];
    }

    private static Option<string> Quarter()
    {
        var quarter = Text("--quarter", "The financial quarter, e.g. \"2026-27 Q2\".", "\"YYYY-YY QN\"",
            required: true);
        quarter.Validators.Add(r =>
        {
            if (Value(r) is { } text && !IsQuarter(text))
                r.AddError($"--quarter: '{text}' is not a financial quarter; write it as \"2025-26 Q4\".");
        });
        return quarter;
    }

    private static bool IsQuarter(string text) =>
        System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^(\d{4})-(\d{2}) Q([1-4])$") is { Success: true } m
        && (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1) % 100
            == int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);

    private static Option<string> Method()
    {
        var names = SendPipeline.Core.Forecasting.ForecastMethods.All.Select(m => m.Name).ToList();
        var method = Text("--method", $"One forecasting method: {string.Join(", ", names)} (default: all).", "NAME");
        method.Validators.Add(r =>
        {
            if (Value(r) is { } text && !names.Contains(text))
                r.AddError($"--method must be one of {string.Join(", ", names)}, not '{text}'.");
        });
        return method;
    }

    private static Option<string> Role(bool required)
    {
        var role = Text("--role", "The sign-off role: " + string.Join(", ", SignOffRoles.All.Select(r => r.Id)) + ".",
            "ROLE", required: required);
        role.Validators.Add(r =>
        {
            if (Value(r) is { } text && SignOffRoles.Find(text) is null) r.AddError(SignOffRoles.NotARole(text));
        });
        return role;
    }

    private static Option<string> La()
    {
        var la = Text("--la", $"The LA code, 3 digits (else ${PipelineOptions.LaCodeEnvironmentVariable}, " +
            $"else {PipelineOptions.DefaultLaCode}).", "CODE");
        la.Validators.Add(r =>
        {
            if (Value(r) is { } code && (code.Length != 3 || !code.All(char.IsAsciiDigit)))
                r.AddError($"The LA code must be 3 digits, not '{code}'.");
        });
        return la;
    }

    private static Option<string> NewPlans() => Text("--new-plans",
        "With --data-dir: the cohort model's new plans by their own 'trend' (default) or from 'requests' and their " +
        "conversion.", "trend|requests");

    private static Option<int> Seed() => Whole("--seed", "The random seed (default 1).", 0);

    private static Option<int> SuppressUnder() => Whole("--suppress-under",
        $"Suppress counts under N in published tables (else ${PipelineOptions.SuppressUnderEnvironmentVariable}).", 1);

    /// <summary>
    /// The history the sample LA uploads as ehcp-history: the DfE's caseload file, or a folder of its tables (uploaded
    /// as a zip), as <see cref="Commands.GenerateCommand.HistoryPath"/> finds it by default.
    /// </summary>
    private static Option<string> History()
    {
        var history = Text("--history", "The DfE EHC plan history: caseload.csv, or a folder of the DfE's tables with " +
            "caseload.csv among them (uploaded as a zip). Default: shared/data/dfe-ehcp/, else " +
            "shared/data/dfe-ehcp-caseload-201819-202223.csv, looked for from the current folder upwards.", "PATH");
        history.Validators.Add(r =>
        {
            if (Value(r) is { } path && Commands.GenerateCommand.HistoryProblem(path) is { } problem) r.AddError(problem);
        });
        return history;
    }

    private static Option<string> DataDir() => Text("--data-dir",
        "The folder of DfE EHC plan tables (caseload.csv, sen2_age_caseload.csv, newplans.csv, …): the cohort model.",
        "DIR");

    private static Option<string> Assumptions()
    {
        var assumptions = Text("--assumptions", "The forecast assumptions file (default: the shipped defaults).",
            "FILE");
        MustBeFile(assumptions);
        return assumptions;
    }

    /// <summary>
    /// Any number of file arguments. Such an argument takes every token no option claims, so a mistyped option
    /// (<c>--gaol</c>) would arrive as a file name; it is named as the unknown option it is.
    /// </summary>
    private static Argument<string[]> Files(string description)
    {
        var files = new Argument<string[]>("FILE") { Description = description, Arity = ArgumentArity.ZeroOrMore };
        files.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => t.Value.StartsWith('-')))
                r.AddError($"'{token.Value}' is not an option of this command; a file's name does not start with '-'.");
        });
        return files;
    }

    private static Option<string> MustBeFile(Option<string> option)
    {
        option.Validators.Add(r =>
        {
            if (Value(r) is { } path && !File.Exists(path)) r.AddError($"{option.Name}: '{path}' does not exist.");
        });
        return option;
    }

    private static Option<string> Text(string name, string description, string helpName, bool required = false,
        string[]? among = null)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName, Required = required };
        if (among is not null) option.AcceptOnlyFromAmong(among);
        return option;
    }

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    private static Option<int> Whole(string name, string description, int min, int max = int.MaxValue,
        bool required = false)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N", Required = required };
        option.Validators.Add(r =>
        {
            if (Value(r) is not { } text
                || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return;
            if (value < min || value > max)
                r.AddError(max == int.MaxValue ? $"{name} must be at least {min}, not {value}."
                    : $"{name} must be from {min} to {max}, not {value}.");
        });
        return option;
    }

    private static T Hidden<T>(T option) where T : Option
    {
        option.Hidden = true;
        return option;
    }

    private static string? Value(OptionResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
}
