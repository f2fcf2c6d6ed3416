using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Cli.Portal;

/// <summary>
/// <c>sendpipeline serve</c>'s stand-in for the blob trigger: each upload the portal writes is ingested
/// at once, one at a time, by the same workflow (<see cref="UploadSweep.IngestAsync"/>). When the datasets
/// are then behind the returns in force they are rebuilt straight after, as <c>sendpipeline ingest</c> does;
/// the page does not wait for that, because the upload's record and report are written first.
/// Before the first upload it sweeps the store as <c>ingest</c> does, so an upload acknowledged (201) by a
/// serve that died before ingesting it, a half-recorded upload or an unfinished rebuild is finished on restart.
/// </summary>
public sealed class LocalIngestQueue : IAsyncDisposable
{
    private readonly Channel<string> _paths = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Stores _stores;
    private readonly string _laCode;
    private readonly TextWriter _log;
    private readonly Task _worker;

    public LocalIngestQueue(Stores stores, string laCode, TextWriter log)
    {
        (_stores, _laCode, _log) = (stores, laCode, log);
        _worker = Task.Run(RunAsync);
    }

    public void Enqueue(string uploadPath) => _paths.Writer.TryWrite(uploadPath);

    private async Task RunAsync()
    {
        var activities = new IngestActivities(_stores.Blobs, _stores.Tables, new PipelineOptions(_laCode), NullLogger<IngestActivities>.Instance);
        await CatchUpAsync(activities);
        await foreach (var path in _paths.Reader.ReadAllAsync())
        {
            try
            {
                if (!UploadPath.TryParse(path, out var upload, out _)) continue;
                var result = await new UploadSweep(_stores.Blobs, _stores.Tables, activities).IngestAsync(upload);
                // Ids, statuses and counts only: never a value from the file.
                if (result is not null) await LogAsync(result, upload);
                await RebuildCommand.RebuildIfBehindAsync(_stores, _laCode, $"portal upload {result?.Validation.UploadId}");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException)
            {
                await _log.WriteLineAsync($"Could not ingest an upload from {path.Split('/')[1]}: {e.GetType().Name}.");
            }
        }
    }

    /// <summary>The start-up sweep: whatever a previous serve (or ingest) left undone.</summary>
    private async Task CatchUpAsync(IngestActivities activities)
    {
        try
        {
            var sweep = new UploadSweep(_stores.Blobs, _stores.Tables, activities);
            var results = await sweep.RunAsync();
            foreach (var result in results)
                if (UploadPath.TryParse(result.Validation.UploadPath, out var upload, out _)) await LogAsync(result, upload);
            if (results.Count > 0 || sweep.HalfRecordedCompleted > 0)
                await _log.WriteLineAsync($"Start-up sweep: {results.Count} uploads ingested that were left from before, {sweep.HalfRecordedCompleted} half-recorded uploads finished.");
            if (await RebuildCommand.RebuildIfBehindAsync(_stores, _laCode, "serve start-up sweep") is not null)
                await _log.WriteLineAsync("Start-up sweep: the datasets were behind the returns in force; rebuilt.");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException)
        {
            await _log.WriteLineAsync($"The start-up sweep could not finish: {e.GetType().Name}. Run `sendpipeline ingest` on this store.");
        }
    }

    private Task LogAsync(IngestResult result, UploadPath upload) =>
        _log.WriteLineAsync($"Upload {result.Validation.UploadId} ({upload.ReturnType} from {upload.SubmitterId}) {result.Validation.Status}: " +
            $"{result.Validation.RowsRead} rows, {result.Validation.Errors} errors, {result.Validation.Queries} queries");

    public async ValueTask DisposeAsync()
    {
        _paths.Writer.TryComplete();
        await _worker;
    }
}
