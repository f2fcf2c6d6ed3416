using SendPipeline.Cli;
using SendPipeline.Cli.Commands;

return await Cli.RunAsync(args, Console.Out, Console.Error);

namespace SendPipeline.Cli
{
    /// <summary>The <c>sendpipeline</c> entry point: dispatches to one command class each.</summary>
    public static class Cli
    {
        public const int Accepted = 0, Rejected = 1, CouldNotRun = 2;

        private static readonly IReadOnlySet<string> Flags = new HashSet<string> { "markdown", "no-errors", "help", "no-deliver", "small", "list" };

        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
            {
                output.WriteLine(Usage);
                return args.Length == 0 ? CouldNotRun : 0;
            }
            try
            {
                var line = new CommandLine(args.Skip(1), Flags);
                return args[0] switch
                {
                    "validate" => ValidateCommand.Run(line, output),
                    "rules" => RulesCommand.Run(line, output),
                    "generate" => GenerateCommand.Run(line, output),
                    "ingest" => await IngestCommand.RunAsync(line, output),
                    "demo" => await DemoCommand.RunAsync(line, output),
                    "drill" => await DrillCommand.RunAsync(line, output),
                    "rebuild" => await RebuildCommand.RunAsync(line, output),
                    "bench" => await BenchCommand.RunAsync(line, output),
                    "forecast-ehcp" => ForecastEhcpCommand.Run(line, output),
                    "backtest" => BacktestCommand.Run(line, output),
                    "submit" => await SubmitCommand.RunAsync(line, output),
                    "signoff" => await SignOffCommand.RunAsync(line, output),
                    "submitter-key" => await SubmitterKeyCommand.RunAsync(line, output),
                    "signer-key" => await SignerKeyCommand.RunAsync(line, output),
                    "powerbi-queries" => PowerBiQueriesCommand.Run(line, output),
                    "serve" => await ServeCommand.RunAsync(line, output),
                    _ => throw new UsageException($"Unknown command '{args[0]}'."),
                };
            }
            catch (UsageException e)
            {
                error.WriteLine(e.Message);
                error.WriteLine(Usage);
                return CouldNotRun;
            }
            catch (IOException e)
            {
                error.WriteLine($"Could not run: {e.Message}");
                return CouldNotRun;
            }
            finally
            {
                await output.FlushAsync();
            }
        }

        public static string Usage => string.Join(Environment.NewLine,
            "Usage:",
            "  " + ValidateCommand.Usage,
            "  " + RulesCommand.Usage,
            "  " + GenerateCommand.Usage,
            "  " + IngestCommand.Usage,
            "  " + RebuildCommand.Usage,
            "  " + DemoCommand.Usage,
            "  " + DrillCommand.Usage,
            "  " + BenchCommand.Usage,
            "  " + RebuildBenchCommand.Usage,
            "  " + ForecastEhcpCommand.Usage,
            "  " + BacktestCommand.Usage,
            "  " + SubmitCommand.Usage,
            "  " + SignOffCommand.Usage,
            "  " + SubmitterKeyCommand.Usage,
            "  " + SignerKeyCommand.Usage,
            "  " + PowerBiQueriesCommand.Usage,
            "  " + ServeCommand.Usage);
    }
}
