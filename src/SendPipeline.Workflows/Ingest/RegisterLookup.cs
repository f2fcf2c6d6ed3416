using SendPipeline.Core.Picture;
using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Ports;
using Register = SendPipeline.Core.Returns.Establishments.EstablishmentsColumns;

namespace SendPipeline.Workflows.Ingest;

/// <summary>
/// The establishments register in force, as LAEstab → GIAS status, for the return rules that are
/// stated against it. Read from the canonical register, so no raw GIAS file is parsed again.
/// </summary>
public static class RegisterLookup
{
    /// <summary>Null when no register has been accepted yet: the rules that need one then wait for the rebuild.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> LoadAsync(IBlobStore blobs, ITableStore tables, CancellationToken cancellationToken)
    {
        Dictionary<string, string>? register = null;
        await foreach (var row in tables.QueryAsync(StorageLayout.AcceptedTable, UploadRecords.Key(ReturnTypes.Establishments), cancellationToken))
        {
            if (row.GetString(UploadRecords.Field.CanonicalPath) is not { Length: > 0 } path) continue;
            register ??= new Dictionary<string, string>(StringComparer.Ordinal);
            await using var stream = await blobs.OpenReadAsync(path, cancellationToken);
            using var table = new CanonicalTable(stream);
            while (table.Read()) register[table.Text(Register.LaEstab.Name)] = table.Text(Register.Status.Name);
        }
        return register;
    }
}
