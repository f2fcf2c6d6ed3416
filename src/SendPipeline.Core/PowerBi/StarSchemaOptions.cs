namespace SendPipeline.Core.PowerBi;

/// <summary>
/// How the star schema protects pupils. <see cref="PupilKeySecret"/> keys the HMAC that turns a UPN or ULN
/// into a pupil key (from configuration: Key Vault in Azure, never in an output). <see cref="SuppressUnder"/>,
/// when set, publishes counts instead of pupil rows and blanks any count under it, as DfE statistics do.
/// </summary>
public sealed record StarSchemaOptions
{
    public StarSchemaOptions(byte[] pupilKeySecret, int? suppressUnder = null)
    {
        ArgumentNullException.ThrowIfNull(pupilKeySecret);
        // Shorter than the hash's own 32 bytes would make a key that can be guessed more cheaply than the UPN space.
        if (pupilKeySecret.Length < 32) throw new ArgumentException("The pupil key secret must be at least 32 bytes.", nameof(pupilKeySecret));
        if (suppressUnder is < 1) throw new ArgumentOutOfRangeException(nameof(suppressUnder), suppressUnder, "The suppression threshold must be at least 1.");
        PupilKeySecret = pupilKeySecret;
        SuppressUnder = suppressUnder;
    }

    public byte[] PupilKeySecret { get; }

    /// <summary>Counts below this are published as null with <c>Suppressed</c> true; null publishes pupil-level facts instead.</summary>
    public int? SuppressUnder { get; }
}
