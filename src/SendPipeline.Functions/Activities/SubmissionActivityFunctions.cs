using Microsoft.Azure.Functions.Worker;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Activities;

/// <summary>
/// Binds the submission activities to Durable: one [Function] per activity of <see cref="SubmissionActivityTable"/>,
/// which says what each runs (a test holds the bindings and the table to each other).
/// </summary>
public sealed class SubmissionActivityFunctions(ISubmissionActivities activities)
{
    [Function(SubmissionActivityNames.FreezeSnapshot)]
    public Task<SnapshotRef> FreezeSnapshot([ActivityTrigger] SubmissionRequest request, FunctionContext context) =>
        SubmissionActivityTable.FreezeSnapshot.Run(activities, request, context.CancellationToken);

    [Function(SubmissionActivityNames.PublishPackage)]
    public Task<PublishResult> PublishPackage([ActivityTrigger] SnapshotRef snapshot, FunctionContext context) =>
        SubmissionActivityTable.PublishPackage.Run(activities, snapshot, context.CancellationToken);

    [Function(SubmissionActivityNames.DeliverPackage)]
    public Task<DeliveryOutcome> DeliverPackage([ActivityTrigger] PublishResult package, FunctionContext context) =>
        SubmissionActivityTable.DeliverPackage.Run(activities, package, context.CancellationToken);
}
