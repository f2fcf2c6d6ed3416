using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Uploads;

namespace SendPipeline.Workflows.Portal;

/// <summary>A signed-in submitter's session: the bearer token the page sends back, and when it stops working.</summary>
public sealed record PortalSession(string Token, string SubmitterId, DateTimeOffset ExpiresOn);

/// <summary>Why a presented token did not give a session.</summary>
public enum SessionProblem
{
    None,
    Missing,
    Expired,
}

/// <summary>
/// Stateless sessions for the portal: <c>{submitter}.{expiry unix seconds}.{HMAC-SHA256}</c>. Nothing is
/// stored, so both hosts (and every Functions instance) accept the same token; the MAC over submitter and
/// expiry means neither can be edited, so the submitter every request acts for comes only from here,
/// never from a URL or a body. An upload key is exchanged once for a token, so the key is not kept in
/// the browser.
/// </summary>
public sealed class PortalSessions(PortalOptions options, TimeProvider clock)
{
    private const string Purpose = "sendpipeline-portal-session-v1";

    public PortalSession Issue(Submitter submitter)
    {
        var expires = clock.GetUtcNow().Add(options.SessionLifetime);
        var seconds = expires.ToUnixTimeSeconds();
        var token = $"{submitter.Id}.{seconds.ToString(CultureInfo.InvariantCulture)}.{Mac(submitter.Id, seconds)}";
        return new PortalSession(token, submitter.Id, DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>The submitter a token was issued to, or null with <see cref="SessionProblem.Expired"/> or <see cref="SessionProblem.Missing"/>.</summary>
    public Submitter? Read(string? token, out SessionProblem problem)
    {
        problem = SessionProblem.Missing;
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !Submitter.TryParse(parts[0], out var submitter))
            return null;
        var expected = Encoding.ASCII.GetBytes(Mac(parts[0], seconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]))) return null;
        if (clock.GetUtcNow().ToUnixTimeSeconds() >= seconds)
        {
            problem = SessionProblem.Expired;
            return null;
        }
        problem = SessionProblem.None;
        return submitter;
    }

    private string Mac(string submitterId, long expirySeconds)
    {
        var message = Encoding.UTF8.GetBytes($"{Purpose}\n{submitterId}\n{expirySeconds.ToString(CultureInfo.InvariantCulture)}");
        return Convert.ToBase64String(HMACSHA256.HashData(options.SessionSecret, message)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
