namespace SendPipeline.Workflows.Submission;

/// <summary>
/// The delivery client's clock, wait and randomness, injectable so tests check the delays asked for
/// without sleeping through them.
/// </summary>
/// <param name="Pause">Waits between attempts.</param>
/// <param name="Jitter">A number in [0, 1) that spreads the backoff.</param>
/// <param name="Clock">"Now", for a <c>Retry-After</c> date when the reply has no <c>Date</c> header.</param>
public sealed record DeliveryTiming(Func<TimeSpan, CancellationToken, Task> Pause, Func<double> Jitter, TimeProvider Clock)
{
    public static DeliveryTiming Real { get; } = new((delay, ct) => Task.Delay(delay, ct), Random.Shared.NextDouble, TimeProvider.System);
}
