using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Access;

/// <summary>
/// The hashes of submitters' upload keys, in the <c>submitterkeys</c> table (PK submitter, RK the first
/// 16 hex characters of the hash). A submitter may hold several keys (a SENCo and a business manager);
/// revoking one leaves the others.
/// </summary>
public sealed class SubmitterKeyStore(ITableStore tables, TimeProvider clock)
{
    public const string Table = "submitterkeys";

    /// <summary>Issues a new key and stores its hash; the key itself is returned once and kept nowhere.</summary>
    public async Task<IssuedSubmitterKey> IssueAsync(string submitterId, CancellationToken cancellationToken = default)
    {
        var issued = SubmitterKeys.Issue(submitterId);
        await tables.UpsertAsync(Table, new TableRow(submitterId, issued.Hash[..16], new Dictionary<string, object?>
        {
            ["Hash"] = issued.Hash,
            ["IssuedUtc"] = clock.GetUtcNow(),
            ["Revoked"] = false,
        }), cancellationToken);
        return issued;
    }

    /// <summary>The submitter a key belongs to, or null for a key that is unknown, revoked or malformed.</summary>
    public async Task<Submitter?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (!SubmitterKeys.TryReadSubmitter(presented, out var submitterId) || !Submitter.TryParse(submitterId, out var submitter)) return null;
        var row = await tables.GetAsync(Table, submitterId, SubmitterKeys.HashOf(presented!)[..16], cancellationToken);
        if (row is null || row.Properties.TryGetValue("Revoked", out var revoked) && revoked is true) return null;
        return SubmitterKeys.Matches(presented!, row.GetString("Hash") ?? "") ? submitter : null;
    }

    public async Task<bool> RevokeAsync(string submitterId, string hashPrefix, CancellationToken cancellationToken = default)
    {
        if (await tables.GetAsync(Table, submitterId, hashPrefix, cancellationToken) is not { } row) return false;
        var properties = new Dictionary<string, object?>(row.Properties) { ["Revoked"] = true, ["RevokedUtc"] = clock.GetUtcNow() };
        await tables.UpsertAsync(Table, row with { Properties = properties, ETag = null }, cancellationToken);
        return true;
    }
}
