using SendPipeline.Workflows.Hosting;

namespace SendPipeline.Workflows.Submission;

/// <summary>
/// The steps of the quarterly DfE return, written once for both hosts: freeze the quarter's data,
/// publish the package (final only when checked and signed off), then deliver a final package.
/// </summary>
public static class SubmissionWorkflow
{
    public const string Name = "SubmissionOrchestrator";

    /// <summary>One run per quarter at a time: the timer, the HTTP function and the CLI all use this id.</summary>
    public static string InstanceIdFor(string quarter) => "submission-" + QuarterPaths.Slug(quarter);

    public static async Task<SubmissionResult> RunAsync(IWorkflowContext context, SubmissionRequest request)
    {
        var snapshot = await context.CallAsync(SubmissionActivityTable.FreezeSnapshot, request);
        var package = await context.CallAsync(SubmissionActivityTable.PublishPackage, snapshot);
        var delivery = !request.Deliver ? new DeliveryOutcome(DeliveryOutcome.Skipped, "Delivery was not asked for.")
            : package.Status != Core.Submission.SubmissionPackager.Final ? new DeliveryOutcome(DeliveryOutcome.NotFinal, "Only a final package is sent to the DfE.")
            : await context.CallAsync(SubmissionActivityTable.DeliverPackage, package);
        return new SubmissionResult(snapshot, package, delivery);
    }
}
