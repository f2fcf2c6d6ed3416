using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SendPipeline.Storage.Azure;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Portal;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.PowerBi;
using SendPipeline.Workflows.Rebuild;
using SendPipeline.Workflows.Submission;

namespace SendPipeline.Functions.Configuration;

public static class ActivitiesRegistration
{
    /// <summary>The app setting holding the LA's 3-digit code (<c>SendPipeline__LaCode</c> in Azure).</summary>
    public const string LaCodeSetting = "SendPipeline:LaCode";

    /// <summary>
    /// Registers the activity implementations the activity functions delegate to. The LA code is
    /// configuration, never code; earlier registrations (tests) win.
    /// </summary>
    public static IServiceCollection AddSendPipelineIngestActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => new PipelineOptions(LaCode(configuration))
        {
            // Read when the Power BI step runs, so a missing secret fails that step by name, not the app's start.
            PupilKeySecret = new ConfiguredPupilKeySecret(configuration[PupilKeySecretSetting], PupilKeySecretSetting.Replace(":", "__")),
            SuppressUnder = SuppressUnder(configuration),
            ExportStarTables = configuration.GetValue(ExportStarTablesSetting, true),
        });
        services.TryAddSingleton<IIngestActivities, IngestActivities>();
        services.TryAddSingleton<IRebuildActivities, RebuildActivities>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SubmissionActivities(sp.GetRequiredService<IBlobStore>(), sp.GetRequiredService<ITableStore>(),
            sp.GetRequiredService<PipelineOptions>(), sp.GetRequiredService<TimeProvider>(), DfeDelivery(configuration, sp),
            sp.GetRequiredService<ILogger<SubmissionActivities>>()));
        services.TryAddSingleton<ISubmissionActivities>(sp => sp.GetRequiredService<SubmissionActivities>());
        services.TryAddSingleton(sp => new SubmitterKeyStore(sp.GetRequiredService<ITableStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUploadAccessIssuer>(sp => sp.GetRequiredService<AzureStorageStore>().UploadAccessIssuer(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<UploadAccess>();
        // A secret that is set is checked now, so the published example stops the app at start, not at a
        // school's first sign-in.
        if (configuration[PortalOptions.SessionSecretSetting] is { Length: > 0 } sessionSecret)
            PortalOptions.FromSecret(sessionSecret);
        services.TryAddSingleton(_ => PortalOptions.FromSecret(configuration[PortalOptions.SessionSecretSetting] ?? ""));
        services.TryAddSingleton<PortalSessions>();
        services.TryAddSingleton<PortalService>();
        services.TryAddSingleton(sp => new PortalRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PortalApi>();
        return services;
    }

    /// <summary>The DfE endpoint to post final packages to; without it packages are published but not sent.</summary>
    public const string DfeEndpointSetting = "SendPipeline:Dfe:Endpoint", DfeApiKeySetting = "SendPipeline:Dfe:ApiKey";

    private static DfeDeliveryClient? DfeDelivery(IConfiguration configuration, IServiceProvider services)
    {
        var endpoint = configuration[DfeEndpointSetting];
        if (string.IsNullOrWhiteSpace(endpoint)) return null;
        Uri uri;
        try
        {
            uri = DeliveryOptions.ParseEndpoint(endpoint);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"App setting '{DfeEndpointSetting.Replace(":", "__")}': {e.Message}", e);
        }
        return new DfeDeliveryClient(new HttpClient(), new DeliveryOptions(uri) { ApiKey = configuration[DfeApiKeySetting] },
            services.GetRequiredService<ILogger<DfeDeliveryClient>>());
    }

    /// <summary>The base64 secret that keys pupil keys in the Power BI star schema: a Key Vault reference in Azure.</summary>
    public const string PupilKeySecretSetting = "SendPipeline:PupilKeySecret";

    /// <summary>When set, counts under it are suppressed in the Power BI star schema and pupil-level facts are left out.</summary>
    public const string SuppressUnderSetting = "SendPipeline:SuppressUnder";

    /// <summary>Write the star tables to Table Storage as well as Parquet and CSV (default true).</summary>
    public const string ExportStarTablesSetting = "SendPipeline:PowerBi:ExportTables";

    internal static int? SuppressUnder(IConfiguration configuration)
    {
        var value = configuration[SuppressUnderSetting];
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var threshold) || threshold < 1)
            throw new InvalidOperationException($"App setting '{SuppressUnderSetting.Replace(":", "__")}' must be a whole number of at least 1, not '{value}'.");
        return threshold;
    }

    internal static string LaCode(IConfiguration configuration)
    {
        var code = configuration[LaCodeSetting];
        if (code is not { Length: 3 } || !code.All(char.IsAsciiDigit))
            throw new InvalidOperationException($"App setting '{LaCodeSetting.Replace(":", "__")}' must be the LA's 3-digit code (e.g. 855), not '{code}'.");
        return code;
    }
}
