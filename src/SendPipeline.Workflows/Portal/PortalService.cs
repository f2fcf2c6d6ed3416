using SendPipeline.Core.Reading;
using SendPipeline.Core.Reports;
using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Access;
using SendPipeline.Workflows.Ingest;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Portal;

/// <summary>
/// The upload portal for schools, providers and services (issue 8), written once for both hosts: the
/// Functions app's HTTP functions and <c>sendpipeline serve</c> map the same routes (<see cref="PortalApi"/>)
/// to these methods. Every method but signing in takes the session token, and the submitter it acts for
/// comes only from that token: an upload id from the URL is looked up in that submitter's own partition
/// of the <c>uploads</c> table, so another's upload is simply not found (404, never 403, which would
/// confirm it exists).
/// </summary>
public sealed class PortalService(SubmitterKeyStore keys, UploadAccess access, PortalSessions sessions, IBlobStore blobs, ITableStore tables, TimeProvider clock)
{
    public const string SessionExpired = "Your session has expired. Sign in again with your upload key.";
    public const string NotSignedIn = "You are not signed in. Sign in with your upload key.";
    public const string KeyRevoked = "The upload key this session was opened with has been revoked, so the session has " +
        "ended. Ask the LA's data team for a new key.";
    public const string SignedOut = "You signed out of this session. Sign in again with your upload key.";
    public const string UploadNotFound = "There is no such upload among yours.";

    private readonly PortalSignOuts _signOuts = new(tables, clock);

    public async Task<PortalResult<SessionInfo>> SignInAsync(string? presentedKey, CancellationToken cancellationToken = default)
    {
        if (await keys.AuthenticateKeyAsync(presentedKey?.Trim(), cancellationToken) is not { } signedIn)
            return PortalStatus.Fail<SessionInfo>(PortalStatus.Unauthenticated,
                "That upload key was not recognised. Check it was copied whole, or ask the LA's data team for a new one.");
        var session = sessions.Issue(signedIn);
        return PortalStatus.Success(new SessionInfo(signedIn.Submitter.Id, session.ExpiresOn, Permitted(signedIn.Submitter))
        {
            Token = session.Token,
        });
    }

    public async Task<PortalResult<SessionInfo>> SessionAsync(string? token,
        CancellationToken cancellationToken = default)
    {
        var (session, refused) = await AuthenticateAsync<SessionInfo>(token, cancellationToken);
        if (refused is not null) return refused;
        return PortalStatus.Success(
            new SessionInfo(session!.Submitter.Id, session.ExpiresOn, Permitted(session.Submitter)));
    }

    /// <summary>
    /// Ends this session for good: the token is signed, so it is put on the sign-out list that every
    /// request is checked against, and would be refused even if a copy of it were presented again.
    /// </summary>
    public async Task<PortalResult<SignedOutInfo>> SignOutAsync(string? token,
        CancellationToken cancellationToken = default)
    {
        var (session, refused) = await AuthenticateAsync<SignedOutInfo>(token, cancellationToken);
        if (refused is not null) return refused;
        await _signOuts.SignOutAsync(session!, cancellationToken);
        return PortalStatus.Success(new SignedOutInfo(true));
    }

