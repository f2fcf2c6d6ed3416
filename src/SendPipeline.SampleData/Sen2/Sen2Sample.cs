using System.IO.Compression;
using SendPipeline.SampleData.Defects;
using SendPipeline.SampleData.Placements;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.SampleData.Sen2;

/// <summary>One SEN2 upload of the sample: its path, its modules and the people in it.</summary>
internal sealed record Sen2Upload(string UploadPath, Sen2Tables Tables, int People);

/// <summary>
/// The sample LA's SEN2 extract as its case-management system exports it for COLLECT: a .zip with one
/// Blade CSV per module, uploaded by the LA as <c>uploads/la/sen2/Blade-Export_{dd-mm-yyyy}.zip</c>, dated the
/// placements' return date so the active plans and the placements describe the same day. With planted
/// errors, a second export of the same month carries them and is rejected as a whole.
/// </summary>
internal static class Sen2Sample
{
    /// <summary>
    /// The return type's name in upload paths (spec 2), until Core registers it as a known return type.
    /// </summary>
    public const string ReturnType = "sen2";

    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (List<Sen2Upload> Uploads, List<PlantedDefect> Defects) Build(
        SampleWorld world, IReadOnlyList<ProviderReturn> placements, Random rng, bool plantErrors)
    {
        var reference = world.ReturnDate;
        var people = new Sen2Planner(world, placements, rng).Plan();
        var tables = Sen2Tables.Build(people, world.Options.LaCode, reference);
        var folder = $"{Core.Uploads.UploadPath.Container}/{Core.Uploads.Submitter.LocalAuthorityId}/{ReturnType}";
        var main = new Sen2Upload($"{folder}/Blade-Export_{reference:dd-MM-yyyy}.zip", tables, people.Count);
        if (!plantErrors) return ([main], []);

        var failedPath = $"{folder}/Blade-Export_{reference:dd-MM-yyyy}_first-attempt.zip";
        var failed = new Sen2Upload(failedPath, tables.Copy(), people.Count);
        var queries = new Sen2Defects(rng, main.UploadPath);
        queries.PlantQueries(main.Tables);
        var errors = new Sen2Defects(rng, failed.UploadPath);
        errors.PlantErrors(failed.Tables);
        return ([main, failed], [.. queries.Defects, .. errors.Defects]);
    }

    /// <summary>
    /// Writes the zip: entries in module order, each a UTF-8 CSV with a byte-order mark, stamped with one fixed time.
    /// </summary>
    public static void Write(Sen2Upload upload, DateOnly exported, string outputRoot)
    {
        var path = Path.Combine(outputRoot, upload.UploadPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var table in upload.Tables.All)
        {
            var entry = zip.CreateEntry(table.Module.FileName(exported), CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            using var entryStream = entry.Open();
            var rows = table.Rows.Select(r => r.ToArray<object?>());
            CsvTableWriter.Write(entryStream, table.Header, rows, utf8Bom: true);
        }
    }
}
