using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SendPipeline.Cli.Portal;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;
using SendPipeline.Workflows.Rebuild;

namespace SendPipeline.Cli.Tests.Crash;

/// <summary>
/// <c>serve</c> after a crash (issue 15 item 1) and the same bytes sent twice through the portal (item 4).
/// </summary>
public sealed class ServeRecoveryTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);
    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Serve_on_start_ingests_an_upload_a_dead_serve_acknowledged_and_finishes_the_rebuild()
    {
        var root = Path.Combine(_dir, "store");
        SmallCrashLa.Create(root);
        // As a serve killed after its 201 leaves it: the bytes in uploads/, no record, no datasets.
        var stores = StoreFactory.Create(root);

        await using (var server = await PortalServer.StartAsync(new PortalServerOptions(stores, SmallCrashLa.La, 0), TextWriter.Null))
        {
            await WaitAsync(async () => !await BuiltFrom.IsBehindAsync(stores.Blobs, stores.Tables)
                && await stores.Blobs.GetInfoAsync(BuiltFrom.Path) is not null);
        }

        var uploads = await stores.Tables.QueryAsync(StorageLayout.UploadsTable).ToListAsync();
        Assert.Equal(Directory.GetFiles(Path.Combine(root, "uploads"), "*", SearchOption.AllDirectories).Length, uploads.Count);
        Assert.Contains(uploads, u => u.GetString("Status") == UploadStatus.Duplicate);
        Assert.NotNull(await stores.Blobs.GetInfoAsync("datasets/dashboard/index.html"));
    }

    [Fact]
    public async Task The_same_bytes_sent_twice_through_the_portal_are_a_duplicate_that_changes_nothing()
    {
        var template = Path.Combine(_dir, "template");
        var censusPath = SmallCrashLa.Create(template);
        var census = await File.ReadAllBytesAsync(censusPath);
        var root = Path.Combine(_dir, "store");
        var stores = StoreFactory.Create(root);
        var key = (await new SubmitterKeyStore(stores.Tables, TimeProvider.System).IssueAsync("8552001")).Key;

        await using var server = await PortalServer.StartAsync(new PortalServerOptions(stores, SmallCrashLa.La, 0), TextWriter.Null);
        using var http = new HttpClient { BaseAddress = server.Url };
        var api = server.Url.AbsoluteUri.TrimEnd('/');
        var session = await PostAsync(http, api + "/session", new { key });
        http.DefaultRequestHeaders.Authorization = new("Bearer", session.GetProperty("token").GetString());

        var first = await SendAsync(http, api, census);
        await WaitAsync(async () => await stores.Blobs.GetInfoAsync(BuiltFrom.Path) is not null);
        var datasets = Snapshot(root);
        var accepted = await stores.Tables.QueryAsync(StorageLayout.AcceptedTable).ToListAsync();
        var second = await SendAsync(http, api, census);

        Assert.Equal(UploadStatus.Accepted, first.Upload.GetProperty("status").GetString());
        Assert.Equal(UploadStatus.Duplicate, second.Upload.GetProperty("status").GetString());
        Assert.Equal(UploadStatus.Duplicate, second.Report.GetProperty("status").GetString());
        var firstId = first.Upload.GetProperty("uploadId").GetString();
        Assert.Equal(firstId, second.Report.GetProperty("sameAs").GetProperty("uploadId").GetString());
        // Nothing else changed: the same return in force, the same datasets, byte for byte.
        var after = await stores.Tables.QueryAsync(StorageLayout.AcceptedTable).ToListAsync();
        Assert.Equal(accepted.Select(r => r.ETag), after.Select(r => r.ETag));
        Assert.Equal(datasets, Snapshot(root));
        var csv = await http.GetStringAsync(api + "/uploads/" + second.Upload.GetProperty("uploadId").GetString() + "/report.csv");
        Assert.Contains($"same as upload {firstId}", csv, StringComparison.Ordinal);
    }

    private static async Task<(JsonElement Upload, JsonElement Report)> SendAsync(HttpClient http, string api, byte[] file)
    {
        var grant = await PostAsync(http, api + "/uploads", new { returnType = "school-census", fileName = "spring.csv", size = file.Length });
        using var put = new HttpRequestMessage(HttpMethod.Put, grant.GetProperty("uploadUrl").GetString()) { Content = new ByteArrayContent(file) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await http.SendAsync(put);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var path = grant.GetProperty("uploadPath").GetString();
        JsonElement? upload = null;
        await WaitAsync(async () =>
        {
            var list = await http.GetFromJsonAsync<JsonElement>(api + "/uploads");
            upload = list.EnumerateArray().Where(u => u.GetProperty("uploadPath").GetString() == path).Cast<JsonElement?>().FirstOrDefault();
            return upload is not null;
        });
        var detail = await http.GetFromJsonAsync<JsonElement>(api + "/uploads/" + upload!.Value.GetProperty("uploadId").GetString());
        return (detail.GetProperty("upload"), detail.GetProperty("report"));
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string url, object body)
    {
        using var response = await http.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {json}");
        return json;
    }

    private static List<string> Snapshot(string root) =>
        [.. Directory.GetFiles(Path.Combine(root, "datasets"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => f + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) + ":" + File.GetLastWriteTimeUtc(f).Ticks)];

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the portal did not get there in time");
            await Task.Delay(100);
        }
    }
}
