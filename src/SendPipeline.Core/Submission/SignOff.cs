using System.Text.Json.Serialization;

namespace SendPipeline.Core.Submission;

/// <summary>A person in a sign-off role approving one snapshot of the quarter's data, identified by its hash.</summary>
public sealed record SignOff(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("signedUtc")] DateTimeOffset SignedUtc,
    [property: JsonPropertyName("snapshotHash")] string SnapshotHash);

/// <summary>
/// Which roles have signed the snapshot in hand. A signature on any other snapshot is void: the data
/// changed after it was given, so it no longer says anything about what is being sent.
/// </summary>
public sealed record SignOffState(IReadOnlyList<SignOff> Valid, IReadOnlyList<SignOff> Voided, IReadOnlyList<SignOffRole> Missing)
{
    public bool Complete => Missing.Count == 0;

    /// <summary>The latest valid signature of each role, in the order of spec 4.7.</summary>
    public static SignOffState Evaluate(IEnumerable<SignOff> signOffs, string snapshotHash)
    {
        var all = signOffs.ToList();
        var valid = new List<SignOff>();
        var missing = new List<SignOffRole>();
        foreach (var role in SignOffRoles.All)
        {
            var latest = all.Where(s => s.Role == role.Id && s.SnapshotHash == snapshotHash)
                .OrderByDescending(s => s.SignedUtc).ThenBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
            if (latest is null) missing.Add(role);
            else valid.Add(latest);
        }
        var voided = all.Where(s => s.SnapshotHash != snapshotHash)
            .OrderBy(s => RoleOrder(s.Role)).ThenBy(s => s.SignedUtc).ToList();
        return new SignOffState(valid, voided, missing);
    }

    private static int RoleOrder(string id)
    {
        for (var i = 0; i < SignOffRoles.All.Count; i++)
            if (SignOffRoles.All[i].Id == id) return i;
        return int.MaxValue;
    }
}
