using SendPipeline.Workflows.Submission;

namespace SendPipeline.Cli.Commands;

/// <summary><c>sendpipeline signoff</c>: one of the five roles signs the quarter's current snapshot, named by its hash.</summary>
public static class SignOffCommand
{
    public const string Usage = "sendpipeline signoff --quarter \"2026-27 Q2\" --role ROLE --name \"FULL NAME\" --snapshot HASH [--store DIR | --connection CONNECTION-STRING] [--la CODE]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var quarter = SubmitCommand.QuarterOption(args);
        var role = args.Option("role") ?? throw new UsageException("Give your sign-off role with --role, e.g. --role la-chief-executive.");
        var name = args.Option("name") ?? throw new UsageException("Give your name with --name.");
        var snapshot = args.Option("snapshot") ?? throw new UsageException("Name the snapshot you reviewed with --snapshot (its hash, as the draft package shows it).");
        var stores = IngestCommand.OpenStores(args);
        var la = Settings.LaCode(args);
        args.EnsureAllRead();

        var result = await SubmitCommand.Activities(stores, la).SignAsync(new SignOffRequest(quarter, role, name, snapshot));
        output.WriteLine(result.Message);
        return result.Recorded ? 0 : 1;
    }
}
