using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Cli.Commands;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Portal;

/// <summary>
/// <c>sendpipeline serve</c>'s stand-in for the blob trigger: each upload the portal writes is ingested
/// at once, one at a time, by the same workflow (<see cref="UploadSweep.IngestAsync"/>). When it becomes
/// a return in force the LA's datasets are rebuilt straight after, as <c>sendpipeline ingest</c> does;
/// the page does not wait for that, because the upload's record and report are written first.
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
        await foreach (var path in _paths.Reader.ReadAllAsync())
        {
            try
            {
                if (!UploadPath.TryParse(path, out var upload, out _)) continue;
                var rebuild = new PendingRebuild();
                var result = await new UploadSweep(_stores.Blobs, _stores.Tables, activities, rebuild).IngestAsync(upload);
                // Ids, statuses and counts only: never a value from the file.
                if (result is not null)
                    await _log.WriteLineAsync($"Upload {result.Validation.UploadId} ({upload.ReturnType} from {upload.SubmitterId}) {result.Validation.Status}: {result.Validation.RowsRead} rows, {result.Validation.Errors} errors, {result.Validation.Queries} queries");
                if (rebuild.IsPending) await RebuildCommand.RebuildAsync(_stores, _laCode, $"portal upload {result?.Validation.UploadId}");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException)
            {
                await _log.WriteLineAsync($"Could not ingest an upload from {path.Split('/')[1]}: {e.GetType().Name}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _paths.Writer.TryComplete();
        await _worker;
    }
}