    /// <summary>
    /// Write access for one new file. The stored name starts with the time of the request: the SAS is
    /// create-only, so a second upload under the same name would be refused, and a fresh name per upload
    /// also lets the page find its upload's record by path.
    /// </summary>
    public async Task<PortalResult<PortalUploadGrant>> RequestUploadAsync(string? token, PortalUploadRequest request, CancellationToken cancellationToken = default)
    {
        var (session, refused) = await AuthenticateAsync<PortalUploadGrant>(token, cancellationToken);
        if (refused is not null) return refused;
        var submitter = session!.Submitter;
        if (request is not { ReturnType: { Length: > 0 } returnType, FileName: { Length: > 0 } fileName })
            return PortalStatus.Fail<PortalUploadGrant>(PortalStatus.BadRequest, "Choose a return type and a file.");
        if (request.Size is null or <= 0)
            return PortalStatus.Fail<PortalUploadGrant>(PortalStatus.BadRequest, $"The file '{fileName}' is empty. Choose the file with your return in it.");
        if (request.Size > Limits.MaxFileBytes)
            return PortalStatus.Fail<PortalUploadGrant>(PortalStatus.TooLarge,
                $"The file '{fileName}' is {Megabytes(request.Size.Value)}; the limit is {Megabytes(Limits.MaxFileBytes)}. Remove other sheets or columns, or save it as CSV.");
        // The user's own name is checked first so any message names the file they chose.
        if (UploadRequestRules.PathFor(submitter, returnType.Trim(), fileName, out var problem) is null)
            return PortalStatus.Fail<PortalUploadGrant>(
                ReturnTypes.IsKnown(returnType.Trim()) && !submitter.MayUpload(returnType.Trim()) ? PortalStatus.Forbidden : PortalStatus.BadRequest, problem);

        var result = await access.GrantAsync(submitter, returnType.Trim(), StoredName(fileName.Trim()), cancellationToken);
        if (result.Grant is not { } grant) return PortalStatus.Fail<PortalUploadGrant>(result.Status, result.Problem ?? "The upload was refused.");
        return PortalStatus.Success(new PortalUploadGrant(grant.UploadUrl.AbsoluteUri, grant.UploadPath, grant.ExpiresOn,
            new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" }));
    }

    /// <summary>The submitter's own uploads, newest first: their partition of the <c>uploads</c> table and nothing else.</summary>
    public async Task<PortalResult<IReadOnlyList<PortalUpload>>> ListUploadsAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (session, refused) = await AuthenticateAsync<IReadOnlyList<PortalUpload>>(token, cancellationToken);
        if (refused is not null) return refused;
        var submitter = session!.Submitter;
        var uploads = new List<PortalUpload>();
        await foreach (var row in tables.QueryAsync(StorageLayout.UploadsTable, UploadRecords.Key(submitter.Id), cancellationToken))
            uploads.Add(ToUpload(row));
        return PortalStatus.Success<IReadOnlyList<PortalUpload>>(
            uploads.OrderByDescending(u => u.ReceivedUtc).ThenByDescending(u => u.UploadPath, StringComparer.Ordinal).ToList());
    }

    public async Task<PortalResult<PortalUploadDetail>> GetUploadAsync(string? token, string uploadId, CancellationToken cancellationToken = default)
    {
        var (session, refused) = await AuthenticateAsync<PortalUploadDetail>(token, cancellationToken);
        if (refused is not null) return refused;
        var submitter = session!.Submitter;
        if (await OwnRowAsync(submitter, uploadId, cancellationToken) is not { } row || row.GetString(UploadRecords.Field.ReportJson) is not { Length: > 0 } path)
            return PortalStatus.Fail<PortalUploadDetail>(PortalStatus.NotFound, UploadNotFound);
        await using var json = await blobs.OpenReadAsync(path, cancellationToken);
        return PortalStatus.Success(new PortalUploadDetail(ToUpload(row), ReportJson.Read(json)));
    }

    /// <summary>The report for Excel, as ingest wrote it (<see cref="ReportCsv"/>: formula-safe, UTF-8 with a BOM).</summary>
    public async Task<PortalResult<PortalFile>> GetReportCsvAsync(string? token, string uploadId, CancellationToken cancellationToken = default)
    {
        var (session, refused) = await AuthenticateAsync<PortalFile>(token, cancellationToken);
        if (refused is not null) return refused;
        var submitter = session!.Submitter;
        if (await OwnRowAsync(submitter, uploadId, cancellationToken) is not { } row || row.GetString(UploadRecords.Field.ReportCsv) is not { Length: > 0 } path)
            return PortalStatus.Fail<PortalFile>(PortalStatus.NotFound, UploadNotFound);
        using var content = new MemoryStream();
        await using (var csv = await blobs.OpenReadAsync(path, cancellationToken))
            await csv.CopyToAsync(content, cancellationToken);
        var name = Path.GetFileNameWithoutExtension(row.GetString(UploadRecords.Field.UploadPath) ?? uploadId) + "-report.csv";
        return PortalStatus.Success(new PortalFile(name, "text/csv; charset=utf-8", content.ToArray()));
    }

    /// <summary>
    /// The session a token stands for, checked in full on every request: the token is genuine and
    /// unexpired, the upload key it was opened with is not revoked, and it was not signed out.
    /// </summary>
    private async Task<(SessionClaims? Session, PortalResult<T>? Refused)> AuthenticateAsync<T>(string? token,
        CancellationToken cancellationToken)
    {
        var session = sessions.Read(token, out var problem);
        if (session is not null && !await keys.IsActiveAsync(session.Submitter.Id, session.KeyId, cancellationToken))
            problem = SessionProblem.KeyRevoked;
        else if (session is not null && await _signOuts.IsSignedOutAsync(session, cancellationToken))
            problem = SessionProblem.SignedOut;
        return problem switch
        {
            SessionProblem.None => (session, null),
            SessionProblem.Expired => (null, PortalStatus.Fail<T>(PortalStatus.Unauthenticated, SessionExpired)),
            SessionProblem.KeyRevoked => (null, PortalStatus.Fail<T>(PortalStatus.Unauthenticated, KeyRevoked)),
            SessionProblem.SignedOut => (null, PortalStatus.Fail<T>(PortalStatus.Unauthenticated, SignedOut)),
            _ => (null, PortalStatus.Fail<T>(PortalStatus.Unauthenticated, NotSignedIn)),
        };
    }

    /// <summary>The row only if it is in this submitter's partition; an id that is not one (a table key it cannot be) is not looked up at all.</summary>
    private Task<TableRow?> OwnRowAsync(Submitter submitter, string uploadId, CancellationToken cancellationToken) =>
        uploadId.Length == 32 && uploadId.All(char.IsAsciiHexDigitLower)
            ? tables.GetAsync(StorageLayout.UploadsTable, UploadRecords.Key(submitter.Id), uploadId, cancellationToken)
            : Task.FromResult<TableRow?>(null);

    private static PortalUpload ToUpload(TableRow row)
    {
        var path = row.GetString(UploadRecords.Field.UploadPath) ?? "";
        return new PortalUpload(row.RowKey, path, path[(path.LastIndexOf('/') + 1)..], row.GetString(UploadRecords.Field.ReturnType) ?? "",
            row.GetString(UploadRecords.Field.Status) ?? "", row.GetString(UploadRecords.Field.Period) is { Length: > 0 } period ? period : null,
            row.GetDateTimeOffset(UploadRecords.Field.ReceivedUtc), row.GetInt64(UploadRecords.Field.RowsRead), row.GetInt64(UploadRecords.Field.Errors), row.GetInt64(UploadRecords.Field.Queries));
    }

    private static IReadOnlyList<string> Permitted(Submitter submitter) => ReturnTypes.All.Where(submitter.MayUpload).ToList();

    private string StoredName(string fileName)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmssfff", System.Globalization.CultureInfo.InvariantCulture) + "-";
        var room = UploadRequestRules.MaxFileNameLength - stamp.Length;
        // Cut from the front so the extension, which decides how the file is read, survives.
        return stamp + (fileName.Length <= room ? fileName : fileName[^room..]);
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
