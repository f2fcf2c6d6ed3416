using System.Collections.Concurrent;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Tests;

/// <summary>How a wrapped activity fails.</summary>
public enum Fault
{
    /// <summary>No injected transient failure (only <see cref="FaultyIngestActivities.RecordBroken"/>, when set).</summary>
    None,

    /// <summary>The first call for each (activity, upload) throws before doing anything, as a throttled storage call would.</summary>
    OnceBeforeWork,

    /// <summary>The first call for each (activity, upload) does its work and then throws, so its result is lost and the
    /// work is done again: what a worker that dies before reporting completion looks like to Durable.</summary>
    OnceAfterWork,
}

/// <summary>Wraps the real ingest activities and injects a transient failure; counts what it injected.</summary>
internal sealed class FaultyIngestActivities(IIngestActivities inner, Fault fault) : IIngestActivities
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private int _injected;

    /// <summary>While set, <see cref="IIngestActivities.RecordUploadAsync"/> always fails after validate and report have written their outputs.</summary>
    public volatile bool RecordBroken;

    public int Injected => Volatile.Read(ref _injected);

    public Task<ValidationSummary> ValidateUploadAsync(IngestRequest request, CancellationToken cancellationToken = default) =>
        Run(IngestActivityNames.ValidateUpload, request.UploadId, () => inner.ValidateUploadAsync(request, cancellationToken));

    public Task<ReportFiles> WriteReportAsync(ValidationSummary validation, CancellationToken cancellationToken = default) =>
        Run(IngestActivityNames.WriteReport, validation.UploadId, () => inner.WriteReportAsync(validation, cancellationToken));

    public Task<RecordOutcome> RecordUploadAsync(RecordRequest request, CancellationToken cancellationToken = default)
    {
        if (RecordBroken) throw new IOException("injected: the table service is unavailable");
        return Run(IngestActivityNames.RecordUpload, request.Validation.UploadId, () => inner.RecordUploadAsync(request, cancellationToken));
    }

    private async Task<T> Run<T>(string activity, string uploadId, Func<Task<T>> work)
    {
        var first = _calls.AddOrUpdate(activity + "/" + uploadId, 1, (_, n) => n + 1) == 1;
        if (first && fault == Fault.OnceBeforeWork) Throw();
        var result = await work();
        if (first && fault == Fault.OnceAfterWork) Throw();
        return result;
    }

    private void Throw()
    {
        Interlocked.Increment(ref _injected);
        throw new IOException("injected: a transient storage failure");
    }
}
