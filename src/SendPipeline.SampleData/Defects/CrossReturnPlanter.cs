using System.Globalization;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Establishments;
using SendPipeline.SampleData.Placements;
using SendPipeline.SampleData.Register;
using SendPipeline.SampleData.Tables;
using X = SendPipeline.SampleData.Defects.CrossReturnKinds;

namespace SendPipeline.SampleData.Defects;

/// <summary>
/// Plants the defects that only a check across returns can find. Each lands in files that are
/// otherwise clean and accepted, so the check has every return it needs in force. The census and
/// register ones are planted before placements are built, so no placement builds on them.
/// </summary>
internal sealed class CrossReturnPlanter(SampleWorld world, string registerPath, Random rng) : TableDefectPlanter(rng)
{
    public List<CrossReturnDefect> CrossReturn { get; } = [];

    public void PlantInCensusAndRegister(bool register)
    {
        TwoCensusReturns();
        if (!register) return;
        ClosedButReturningCensus();
        OpenWithoutCensus();
    }

    private void TwoCensusReturns()
    {
        var secondaries = Candidates(SchoolKind.Secondary);
        if (secondaries.Count < 2) return;
        var (a, b) = (secondaries[0], secondaries[1]);
        var pupil = a.Rows.Where(r => r.Provision is "E" or "K" && world.CleanRows(a).Contains(r)).ToList();
        var pairs = pupil.SelectMany(p => b.Rows.Select((r, i) => (p, r, i)).Where(x => x.r.NcYear == p.NcYear && x.r.Provision is "E" or "K")).ToList();
        if (pairs.Count == 0) return;
        var (child, replaced, row) = pairs[Rng.Next(pairs.Count)];
        // A family moved the child and both schools kept them on roll: same UPN, same child.
        (replaced.Upn, replaced.Dob, replaced.Sex) = (child.Upn, child.Dob, child.Sex);
        world.Reserved.Add(a);
        world.Reserved.Add(b);
        CrossReturn.Add(new CrossReturnDefect(X.SameChildTwoCensus, [a.UploadPath, b.UploadPath],
            $"UPN {child.Upn} is on roll at {a.School.LaEstab} (row {SchoolFile.SpreadsheetRow(a.Rows.IndexOf(child))}) and at {b.School.LaEstab} (row {SchoolFile.SpreadsheetRow(row)}) in the same census"));
    }

    /// <summary>A school that closed at Christmas but whose January census still came in under its old number.</summary>
    private void ClosedButReturningCensus()
    {
        var primaries = Candidates(SchoolKind.Primary);
        if (primaries.Count == 0) return;
        var census = primaries[0];
        var entry = world.Register.Entries.First(e => ReferenceEquals(e.School, census.School));
        world.Register.Replace(entry, entry with { Status = GiasStatus.Closed, CloseDate = new DateOnly(world.Options.CensusDate.Year - 1, 12, 31), NumberOfPupils = null });
        world.Reserved.Add(census);
        CrossReturn.Add(new CrossReturnDefect(X.SettingClosedInRegister, [census.UploadPath, registerPath],
            $"LAEstab {census.School.LaEstab} (URN {entry.Urn}) made a school-census upload but is Closed in the register"));
    }

    /// <summary>A free school that opened in September: on the register with pupils, but its census never came.</summary>
    private void OpenWithoutCensus()
    {
        var number = world.Register.FreeNumber(Rng, 5000, 5399);
        var urn = world.Register.FreeUrn(Rng, 150_000, 152_999);
        var names = new SchoolNames(Rng);
        var pupils = Rng.Next(40, 120);
        world.Register.Entries.Add(new RegisterEntry(urn, world.Options.LaCode, number, names.FreeSchool(), GiasType.FreeSchool, "Primary", 4, 11,
            GiasStatus.Open, pupils, new DateOnly(world.Options.CensusDate.Year - 1, 9, 1), null, "School Lane", names.Place(), "LE8 4QZ", "Mixed", null));
        var laEstab = world.Options.LaCode + number.ToString("D4", CultureInfo.InvariantCulture);
        CrossReturn.Add(new CrossReturnDefect(X.OpenSchoolWithoutCensus, [registerPath],
            $"LAEstab {laEstab} (URN {urn}, {GiasType.FreeSchool.Name}) is Open with {pupils} pupils in the register but made no school-census upload"));
    }

    /// <summary>Rows appended to accepted provider returns: a mainstream pupil placed at a special school, and an INMSS placement of a child on SEN support.</summary>
    public void PlantInPlacements(IReadOnlyList<(ProviderReturn Provider, TableFile File)> returns, ISet<string> rejected)
    {
        var usable = returns.Where(r => !rejected.Contains(r.File.UploadPath)).ToList();
        var special = usable.FirstOrDefault(r => r.Provider.Kind is ProviderKind.MaintainedSpecial or ProviderKind.AcademySpecial);
        var inmss = usable.FirstOrDefault(r => r.Provider.Kind == ProviderKind.IndependentSpecial);
        var secondaries = Candidates(SchoolKind.Secondary);

        if (special.File is not null && secondaries.Count > 0 && world.CleanRows(secondaries[0]).FirstOrDefault(r => r.Provision == "E") is { } ehcp)
        {
            var census = secondaries[0];
            world.Reserved.Add(census);
            var category = special.Provider.Kind == ProviderKind.AcademySpecial ? "ASS" : "MSS";
            var row = Append(special, ehcp, category, 24_500m, "TOPUP");
            CrossReturn.Add(new CrossReturnDefect(X.SameChildCensusAndPlacement, [census.UploadPath, special.File.UploadPath],
                $"UPN {ehcp.Upn} is on roll at {census.School.LaEstab} in the census and placed at provider {special.Provider.ProviderId} (row {row}), whose own census does not have them"));
        }
        secondaries = Candidates(SchoolKind.Secondary);
        if (inmss.File is not null && secondaries.Count > 0 && world.CleanRows(secondaries[0]).FirstOrDefault(r => r.Provision == "K") is { } support)
        {
            var census = secondaries[0];
            world.Reserved.Add(census);
            var row = Append(inmss, support, "INMSS", 68_000m, "FULL");
            CrossReturn.Add(new CrossReturnDefect(X.SpecialistPlacementWithoutCensusEhcp, [census.UploadPath, inmss.File.UploadPath],
                $"UPN {support.Upn} has an INMSS placement at provider {inmss.Provider.ProviderId} (row {row}, EHCP Y) but is in the census only at {census.School.LaEstab} with SENProvision K; being on roll there too, it is also a child in two settings"));
        }
    }

