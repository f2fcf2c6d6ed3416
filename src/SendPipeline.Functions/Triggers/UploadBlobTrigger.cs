using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SendPipeline.Functions.Configuration;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Functions.Triggers;

public sealed class UploadBlobTrigger(ILogger<UploadBlobTrigger> logger)
{
    /// <summary>The Event Grid subscription's webhook names the function: <c>functionName=Host.Functions.{Name}</c>.</summary>
    public const string Name = "UploadBlobTrigger";

    /// <summary>
    /// Hashes the new upload and hands it to the ingest orchestration. Only the hash is read here; the
    /// validate activity streams the blob again and notices if it changed in between (superseded).
    /// </summary>
    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(StorageLayout.Uploads + "/{submitter}/{returnType}/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageRegistration.ConnectionName)] Stream content,
        string submitter,
        string returnType,
        string name,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var hash = await UploadIds.HashAsync(content, context.CancellationToken);
        var request = new IngestRequest($"{StorageLayout.Uploads}/{submitter}/{returnType}/{name}", hash);
        await IngestStarter.StartAsync(client, request, logger, context.CancellationToken);
    }
}
