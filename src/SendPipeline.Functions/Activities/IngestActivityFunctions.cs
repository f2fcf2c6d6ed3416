using Microsoft.Azure.Functions.Worker;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Activities;

/// <summary>Binds the ingest activities to Durable; the work is in <see cref="IIngestActivities"/>.</summary>
public sealed class IngestActivityFunctions(IIngestActivities activities)
{
    [Function(IngestActivityNames.ValidateUpload)]
    public Task<ValidationSummary> ValidateUpload([ActivityTrigger] IngestRequest request, FunctionContext context) =>
        activities.ValidateUploadAsync(request, context.CancellationToken);

    [Function(IngestActivityNames.WriteReport)]
    public Task<ReportFiles> WriteReport([ActivityTrigger] ValidationSummary validation, FunctionContext context) =>
        activities.WriteReportAsync(validation, context.CancellationToken);

    [Function(IngestActivityNames.RecordUpload)]
    public Task<RecordOutcome> RecordUpload([ActivityTrigger] RecordRequest request, FunctionContext context) =>
        activities.RecordUploadAsync(request, context.CancellationToken);
}
