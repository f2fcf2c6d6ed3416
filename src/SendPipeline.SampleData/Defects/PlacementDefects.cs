using System.Globalization;
using SendPipeline.SampleData.Placements;
using SendPipeline.SampleData.Tables;
using K = SendPipeline.SampleData.Defects.DefectKinds;
using P = SendPipeline.SampleData.Placements.PlacementFile;

namespace SendPipeline.SampleData.Defects;

/// <summary>
/// Three rejected provider returns (an independent special school's, a college's, and one filed
/// under another provider's id) and four accepted ones that carry only queries.
/// </summary>
internal sealed class PlacementDefects(SampleWorld world, Random rng) : TableDefectPlanter(rng)
{
    private const int MinimumRows = 12;

    public void Plant(IReadOnlyList<(ProviderReturn Provider, TableFile File)> returns)
    {
        var csv = returns.Where(r => r.File.Encoding != TableEncoding.Xlsx && r.File.Rows.Count >= MinimumRows).ToList();
        (ProviderReturn, TableFile)? Take(ProviderKind kind)
        {
            var match = csv.Where(r => r.Provider.Kind == kind && !Touched.Contains(r.File)).ToList();
            if (match.Count == 0) return null;
            var chosen = match[Rng.Next(match.Count)];
            csv.Remove(chosen);
            return chosen;
        }

        if (Take(ProviderKind.IndependentSpecial) is { } inmss) SpecialistErrors(inmss.Item1, inmss.Item2);
        if (Take(ProviderKind.FeCollege) is { } college) LearnerErrors(college.Item1, college.Item2);
        if (Take(ProviderKind.IndependentAp) is { } wrong) WrongProvider(wrong.Item2, returns);

        if ((Take(ProviderKind.MaintainedSpecial) ?? Take(ProviderKind.AcademySpecial)) is { } special)
            for (var i = 0; i < 2; i++) Spoil(special.Item2, P.HomeLa, world.NeighbourLa(Rng), K.OtherHomeLa);
        if (Take(ProviderKind.FeCollege) is { } college2)
            for (var i = 0; i < 2; i++) Spoil(college2.Item2, P.Ehcp, college2.Item1.Style.YesNo ? "No" : "N", K.NoEhcpElsewhere);
        if (Take(ProviderKind.IndependentSpecial) is { } inmss2)
            Spoil(inmss2.Item2, P.AnnualCost, P.Money(Rng.Next(255_000, 310_000), inmss2.Item1.Style), K.CostOver250k);
        if (Take(ProviderKind.LocalAuthority) is { } la)
        {
            var upn = world.Upns.Temporary(world.Options.LaCode, 9999, world.ReturnDate.Year);
            Spoil(la.Item2, P.Upn, upn, K.TemporaryUpn, i => la.Item2.Get(i, P.Upn).Length > 0);
            Spoil(la.Item2, P.HomeLa, world.NeighbourLa(Rng), K.OtherHomeLa);
        }
        if ((Take(ProviderKind.PupilReferralUnit) ?? Take(ProviderKind.FeCollege)) is { } notes)
            UnknownColumn(notes.Item2, "Notes", i => i % 7 == 0 ? "Reviewed at annual review" : "");
    }

    private void SpecialistErrors(ProviderReturn provider, TableFile file)
    {
        var style = provider.Style;
        Spoil(file, P.Ehcp, style.YesNo ? "No" : "N", K.NoEhcpSpecialist);
        Spoil(file, P.AnnualCost, P.Money(1_250_000m, style), K.CostOverMillion);
        Spoil(file, P.AnnualCost, P.Money(0m, style), K.CostNotPositive);
        Spoil(file, P.Category, "INDEP", K.InvalidPlacementCategory);
        // Not the first row: a validator takes the file's return date from the first.
        Spoil(file, P.ReturnDate, P.Date(new DateOnly(world.ReturnDate.Year, 9, 30), style), K.ReturnDateDiffers, i => i > 0);
        if (PickRow(file, i => file.Get(i, P.End).Length == 0) is { } ended)
        {
            var start = provider.Rows[ended].Start;
            file.Set(ended, P.End, P.Date(start.AddDays(-30), style));
            Record(file, ended, P.End, K.EndBeforeStart);
        }
        // The later of two rows for one child, both still running: the placements overlap.
        var open = Enumerable.Range(0, file.Rows.Count).Where(i => file.Get(i, P.End).Length == 0 && file.Get(i, P.Upn).Length > 0).ToList();
        if (PickRow(file, i => open.Contains(i) && open.Any(j => j > i)) is { } first && PickRow(file, i => open.Contains(i) && i > first) is { } second)
        {
            file.Set(second, P.Dob, file.Get(first, P.Dob));
            file.Set(second, P.Upn, file.Get(first, P.Upn));
            Record(file, second, P.Upn, K.OverlappingPlacement);
        }
    }

    private void LearnerErrors(ProviderReturn provider, TableFile file)
    {
        var style = provider.Style;
        if (PickRow(file, i => file.Get(i, P.Uln).Length == 10) is { } row)
        {
            var uln = file.Get(row, P.Uln);
            var last = (char)('0' + (uln[9] - '0' + 1 + Rng.Next(9)) % 10);
            file.Set(row, P.Uln, uln[..9] + last);
            Record(file, row, P.Uln, K.InvalidUln);
        }
        if (PickRow(file, _ => true) is { } anonymous)
        {
            file.Set(anonymous, P.Upn, "");
            file.Set(anonymous, P.Uln, "");
            Record(file, anonymous, P.Uln, K.NoLearnerId);
        }
        Spoil(file, P.PrimaryNeed, "NSA", K.NsaPrimaryNeed);
        Spoil(file, P.FundingElement, "E3", K.InvalidFundingElement);
        Spoil(file, P.Start, P.Date(world.ReturnDate.AddDays(Rng.Next(5, 40)), style), K.StartAfterReturnDate, i => file.Get(i, P.End).Length == 0);
        Spoil(file, P.Dob, provider.Rows[0].Dob.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture), K.BadDateFormat);
        // Aged 27 on the return date: past the 0 to 25 the spec allows.
        Spoil(file, P.Dob, P.Date(world.ReturnDate.AddYears(-27).AddDays(-Rng.Next(1, 300)), style), K.AgeOutOfRange);
    }

    /// <summary>A finance officer at one provider uploading a sister provider's return into their own folder.</summary>
    private void WrongProvider(TableFile file, IReadOnlyList<(ProviderReturn Provider, TableFile File)> returns)
    {
        var other = returns.Select(r => r.Provider.ProviderId).First(id => id != file.Submitter && id.Length == file.Submitter.Length);
        for (var i = 0; i < file.Rows.Count; i++) file.Set(i, P.ProviderId, other);
        RecordFile(file, P.ProviderId, K.ProviderIdNotSubmitter, other);
    }
}
