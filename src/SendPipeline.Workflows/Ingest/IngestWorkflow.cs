using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Hosting;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Workflows.Ingest;

/// <summary>
/// The steps of ingesting one upload, written once for both hosts (see <see cref="IWorkflowContext"/>).
/// Validate streams the raw file into a report and, if accepted, a canonical copy; the report is
/// rendered for people; the record step writes the upload record and makes the return current;
/// a return that became current asks for the LA's datasets to be rebuilt (the host decides how:
/// Durable debounces a burst of uploads into one rebuild, the CLI rebuilds once after its sweep).
/// Only references and counts pass between steps.
/// </summary>
public static class IngestWorkflow
{
    public const string Name = "IngestOrchestrator";

    public static async Task<IngestResult> RunAsync(IWorkflowContext context, IngestRequest request)
    {
        var validation = await context.CallAsync(IngestActivityTable.ValidateUpload, request);
        if (validation.Status == UploadStatus.Superseded)
            return new IngestResult(validation, null, null);

        var reports = await context.CallAsync(IngestActivityTable.WriteReport, validation);
        var record = await context.CallAsync(IngestActivityTable.RecordUpload, new RecordRequest(validation, reports));
        if (record.BecameCurrent)
            await context.CallAsync(IngestActivityTable.RequestRebuild, new RebuildRequest($"upload {validation.UploadId}"));
        return new IngestResult(validation, reports, record);
    }
}
