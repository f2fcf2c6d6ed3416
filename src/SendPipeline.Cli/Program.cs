using System.CommandLine;
using System.CommandLine.Parsing;
using SendPipeline.Cli;

return await Cli.RunAsync(args, Console.Out, Console.Error);

namespace SendPipeline.Cli
{
    /// <summary>The <c>sendpipeline</c> entry point: dispatches to one command class each.</summary>
    public static class Cli
    {
        public const int Accepted = 0, Rejected = 1, CouldNotRun = 2;

        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
        {
            try
            {
                var parse = CommandTree.Build(output).Parse(args);
                // No Ctrl+C handling of its own (serve handles it) and no exception handler: ours is below.
                var invocation = new InvocationConfiguration
                {
                    Output = output, Error = error,
                    EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
                };
                if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction errors)
                {
                    // The errors and any "did you mean", then where the full help is, rather than all of it.
                    errors.ShowHelp = false;
                    await parse.InvokeAsync(invocation);
                    error.WriteLine($"Run '{HelpCommand(parse)} --help' to see what it takes.");
                    return CouldNotRun;
                }
                return await parse.InvokeAsync(invocation);
            }
            catch (UsageException e)
            {
                error.WriteLine(e.Message);
                var command = args.Length > 0 ? args[0] + " " : "";
                error.WriteLine($"Run 'sendpipeline {command}--help' to see what it takes.");
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

        private static string HelpCommand(ParseResult parse)
        {
            var names = new List<string>();
            for (SymbolResult? r = parse.CommandResult; r is CommandResult c; r = c.Parent)
                names.Insert(0, c.Command.Name);
            names[0] = "sendpipeline";
            return string.Join(' ', names);
        }
    }
}
