using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Defects;
using SendPipeline.SampleData.Finance;
using SendPipeline.SampleData.Placements;
using SendPipeline.SampleData.Register;
using SendPipeline.SampleData.Services;
using SendPipeline.SampleData.Tables;

namespace SendPipeline.SampleData;

/// <summary>
/// Builds every return beyond the census from the sample world, plants their defects, and plants
/// the defects across returns. Each return draws from a random source of its own, so leaving one
/// out does not change the bytes of the others.
/// </summary>
internal sealed class OtherReturns(SampleWorld world)
{
    public List<TableFile> Files { get; } = [];
    public List<PlantedDefect> Defects { get; } = [];
    public List<CrossReturnDefect> CrossReturn { get; } = [];
    /// <summary>Every provider's placements as planned, before any defect was planted in their files.</summary>
    public List<ProviderReturn> Placements { get; } = [];

    private SampleLaOptions Options => world.Options;

    public static string RegisterFileName(SampleLaOptions options) =>
        $"edubasealldata{options.CensusDate.AddDays(-10):yyyyMMdd}.csv";

    public static string RegisterPath(SampleLaOptions options) =>
        $"{Core.Uploads.UploadPath.Container}/{Core.Uploads.Submitter.LocalAuthorityId}/{Core.Uploads.ReturnTypes.Establishments}/{RegisterFileName(options)}";

    public void Build(CrossReturnPlanter cross)
    {
        var plant = Options.PlantErrors;
        var laFiles = new LaFileDefects(Derived(10));
        var services = new ServiceDefects(Derived(11));
        var placementDefects = new PlacementDefects(world, Derived(12));

        // Placements are planned first: the providers from out of county join the register the LA uploads.
        List<(ProviderReturn, TableFile)> placements = [];
        if (Options.IncludePlacements)
        {
            foreach (var provider in new PlacementPlanner(world, Derived(20), Derived(22)).Plan())
                placements.Add((provider, PlacementFile.Build(provider, world.ReturnDate)));
            // One special school keeps its return in a workbook.
            var xlsx = placements.FindIndex(p => p.Item1.Kind == ProviderKind.AcademySpecial);
            if (xlsx >= 0)
            {
                var (provider, _) = placements[xlsx];
                var style = provider.Style with { Encoding = TableEncoding.Xlsx, FileName = Path.ChangeExtension(provider.Style.FileName, ".xlsx") };
                provider = new ProviderReturn(provider.ProviderId, provider.Submitter, provider.Kind, provider.Name, style, provider.School);
                provider.Rows.AddRange(placements[xlsx].Item1.Rows);
                placements[xlsx] = (provider, PlacementFile.Build(provider, world.ReturnDate));
            }
            if (plant) placementDefects.Plant(placements);
            Placements.AddRange(placements.Select(p => p.Item1));
        }
        if (Options.IncludeEstablishments)
        {
            Files.Add(RegisterFile.Build(world.Register.Entries, RegisterFileName(Options)));
            if (plant)
            {
                // An officer's hand-trimmed copy of the extract, saved with mistakes; rejected, so the full extract stays in force.
                var rng = Derived(13);
                var sample = world.Register.Entries.Where(e => e.Status.IsOpen).OrderBy(_ => rng.Next()).Take(24).OrderBy(e => e.Urn);
                var edited = RegisterFile.Build(sample, "register-edited.csv");
                laFiles.PlantRegister(edited);
                Files.Add(edited);
            }
        }

        Files.AddRange(placements.Select(p => p.Item2));

        var workforce = new List<TableFile>();
        if (Options.IncludeWorkforce)
        {
            var rng = Derived(30);
            var scale = Math.Max(0.25, (Options.PrimarySchools + Options.SecondarySchools) / 290.0);
            foreach (var service in Service.All)
            {
                var encoding = service.Code == "svc-salt" ? TableEncoding.Xlsx : service.Code == "svc-sts" ? TableEncoding.Windows1252 : TableEncoding.Utf8;
                workforce.Add(ServiceFiles.Workforce(service, world.Quarter, WorkforcePlanner.Plan(service, scale, world.Quarter, rng), encoding));
            }
            if (plant) services.PlantWorkforce(workforce);
            Files.AddRange(workforce);
        }

        var activity = new List<TableFile>();
        if (Options.IncludeEahActivity)
        {
            var rows = ActivityPlanner.Plan(world.Register, Derived(40));
            foreach (var service in Service.All)
                activity.Add(ServiceFiles.Activity(service, world.Quarter, rows[service.Code], service.Code == "svc-eps" ? TableEncoding.Utf8Bom : TableEncoding.Utf8));
            if (plant) services.PlantActivity(activity);
            Files.AddRange(activity);
        }

        if (Options.IncludeHnbFinance)
        {
            var last = Options.LastActualYear;
            var rows = HnbFinancePlanner.Plan(last, Derived(50));
            var years = rows.Select(r => r.Year).Distinct().OrderBy(y => y.StartYear).ToList();
            foreach (var year in years)
                Files.Add(HnbFinanceFile.Build(year, rows, poundsWithSeparators: year == last));
            if (plant)
            {
                laFiles.PlantFinanceQuery(Files.First(f => f.ReturnType == Core.Uploads.ReturnTypes.HnbFinance));
                // The year before the history starts, re-uploaded from an old spreadsheet: rejected, and nothing depends on it.
                var older = new FinancialYear(years[0].StartYear - 1);
                var olderRows = rows.Where(r => r.Year == years[0]).Select(r => r with { Year = older, Amount = Math.Round(r.Amount / 1.1m, 0) });
                var file = HnbFinanceFile.Build(older, olderRows, poundsWithSeparators: false);
                laFiles.PlantFinanceErrors(file);
                Files.Add(file);
            }
        }

        Defects.AddRange(laFiles.Defects);
        Defects.AddRange(placementDefects.Defects);
        Defects.AddRange(services.Defects);
        if (plant)
        {
            var rejected = Defects.Where(d => d.ExpectedSeverity == DefectKinds.Error).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
            if (Options.IncludePlacements) cross.PlantInPlacements(placements, rejected);
            if (Options.IncludeWorkforce) cross.PlantInWorkforce(workforce, rejected);
            if (Options.IncludeEahActivity && Options.IncludeEstablishments) cross.PlantInActivity(activity, rejected);
            Defects.AddRange(cross.Defects);
        }
        CrossReturn.AddRange(cross.CrossReturn);
    }

    private Random Derived(int salt) => Derive(Options.Seed, salt);

    /// <summary>A random source of its own for one part of the LA, fixed by the seed (never HashCode, which varies by process).</summary>
    public static Random Derive(int seed, int salt) => new(unchecked(seed * 1_000_003 + salt * 7_919));
}
