using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Workflows.Portal;

/// <summary>
/// A signed-in submitter's session: the bearer token the page sends back, and when it stops working.
/// <see cref="KeyId"/> is the upload key it was opened with, so revoking the key ends it;
/// <see cref="SessionId"/> names it alone, so signing out ends it and no other.
/// </summary>
public sealed record PortalSession(
    string Token, string SubmitterId, string KeyId, string SessionId, DateTimeOffset ExpiresOn);

/// <summary>What a genuine, unexpired token says; <see cref="PortalService"/> checks it still stands.</summary>
public sealed record SessionClaims(Submitter Submitter, string KeyId, string SessionId, DateTimeOffset ExpiresOn);

/// <summary>Why a presented token did not give a session.</summary>
public enum SessionProblem
{
    None,
    Missing,
    Expired,
    KeyRevoked,
    SignedOut,
}

/// <summary>
/// Signed session tokens for the portal: <c>{submitter}.{key id}.{session id}.{expiry unix seconds}.{HMAC-SHA256}</c>.
/// Any host (and every Functions instance) with the secret can check one; the MAC over all four fields
/// means none can be edited, so the submitter every request acts for comes only from here, never from a
/// URL or a body. A token alone is not enough, though: <see cref="PortalService"/> also checks on each
/// request that its key is not revoked and that the session was not signed out (<see cref="PortalSignOuts"/>).
/// An upload key is exchanged once for a token, so the key is not kept in the browser.
/// </summary>
public sealed class PortalSessions(PortalOptions options, TimeProvider clock)
{
    private const string Purpose = "sendpipeline-portal-session-v2";

    public PortalSession Issue(AuthenticatedSubmitter signedIn)
    {
        var expires = clock.GetUtcNow().Add(options.SessionLifetime);
        var seconds = expires.ToUnixTimeSeconds();
        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var fields = string.Create(CultureInfo.InvariantCulture,
            $"{signedIn.Submitter.Id}.{signedIn.KeyId}.{sessionId}.{seconds}");
        return new PortalSession($"{fields}.{Mac(fields)}", signedIn.Submitter.Id, signedIn.KeyId, sessionId,
            DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>
    /// What a token says, or null with <see cref="SessionProblem.Expired"/>, or with
    /// <see cref="SessionProblem.Missing"/> for one absent, forged or malformed.
    /// </summary>
    public SessionClaims? Read(string? token, out SessionProblem problem)
    {
        problem = SessionProblem.Missing;
        if (token is null || token.Length > 300) return null;
        var last = token.LastIndexOf('.');
        var parts = token.Split('.');
        if (parts is not { Length: 5 }
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !Submitter.TryParse(parts[0], out var submitter))
            return null;
        var expected = Encoding.ASCII.GetBytes(Mac(token[..last]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[4]))) return null;
        if (clock.GetUtcNow().ToUnixTimeSeconds() >= seconds)
        {
            problem = SessionProblem.Expired;
            return null;
        }
        problem = SessionProblem.None;
        return new SessionClaims(submitter, parts[1], parts[2], DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private string Mac(string fields)
    {
        var message = Encoding.UTF8.GetBytes($"{Purpose}\n{fields}");
        return Convert.ToBase64String(HMACSHA256.HashData(options.SessionSecret, message))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

/// <summary>
/// Sessions ended by signing out, in the <c>portalsignouts</c> table (PK submitter, RK session id): the
/// token is stateless, so without this list a copied token would work until it expired. A row is needed
/// only while its token could still be presented, so each sign-out deletes its submitter's rows whose
/// tokens have expired; the list never holds more than a submitter's last half hour of sign-outs.
/// </summary>
public sealed class PortalSignOuts(Ports.ITableStore tables, TimeProvider clock)
{
    public const string Table = "portalsignouts";

    public async Task SignOutAsync(SessionClaims session, CancellationToken cancellationToken = default)
    {
        var row = new Ports.TableRow(session.Submitter.Id, session.SessionId, new Dictionary<string, object?>
        {
            ["ExpiresOn"] = session.ExpiresOn,
            ["SignedOutUtc"] = clock.GetUtcNow(),
        });
        await tables.UpsertAsync(Table, row, cancellationToken);
        await PurgeAsync(session.Submitter.Id, cancellationToken);
    }

    public async Task<bool> IsSignedOutAsync(SessionClaims session, CancellationToken cancellationToken = default) =>
        await tables.GetAsync(Table, session.Submitter.Id, session.SessionId, cancellationToken) is not null;

    /// <summary>Deletes the rows of sessions that have expired anyway; returns how many.</summary>
    public async Task<int> PurgeAsync(string submitterId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var expired = new List<Ports.TableKey>();
        await foreach (var row in tables.QueryAsync(Table, submitterId, cancellationToken))
            if (row.GetDateTimeOffset("ExpiresOn") is not { } expires || expires <= now)
                expired.Add(new Ports.TableKey(row.PartitionKey, row.RowKey));
        if (expired.Count > 0) await tables.DeleteManyAsync(Table, expired, cancellationToken);
        return expired.Count;
    }
}
