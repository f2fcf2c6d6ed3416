using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Census;

namespace SendPipeline.SampleData;

/// <summary>
/// What to generate. The defaults describe a Leicestershire-sized LA at the January 2026 census;
/// the LA code is a setting like any other, because nothing in the pipeline may assume it.
/// </summary>
public sealed record SampleLaOptions
{
    public int Seed { get; init; } = 1;
    public string LaCode { get; init; } = "855";
    public DateOnly CensusDate { get; init; } = CensusDates.Spring(2026);

    public int PrimarySchools { get; init; } = 240;
    public int SecondarySchools { get; init; } = 50;
    public int SpecialSchools { get; init; } = 12;
    public int AlternativeProvisionSettings { get; init; } = 6;

    /// <summary>Pupils with an EHC plan (SENProvision E) across all schools.</summary>
    public int EhcpPupils { get; init; } = 7_000;
    /// <summary>Pupils on SEN support (SENProvision K) across all schools.</summary>
    public int SenSupportPupils { get; init; } = 15_000;

    /// <summary>Schools whose MIS exports the whole roll, so their files carry N rows too.</summary>
    public int SchoolsExportingWholeRoll { get; init; } = 5;
    /// <summary>Schools that upload an .xlsx workbook instead of a CSV.</summary>
    public int XlsxSchools { get; init; } = 2;
    /// <summary>The share of CSV schools whose dates are UK <c>dd/mm/yyyy</c>.</summary>
    public double UkDateShare { get; init; } = 0.2;

    /// <summary>Plant defects into a few files of each return, and across returns, and record them in <c>planted-defects.json</c>.</summary>
    public bool PlantErrors { get; init; } = true;

    // Each return beyond the census can be left out, so a small test generates only what it reads.
    public bool IncludeEstablishments { get; init; } = true;
    public bool IncludePlacements { get; init; } = true;
    public bool IncludeWorkforce { get; init; } = true;
    public bool IncludeEahActivity { get; init; } = true;
    public bool IncludeHnbFinance { get; init; } = true;
    /// <summary>The LA's SEN2 extract (a Blade export .zip) under uploads/la/sen2, with the other returns.</summary>
    public bool IncludeSen2 { get; init; } = true;

    /// <summary>
    /// The DfE caseload file to upload as <c>ehcp-history</c>, byte for byte, or a folder of the DfE's EHC plan tables
    /// (caseload.csv among them), uploaded as a zip of its CSVs; none is uploaded without it.
    /// </summary>
    public string? EhcpHistoryPath { get; init; }
    /// <summary>A forecast-assumptions file to upload as <c>assumptions</c>, byte for byte; none is uploaded without it.</summary>
    public string? AssumptionsPath { get; init; }

    /// <summary>The quarter end the providers' placements are returned at.</summary>
    public DateOnly PlacementsReturnDate { get; init; } = new(2026, 3, 31);
    /// <summary>The quarter of the services' workforce and activity returns.</summary>
    public FinancialQuarter ServiceQuarter { get; init; } = new(new FinancialYear(2025), 4);
    /// <summary>The last year with a full actual outturn; the finance returns run from the year before it to the year after.</summary>
    public FinancialYear LastActualYear { get; init; } = new(2024);

    /// <summary>The census alone, as the generator wrote before the other returns existed.</summary>
    public SampleLaOptions CensusOnly() => this with
    {
        IncludeEstablishments = false,
        IncludePlacements = false,
        IncludeWorkforce = false,
        IncludeEahActivity = false,
        IncludeHnbFinance = false,
        IncludeSen2 = false,
        EhcpHistoryPath = null,
        AssumptionsPath = null,
    };

    public static SampleLaOptions ForCensus(CensusTerm term, int academicYearStart) =>
        new() { CensusDate = CensusDates.For(term, academicYearStart) };

    internal void Validate()
    {
        if (!LaCodes.Dfe.IsValid(LaCode))
            throw new ArgumentException($"'{LaCode}' is not a DfE LA code.", nameof(LaCode));
        if (PrimarySchools < 0 || SecondarySchools < 0 || SpecialSchools < 0 || AlternativeProvisionSettings < 0)
            throw new ArgumentException("School counts cannot be negative.");
        if (PrimarySchools + SecondarySchools == 0)
            throw new ArgumentException("An LA needs at least one mainstream school.");
        if (EhcpPupils < 0 || SenSupportPupils < 0)
            throw new ArgumentException("Pupil totals cannot be negative.");
        if (!FinancialQuarter.IsQuarterEnd(PlacementsReturnDate))
            throw new ArgumentException("Placements are returned at a quarter end.", nameof(PlacementsReturnDate));
        if (EhcpHistoryPath is { } history && !File.Exists(history) && !Directory.Exists(history))
            throw new FileNotFoundException($"The EHC plan history file '{history}' does not exist.", history);
        if (AssumptionsPath is { } assumptions && !File.Exists(assumptions))
            throw new FileNotFoundException($"The assumptions file '{assumptions}' does not exist.", assumptions);
        if (UkDateShare is < 0 or > 1)
            throw new ArgumentException("UkDateShare is a share between 0 and 1.", nameof(UkDateShare));
    }
}
