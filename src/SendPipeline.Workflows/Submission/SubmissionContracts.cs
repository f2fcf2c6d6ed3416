using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Workflows.Submission;

/// <summary>Run the quarterly return for <see cref="Quarter"/> (<c>2026-27 Q2</c>); <see cref="Deliver"/> false publishes without posting.</summary>
public sealed record SubmissionRequest(string Quarter, bool Deliver = true);

/// <summary>
/// A frozen snapshot, by reference: the orchestration passes its hash, never its tables.
/// <see cref="Warnings"/> says when a damaged stored copy had to be frozen afresh.
/// </summary>
public sealed record SnapshotRef(string Quarter, string Hash, string Folder, IReadOnlyList<string> BlockingFailures,
    IReadOnlyList<string>? Warnings = null);

/// <summary>
/// The package for a snapshot. <see cref="Published"/> is false when the latest version already had
/// the same fingerprint, so nothing was written and <see cref="Version"/> is that version.
/// <see cref="Note"/> says when a version was finished for a run that stopped, or one altered was passed over.
/// </summary>
public sealed record PublishResult(
    string Quarter, int Version, string Status, bool Published, string Folder, string Fingerprint, string SnapshotHash,
    IReadOnlyList<string> Reasons, IReadOnlyList<string> MissingSignOffs, string? Note = null);

/// <summary>What became of posting the package to the DfE.</summary>
public sealed record DeliveryOutcome(string Status, string Detail, int Attempts = 0, string? ReceiptId = null)
{
    public const string Delivered = "delivered", AlreadyDelivered = "already-delivered", NotConfigured = "not-configured",
        NotFinal = "not-final", Skipped = "skipped", Failed = "failed", Refused = "refused";
}

public sealed record SubmissionResult(SnapshotRef Snapshot, PublishResult Package, DeliveryOutcome Delivery);

/// <summary>
/// A person signing a snapshot they have seen, by its hash, as one of their roles. <see cref="Signer"/> is
/// who a credential proved them to be (a signer key, or the Entra identity App Service validated); null
/// when none did, and then nothing is recorded.
/// </summary>
public sealed record SignOffRequest(
    string Quarter, string Role, string SnapshotHash, SendPipeline.Core.Submission.VerifiedSigner? Signer);

/// <summary>Whether a signature was recorded; when refused, <see cref="Message"/> says why and what to do.</summary>
public sealed record SignOffResult(bool Recorded, string Message, string CurrentSnapshotHash, IReadOnlyList<string> MissingRoles);

public static class SubmissionActivityNames
{
    public const string FreezeSnapshot = nameof(FreezeSnapshot);
    public const string PublishPackage = nameof(PublishPackage);
    public const string DeliverPackage = nameof(DeliverPackage);
}

/// <summary>The submission activities, each written once: name, input, output and the method that does it.</summary>
public static class SubmissionActivityTable
{
    public static readonly Activity<ISubmissionActivities, SubmissionRequest, SnapshotRef> FreezeSnapshot =
        new(SubmissionActivityNames.FreezeSnapshot, (a, input, ct) => a.FreezeSnapshotAsync(input, ct));

    public static readonly Activity<ISubmissionActivities, SnapshotRef, PublishResult> PublishPackage =
        new(SubmissionActivityNames.PublishPackage, (a, input, ct) => a.PublishPackageAsync(input, ct));

    public static readonly Activity<ISubmissionActivities, PublishResult, DeliveryOutcome> DeliverPackage =
        new(SubmissionActivityNames.DeliverPackage, (a, input, ct) => a.DeliverPackageAsync(input, ct));

    public static readonly IReadOnlyList<IActivity<ISubmissionActivities>> All = [FreezeSnapshot, PublishPackage, DeliverPackage];
}

public interface ISubmissionActivities
{
    /// <summary>Builds the quarter's snapshot from the returns in force and stores it under its hash (once).</summary>
    Task<SnapshotRef> FreezeSnapshotAsync(SubmissionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Evaluates the sign-offs on the snapshot and writes the next package version, unless the latest is the same.</summary>
    Task<PublishResult> PublishPackageAsync(SnapshotRef snapshot, CancellationToken cancellationToken = default);

    /// <summary>Posts a final package to the DfE endpoint once, keyed by its fingerprint.</summary>
    Task<DeliveryOutcome> DeliverPackageAsync(PublishResult package, CancellationToken cancellationToken = default);
}
