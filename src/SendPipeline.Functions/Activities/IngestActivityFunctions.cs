using Microsoft.Azure.Functions.Worker;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Activities;

/// <summary>
/// Binds the ingest activities to Durable: one [Function] per activity of <see cref="IngestActivityTable"/>, which
/// says what each runs (a test holds the bindings and the table to each other).
/// </summary>
public sealed class IngestActivityFunctions(IIngestActivities activities)
{
    [Function(IngestActivityNames.ValidateUpload)]
    public Task<ValidationSummary> ValidateUpload([ActivityTrigger] IngestRequest request, FunctionContext context) =>
        IngestActivityTable.ValidateUpload.Run(activities, request, context.CancellationToken);

    [Function(IngestActivityNames.WriteReport)]
    public Task<ReportFiles> WriteReport([ActivityTrigger] ValidationSummary validation, FunctionContext context) =>
        IngestActivityTable.WriteReport.Run(activities, validation, context.CancellationToken);

    [Function(IngestActivityNames.RecordUpload)]
    public Task<RecordOutcome> RecordUpload([ActivityTrigger] RecordRequest request, FunctionContext context) =>
        IngestActivityTable.RecordUpload.Run(activities, request, context.CancellationToken);
}
