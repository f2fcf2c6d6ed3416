using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SendPipeline.Functions.Configuration;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Functions.Tests;

public class RegistrationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Unbound_storage_fails_with_a_clear_message_naming_the_setting()
    {
        var provider = new ServiceCollection()
            .AddSendPipelineStorage(Config(("PipelineStorage:blobServiceUri", "https://example.blob.core.windows.net/")))
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IBlobStore>());
        Assert.Contains("storage adapter not registered", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("blobServiceUri", error.Message);
    }

    [Fact]
    public void A_connection_string_is_never_echoed()
    {
        var provider = new ServiceCollection()
            .AddSendPipelineStorage(Config(("PipelineStorage", "AccountName=x;AccountKey=secret")))
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ITableStore>());
        Assert.DoesNotContain("secret", error.Message);
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
            .AddSendPipelineIngestActivities()
            .BuildServiceProvider();

        Assert.Same(blobs, provider.GetRequiredService<IBlobStore>());
        Assert.Same(activities, provider.GetRequiredService<IIngestActivities>());
    }

    [Fact]
    public void Unbound_activities_fail_with_a_clear_message()
    {
        var provider = new ServiceCollection().AddSendPipelineIngestActivities().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IIngestActivities>());
        Assert.Contains("not registered", error.Message);
    }
}
