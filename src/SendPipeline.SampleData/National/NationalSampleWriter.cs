using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.SampleData.Placements;
using SendPipeline.SampleData.Pupils;
using SendPipeline.SampleData.Register;
using SendPipeline.SampleData.Tables;
using SendPipeline.SampleData.Writing;

namespace SendPipeline.SampleData.National;

/// <summary>
/// Grows a generated sample LA into England for the national rebuild bench: every other LA gets its
/// settings in the register (which stays one GIAS extract, the home LA's upload with the rest of
/// England added), a census from each school that makes one, and placements returns from special
/// schools (their own pupils) and independent special schools (children on no census). The home
/// LA keeps everything else the sample generator wrote: workforce, activity, finance, assumptions.
/// Deterministic for a seed, like the sample LA.
/// </summary>
public static class NationalSampleWriter
{
    /// <summary>Children placed out of any census (independent specialist), as a share of the other LAs' plans.</summary>
    private const int PlacedOutOfCensusPercent = 3;

    private static readonly string[] Needs = ["ASD", "SLD", "SEMH", "MLD", "SLCN", "PMLD"];

    /// <param name="homeRoot">Where <see cref="SampleLaGenerator"/> wrote the home LA: its register upload is extended in place.</param>
    /// <param name="stagingRoot">Where the other LAs' uploads are written, at their upload paths, for the caller to upload and ingest.</param>
    public static NationalSampleResult AddRestOfEngland(SampleLaOptions home, NationalScale scale, string homeRoot, string stagingRoot)
    {
        var rng = OtherReturns.Derive(home.Seed, 100);
        var registerPath = Path.Combine(homeRoot, OtherReturns.RegisterPath(home));
        var (header, homeRows) = ReadTable(registerPath);
        var las = LaCodes.Dfe.Codes.Where(c => c != home.LaCode).Order(StringComparer.Ordinal).ToList();

        var settings = PlanSettings(las, Math.Max(0, scale.Settings - homeRows.Count), rng);
        var register = new TableFile(Submitter.LocalAuthorityId, ReturnTypes.Establishments, Path.GetFileName(registerPath), header, TableEncoding.Windows1252);
        foreach (var row in homeRows) register.Add(row);
        var built = RegisterFile.Build(settings.Select(s => s.Entry), register.FileName);
        foreach (var row in built.Rows) register.Add(header.Select(column => row[built.Column(column)]).ToArray());
        TableFileWriter.Write(register, homeRoot);

        var pupils = Math.Max(0, scale.SenPupils - home.EhcpPupils - home.SenSupportPupils);
        var plans = Math.Max(0, scale.EhcpPlans - home.EhcpPupils);
        var placedOnly = plans * PlacedOutOfCensusPercent / 100;
        var uploads = new List<NationalUpload>();
        var census = WriteCensus(home, settings, pupils, plans - placedOnly, stagingRoot, rng, uploads);
        WritePlacedOutOfCensus(home, settings, placedOnly, stagingRoot, rng, uploads);
        return new NationalSampleResult(uploads, homeRows.Count + settings.Count, census.Rows, census.Ehcp, placedOnly);
    }

    private sealed record Setting(string LaCode, NationalKind Kind, RegisterEntry Entry)
    {
        public List<PlacementRow> Placements { get; } = [];
    }

    private static List<Setting> PlanSettings(List<string> las, int total, Random rng)
    {
        var settings = new List<Setting>(total);
        for (var l = 0; l < las.Count; l++)
        {
            var la = las[l];
            var count = (int)((long)total * (l + 1) / las.Count - (long)total * l / las.Count);
            var next = new Dictionary<NationalKind, int>();
            for (var i = 0; i < count; i++)
            {
                var kind = NationalKind.Of(i);
                var number = kind.FirstNumber + next.GetValueOrDefault(kind);
                next[kind] = next.GetValueOrDefault(kind) + 1;
                var urn = 400_000 + settings.Count;
                var name = $"{LaCodes.Dfe.NameOf(la)} {kind.Phase} {kind.Type.Name} {number}";
                settings.Add(new Setting(la, kind, new RegisterEntry(urn, la, number, name, kind.Type, kind.Phase, 4, 16, GiasStatus.Open,
                    rng.Next(kind.MinRoll, kind.MaxRoll + 1), new DateOnly(2000, 9, 1), null, "1 High Street", LaCodes.Dfe.NameOf(la) ?? la, "", "Mixed", null)));
            }
        }
        return settings;
    }