    /// <summary>Activity against settings the register does not have open, which the eah-activity file's own check reports as a query too.</summary>
    public void PlantInActivity(IReadOnlyList<TableFile> files, ISet<string> rejected)
    {
        var file = files.Where(f => !rejected.Contains(f.UploadPath) && f.Rows.Count > 0).OrderByDescending(f => f.Rows.Count).FirstOrDefault();
        if (file is null) return;
        var template = file.Rows[0];
        var missing = world.Options.LaCode + world.Register.FreeNumber(Rng, 2000, 2999).ToString("D4", CultureInfo.InvariantCulture);
        var row = AppendActivity(file, template, missing);
        CrossReturn.Add(new CrossReturnDefect(X.SettingMissingFromRegister, [file.UploadPath, registerPath],
            $"LAEstab {missing} has Experts at Hand activity (row {TableFile.SpreadsheetRow(row)}) but is not in the register"));
        if (world.Register.Entries.FirstOrDefault(e => e.Status == GiasStatus.Closed && e.School is null) is { } closed)
        {
            row = AppendActivity(file, template, closed.LaEstab);
            CrossReturn.Add(new CrossReturnDefect(X.SettingClosedInRegister, [file.UploadPath, registerPath],
                $"LAEstab {closed.LaEstab} has Experts at Hand activity (row {TableFile.SpreadsheetRow(row)}) but is Closed in the register (the school reopened as an academy under another number)"));
        }
    }

    /// <summary>A transformation post kept on after its time limit, in an otherwise accepted workforce return.</summary>
    public void PlantInWorkforce(IReadOnlyList<TableFile> files, ISet<string> rejected)
    {
        foreach (var file in files.Where(f => !rejected.Contains(f.UploadPath)))
        {
            if (PickRow(file, i => file.Get(i, "Role") == "Transformation") is not { } row) continue;
            // Ended at a month end before the quarter began: the project it was for has finished.
            var ended = world.Quarter.Start.AddMonths(-Rng.Next(0, 6)).AddDays(-1);
            file.Set(row, "TimeLimitedUntil", TableFile.Date(ended));
            CrossReturn.Add(new CrossReturnDefect(X.TransformationPostExpired, [file.UploadPath],
                $"Post {file.Get(row, "PostId")} (row {TableFile.SpreadsheetRow(row)}) is Transformation with TimeLimitedUntil {TableFile.Date(ended)}, before {world.Quarter} began on {TableFile.Date(world.Quarter.Start)}"));
            return;
        }
    }

    private int AppendActivity(TableFile file, string[] template, string laEstab)
    {
        var copy = (string[])template.Clone();
        copy[file.Column("LAEstab")] = laEstab;
        copy[file.Column("DaysDelivered")] = "1.5";
        file.Rows.Add(copy);
        var row = file.Rows.Count - 1;
        Reserve(file, row);
        Record(file, row, "LAEstab", DefectKinds.SettingNotOpen);
        return row;
    }

    private int Append((ProviderReturn Provider, TableFile File) target, CensusRecord child, string category, decimal cost, string element)
    {
        var (provider, file) = target;
        // Started before the census, so the child is in both settings on census day whichever quarter the providers return for.
        var census = world.Options.CensusDate;
        var start = new DateOnly(census.Year, census.Month, 1).AddMonths(-1);
        var row = new PlacementRow(child.Upn, null, child.Dob!.Value, category, start, null, false, cost, element, child.SenType1 == "NSA" ? "SEMH" : child.SenType1!, true, world.Options.LaCode);
        provider.Rows.Add(row);
        // Formatted as the provider formats every other row.
        var single = new ProviderReturn(provider.ProviderId, provider.Submitter, provider.Kind, provider.Name, provider.Style, null);
        single.Rows.Add(row);
        file.Rows.Add(PlacementFile.Build(single, world.ReturnDate).Rows[0]);
        Reserve(file, file.Rows.Count - 1);
        return TableFile.SpreadsheetRow(file.Rows.Count - 1);
    }

    /// <summary>Clean CSV census files of one kind, not built on yet, in a random order.</summary>
    private List<SchoolFile> Candidates(SchoolKind kind) => world.Census
        .Where(f => f.School.Kind == kind && !f.IsXlsx && world.IsClean(f) && !IsProvider(f))
        .OrderBy(_ => Rng.Next()).ToList();

    private bool IsProvider(SchoolFile file) => world.Providers.Contains(file.School);
}
