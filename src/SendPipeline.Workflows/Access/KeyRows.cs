using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Access;

/// <summary>
/// What upload keys and signer keys share as table rows: a 16-hex-character key id, and revocation as a flag
/// with its time on a row that is kept as the record, never deleted.
/// </summary>
internal static class KeyRows
{
    /// <summary>The id as typed, trimmed and lower-cased; null when it cannot be a key id.</summary>
    public static string? NormaliseId(string keyId)
    {
        keyId = keyId.Trim().ToLowerInvariant();
        return IsId(keyId) ? keyId : null;
    }

    public static bool IsId(string keyId) => keyId.Length == 16 && keyId.All(char.IsAsciiHexDigitLower);

    public static bool IsRevoked(TableRow row) =>
        row.Properties.TryGetValue("Revoked", out var revoked) && revoked is true;

    public static Task RevokeAsync(ITableStore tables, string table, TableRow row, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, object?>(row.Properties)
        {
            ["Revoked"] = true,
            ["RevokedUtc"] = clock.GetUtcNow(),
        };
        return tables.UpsertAsync(table, row with { Properties = properties, ETag = null }, cancellationToken);
    }
}
