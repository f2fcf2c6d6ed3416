using System.Text.Json.Serialization;

namespace SendPipeline.Core.Submission;

/// <summary>
/// A person in a sign-off role approving one snapshot of the quarter's data, identified by its hash.
/// <see cref="SignerId"/> is the person (<c>entra:{object id}</c>, or <c>local:{name}</c> for a signer key)
/// and <see cref="CredentialId"/> the credential that proved it (<c>signer-key:{key id}</c> or
/// <c>entra-object-id:{object id}</c>); a signature without them proves nothing and never counts.
/// </summary>
public sealed record SignOff(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("signedUtc")] DateTimeOffset SignedUtc,
    [property: JsonPropertyName("snapshotHash")] string SnapshotHash,
    [property: JsonPropertyName("signerId")] string SignerId = "",
    [property: JsonPropertyName("credentialId")] string CredentialId = "")
{
    [JsonIgnore]
    public bool Credentialed => SignerId.Length > 0 && CredentialId.Length > 0;
}

/// <summary>
/// Which roles have signed the snapshot in hand. A signature on any other snapshot is void: the data
/// changed after it was given, so it no longer says anything about what is being sent. So is one
/// without a credential, and one by a person who already signed another role of this snapshot: the
/// five sign-offs are five people, so the first role a person signs is theirs and no other counts.
/// </summary>
public sealed record SignOffState(IReadOnlyList<SignOff> Valid, IReadOnlyList<SignOff> Voided, IReadOnlyList<SignOffRole> Missing)
{
    public bool Complete => Missing.Count == 0;

    /// <summary>
    /// The latest valid signature of each role, in the order of spec 4.7. A signature made with a credential
    /// in <paramref name="revokedCredentials"/> is void: a key is revoked because it was lost or its holder
    /// left, and what it signed is then no proof of who signed.
    /// </summary>
    public static SignOffState Evaluate(IEnumerable<SignOff> signOffs, string snapshotHash,
        IReadOnlySet<string>? revokedCredentials = null)
    {
        var all = signOffs.ToList();
        var roleOfPerson = new Dictionary<string, string>(StringComparer.Ordinal);
        var counting = new List<SignOff>();
        var voided = new List<SignOff>();
        var inOrder = all.OrderBy(s => s.SignedUtc).ThenBy(s => RoleOrder(s.Role))
            .ThenBy(s => s.Name, StringComparer.Ordinal);
        foreach (var signOff in inOrder)
        {
            if (signOff.SnapshotHash != snapshotHash || !signOff.Credentialed
                || revokedCredentials?.Contains(signOff.CredentialId) == true
                || roleOfPerson.TryGetValue(signOff.SignerId, out var held) && held != signOff.Role)
            {
                voided.Add(signOff);
                continue;
            }
            roleOfPerson[signOff.SignerId] = signOff.Role;
            counting.Add(signOff);
        }
        var valid = new List<SignOff>();
        var missing = new List<SignOffRole>();
        foreach (var role in SignOffRoles.All)
        {
            var latest = counting.Where(s => s.Role == role.Id)
                .OrderByDescending(s => s.SignedUtc).ThenBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
            if (latest is null) missing.Add(role);
            else valid.Add(latest);
        }
        return new SignOffState(valid, [.. voided.OrderBy(s => RoleOrder(s.Role)).ThenBy(s => s.SignedUtc)], missing);
    }

    private static int RoleOrder(string id)
    {
        for (var i = 0; i < SignOffRoles.All.Count; i++)
            if (SignOffRoles.All[i].Id == id) return i;
        return int.MaxValue;
    }
}
