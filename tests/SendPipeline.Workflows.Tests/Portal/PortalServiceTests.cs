using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Portal;

namespace SendPipeline.Workflows.Tests.Portal;

/// <summary>The portal's service on the real local folder adapter: sessions, grants, and each school seeing only its own uploads.</summary>
public sealed class PortalServiceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-portal-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly SubmitterKeyStore _keys;
    private readonly PortalService _portal;

    public PortalServiceTests()
    {
        _store = new LocalFolderStore(_root);
        _keys = new SubmitterKeyStore(_store, _clock);
        var sessions = new PortalSessions(new PortalOptions(Encoding.UTF8.GetBytes("a test secret of at least thirty-two bytes")), _clock);
        _portal = new PortalService(_keys, new UploadAccess(_keys, new PathIssuer(_clock)), sessions, _store, _store, _clock);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<string> SignIn(string submitter)
    {
        var result = await _portal.SignInAsync((await _keys.IssueAsync(submitter)).Key);
        return result.Value!.Token!;
    }

    /// <summary>Uploads through a grant, as the page does, and ingests it, as the trigger does.</summary>
    private async Task<PortalUpload> Upload(string token, string fileName, string content)
    {
        var grant = (await _portal.RequestUploadAsync(token, new PortalUploadRequest("school-census", fileName, content.Length))).Value!;
        await _store.WriteAsync(grant.UploadPath, new MemoryStream(Encoding.UTF8.GetBytes(content)), overwrite: false);
        var activities = new IngestActivities(_store, _store, new PipelineOptions("855"), NullLogger<IngestActivities>.Instance);
        UploadPath.TryParse(grant.UploadPath, out var path, out _);
        var result = await new UploadSweep(_store, _store, activities).IngestAsync(path);
        return (await _portal.ListUploadsAsync(token)).Value!.Single(u => u.UploadId == result!.Validation.UploadId);
    }

    private static string Census(string school = "8552001", string sex = "M")
    {
        var text = new StringBuilder("LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1\r\n");
        for (var i = 1; i <= 2; i++) text.Append($"{school},2026-01-15,{Upn.Create($"855200125{i:000}")},2016-10-01,{(i == 2 ? sex : "M")},4,K,SLCN\r\n");
        return text.ToString();
    }

    [Fact]
    public async Task SignIn_IssuedKey_GivesSessionWithTheTypesItMaySend()
    {
        var result = await _portal.SignInAsync((await _keys.IssueAsync("svc-ep")).Key);

        Assert.Equal(200, result.Status);
        Assert.Equal(["workforce", "eah-activity"], result.Value!.ReturnTypes);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(30), result.Value.ExpiresOn);
        Assert.Equal("svc-ep", (await _portal.SessionAsync(result.Value.Token)).Value!.SubmitterId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("8552001.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task SignIn_UnknownKey_Is401(string? key)
    {
        await _keys.IssueAsync("8552001");

        var result = await _portal.SignInAsync(key);

        Assert.Equal((401, null), (result.Status, result.Value));
        Assert.Contains("not recognised", result.Problem);
    }

    [Fact]
    public async Task Session_After30Minutes_Is401SayingItExpired()
    {
        var token = await SignIn("8552001");
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(200, (await _portal.ListUploadsAsync(token)).Status);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var result = await _portal.ListUploadsAsync(token);

        Assert.Equal((401, PortalService.SessionExpired), (result.Status, result.Problem));
    }

    [Fact]
    public async Task Session_EditedToAnotherSchoolOrLaterExpiry_IsNotASession()
    {
        var token = await SignIn("8552001");
        var parts = token.Split('.');
        string With(int index, string value) => string.Join('.', parts.Select((p, i) => i == index ? value : p));

        foreach (var forged in new[] { With(0, "8552002"), With(3, (long.Parse(parts[3]) + 3600).ToString()), With(1, new string('0', 16)),
                     With(2, new string('0', 32)), parts[0], "" })
            Assert.Equal((401, PortalService.NotSignedIn), ((await _portal.ListUploadsAsync(forged)).Status, (await _portal.ListUploadsAsync(forged)).Problem));
    }

    [Fact]
    public async Task Session_WhenItsKeyIsRevoked_EndsAtTheNextRequest_AndTheSubmittersOtherKeysSessionsGoOn()
    {
        var revoked = await _keys.IssueAsync("8552001");
        var kept = await _keys.IssueAsync("8552001");
        var doomed = (await _portal.SignInAsync(revoked.Key)).Value!.Token;
        var other = (await _portal.SignInAsync(kept.Key)).Value!.Token;
        Assert.Equal(200, (await _portal.ListUploadsAsync(doomed)).Status);

        Assert.NotNull(await _keys.RevokeAsync(SubmitterKeyStore.KeyIdOf(revoked.Hash)));

        var refused = await _portal.ListUploadsAsync(doomed);
        Assert.Equal((401, PortalService.KeyRevoked), (refused.Status, refused.Problem));
        Assert.Equal(401, (await _portal.RequestUploadAsync(doomed, new PortalUploadRequest("school-census", "jan.csv", 10))).Status);
        Assert.Equal(200, (await _portal.ListUploadsAsync(other)).Status);
        Assert.Equal(401, (await _portal.SignInAsync(revoked.Key)).Status);
    }

    [Fact]
    public async Task SignOut_EndsThatSessionForGood_ThoughItsTokenIsStillSignedAndUnexpired()
    {
        var token = await SignIn("8552001");
        var otherTab = await SignIn("8552001");

        Assert.Equal(200, (await _portal.SignOutAsync(token)).Status);

        var reused = await _portal.ListUploadsAsync(token);
        Assert.Equal((401, PortalService.SignedOut), (reused.Status, reused.Problem));
        Assert.Equal(401, (await _portal.SessionAsync(token)).Status);
        Assert.Equal(401, (await _portal.SignOutAsync(token)).Status);
        Assert.Equal(200, (await _portal.ListUploadsAsync(otherTab)).Status);
    }

    [Fact]
    public async Task SignOut_PurgesTheSignOutsOfSessionsThatHaveExpiredAnyway()
    {
        await _portal.SignOutAsync(await SignIn("8552001"));
        _clock.Advance(TimeSpan.FromMinutes(31));

        await _portal.SignOutAsync(await SignIn("8552001"));

        var rows = new List<SendPipeline.Workflows.Ports.TableRow>();
        await foreach (var row in _store.QueryAsync(PortalSignOuts.Table, "8552001")) rows.Add(row);
        Assert.Single(rows);
    }

    [Theory]
    [InlineData("placements", "jan.csv", 10L, 403, "8552001 may not upload placements; it may upload school-census.")]
    [InlineData("school-census", "jan.txt", 10L, 400, "must be a .csv or .xlsx file")]
    [InlineData("school-census", "../8552002/jan.csv", 10L, 400, "must be 1 to 100 letters")]
    [InlineData("no-such-return", "jan.csv", 10L, 400, "is not a return type")]
    [InlineData("school-census", "jan.csv", 0L, 400, "is empty")]
    [InlineData("school-census", "jan.csv", Limits.MaxFileBytes + 1, 413, "the limit is 100 MB")]
    public async Task RequestUpload_Refused_SaysWhyWithItsStatus(string returnType, string fileName, long size, int status, string problem)
    {
        var token = await SignIn("8552001");

        var result = await _portal.RequestUploadAsync(token, new PortalUploadRequest(returnType, fileName, size));

        Assert.Equal(status, result.Status);
        Assert.Null(result.Value);
        Assert.Contains(problem, result.Problem);
    }

    [Fact]
    public async Task RequestUpload_Allowed_GrantsANewNameInTheSchoolsOwnFolder()
    {
        var token = await SignIn("8552001");

        var first = (await _portal.RequestUploadAsync(token, new PortalUploadRequest("school-census", "jan.csv", 10))).Value!;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await _portal.RequestUploadAsync(token, new PortalUploadRequest("school-census", "jan.csv", 10))).Value!;

        Assert.Equal("uploads/8552001/school-census/20260120-090000000-jan.csv", first.UploadPath);
        Assert.NotEqual(first.UploadPath, second.UploadPath);
        Assert.Equal("BlockBlob", first.Headers["x-ms-blob-type"]);
    }

    [Fact]
    public async Task GetUpload_Own_HasStatusCountsAndIssuesAtTheirRows()
    {
        var token = await SignIn("8552001");
        var upload = await Upload(token, "jan.csv", Census(sex: "Q"));

        var detail = (await _portal.GetUploadAsync(token, upload.UploadId)).Value!;
        var csv = (await _portal.GetReportCsvAsync(token, upload.UploadId)).Value!;

        Assert.Equal(("rejected", 2L, 1L), (detail.Upload.Status, detail.Upload.RowsRead, detail.Upload.Errors));
        var issue = Assert.Single(detail.Report.Issues);
        Assert.Equal((3, "Sex", "Q"), (issue.Row, issue.Column, issue.Value));
        Assert.Contains("\r\n3,Sex,Q,error,", Encoding.UTF8.GetString(csv.Content));
        Assert.EndsWith("-jan-report.csv", csv.FileName);
    }

    [Fact]
    public async Task AnotherSchool_CannotListOrOpenAnUploadItDidNotSend_404NotForbidden()
    {
        var tokenA = await SignIn("8552001");
        var tokenB = await SignIn("8552002");
        var upload = await Upload(tokenA, "jan.csv", Census());
        await Upload(tokenB, "jan.csv", Census("8552002"));

        var listed = (await _portal.ListUploadsAsync(tokenB)).Value!;
        var detail = await _portal.GetUploadAsync(tokenB, upload.UploadId);
        var csv = await _portal.GetReportCsvAsync(tokenB, upload.UploadId);

        Assert.All(listed, u => Assert.StartsWith("uploads/8552002/", u.UploadPath));
        Assert.Single(listed);
        Assert.Equal((404, PortalService.UploadNotFound), (detail.Status, detail.Problem));
        Assert.Equal(404, csv.Status);
        Assert.Equal(200, (await _portal.GetUploadAsync(tokenA, upload.UploadId)).Status);
    }

    [Theory]
    [InlineData("../8552001")]
    [InlineData("8552001")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789")]
    public async Task GetUpload_IdNotAnUploadId_Is404(string id)
    {
        var token = await SignIn("8552001");

        Assert.Equal(404, (await _portal.GetUploadAsync(token, id)).Status);
    }

    [Fact]
    public async Task ListUploads_NewestFirst()
    {
        var token = await SignIn("8552001");
        var older = await Upload(token, "a.csv", Census());
        await Task.Delay(20);
        var newer = await Upload(token, "b.csv", Census(sex: "Q"));

        var listed = (await _portal.ListUploadsAsync(token)).Value!;

        Assert.Equal([newer.UploadId, older.UploadId], listed.Select(u => u.UploadId));
    }

    /// <summary>A grant whose URL is just the path: enough to check what the service asks for.</summary>
    private sealed class PathIssuer(TimeProvider clock) : IUploadAccessIssuer
    {
        public Task<UploadGrant> GrantCreateAsync(string uploadPath, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
            Task.FromResult(new UploadGrant(uploadPath, new Uri("https://example.invalid/" + uploadPath), clock.GetUtcNow().Add(lifetime)));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
