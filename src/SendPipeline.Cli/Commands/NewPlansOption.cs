using SendPipeline.Core.Forecasting.Cohort;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>--new-plans trend|requests</c> of <c>forecast-ehcp</c> and <c>backtest</c> with <c>--data-dir</c>: how the cohort
/// model projects new plans, by their own trend (the default) or from requests and the share that become plans
/// (<see cref="CohortModel.NewPlansFromRequests"/> says why the default is what it is).
/// </summary>
internal static class NewPlansOption
{
    public const string Trend = "trend", Requests = "requests";

    public static bool FromRequests(string? value, string? dataDir) => value switch
    {
        null => CohortModel.NewPlansFromRequests,
        _ when dataDir is null =>
            throw new UsageException("--new-plans needs --data-dir DIR: it chooses how the cohort model projects new plans."),
        Trend => false,
        Requests => true,
        _ => throw new UsageException($"--new-plans is '{Trend}' or '{Requests}', not '{value}'."),
    };

    public static string Describe(bool fromRequests) => fromRequests
        ? $"from requests and their conversion (--new-plans {Requests})"
        : $"by their own trend (--new-plans {Trend})";
}