    /// <summary>SEN pupils shared over the census schools by weight; special schools' pupils all have plans, the rest share the remaining plans evenly.</summary>
    private static (long Rows, long Ehcp) WriteCensus(SampleLaOptions home, List<Setting> settings, int pupils, int plans, string root, Random rng, List<NationalUpload> uploads)
    {
        var schools = settings.Where(s => s.Kind.MakesCensus).ToList();
        var weight = schools.Sum(s => (long)s.Kind.CensusWeight);
        var rows = new int[schools.Count];
        long before = 0;
        for (var i = 0; i < schools.Count; i++)
        {
            var after = before + schools[i].Kind.CensusWeight;
            rows[i] = (int)(pupils * after / Math.Max(1, weight) - pupils * before / Math.Max(1, weight));
            before = after;
        }
        var special = Enumerable.Range(0, schools.Count).Where(i => schools[i].Kind.PlacementCategory is not null).Sum(i => (long)rows[i]);
        var ehcpPercent = (int)Math.Clamp(Math.Round(100.0 * (plans - special) / Math.Max(1, pupils - special)), 0, 100);

        long written = 0, ehcp = 0;
        var firstRow = new Dictionary<string, long>();
        var offsets = new Dictionary<string, long>();
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var (la, kind, entry) = (school.LaCode, school.Kind, school.Entry);
            if (!offsets.TryGetValue(la, out var offset)) offsets[la] = offset = rng.NextInt64(CensusFileWriter.MaxRows);
            var spec = new LargeCensus(la, entry.EstablishmentNumber, rows[i])
            {
                CensusDate = home.CensusDate, Offset = offset, FirstRow = firstRow.GetValueOrDefault(la),
                NoSenPercent = 0, EhcpPercent = kind.PlacementCategory is null ? ehcpPercent : 100,
            };
            firstRow[la] = spec.FirstRow + rows[i];
            var path = $"{UploadPath.Container}/{entry.LaEstab}/{ReturnTypes.SchoolCensus}/SEN_Census_{home.CensusDate:MMMyyyy}.csv";
            Action<string, DateOnly>? placed = kind.PlacementCategory is { } category
                ? (upn, dob) => school.Placements.Add(Placement(upn, dob, category, la, rng))
                : null;
            using (var stream = Create(root, path)) ehcp += CensusFileWriter.WriteSchool(stream, spec, rng, placed);
            written += rows[i];
            uploads.Add(new NationalUpload(la, path));
            if (school.Placements.Count > 0) WritePlacements(home, school, root, uploads);
        }
        return (written, ehcp);
    }

    /// <summary>Children each LA places in independent special schools: on no census, so a UPN from a primary long ago.</summary>
    private static void WritePlacedOutOfCensus(SampleLaOptions home, List<Setting> settings, int children, string root, Random rng, List<NationalUpload> uploads)
    {
        var providers = settings.Where(s => s.Kind.PlacementCategory == "INMSS").ToList();
        if (providers.Count == 0) return;
        var upns = new UpnAllocator(rng);
        for (var p = 0; p < providers.Count; p++)
        {
            var provider = providers[p];
            var count = (int)((long)children * (p + 1) / providers.Count - (long)children * p / providers.Count);
            for (var c = 0; c < count; c++)
            {
                var dob = new DateOnly(2008, 9, 1).AddDays(rng.Next(11 * 365));
                var reception = dob.Year + (dob.Month >= 9 ? 5 : 4);
                var upn = upns.Permanent(provider.LaCode, 6900 + rng.Next(100), reception);
                provider.Placements.Add(Placement(upn, dob, "INMSS", provider.LaCode, rng));
            }
            WritePlacements(home, provider, root, uploads);
        }
    }

    private static PlacementRow Placement(string upn, DateOnly dob, string category, string homeLa, Random rng)
    {
        var independent = category == "INMSS";
        var cost = independent ? rng.Next(50_000, 90_000) : rng.Next(15_000, 40_000);
        return new PlacementRow(upn, null, dob, category, new DateOnly(2025, 9, 1), null, independent && rng.Next(4) == 0, cost,
            independent ? "FULL" : "TOPUP", Needs[rng.Next(Needs.Length)], true, homeLa);
    }

    private static void WritePlacements(SampleLaOptions home, Setting setting, string root, List<NationalUpload> uploads)
    {
        var urn = setting.Entry.Urn.ToString(CultureInfo.InvariantCulture);
        var style = new PlacementStyle(false, false, false, false, $"placements-{home.PlacementsReturnDate:yyyy-MM-dd}.csv", TableEncoding.Utf8);
        var provider = new ProviderReturn(urn, urn, ProviderKind.MaintainedSpecial, setting.Entry.Name, style, null);
        provider.Rows.AddRange(setting.Placements);
        var file = PlacementFile.Build(provider, home.PlacementsReturnDate);
        TableFileWriter.Write(file, root);
        uploads.Add(new NationalUpload(setting.LaCode, file.UploadPath));
    }

    private static FileStream Create(string root, string uploadPath)
    {
        var path = Path.Combine(root, uploadPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>The register upload as cells under its own header, whatever the generator planted in it.</summary>
    private static (List<string> Header, List<string[]> Rows) ReadTable(string path)
    {
        var text = new DetectingTextReader(File.OpenRead(path));
        using var reader = new CsvTabularReader(text, () => text.EncodingName);
        var header = reader.Header.ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var cells = new string[header.Count];
            for (var i = 0; i < header.Count; i++) cells[i] = i < reader.FieldCount ? reader[i].ToString() : "";
            rows.Add(cells);
        }
        return (header, rows);
    }
}
