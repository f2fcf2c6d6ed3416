using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Moq;
using SendPipeline.Functions.Triggers;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Functions.Tests;

/// <summary>The upload-access route reads the JSON the docs show, and the LA's revoke route stops a key at once.</summary>
public sealed class UploadAccessHttpTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-accesshttp-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Access_GrantedForTheDocumentedBody_UntilTheLaRevokesTheKey()
    {
        var store = new LocalFolderStore(_root);
        var keys = new SubmitterKeyStore(store, TimeProvider.System);
        var issuer = new Mock<IUploadAccessIssuer>();
        issuer.Setup(i => i.GrantCreateAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string path, TimeSpan _, CancellationToken _) => new UploadGrant(path, new Uri("https://blob.example/" + path), DateTimeOffset.UnixEpoch));
        var http = new UploadAccessHttp(new UploadAccess(keys, issuer.Object), keys);
        var context = Mock.Of<FunctionContext>(c => c.CancellationToken == CancellationToken.None);
        var issued = await keys.IssueAsync("8552001");
        async Task<FakeResponse> Ask() => (FakeResponse)await http.Run(new FakeRequest(context, "POST",
            """{ "returnType": "school-census", "fileName": "autumn.csv" }""", [(UploadAccessHttp.KeyHeader, issued.Key)]), context);

        var before = await Ask();
        var revoked = (FakeResponse)await http.Revoke(new FakeRequest(context, "POST", "", []), SubmitterKeyStore.KeyIdOf(issued.Hash), context);
        var unknown = (FakeResponse)await http.Revoke(new FakeRequest(context, "POST", "", []), "0000000000000000", context);
        var after = await Ask();

        Assert.True(before.StatusCode == HttpStatusCode.OK, before.Text);
        Assert.Equal("uploads/8552001/school-census/autumn.csv", JsonDocument.Parse(before.Text).RootElement.GetProperty("uploadPath").GetString());
        Assert.Equal((HttpStatusCode.OK, "8552001"), (revoked.StatusCode, JsonDocument.Parse(revoked.Text).RootElement.GetProperty("submitterId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
