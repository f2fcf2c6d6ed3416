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
            catch (Exception e)
            {
                // Anything unforeseen still ends in one sentence and exit 2; the trace only when asked for.
                error.WriteLine(CouldNotRunSentence(e));
                error.WriteLine(Environment.GetEnvironmentVariable(DebugVariable) == "1" ? e.ToString() : $"Set {DebugVariable}=1 to see the technical detail.");
                return CouldNotRun;
            }
            finally
            {
                await output.FlushAsync();
            }
        }

        /// <summary>Set to 1 to have an unexpected failure print its exception and stack trace as well as its sentence.</summary>
        public const string DebugVariable = "SENDPIPELINE_DEBUG";

        /// <summary>
        /// One line for a failure no command explained itself: a network failure (storage unreachable) says
        /// what to check; anything else gives the first line of its message, never a stack trace.
        /// </summary>
        internal static string CouldNotRunSentence(Exception failure)
        {
            for (var e = failure; e is not null; e = e.InnerException)
            {
                if (e is System.Net.Sockets.SocketException or HttpRequestException)
                    return $"Could not run: the storage service could not be reached ({FirstLine(e.Message)}). " +
                           "Check the connection string (--connection or SENDPIPELINE_STORAGE) and that the service is running.";
            }
            var message = FirstLine(failure.Message);
            return "Could not run: " + (message.EndsWith('.') ? message : message + ".");
        }

        private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

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
