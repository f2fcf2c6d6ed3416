using System.Globalization;
using Microsoft.Extensions.Logging;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Submission;
using SendPipeline.Core.Workforce;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Workflows.Submission;

/// <summary>
/// The submission activities over the storage ports, and the sign-off operation the CLI and the
/// HTTP function share. The clock is injected: only <see cref="PublishPackageAsync"/> and
/// <see cref="SignAsync"/> read it, and both run as activities or plain calls, never in replayed code.
/// </summary>
public sealed partial class SubmissionActivities(
    IBlobStore blobs, ITableStore tables, PipelineOptions options, TimeProvider clock, DfeDeliveryClient? delivery, ILogger<SubmissionActivities> logger)
    : ISubmissionActivities
{
    private readonly PictureLoader _pictures = new(blobs, tables);
    // A sign-off freezes the snapshot again; while the returns are unchanged the picture, and so these, are reused.
    private readonly DerivedDatasets _derived = new(options.LaCode);
    private readonly SnapshotStore _snapshots = new(blobs);
    private readonly SignOffStore _signOffs = new(tables);
    private readonly SignerKeyStore _signerKeys = new(tables, clock);
    private readonly PackageStore _packages = new(blobs);
    private readonly PackageRegister _register = new(tables);

    public async Task<SnapshotRef> FreezeSnapshotAsync(SubmissionRequest request, CancellationToken cancellationToken = default)
    {
        var snapshot = await BuildSnapshotAsync(request.Quarter, cancellationToken);
        var saved = await _snapshots.SaveAsync(snapshot, cancellationToken);
        LogFrozen(logger, snapshot.Quarter.ToString(), snapshot.Hash[..12], snapshot.BlockingFailures.Count);
        IReadOnlyList<string> warnings = [];
        if (saved.Repairs.Count > 0)
        {
            LogRepaired(logger, snapshot.Quarter.ToString(), snapshot.Hash[..12], saved.Repairs.Count);
            warnings = [$"The stored copy of snapshot {snapshot.Hash[..12]} was damaged ({string.Join("; ", saved.Repairs)}), " +
                        "so it was frozen afresh from the returns in force. Signatures name a hash, never a copy: " +
                        "only those on this exact data count."];
        }
        return new SnapshotRef(snapshot.Quarter.ToString(), snapshot.Hash, saved.Folder,
            [.. snapshot.BlockingFailures.Select(c => $"{c.Id} {c.Detail}")], warnings);
    }

    /// <summary>
    /// Publishes the snapshot as the next version unless the latest version already holds it with these
    /// sign-offs. A version is claimed in the <c>packages</c> table before its first file is written, so
    /// two runs at once cannot both publish; a version a run claimed and stopped writing is finished with
    /// the same bytes; a version refused at delivery because it was altered is passed over, never reused.
    /// </summary>
    public async Task<PublishResult> PublishPackageAsync(SnapshotRef reference, CancellationToken cancellationToken = default)
    {
        var quarter = reference.Quarter;
        var snapshot = await _snapshots.LoadAsync(quarter, reference.Hash, cancellationToken);
        var signOffs = SignOffState.Evaluate(await _signOffs.ReadAsync(quarter, cancellationToken), snapshot.Hash,
            await _signerKeys.RevokedCredentialsAsync(cancellationToken));
        var (status, reasons) = SubmissionPackager.StatusOf(snapshot, signOffs);
        var fingerprint = SubmissionPackager.Fingerprint(snapshot, signOffs);
        var missing = signOffs.Missing.Select(r => r.Id).ToList();
        PublishResult Result(int version, bool published, string? note = null) =>
            new(quarter, version, status, published, QuarterPaths.Version(quarter, version), fingerprint, snapshot.Hash, reasons, missing, note);

        var claims = await _register.ReadAsync(quarter, cancellationToken);
        string? note = null;
        if (claims.Count > 0 && claims[^1] is var latest && latest.Fingerprint == fingerprint)
        {
            if (await RefusedAsAlteredAsync(quarter, latest.Version, cancellationToken))
                note = $"Version {latest.Version} was altered after publication and was not delivered; it is kept as evidence and " +
                       "this snapshot is published again as a new version.";
            else if (await _packages.IsCompleteAsync(quarter, latest.Version, cancellationToken))
                return Result(latest.Version, published: false);
            else
            {
                // Same fingerprint, same version and time: the same bytes as the run that claimed it wrote, or would have.
                var again = SubmissionPackager.Build(snapshot, signOffs, latest.Version, latest.PublishedUtc);
                if (ManifestSha256(again) == latest.ManifestSha256
                    && await _packages.CompleteAsync(quarter, latest.Version, again, cancellationToken) is { } written)
                {
                    if (written > 0) LogCompleted(logger, quarter, latest.Version, written);
                    return Result(latest.Version, published: written > 0, written > 0
                        ? $"Version {latest.Version} had been started by a run that stopped part-way (or is still running); this run finished it."
                        : null);
                }
            }
        }

        var next = await _packages.NextVersionAsync(quarter, claims.Select(c => c.Version), cancellationToken);
        var publishedUtc = clock.GetUtcNow();
        var files = SubmissionPackager.Build(snapshot, signOffs, next, publishedUtc);
        if (!await _register.TryClaimAsync(quarter, new PackageClaim(next, fingerprint, snapshot.Hash, status, publishedUtc, ManifestSha256(files)), cancellationToken))
            throw new SubmissionConflictException(
                $"Another submission run for {quarter} claimed package version {next} at the same moment, so this run stopped " +
                "before writing anything. Run the submission again when that run has finished: it will show (and, if final, deliver) that version.");
        await _packages.WriteAsync(quarter, next, files, cancellationToken);
        LogPublished(logger, quarter, next, status);
        return Result(next, published: true, note);
    }

    /// <summary>
    /// Posts a final package once. Every file is checked against the manifest recorded when the version
    /// was claimed before the zip is built: a file missing, changed or added, or an edited manifest,
    /// refuses delivery (recorded, so the next run publishes the snapshot afresh) and nothing is sent.
    /// </summary>
    public async Task<DeliveryOutcome> DeliverPackageAsync(PublishResult package, CancellationToken cancellationToken = default)
    {
        if (delivery is null) return new DeliveryOutcome(DeliveryOutcome.NotConfigured, "No DfE endpoint is configured (SendPipeline:Dfe:Endpoint), so the package was published but not sent.");
        var slug = QuarterPaths.Slug(package.Quarter);
        var rowKey = PackageRegister.RowKey(package.Version);
        if (await tables.GetAsync(QuarterPaths.DeliveriesTable, slug, rowKey, cancellationToken) is { } done && done.GetString("Status") == DeliveryOutcome.Delivered)
            return new DeliveryOutcome(DeliveryOutcome.AlreadyDelivered, $"Version {package.Version} was delivered on {done.GetDateTimeOffset("DeliveredUtc"):u}.", 0, done.GetString("ReceiptId"));

        var claim = await _register.FindAsync(package.Quarter, package.Version, cancellationToken);
        var files = await _packages.ReadAsync(package.Quarter, package.Version, cancellationToken);
        IReadOnlyList<string> problems = claim is null ? ["no record of its publication exists in the packages table"]
            : claim.Fingerprint != package.Fingerprint || claim.Status != SubmissionPackager.Final
                ? ["its record in the packages table is not this final package"]
            : PackageIntegrity.Problems(files, claim.ManifestSha256);
        if (problems.Count > 0)
        {
            var detail = $"Version {package.Version} of {package.Quarter} was not delivered, because it is not what was signed off: " +
                         $"{string.Join(" ", problems.Select(Sentence))} Nothing was sent. Find out who changed {QuarterPaths.Version(package.Quarter, package.Version)}/; " +
                         "the next submission run publishes the signed snapshot again as a new version.";
            LogDeliveryRefused(logger, package.Quarter, package.Version, problems.Count);
            await tables.UpsertAsync(QuarterPaths.DeliveriesTable, new TableRow(slug, rowKey, new Dictionary<string, object?>
            {
                ["Status"] = DeliveryOutcome.Refused,
                ["CheckedUtc"] = clock.GetUtcNow(),
                ["Problems"] = string.Join(" ", problems),
            }), cancellationToken);
            return new DeliveryOutcome(DeliveryOutcome.Refused, detail);
        }

        using var zip = new MemoryStream();
        PackageZip.Write(files.Select(f => (f.Name, f.Content)), zip);
        var headers = new Dictionary<string, string>
        {
            ["X-LA-Code"] = options.LaCode,
            ["X-Quarter"] = package.Quarter,
            ["X-Package-Version"] = package.Version.ToString(CultureInfo.InvariantCulture),
            ["X-Package-Status"] = package.Status,
        };
        try
        {
            var receipt = await delivery.PostAsync(zip.ToArray(), package.Fingerprint, headers, cancellationToken);
            await tables.UpsertAsync(QuarterPaths.DeliveriesTable, new TableRow(slug, rowKey, new Dictionary<string, object?>
            {
                ["Status"] = DeliveryOutcome.Delivered,
                ["DeliveredUtc"] = clock.GetUtcNow(),
                ["Attempts"] = receipt.Attempts,
                ["HttpStatus"] = receipt.StatusCode,
                ["ReceiptId"] = receipt.ReceiptId ?? "",
                ["IdempotencyKey"] = receipt.IdempotencyKey,
            }), cancellationToken);
            return new DeliveryOutcome(DeliveryOutcome.Delivered, $"Delivered version {package.Version} (HTTP {receipt.StatusCode}).", receipt.Attempts, receipt.ReceiptId);
        }
        catch (DeliveryRejectedException rejected)
        {
            LogDeliveryFailed(logger, package.Quarter, package.Version, rejected.Message);
            return new DeliveryOutcome(DeliveryOutcome.Failed, rejected.Message);
        }
    }

    private async Task<bool> RefusedAsAlteredAsync(string quarter, int version, CancellationToken cancellationToken) =>
        await tables.GetAsync(QuarterPaths.DeliveriesTable, QuarterPaths.Slug(quarter), PackageRegister.RowKey(version), cancellationToken) is { } row
        && row.GetString("Status") == DeliveryOutcome.Refused;

    private static string ManifestSha256(IReadOnlyList<PackageFile> files) => files.Single(f => f.Name == PackageManifest.FileName).Sha256;

    private static string Sentence(string problem) => problem.EndsWith('.') ? problem : problem + ".";

    /// <summary>
    /// Records a sign-off on the current snapshot, if it is the one the signer names, the role is one
    /// their credential holds, and they have not signed another role of it. The snapshot is frozen
    /// afresh first, so a signature can only ever land on the data as it stands.
    /// </summary>
    public async Task<SignOffResult> SignAsync(SignOffRequest request, CancellationToken cancellationToken = default)
    {
        var current = await FreezeSnapshotAsync(new SubmissionRequest(request.Quarter, Deliver: false), cancellationToken);
        var existing = await _signOffs.ReadAsync(request.Quarter, cancellationToken);
        var revoked = await _signerKeys.RevokedCredentialsAsync(cancellationToken);
        IReadOnlyList<string> Missing(IEnumerable<SignOff> signOffs) =>
            [.. SignOffState.Evaluate(signOffs, current.Hash, revoked).Missing.Select(r => r.Id)];
        SignOffResult Refuse(string message) => new(false, message, current.Hash, Missing(existing));

        if (SignOffRoles.Find(request.Role) is not { } role)
            return Refuse(SignOffRoles.NotARole(request.Role));
        if (request.Signer is not { } signer)
            return Refuse("No valid sign-off credential was given, so nothing was signed: use the signer key the LA " +
                "issued to you (it is unknown, revoked or mistyped if you did), or sign in with your Entra ID account in Azure.");
        if (!signer.Roles.Contains(role.Id, StringComparer.OrdinalIgnoreCase))
            return Refuse($"{signer.Name}'s credential does not hold the {role.Title} sign-off" +
                (signer.Roles.Count > 0 ? $" (it holds: {string.Join(", ", signer.Roles)})." : ".") +
                " Nothing was signed.");
        var named = request.SnapshotHash.Trim().ToLowerInvariant();
        if (named.Length < 12 || !current.Hash.StartsWith(named, StringComparison.Ordinal))
            return Refuse($"Snapshot '{request.SnapshotHash}' is not the current data for {current.Quarter}: the returns " +
                $"have changed since, or the hash is mistyped. The current snapshot is {current.Hash}; review its draft " +
                "package and sign that (at least its first 12 characters).");
        var otherRole = existing.FirstOrDefault(s => s.SnapshotHash == current.Hash && s.SignerId == signer.SignerId && s.Role != role.Id);
        if (otherRole is { } other)
            return Refuse($"{signer.Name} already signed this snapshot as {SignOffRoles.Find(other.Role)?.Title ?? other.Role}; " +
                "one person cannot sign two roles. Nothing was signed.");

        var signOff = new SignOff(role.Id, signer.Name, clock.GetUtcNow(), current.Hash,
            signer.SignerId, signer.CredentialId);
        await _signOffs.RecordAsync(request.Quarter, signOff, cancellationToken);
        LogSigned(logger, current.Quarter, role.Id, current.Hash[..12]);
        var missing = Missing([.. existing, signOff]);
        var message = missing.Count == 0
            ? $"{signer.Name} signed as {role.Title}. All five sign-offs are in: the next run publishes a final package."
            : $"{signer.Name} signed as {role.Title}. Still to sign: {string.Join(", ", missing)}.";
        return new SignOffResult(true, message, current.Hash, missing);
    }

    private async Task<SubmissionSnapshot> BuildSnapshotAsync(string quarterText, CancellationToken cancellationToken)
    {
        var quarter = QuarterPaths.Parse(quarterText);
        var picture = await _pictures.LoadAsync(cancellationToken);
        var assumptions = HnbAssumptions.From(picture.Assumptions);
        var workforce = WorkforceCapacity.Build(picture, SplitRules.From(picture.Assumptions), quarter.ToString());
        var hnb = _derived.Hnb(picture).Forecast;
        var queries = _derived.DataQuality(picture).Issues.Count;
        return SubmissionSnapshot.Build(picture, options.LaCode, quarter, workforce, hnb, assumptions.BaseYear, queries);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Froze {Quarter} as snapshot {Hash}: {BlockingFailures} blocking checks failed")]
    private static partial void LogFrozen(ILogger logger, string quarter, string hash, int blockingFailures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Quarter} package v{Version} as {Status}")]
    private static partial void LogPublished(ILogger logger, string quarter, int version, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Role} signed {Quarter} snapshot {Hash}")]
    private static partial void LogSigned(ILogger logger, string quarter, string role, string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot {Hash} of {Quarter} was damaged in storage; {Files} file(s) written afresh")]
    private static partial void LogRepaired(ILogger logger, string quarter, string hash, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished {Quarter} package v{Version}, left part-written by an earlier run: {Files} file(s)")]
    private static partial void LogCompleted(ILogger logger, string quarter, int version, int files);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery of {Quarter} v{Version} refused: {Problems} file problem(s) against its manifest")]
    private static partial void LogDeliveryRefused(ILogger logger, string quarter, int version, int problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery of {Quarter} v{Version} failed: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string quarter, int version, string reason);
}
