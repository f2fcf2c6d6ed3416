using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SendPipeline.Functions.Configuration;
using SendPipeline.Storage.Azure;
using SendPipeline.Workflows;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Portal;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Functions.Tests;

public class RegistrationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Identity_based_settings_bind_the_Azure_adapter_without_an_account_key()
    {
        var provider = new ServiceCollection()
            .AddSendPipelineStorage(Config(
                ("PipelineStorage:blobServiceUri", "https://example.blob.core.windows.net/"),
                ("PipelineStorage:tableServiceUri", "https://example.table.core.windows.net/"),
                ("PipelineStorage:clientId", "00000000-0000-0000-0000-000000000001")))
            .BuildServiceProvider();

        Assert.IsType<AzureStorageStore>(provider.GetRequiredService<IBlobStore>());
        Assert.Same(provider.GetRequiredService<IBlobStore>(), provider.GetRequiredService<ITableStore>());
    }

    [Fact]
    public void Half_configured_storage_fails_with_a_message_naming_the_settings()
    {
        var provider = new ServiceCollection()
            .AddSendPipelineStorage(Config(("PipelineStorage:blobServiceUri", "https://example.blob.core.windows.net/")))
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IBlobStore>());
        Assert.Contains("tableServiceUri", error.Message);
    }

    [Fact]
    public void A_connection_string_is_never_echoed_in_the_description()
    {
        var description = StorageRegistration.Describe(Config(("PipelineStorage", "AccountName=x;AccountKey=secret")));

        Assert.DoesNotContain("secret", description);
    }

    [Fact]
    public void Activities_resolve_with_the_configured_LA_code()
    {
        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Mock.Of<IBlobStore>())
            .AddSingleton(Mock.Of<ITableStore>())
            .AddSendPipelineIngestActivities(Config(("SendPipeline:LaCode", "856")))
            .BuildServiceProvider();

        Assert.IsType<IngestActivities>(provider.GetRequiredService<IIngestActivities>());
        Assert.Equal("856", provider.GetRequiredService<PipelineOptions>().LaCode);
    }

    [Fact]
    public void A_missing_LA_code_fails_naming_the_app_setting()
    {
        var provider = new ServiceCollection().AddSendPipelineIngestActivities(Config()).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<PipelineOptions>());
        Assert.Contains("SendPipeline__LaCode", error.Message);
    }

    [Fact]
    public void Registrations_made_first_win()
    {
        var blobs = Mock.Of<IBlobStore>();
        var activities = Mock.Of<IIngestActivities>();
        var provider = new ServiceCollection()
            .AddSingleton(blobs)
            .AddSingleton(activities)
            .AddSendPipelineStorage(Config())
            .AddSendPipelineIngestActivities(Config())
            .BuildServiceProvider();

        Assert.Same(blobs, provider.GetRequiredService<IBlobStore>());
        Assert.Same(activities, provider.GetRequiredService<IIngestActivities>());
    }

    [Fact]
    public void Portal_resolves_with_its_session_secret_and_names_the_setting_without_it()
    {
        ServiceProvider Build(params (string Key, string Value)[] settings) => new ServiceCollection()
            .AddLogging()
            .AddSingleton(Mock.Of<IBlobStore>())
            .AddSingleton(Mock.Of<ITableStore>())
            .AddSingleton(Mock.Of<IUploadAccessIssuer>())
            .AddSendPipelineIngestActivities(Config([("SendPipeline:LaCode", "855"), .. settings]))
            .BuildServiceProvider();

        Assert.NotNull(Build(("SendPipeline:PortalSessionSecret", new string('s', 44))).GetRequiredService<PortalApi>());
        var error = Assert.Throws<InvalidOperationException>(() => Build().GetRequiredService<PortalApi>());
        Assert.Contains("SendPipeline__PortalSessionSecret", error.Message);
    }

    [Fact]
    public void Portal_SessionSecretFromTheExampleSettingsFile_StopsTheAppAtStartSayingHowToMakeOne()
    {
        var services = new ServiceCollection().AddLogging();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddSendPipelineIngestActivities(
            Config([("SendPipeline:LaCode", "855"), ("SendPipeline:PortalSessionSecret", PortalOptions.PublishedSecrets[1])])));

        Assert.Contains("openssl rand -base64 48", error.Message);
    }
}
