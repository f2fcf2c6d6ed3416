namespace SendPipeline.Workflows.Submission;

/// <summary>
/// Another run of the same quarter's submission claimed the package version this run was about to
/// write. Nothing of this run's package was written; the message says so and what to do.
/// </summary>
public sealed class SubmissionConflictException(string message) : Exception(message);
