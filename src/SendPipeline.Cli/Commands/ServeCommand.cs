using SendPipeline.Cli.Portal;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline serve</c>: the upload portal for schools, providers and services on 127.0.0.1, against
/// a local folder, with the Functions app's page and API. <c>--issue-key</c> prints a fresh upload key
/// for a submitter first, to try it with.
/// </summary>
public static class ServeCommand
{
    public const string Usage = "sendpipeline serve [--store DIR] [--port N] [--la CODE] [--issue-key SUBMITTER] [--session-minutes N]";

    public const int DefaultPort = 5080;

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        if (args.Option("connection") is not null) throw new UsageException("serve runs against a local folder (--store DIR); in Azure the Functions app serves the portal.");
        var stores = IngestCommand.OpenStores(args);
        var la = Settings.LaCode(args);
        var port = args.Int("port", DefaultPort);
        var issueFor = args.Option("issue-key");
        var minutes = args.Int("session-minutes", 30);
        args.EnsureAllRead();
        if (port > 65535) throw new UsageException($"--port must be at most 65535, not {port}.");
        if (minutes == 0) throw new UsageException("--session-minutes must be at least 1.");

        if (issueFor is not null)
        {
            try
            {
                var issued = await new SubmitterKeyStore(stores.Tables, TimeProvider.System).IssueAsync(issueFor);
                output.WriteLine($"Upload key for {issued.SubmitterId} (shown once):");
                output.WriteLine(issued.Key);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message.Split(" (Parameter")[0]);
            }
        }

        // Clears what a killed serve left in the private temporary folder before any upload goes there.
        _ = Core.Reading.PrivateTemp.Current;
        await using var server = await PortalServer.StartAsync(
            new PortalServerOptions(stores, la, port) { SessionLifetime = TimeSpan.FromMinutes(minutes) }, TextWriter.Synchronized(output));
        output.WriteLine($"Upload portal: {server.Url}  (127.0.0.1 only; Ctrl+C to stop)");
        await output.FlushAsync();
        await server.WaitForShutdownAsync();
        return 0;
    }
}
