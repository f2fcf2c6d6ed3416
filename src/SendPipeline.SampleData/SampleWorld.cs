using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Defects;
using SendPipeline.SampleData.Establishments;
using SendPipeline.SampleData.Pupils;
using SendPipeline.SampleData.Register;

namespace SendPipeline.SampleData;

/// <summary>
/// What every return of the sample LA is built from: the schools and their census, the register,
/// and the identifiers handed out so far, so that a child is the same child in every return.
/// </summary>
internal sealed class SampleWorld(SampleLaOptions options, List<SchoolFile> census, EstablishmentRegister register, UpnAllocator upns, IReadOnlyList<PlantedDefect> censusDefects)
{
    private readonly HashSet<string> _ulns = new(StringComparer.Ordinal);
    private readonly HashSet<(string File, int Row)> _spoilt = censusDefects.Where(d => d.Row is not null).Select(d => (d.File, d.Row!.Value)).ToHashSet();
    private readonly HashSet<string> _spoiltFiles = censusDefects.Where(d => d.Row is null).Select(d => d.File).ToHashSet(StringComparer.Ordinal);

    public SampleLaOptions Options { get; } = options;
    public List<SchoolFile> Census { get; } = census;
    public EstablishmentRegister Register { get; } = register;
    public UpnAllocator Upns { get; } = upns;
    public DateOnly ReturnDate => Options.PlacementsReturnDate;
    public FinancialQuarter Quarter => Options.ServiceQuarter;

    /// <summary>Census files a cross-return defect was planted across; nothing else is built on them.</summary>
    public HashSet<SchoolFile> Reserved { get; } = [];

    /// <summary>Schools that return placements from their own census; their pupils are not free for other defects.</summary>
    public HashSet<SampleSchool> Providers { get; } = [];

    public SchoolFile? CensusOf(SampleSchool school) => Census.FirstOrDefault(f => ReferenceEquals(f.School, school));

    /// <summary>A file no defect was planted in, so its pupils can be used elsewhere without carrying a defect along.</summary>
    public bool IsClean(SchoolFile file) => !Reserved.Contains(file) && !_spoiltFiles.Contains(file.UploadPath) && !Enumerable.Range(0, file.Rows.Count).Any(i => _spoilt.Contains((file.UploadPath, SchoolFile.SpreadsheetRow(i))));

    /// <summary>Rows of a census file no defect touched, with a permanent UPN.</summary>
    public IEnumerable<CensusRecord> CleanRows(SchoolFile file)
    {
        if (_spoiltFiles.Contains(file.UploadPath)) yield break;
        for (var i = 0; i < file.Rows.Count; i++)
            if (!_spoilt.Contains((file.UploadPath, SchoolFile.SpreadsheetRow(i))) && char.IsAsciiDigit(file.Rows[i].Upn[^1]) && file.Rows[i].RawCells is null)
                yield return file.Rows[i];
    }

    /// <summary>A valid ULN (spec 4.2) no one else has.</summary>
    public string NewUln(Random rng)
    {
        while (true)
        {
            var first9 = (rng.Next(1, 10) * 100_000_000L + rng.Next(0, 100_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Uln.Create(first9) is { } uln && _ulns.Add(uln)) return uln;
        }
    }

    /// <summary>A child the census never saw (placed out of county, or post-16): a UPN from the school where they started, long ago.</summary>
    public string NewUpnFor(DateOnly dob, Random rng)
    {
        var reception = dob.Year + (dob.Month >= 9 ? 5 : 4);
        var primaries = Census.Where(f => f.School.Kind == SchoolKind.Primary).Select(f => f.School.EstablishmentNumber).ToArray();
        return rng.NextDouble() < 0.85 && primaries.Length > 0
            ? Upns.Permanent(Options.LaCode, primaries[rng.Next(primaries.Length)], reception)
            : Upns.Permanent(NeighbourLa(rng), rng.Next(2000, 4000), reception);
    }

    public string NeighbourLa(Random rng)
    {
        // Leicester, Nottinghamshire, Derbyshire, Northamptonshire, Warwickshire, Rutland: the neighbours a shire county's children cross to.
        string[] neighbours = ["856", "891", "830", "928", "937", "857"];
        var valid = neighbours.Where(c => c != Options.LaCode && LaCodes.Dfe.IsValid(c)).ToArray();
        return valid.Length > 0 ? valid[rng.Next(valid.Length)] : LaCodes.Dfe.Codes.First(c => c != Options.LaCode);
    }
}
