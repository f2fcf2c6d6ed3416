using SendPipeline.Core.Returns;

namespace SendPipeline.Core.Picture;

/// <summary>
/// The LA's picture: every accepted return in force, read from its canonical form. Built fresh on
/// each rebuild from the returns in force, never from the raw uploads.
/// </summary>
public sealed class LaPicture
{
    public List<CensusPupil> Census { get; } = new();
    public List<Placement> Placements { get; } = new();
    public List<Establishment> Establishments { get; } = new();
    public List<WorkforcePost> Posts { get; } = new();
    public List<Activity> Activities { get; } = new();
    public List<EhcpCount> EhcpHistory { get; } = new();
    public List<UploadStatusRow> Uploads { get; } = new();

    /// <summary>High Needs Block lines of the <c>hnb-finance</c> returns in force (spec 2).</summary>
    public List<FinanceLine> FinanceLines { get; } = new();

    /// <summary>Forecast assumptions of the <c>assumptions</c> returns in force (docs/assumptions.md).</summary>
    public List<AssumptionRow> Assumptions { get; } = new();

    /// <summary>
    /// The LA's EHC plan register: the accepted sen2 extract in force, and the upload it came from. Each monthly
    /// extract is a full one (spec 2, sen2), so only the latest received is in force and it holds all the
    /// history the figures need; should two ever be read, the later reference date is kept.
    /// </summary>
    public Register.Sen2Register? Register { get; private set; }

    /// <summary>The upload path of <see cref="Register"/>, for the checks across returns to point at.</summary>
    public string? RegisterPath { get; private set; }

    public void AddRegister(Register.Sen2Register register, string uploadPath)
    {
        if (Register is { } current && (current.ReferenceDate > register.ReferenceDate
            || (current.ReferenceDate == register.ReferenceDate && string.CompareOrdinal(RegisterPath, uploadPath) >= 0))) return;
        (Register, RegisterPath) = (register, uploadPath);
    }

    /// <summary>
    /// The DfE's EHC plan tables of the <c>ehcp-history</c> return in force, as the cohort model reads them (totals
    /// and placements by group for every area); null when none is in force. Each publication repeats the earlier
    /// years, so of two in force the one reaching the later year is kept (then the later upload path).
    /// </summary>
    public Forecasting.DfeTables.EhcpTables? DfeTables { get; private set; }

    private (int LastYear, string Path)? _dfeTablesFrom;

    private IReadOnlyDictionary<string, byte[]> _dfeFiles = new Dictionary<string, byte[]>();

    /// <summary>
    /// One of the DfE tables that came with <see cref="DfeTables"/>, by the DfE's file name (<c>timeliness_20_week.csv</c>),
    /// as published; null when the upload in force did not include it.
    /// </summary>
    public Stream? OpenDfeFile(string name) =>
        _dfeFiles.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null;

    public void AddDfeTables(Forecasting.DfeTables.EhcpTables? tables, string uploadPath,
        IReadOnlyDictionary<string, byte[]>? files = null)
    {
        if (tables is null) return;
        var lastYear = tables.Totals.Values.SelectMany(years => years.Keys).DefaultIfEmpty(int.MinValue).Max();
        if (_dfeTablesFrom is { } current && (current.LastYear > lastYear
            || (current.LastYear == lastYear && string.CompareOrdinal(current.Path, uploadPath) >= 0))) return;
        (DfeTables, _dfeTablesFrom, _dfeFiles) = (tables, (lastYear, uploadPath), files ?? _dfeFiles);
    }

    /// <summary>The returns read, by upload id and content hash: the lineage of everything derived from the picture.</summary>
    public List<LineageEntry> Lineage { get; } = new();

    /// <summary>
    /// Adds one canonical return in force, read by its return's own reader (<see cref="ReturnDefinition.ReadBack"/>).
    /// A return type the pipeline does not know is recorded in the lineage only.
    /// <paramref name="contentHash"/> is the SHA-256 of the upload as received, when the caller knows it.
    /// </summary>
    /// <remarks>Columns are looked up once per return, and values repeated down a return share one string: a national picture holds millions of rows.</remarks>
    public void Add(string returnType, string uploadId, string uploadPath, string submitter, Stream canonical, string? contentHash = null)
    {
        Lineage.Add(new LineageEntry(returnType, uploadId, uploadPath, contentHash));
        ReturnRegistry.Find(returnType)?.ReadBack(this, new CanonicalReturn(returnType, uploadId, uploadPath, submitter, canonical));
    }

    /// <summary>
    /// Adds everything <paramref name="part"/> holds (a picture read from one return in force): the rows appended,
    /// the register and the DfE tables chosen as <see cref="AddRegister"/> and <see cref="AddDfeTables"/> choose.
    /// Including the parts of the returns one by one, in order, gives the same picture as adding the returns
    /// themselves in that order, so a rebuild can keep each return's part and read again only what changed.
    /// </summary>
    public void Include(LaPicture part)
    {
        ArgumentNullException.ThrowIfNull(part);
        Census.AddRange(part.Census);
        Placements.AddRange(part.Placements);
        Establishments.AddRange(part.Establishments);
        Posts.AddRange(part.Posts);
        Activities.AddRange(part.Activities);
        EhcpHistory.AddRange(part.EhcpHistory);
        Uploads.AddRange(part.Uploads);
        FinanceLines.AddRange(part.FinanceLines);
        Assumptions.AddRange(part.Assumptions);
        Lineage.AddRange(part.Lineage);
        if (part.Register is { } register) AddRegister(register, part.RegisterPath!);
        if (part._dfeTablesFrom is { } from) AddDfeTables(part.DfeTables, from.Path, part._dfeFiles);
    }

    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="on"/>; null when the date is missing or after the day.</summary>
    public static byte? AgeOn(DateOnly? birth, DateOnly on)
    {
        if (birth is not { } b || b > on) return null;
        var age = on.Year - b.Year;
        if (on.Month < b.Month || (on.Month == b.Month && on.Day < b.Day)) age--;
        return age is >= 0 and <= byte.MaxValue ? (byte)age : null;
    }
}
