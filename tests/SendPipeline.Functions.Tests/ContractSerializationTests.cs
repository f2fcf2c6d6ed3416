using System.Text.Json;
using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Functions.Tests;

/// <summary>Every value that crosses Durable's serializer must come back the same.</summary>
public class ContractSerializationTests
{
    public static TheoryData<JsonSerializerOptions> Options() => new()
    {
        new JsonSerializerOptions(),
        new JsonSerializerOptions(JsonSerializerDefaults.Web),
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Ingest_contracts_round_trip(JsonSerializerOptions options)
    {
        RoundTrip(Samples.Request, options);
        RoundTrip(Samples.Validation(), options);
        RoundTrip(Samples.Validation(UploadStatus.Superseded), options);
        RoundTrip(Samples.Reports, options);
        RoundTrip(new RecordRequest(Samples.Validation(), Samples.Reports), options);
        RoundTrip(new RecordOutcome(false, "0123456789abcdef0123456789abcdef"), options);
        RoundTrip(new IngestResult(Samples.Validation(), Samples.Reports, Samples.Record), options);
        RoundTrip(new IngestResult(Samples.Validation(UploadStatus.Superseded), null, null), options);
    }

    [Fact]
    public void Request_keeps_its_instance_id_after_a_round_trip()
    {
        var json = JsonSerializer.Serialize(Samples.Request);
        var back = JsonSerializer.Deserialize<IngestRequest>(json)!;
        Assert.Equal(Samples.Request, back);
        Assert.Equal(Samples.Request.InstanceId, back.InstanceId);
    }

    private static void RoundTrip<T>(T value, JsonSerializerOptions options)
    {
        var json = JsonSerializer.Serialize(value, options);
        var back = JsonSerializer.Deserialize<T>(json, options);
        Assert.Equal(json, JsonSerializer.Serialize(back, options));
    }
}
