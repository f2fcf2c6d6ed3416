using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Access;

/// <summary>A submitter proven by one of their keys, and which key, so its sessions end when it is revoked.</summary>
public sealed record AuthenticatedSubmitter(Submitter Submitter, string KeyId);

/// <summary>
/// The hashes of submitters' upload keys, in the <c>submitterkeys</c> table (PK submitter, RK the first
/// 16 hex characters of the hash, the key id). A submitter may hold several keys (a SENCo and a business
/// manager); revoking one leaves the others.
/// </summary>
public sealed class SubmitterKeyStore(ITableStore tables, TimeProvider clock)
{
    public const string Table = "submitterkeys";

    /// <summary>Issues a new key and stores its hash; the key itself is returned once and kept nowhere.</summary>
    public async Task<IssuedSubmitterKey> IssueAsync(string submitterId, CancellationToken cancellationToken = default)
    {
        var issued = SubmitterKeys.Issue(submitterId);
        await tables.UpsertAsync(Table, new TableRow(submitterId, KeyIdOf(issued.Hash), new Dictionary<string, object?>
        {
            ["Hash"] = issued.Hash,
            ["IssuedUtc"] = clock.GetUtcNow(),
            ["Revoked"] = false,
        }), cancellationToken);
        return issued;
    }

    /// <summary>The key id printed when a key is issued and named to revoke it.</summary>
    public static string KeyIdOf(string hash) => hash[..16];

    /// <summary>The submitter a key belongs to, or null for a key that is unknown, revoked or malformed.</summary>
    public async Task<Submitter?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default) =>
        (await AuthenticateKeyAsync(presented, cancellationToken))?.Submitter;

    /// <summary>As <see cref="AuthenticateAsync"/>, with the id of the key that proved it.</summary>
    public async Task<AuthenticatedSubmitter?> AuthenticateKeyAsync(string? presented,
        CancellationToken cancellationToken = default)
    {
        if (!SubmitterKeys.TryReadSubmitter(presented, out var submitterId)
            || !Submitter.TryParse(submitterId, out var submitter)) return null;
        var keyId = KeyIdOf(SubmitterKeys.HashOf(presented!));
        var row = await tables.GetAsync(Table, submitterId, keyId, cancellationToken);
        if (row is null || IsRevoked(row)) return null;
        return SubmitterKeys.Matches(presented!, row.GetString("Hash") ?? "")
            ? new AuthenticatedSubmitter(submitter, keyId) : null;
    }

    /// <summary>
    /// Whether the key a session was opened with still stands: checked on every portal request, so
    /// revoking a key ends its sessions.
    /// </summary>
    public async Task<bool> IsActiveAsync(string submitterId, string keyId,
        CancellationToken cancellationToken = default) =>
        await tables.GetAsync(Table, submitterId, keyId, cancellationToken) is { } row && !IsRevoked(row);

    public async Task<bool> RevokeAsync(string submitterId, string keyId, CancellationToken cancellationToken = default)
    {
        if (!KeyRows.IsId(keyId) || await tables.GetAsync(Table, submitterId, keyId, cancellationToken) is not { } row)
            return false;
        await KeyRows.RevokeAsync(tables, Table, row, clock, cancellationToken);
        return true;
    }

    /// <summary>
    /// Revokes a key by its id alone (the table is one row per key, so this is a short scan); returns the
    /// submitter it was for, or null.
    /// </summary>
    public async Task<string?> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (KeyRows.NormaliseId(keyId) is not { } id) return null;
        keyId = id;
        await foreach (var key in tables.QueryKeysAsync(Table, cancellationToken))
            if (key.RowKey == keyId)
                return await RevokeAsync(key.PartitionKey, keyId, cancellationToken) ? key.PartitionKey : null;
        return null;
    }

    private static bool IsRevoked(TableRow row) => KeyRows.IsRevoked(row);
}
