using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline signoff</c>: one of the five roles signs the quarter's current snapshot, named by its hash,
/// with the signer key the LA issued to them (<c>sendpipeline signer-key</c>). The name and the role held come
/// from the key, so nobody can sign as someone else by typing their name.
/// </summary>
public static class SignOffCommand
{
    /// <summary>Where the key is read from without <c>--key</c>: it keeps the key out of shell history.</summary>
    public const string KeyVariable = "SENDPIPELINE_SIGNER_KEY";

    public const string Usage = "sendpipeline signoff --quarter \"2026-27 Q2\" --role ROLE --snapshot HASH " +
        "[--key SIGNER-KEY (else $" + KeyVariable + ")] [--store DIR | --connection CONNECTION-STRING] [--la CODE]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var quarter = SubmitCommand.QuarterOption(args);
        var role = args.Option("role")
            ?? throw new UsageException("Give your sign-off role with --role, e.g. --role la-chief-executive.");
        if (args.Option("name") is not null)
            throw new UsageException("A sign-off takes no --name: the name recorded is the one your key was issued to.");
        var snapshot = args.Option("snapshot")
            ?? throw new UsageException("Name the snapshot you reviewed with --snapshot (its hash, as the draft shows it).");
        var key = args.Option("key") ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
            throw new UsageException($"Give your signer key with --key, or set {KeyVariable}. " +
                "The LA issues one per person and role (sendpipeline signer-key).");
        var stores = IngestCommand.OpenStores(args);
        var la = Settings.LaCode(args);
        args.EnsureAllRead();

        var signer = await new SignerKeyStore(stores.Tables, TimeProvider.System).AuthenticateAsync(key);
        var result = await SubmitCommand.Activities(stores, la)
            .SignAsync(new SignOffRequest(quarter, role, snapshot, signer));
        output.WriteLine(result.Message);
        return result.Recorded ? 0 : 1;
    }
}
