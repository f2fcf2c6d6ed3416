using SendPipeline.Core.Returns.Assumptions;
using SendPipeline.Core.Returns.EahActivity;
using SendPipeline.Core.Returns.EhcpHistory;
using SendPipeline.Core.Returns.Establishments;
using SendPipeline.Core.Returns.HnbFinance;
using SendPipeline.Core.Returns.Placements;
using SendPipeline.Core.Returns.SchoolCensus;
using SendPipeline.Core.Returns.Sen2;
using SendPipeline.Core.Returns.Workforce;

namespace SendPipeline.Core.Returns;

/// <summary>Every return type the pipeline takes: adding one is its folder and one line here.</summary>
public static class ReturnRegistry
{
    public static readonly IReadOnlyList<ReturnDefinition> All = Checked(
    [
        // In the order of spec section 2, which is also the order of docs/rules.md.
        SchoolCensusReturn.Definition,
        PlacementsReturn.Definition,
        WorkforceReturn.Definition,
        EahActivityReturn.Definition,
        HnbFinanceReturn.Definition,
        EstablishmentsReturn.Definition,
        EhcpHistoryReturn.Definition,
        Sen2Return.Definition,
        AssumptionsReturn.Definition,
    ]);

    private static readonly Dictionary<string, ReturnDefinition> ByName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The names, in spec order.</summary>
    public static readonly IReadOnlyList<string> Names = [.. All.Select(d => d.Name)];

    public static ReturnDefinition? Find(string returnType) => ByName.GetValueOrDefault(returnType);

    private static IReadOnlyList<ReturnDefinition> Checked(IReadOnlyList<ReturnDefinition> all)
    {
        foreach (var definition in all) definition.Check();
        return all;
    }
}
