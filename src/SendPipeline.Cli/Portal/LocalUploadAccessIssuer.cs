using System.Collections.Concurrent;
using System.Security.Cryptography;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Cli.Portal;

/// <summary>
/// <c>sendpipeline serve</c>'s stand-in for the create-only SAS: the grant URL is serve's own
/// <c>PUT /local-upload/{ticket}</c>, and the ticket (32 random bytes) is bound to the one path granted,
/// works once, and expires with the grant. The page cannot tell the two apart except by the URL. Tickets
/// live only in this process; every grant and redemption first drops the expired ones, so a page that
/// asked and never sent leaves nothing behind for longer than the grant's ten minutes.
/// </summary>
public sealed class LocalUploadAccessIssuer(TimeProvider clock) : IUploadAccessIssuer
{
    public const string RoutePrefix = "/local-upload/";

    private readonly ConcurrentDictionary<string, (string Path, DateTimeOffset ExpiresOn)> _tickets = new(StringComparer.Ordinal);

    /// <summary>Set once Kestrel has its address, before any request can arrive.</summary>
    public Uri? BaseUrl { get; set; }

    public Task<UploadGrant> GrantCreateAsync(string uploadPath, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var baseUrl = BaseUrl ?? throw new InvalidOperationException("The local upload endpoint has no address yet.");
        PurgeExpired();
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var expires = clock.GetUtcNow().Add(lifetime);
        _tickets[ticket] = (uploadPath, expires);
        return Task.FromResult(new UploadGrant(uploadPath, new Uri(baseUrl, RoutePrefix + ticket), expires));
    }

    /// <summary>The path a ticket grants, used up by this call; null for a ticket unknown, already used or expired.</summary>
    public string? Redeem(string ticket)
    {
        var found = _tickets.TryRemove(ticket, out var grant);
        PurgeExpired();
        return found && clock.GetUtcNow() < grant.ExpiresOn ? grant.Path : null;
    }

    /// <summary>Tickets granted and neither used nor expired-and-purged yet.</summary>
    public int Outstanding => _tickets.Count;

    /// <summary>Drops every expired ticket; returns how many.</summary>
    public int PurgeExpired()
    {
        var now = clock.GetUtcNow();
        var purged = 0;
        foreach (var (ticket, grant) in _tickets)
            if (grant.ExpiresOn <= now && _tickets.TryRemove(ticket, out _)) purged++;
        return purged;
    }
}
