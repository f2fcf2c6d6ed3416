using SendPipeline.Workflows.Submission;

namespace SendPipeline.Workflows.Tests.Submission;

public class DeliveryBackoffTests
{
    private static readonly DeliveryOptions Options = new(new Uri("https://dfe.example/submissions"));

    [Theory]
    [InlineData(1, 0.0, 1.0)]   // half the 2 s step is fixed
    [InlineData(1, 1.0, 2.0)]
    [InlineData(2, 0.5, 3.0)]
    [InlineData(3, 0.0, 4.0)]
    [InlineData(6, 1.0, 60.0)]  // 64 s capped at MaxBackoff
    [InlineData(40, 0.0, 30.0)] // far beyond: still the cap, no overflow
    public void Delay_WithoutRetryAfter_DoublesEachTimeWithJitterUpToTheCap(int failedAttempts, double jitter, double expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), DeliveryBackoff.Delay(failedAttempts, null, Options, jitter));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(600, 60)]
    [InlineData(-10, 0)] // a date already past
    public void Delay_RetryAfter_ReplacesTheBackoffCappedByMaxBackoff(int retryAfterSeconds, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), DeliveryBackoff.Delay(1, TimeSpan.FromSeconds(retryAfterSeconds), Options, jitter: 0.9));
    }
}
