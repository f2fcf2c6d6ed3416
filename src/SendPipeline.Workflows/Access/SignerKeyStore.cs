using SendPipeline.Core.Submission;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Access;

/// <summary>The answer to issuing a signer key: the key, or the sentence saying why not.</summary>
public sealed record SignerKeyIssue(IssuedSignerKey? Issued, string? Problem);

/// <summary>A signer key as the LA's register shows it (never the key itself).</summary>
public sealed record SignerKeyRecord(string KeyId, string Role, string Name, DateTimeOffset? IssuedUtc, bool Revoked);

/// <summary>
/// The hashes of signer keys (<see cref="SignerKeys"/>), in the <c>signerkeys</c> table (PK
/// <see cref="Partition"/>, RK the key id). Each of the five roles is held by one named person, and one
/// person holds one role: issuing refuses a key that would break either, so the register itself keeps
/// one person from signing as two. A revoked key signs nothing more; rows are kept as the record.
/// </summary>
public sealed class SignerKeyStore(ITableStore tables, TimeProvider clock)
{
    public const string Table = "signerkeys";
    public const string Partition = "signer";

    public async Task<SignerKeyIssue> IssueAsync(string roleId, string name,
        CancellationToken cancellationToken = default)
    {
        if (SignOffRoles.Find(roleId) is not { } role) return new(null, SignOffRoles.NotARole(roleId));
        if (SignerKeys.PersonName(name) is not { } person) return new(null, SignerKeys.NotAPersonName(name));
        var personKey = SignerKeys.PersonKey(person);
        var active = (await ActiveAsync(cancellationToken)).ToList();
        if (active.FirstOrDefault(h => SignerKeys.PersonKey(h.Name) == personKey && h.Role != role.Id) is { } other)
            return new(null, $"{other.Name} already holds the {Title(other.Role)} sign-off (key {other.KeyId}), " +
                "and one person cannot hold two roles: the five sign-offs are five people. " +
                $"Choose the {role.Title}'s own holder, or revoke key {other.KeyId} first " +
                $"(sendpipeline signer-key --revoke {other.KeyId}).");
        if (active.FirstOrDefault(h => h.Role == role.Id && SignerKeys.PersonKey(h.Name) != personKey) is { } holder)
            return new(null, $"The {role.Title} sign-off is held by {holder.Name} (key {holder.KeyId}). " +
                $"One person holds each role: if the role has passed to {person}, revoke that key first " +
                $"(sendpipeline signer-key --revoke {holder.KeyId}).");
        var issued = SignerKeys.Issue(role, person);
        await tables.UpsertAsync(Table, new TableRow(Partition, issued.KeyId, new Dictionary<string, object?>
        {
            ["Hash"] = issued.Hash,
            ["Role"] = role.Id,
            ["Name"] = person,
            ["IssuedUtc"] = clock.GetUtcNow(),
            ["Revoked"] = false,
        }), cancellationToken);
        return new(issued, null);
    }

    /// <summary>The signer a key proves, or null for a key that is unknown, revoked or malformed.</summary>
    public async Task<VerifiedSigner?> AuthenticateAsync(string? presented,
        CancellationToken cancellationToken = default)
    {
        if (SignerKeys.IdOfPresented(presented) is not { } keyId) return null;
        var row = await tables.GetAsync(Table, Partition, keyId, cancellationToken);
        if (row is null || IsRevoked(row) || !SignerKeys.Matches(presented!, row.GetString("Hash") ?? "")) return null;
        return SignerKeys.Signer(keyId, row.GetString("Role") ?? "", row.GetString("Name") ?? "");
    }

    /// <summary>Revokes a key by its id; null when there is no such key.</summary>
    public async Task<SignerKeyRecord?> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (KeyRows.NormaliseId(keyId) is not { } id) return null;
        if (await tables.GetAsync(Table, Partition, id, cancellationToken) is not { } row) return null;
        await KeyRows.RevokeAsync(tables, Table, row, clock, cancellationToken);
        return ToRecord(row) with { Revoked = true };
    }

    public async Task<IReadOnlyList<SignerKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<SignerKeyRecord>();
        await foreach (var row in tables.QueryAsync(Table, Partition, cancellationToken)) records.Add(ToRecord(row));
        return records;
    }

    /// <summary>The credential ids (as sign-offs record them) of every revoked key: what they signed no longer counts.</summary>
    public async Task<IReadOnlySet<string>> RevokedCredentialsAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).Where(r => r.Revoked)
            .Select(r => SignerKeys.CredentialIdOf(r.KeyId)).ToHashSet(StringComparer.Ordinal);

    private async Task<IEnumerable<SignerKeyRecord>> ActiveAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(r => !r.Revoked);

    private static SignerKeyRecord ToRecord(TableRow row) => new(row.RowKey, row.GetString("Role") ?? "",
        row.GetString("Name") ?? "", row.GetDateTimeOffset("IssuedUtc"), IsRevoked(row));

    private static bool IsRevoked(TableRow row) => KeyRows.IsRevoked(row);

    private static string Title(string roleId) => SignOffRoles.Find(roleId)?.Title ?? roleId;
}
