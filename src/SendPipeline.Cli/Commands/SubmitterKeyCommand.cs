using SendPipeline.Workflows.Access;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline submitter-key</c>: issues an upload key for a school, provider or service, or revokes one.
/// The key is printed once, to hand to the submitter; only its hash is stored, so a lost key is replaced,
/// not recovered, and revoked by the id printed with it. A revoked key signs nobody in, and the portal
/// sessions opened with it end at their next request.
/// </summary>
public static class SubmitterKeyCommand
{
    public const string Usage = "sendpipeline submitter-key (--submitter ID | --revoke KEY-ID) " +
        "[--store DIR | --connection CONNECTION-STRING]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var submitter = args.Option("submitter");
        var revoke = args.Option("revoke");
        if (submitter is null && revoke is null)
            throw new UsageException(
                "Name the submitter with --submitter, e.g. --submitter 8552001, or a key to revoke with --revoke KEY-ID.");
        var stores = IngestCommand.OpenStores(args);
        args.EnsureAllRead();
        var keys = new SubmitterKeyStore(stores.Tables, TimeProvider.System);
        if (revoke is not null)
        {
            var revokedFor = submitter is null ? await keys.RevokeAsync(revoke)
                : await keys.RevokeAsync(submitter, revoke.Trim().ToLowerInvariant()) ? submitter : null;
            if (revokedFor is null)
            {
                var of = submitter is null ? "" : $" for {submitter}";
                output.WriteLine($"There is no upload key with id '{revoke}'{of}: " +
                    "the id is the 16 characters printed when the key was issued.");
                return 1;
            }
            output.WriteLine($"Revoked upload key {revoke.Trim().ToLowerInvariant()} of {revokedFor}: " +
                "it no longer signs in, and its portal sessions have ended.");
            return 0;
        }
        try
        {
            var issued = await keys.IssueAsync(submitter!);
            var keyId = SubmitterKeyStore.KeyIdOf(issued.Hash);
            output.WriteLine($"Upload key for {issued.SubmitterId} (shown once; the pipeline keeps only its hash, id {keyId}):");
            output.WriteLine(issued.Key);
            output.WriteLine($"Revoke it with: sendpipeline submitter-key --revoke {keyId}");
            return 0;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0]);
        }
    }
}
