using SendPipeline.Workflows.Access;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline submitter-key</c>: issues an upload key for a school, provider or service. The key is
/// printed once, to hand to the submitter; only its hash is stored, so a lost key is replaced, not recovered.
/// </summary>
public static class SubmitterKeyCommand
{
    public const string Usage = "sendpipeline submitter-key --submitter ID [--store DIR | --connection CONNECTION-STRING]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var submitter = args.Option("submitter") ?? throw new UsageException("Name the submitter with --submitter, e.g. --submitter 8552001.");
        var stores = IngestCommand.OpenStores(args);
        args.EnsureAllRead();
        try
        {
            var issued = await new SubmitterKeyStore(stores.Tables, TimeProvider.System).IssueAsync(submitter);
            output.WriteLine($"Upload key for {issued.SubmitterId} (shown once; the pipeline keeps only its hash, id {issued.Hash[..16]}):");
            output.WriteLine(issued.Key);
            return 0;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0]);
        }
    }
}
