using System.Globalization;
using SendPipeline.Core.Submission;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Submission;

/// <summary>
/// Sign-offs in the <c>signoffs</c> table, one row per signature (PK the quarter, RK snapshot, role and
/// time), never updated or deleted: the table is the audit trail, and <see cref="SignOffState"/> decides
/// which still count. Each row names the person and the credential that proved it; rows written before
/// credentials existed have neither, and so never count.
/// </summary>
public sealed class SignOffStore(ITableStore tables)
{
    public async Task<IReadOnlyList<SignOff>> ReadAsync(string quarter, CancellationToken cancellationToken = default)
    {
        var signOffs = new List<SignOff>();
        await foreach (var row in tables.QueryAsync(QuarterPaths.SignOffsTable, QuarterPaths.Slug(quarter), cancellationToken))
            signOffs.Add(new SignOff(row.GetString("Role") ?? "", row.GetString("Name") ?? "",
                row.GetDateTimeOffset("SignedUtc") ?? default, row.GetString("SnapshotHash") ?? "",
                row.GetString("SignerId") ?? "", row.GetString("CredentialId") ?? ""));
        return signOffs;
    }

    public async Task RecordAsync(string quarter, SignOff signOff, CancellationToken cancellationToken = default)
    {
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{signOff.SnapshotHash}~{signOff.Role}~{signOff.SignedUtc.UtcTicks:D19}");
        var row = new TableRow(QuarterPaths.Slug(quarter), rowKey, new Dictionary<string, object?>
        {
            ["Role"] = signOff.Role,
            ["Name"] = signOff.Name,
            ["SignedUtc"] = signOff.SignedUtc,
            ["SnapshotHash"] = signOff.SnapshotHash,
            ["SignerId"] = signOff.SignerId,
            ["CredentialId"] = signOff.CredentialId,
        });
        if (!await tables.TryWriteAsync(QuarterPaths.SignOffsTable, row, ifMatchETag: null, cancellationToken))
            throw new InvalidOperationException($"A {signOff.Role} sign-off for this snapshot was already recorded at the same instant; try again.");
    }
}
