using System.Globalization;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Submission;

/// <summary>
/// A version number claimed for a package, before any of its files is written: what it packages
/// (<see cref="Fingerprint"/>), when it was published (so a rerun after a crash rebuilds the very same
/// bytes) and the SHA-256 of its manifest (so delivery can tell the manifest was not edited).
/// </summary>
public sealed record PackageClaim(int Version, string Fingerprint, string SnapshotHash, string Status, DateTimeOffset PublishedUtc, string ManifestSha256);

/// <summary>
/// The <c>packages</c> table (PK the quarter, RK <c>v{n}</c>): one row per package version, inserted
/// once with a conditional write. Two runs racing for the same number cannot both win, so a quarter
/// never gets two versions for one publication; rows are never updated.
/// </summary>
public sealed class PackageRegister(ITableStore tables)
{
    /// <summary>Every claim of the quarter, oldest version first.</summary>
    public async Task<IReadOnlyList<PackageClaim>> ReadAsync(string quarter, CancellationToken cancellationToken = default)
    {
        var claims = new List<PackageClaim>();
        await foreach (var row in tables.QueryAsync(QuarterPaths.PackagesTable, QuarterPaths.Slug(quarter), cancellationToken))
        {
            if (!row.RowKey.StartsWith('v')
                || !int.TryParse(row.RowKey.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version)) continue;
            claims.Add(new PackageClaim(version, row.GetString("Fingerprint") ?? "", row.GetString("SnapshotHash") ?? "",
                row.GetString("Status") ?? "", new DateTimeOffset(row.GetInt64("PublishedUtcTicks"), TimeSpan.Zero),
                row.GetString("ManifestSha256") ?? ""));
        }
        return [.. claims.OrderBy(c => c.Version)];
    }

    public async Task<PackageClaim?> FindAsync(string quarter, int version, CancellationToken cancellationToken = default) =>
        (await ReadAsync(quarter, cancellationToken)).FirstOrDefault(c => c.Version == version);

    /// <summary>Inserts the claim if no run has claimed its version yet; false when another got there first.</summary>
    public Task<bool> TryClaimAsync(string quarter, PackageClaim claim, CancellationToken cancellationToken = default) =>
        tables.TryWriteAsync(QuarterPaths.PackagesTable, new TableRow(QuarterPaths.Slug(quarter), RowKey(claim.Version), new Dictionary<string, object?>
        {
            ["Fingerprint"] = claim.Fingerprint,
            ["SnapshotHash"] = claim.SnapshotHash,
            ["Status"] = claim.Status,
            // Ticks, not a date: the time must come back exact for the rebuilt manifest to match its hash.
            ["PublishedUtcTicks"] = claim.PublishedUtc.UtcTicks,
            ["ManifestSha256"] = claim.ManifestSha256,
        }), ifMatchETag: null, cancellationToken);

    public static string RowKey(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);
}
