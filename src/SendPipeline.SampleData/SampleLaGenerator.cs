using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Defects;
using SendPipeline.SampleData.Establishments;
using SendPipeline.SampleData.Pupils;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.SampleData;

/// <summary>
/// Writes a synthetic LA's school census uploads, one file per school, and the manifest of
/// planted defects. The same options give the same bytes: one seeded <see cref="Random"/>
/// drives everything, in a fixed order, and nothing reads the clock.
/// </summary>
/// <remarks>
/// Every file is UTF-8 (some with a byte-order mark). The census has no free-text column, so a
/// Windows-1252 file would be byte-identical to its UTF-8 twin; encoding detection is tested
/// with hand-made files instead.
/// </remarks>
public static class SampleLaGenerator
{
    public static SampleLaResult Generate(SampleLaOptions options, string outputRoot)
    {
        options.Validate();
        var uploads = Path.Combine(outputRoot, Core.Uploads.UploadPath.Container);
        // Stale files from another run would be ingested alongside these and not be in the manifest.
        if (Directory.Exists(uploads) && Directory.EnumerateFileSystemEntries(uploads).Any())
            throw new IOException($"'{uploads}' is not empty; generate into a fresh folder.");

        var rng = new Random(options.Seed);
        var schools = SchoolPlanner.Plan(options, rng);
        var counts = SenCountPlanner.Plan(schools, options, rng);
        var upns = new UpnAllocator(rng);
        var pupils = new PupilFactory(options, schools, counts, upns, rng);
        var styles = ExportStyles.Choose(schools, options, rng);

        var files = new List<SchoolFile>(schools.Count);
        for (var i = 0; i < schools.Count; i++)
        {
            var style = styles[i];
            var rows = pupils.Pupils(schools[i], counts[i], style.WholeRoll, rng);
            files.Add(new SchoolFile(schools[i], rows, style.Format, style.FileName, style.Utf8Bom, style.WholeRoll));
        }

        var defects = options.PlantErrors ? new DefectPlanter(rng, upns, options).Plant(files) : [];
        defects = defects.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Row ?? 0).ToList();
        var rejected = defects.Where(d => d.ExpectedSeverity == DefectKinds.Error).Select(d => d.File).ToHashSet(StringComparer.Ordinal);

        var generated = new List<GeneratedFile>(files.Count);
        foreach (var file in files)
        {
            Write(file, outputRoot);
            generated.Add(new GeneratedFile(
                file.UploadPath, file.School.LaEstab, file.School.Kind, file.Rows.Count,
                file.Rows.Count(r => r.Provision == "E"), file.Rows.Count(r => r.Provision == "K"), file.Rows.Count(r => r.Provision == "N"),
                rejected.Contains(file.UploadPath) ? "rejected" : "accepted"));
        }

        var manifest = new PlantedDefectManifest(
            options.LaCode, options.CensusDate, options.Seed,
            generated.Select(g => new ExpectedFile(g.File, g.ExpectedStatus)).ToList(), defects);
        using (var stream = File.Create(Path.Combine(outputRoot, PlantedDefectManifest.FileName)))
            manifest.Write(stream);

        return new SampleLaResult(outputRoot, generated, defects);
    }

    private static void Write(SchoolFile file, string outputRoot)
    {
        var path = Path.Combine(outputRoot, file.UploadPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var cells = file.Rows.Select(file.Format.ToCells);
        if (file.IsXlsx) SimpleXlsxWriter.Write(stream, CensusColumns.Names, cells, "Census");
        else CsvTableWriter.Write(stream, CensusColumns.Names, cells, file.Utf8Bom);
    }
}
