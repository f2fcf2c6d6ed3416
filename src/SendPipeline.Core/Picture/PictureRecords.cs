namespace SendPipeline.Core.Picture;

/// <summary>Where a record came from: the upload in force and the spreadsheet row within it.</summary>
public sealed record Source(string UploadId, string UploadPath, string Submitter, int Row);

/// <summary>
/// One pupil on a school's census return. <see cref="SenType1"/> is the canonical code (null when blank
/// or not a code), <see cref="NcYear"/> the year group as the census writes it (<c>R</c>, <c>7</c>, <c>X</c>;
/// null when unreadable), <see cref="Age"/> the age in whole years on the census date. The date of birth is
/// read only to work out the age and is never held, so nothing built from the picture can publish it.
/// </summary>
public sealed record CensusPupil(string LaEstab, DateOnly CensusDate, string Upn, char Provision, Source Source,
    string? SenType1 = null, string? NcYear = null, byte? Age = null);

/// <summary>
/// One row of a provider's placements return. The cost, funding element, primary need and residential flag
/// are optional here only so that code building a picture by hand can leave them out; a canonical return has them.
/// </summary>
public sealed record Placement(
    string ProviderId, DateOnly ReturnDate, string? Upn, string? Uln, string Category, DateOnly Start, DateOnly? End,
    bool Ehcp, string HomeLa, Source Source,
    decimal? AnnualCost = null, string? FundingElement = null, string? PrimaryNeed = null, bool? Residential = null)
{
    public bool ActiveOn(DateOnly date) => Start <= date && (End is null || End >= date);
}

/// <summary>A register entry; <see cref="Ukprn"/> is GIAS's UKPRN column when the extract has it (colleges, post-16 providers).</summary>
public sealed record Establishment(string Urn, string LaEstab, string Name, string? Type, string? Phase, int? Pupils, string Status, Source Source,
    string? Ukprn = null)
{
    /// <summary>GIAS's "Closed" is closed; "Open, but proposed to close" still has pupils and still makes returns.</summary>
    public bool IsClosed => Status.Equals("Closed", StringComparison.OrdinalIgnoreCase);

    public bool IsOpen => !IsClosed && !Status.Equals("Proposed to open", StringComparison.OrdinalIgnoreCase);
}

public sealed record WorkforcePost(
    string ServiceCode, string Quarter, string PostId, string Discipline, string Role, decimal Fte, string Status,
    decimal AnnualCost, string FundingSource, DateOnly? TimeLimitedUntil, Source Source);

public sealed record Activity(string ServiceCode, string Quarter, string LaEstab, string Discipline, decimal Days, string ActivityType, Source Source);

/// <summary>One EHC plan count of the DfE caseload statistics (all plans, one area, one January).</summary>
public sealed record EhcpCount(string TimePeriod, string GeographicLevel, string? OldLaCode, string AreaName, long? Plans, Source Source);

/// <summary>One High Needs Block line of an <c>hnb-finance</c> return: <c>Basis</c> is Actual, Budget or Forecast.</summary>
public sealed record FinanceLine(string FinancialYear, string S251Line, string Basis, decimal Amount, Source Source);

/// <summary>One row of an <c>assumptions</c> return; a blank scenario is read as <c>all</c>.</summary>
public sealed record AssumptionRow(string Section, string Key, string Scenario, string Value, Source Source);

/// <summary>The latest upload of each (submitter, return type), accepted or not, for chasing.</summary>
public sealed record UploadStatusRow(
    string Submitter, string ReturnType, string UploadPath, string UploadId, string Status, string? Period,
    DateTimeOffset ReceivedUtc, int Errors, int Queries, bool InForce);
