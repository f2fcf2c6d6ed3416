using SendPipeline.Core.Submission;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline signer-key</c>: the LA issues a sign-off credential to the named person who holds one of
/// the five roles, lists who holds which, or revokes one. The key is printed once; only its hash is kept.
/// </summary>
public static class SignerKeyCommand
{
    public const string Usage = "sendpipeline signer-key (--role ROLE --name \"FULL NAME\" | --revoke KEY-ID | " +
        "--list) [--store DIR | --connection CONNECTION-STRING]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output)
    {
        var role = args.Option("role");
        var name = args.Option("name");
        var revoke = args.Option("revoke");
        var list = args.Flag("list");
        if ((revoke is not null ? 1 : 0) + (list ? 1 : 0) + (role is not null || name is not null ? 1 : 0) != 1)
            throw new UsageException(
                "Issue a key (--role ROLE --name \"FULL NAME\"), revoke one (--revoke KEY-ID) or --list them.");
        if (revoke is null && !list)
        {
            if (role is null || name is null)
                throw new UsageException("A signer key needs both --role ROLE and --name \"FULL NAME\".");
            if (SignOffRoles.Find(role) is null) throw new UsageException(SignOffRoles.NotARole(role));
            if (SignerKeys.PersonName(name) is null) throw new UsageException(SignerKeys.NotAPersonName(name));
        }
        var stores = IngestCommand.OpenStores(args);
        args.EnsureAllRead();
        var keys = new SignerKeyStore(stores.Tables, TimeProvider.System);

        if (list)
        {
            foreach (var key in await keys.ListAsync())
                output.WriteLine($"{key.KeyId}  {key.Role,-32} {key.Name}{(key.Revoked ? "  (revoked)" : "")}");
            return 0;
        }
        if (revoke is not null)
        {
            if (await keys.RevokeAsync(revoke) is not { } revoked)
            {
                output.WriteLine($"There is no signer key with id '{revoke}'. " +
                    "List them with: sendpipeline signer-key --list");
                return 1;
            }
            output.WriteLine($"Revoked signer key {revoked.KeyId} ({revoked.Name}, {revoked.Role}): " +
                "it signs nothing more.");
            return 0;
        }
        var issue = await keys.IssueAsync(role!, name!);
        if (issue.Issued is not { } issued)
        {
            output.WriteLine(issue.Problem);
            return 1;
        }
        output.WriteLine($"Signer key for {issued.Name} as {issued.Role} " +
            $"(shown once; the pipeline keeps only its hash, key id {issued.KeyId}):");
        output.WriteLine(issued.Key);
        output.WriteLine($"They sign with: sendpipeline signoff --quarter Q --role {issued.Role} --snapshot HASH " +
            $"--key KEY (or ${SignOffCommand.KeyVariable}=KEY)");
        return 0;
    }
}
