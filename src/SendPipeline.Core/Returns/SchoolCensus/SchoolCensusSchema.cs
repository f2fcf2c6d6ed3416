using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.SchoolCensus;

/// <summary>The <c>school-census</c> return: pupils with SEN, from each school, each census (spec 2).</summary>
public sealed class SchoolCensusSchema : IReturnSchema
{
    public static readonly SchoolCensusSchema Instance = new();

    // Spec order; the validator addresses columns by these positions.
    internal const int LaEstab = 0, CensusDate = 1, UpnColumn = 2, Dob = 3, Sex = 4, NcYear = 5, Provision = 6,
        SenType1 = 7, SenType2 = 8, SenUnit = 9, ResourcedProvision = 10, TopUp = 11, EntryDate = 12;

    public string ReturnType => ReturnTypes.SchoolCensus;

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("LAEstab", true), new("CensusDate", true), new("UPN", true), new("DOB", true), new("Sex", true),
        new("NCYearActual", true), new("SENProvision", true), new("SENType1", false), new("SENType2", false),
        new("SENUnitIndicator", false), new("ResourcedProvisionIndicator", false), new("TopUpFunding", false),
        new("EntryDate", false),
    ];

    public IReadOnlyList<Rule> Rules => SchoolCensusRules.All;

    public IRowValidator CreateValidator(ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical) =>
        new SchoolCensusValidator(this, context, columns, issues, canonical);
}
