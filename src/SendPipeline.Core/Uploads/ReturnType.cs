using SendPipeline.Core.Returns;

namespace SendPipeline.Core.Uploads;

/// <summary>
/// The names of the return types of spec section 2, as constants for code that names one return (a
/// check across returns, sample data). Each name's home is its return's folder; what a return is and
/// which exist is <see cref="ReturnRegistry"/>'s to say, so a new return need not be added here.
/// </summary>
public static class ReturnTypes
{
    public const string SchoolCensus = Returns.SchoolCensus.SchoolCensusReturn.Name;
    public const string Placements = Returns.Placements.PlacementsReturn.Name;
    public const string Workforce = Returns.Workforce.WorkforceReturn.Name;
    public const string EahActivity = Returns.EahActivity.EahActivityReturn.Name;
    public const string HnbFinance = Returns.HnbFinance.HnbFinanceReturn.Name;
    public const string Establishments = Returns.Establishments.EstablishmentsReturn.Name;
    public const string EhcpHistory = Returns.EhcpHistory.EhcpHistoryReturn.Name;
    public const string Sen2 = Returns.Sen2.Sen2Return.ReturnType;
    public const string Assumptions = Returns.Assumptions.AssumptionsReturn.Name;

    /// <summary>Every return type's name, in spec order.</summary>
    public static IReadOnlyList<string> All => ReturnRegistry.Names;

    /// <summary>Spec 1: XLSX is accepted only for the returns schools, providers and services fill in by hand.</summary>
    public static bool AcceptsXlsx(string returnType) => ReturnRegistry.Find(returnType)?.AcceptsForm(FileForms.Xlsx) == true;

    public static bool IsKnown(string returnType) => ReturnRegistry.Find(returnType) is not null;
}
