using Microsoft.Azure.Functions.Worker;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Activities;

/// <summary>Binds the submission activities to Durable; the work is in <see cref="ISubmissionActivities"/>.</summary>
public sealed class SubmissionActivityFunctions(ISubmissionActivities activities)
{
    [Function(SubmissionActivityNames.FreezeSnapshot)]
    public Task<SnapshotRef> FreezeSnapshot([ActivityTrigger] SubmissionRequest request, FunctionContext context) =>
        activities.FreezeSnapshotAsync(request, context.CancellationToken);

    [Function(SubmissionActivityNames.PublishPackage)]
    public Task<PublishResult> PublishPackage([ActivityTrigger] SnapshotRef snapshot, FunctionContext context) =>
        activities.PublishPackageAsync(snapshot, context.CancellationToken);

    [Function(SubmissionActivityNames.DeliverPackage)]
    public Task<DeliveryOutcome> DeliverPackage([ActivityTrigger] PublishResult package, FunctionContext context) =>
        activities.DeliverPackageAsync(package, context.CancellationToken);
}
