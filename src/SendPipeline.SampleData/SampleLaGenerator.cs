using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Defects;
using SendPipeline.SampleData.Establishments;
using SendPipeline.SampleData.Pupils;
using SendPipeline.SampleData.Register;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.SampleData;

/// <summary>
/// Writes a synthetic LA's uploads of every return type (each school's census, the register,
/// providers' placements, the Experts at Hand services' workforce and activity, the High Needs
/// Block finance, and the LA's copies of the DfE history and the assumptions when given) and the
/// manifest of planted defects. The same options give the same bytes: seeded random sources drive
/// everything, in a fixed order, and nothing reads the clock.
/// </summary>
/// <remarks>
/// The census is UTF-8 (some files with a byte-order mark): it has no free-text column, so encoding
/// detection is exercised by the register, the finance files and some provider returns instead,
/// which are Windows-1252 and carry £ signs and accented names.
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

        var censusDefects = options.PlantErrors ? new DefectPlanter(rng, upns, options).Plant(files) : [];

        var register = RegisterPlanner.Plan(schools, options, OtherReturns.Derive(options.Seed, 1));
        var world = new SampleWorld(options, files, register, upns, censusDefects);
        var cross = new CrossReturnPlanter(world, OtherReturns.RegisterPath(options), OtherReturns.Derive(options.Seed, 2));
        if (options.PlantErrors) cross.PlantInCensusAndRegister(options.IncludeEstablishments);
        var others = new OtherReturns(world);
        others.Build(cross);

        var (sen2, sen2Defects) = options.IncludeSen2
            ? Sen2.Sen2Sample.Build(world, others.Placements, OtherReturns.Derive(options.Seed, 60), options.PlantErrors) : ([], []);
        var defects = censusDefects.Concat(others.Defects).Concat(sen2Defects)
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Row ?? 0).ThenBy(d => d.Column, StringComparer.Ordinal).ToList();
        var rejected = defects.Where(d => d.ExpectedSeverity == DefectKinds.Error).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        string Status(string file) => rejected.Contains(file) ? "rejected" : "accepted";

        var generated = new List<GeneratedFile>(files.Count);
        var all = new List<GeneratedUpload>();
        foreach (var file in files)
        {
            Write(file, outputRoot);
            generated.Add(new GeneratedFile(
                file.UploadPath, file.School.LaEstab, file.School.Kind, file.Rows.Count,
                file.Rows.Count(r => r.Provision == "E"), file.Rows.Count(r => r.Provision == "K"), file.Rows.Count(r => r.Provision == "N"),
                Status(file.UploadPath)));
            all.Add(new GeneratedUpload(file.UploadPath, file.School.LaEstab, Core.Uploads.ReturnTypes.SchoolCensus, file.Rows.Count, Status(file.UploadPath)));
        }
        foreach (var table in others.Files)
        {
            TableFileWriter.Write(table, outputRoot);
            all.Add(new GeneratedUpload(table.UploadPath, table.Submitter, table.ReturnType, table.Rows.Count, Status(table.UploadPath)));
        }
        foreach (var upload in sen2)
        {
            Sen2.Sen2Sample.Write(upload, options.PlacementsReturnDate, outputRoot);
            all.Add(new GeneratedUpload(upload.UploadPath, Core.Uploads.Submitter.LocalAuthorityId, Sen2.Sen2Sample.ReturnType, upload.People,
                Status(upload.UploadPath)));
        }
        var notes = new List<string>();
        all.AddRange(LaCopies.Write(options, outputRoot, notes));
        all.Sort((a, b) => string.CompareOrdinal(a.File, b.File));

        var crossReturn = others.CrossReturn.OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Detail, StringComparer.Ordinal).ToList();
        var manifest = new PlantedDefectManifest(
            options.LaCode, options.CensusDate, options.Seed,
            all.Select(g => new ExpectedFile(g.File, g.ExpectedStatus)).ToList(), defects, crossReturn);
        using (var stream = File.Create(Path.Combine(outputRoot, PlantedDefectManifest.FileName)))
            manifest.Write(stream);

        return new SampleLaResult(outputRoot, generated, defects) { Uploads = all, CrossReturnDefects = crossReturn, Notes = notes };
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
