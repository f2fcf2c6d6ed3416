using SendPipeline.Core.Returns.Assumptions;
using SendPipeline.Core.Returns.EahActivity;
using SendPipeline.Core.Returns.EhcpHistory;
using SendPipeline.Core.Returns.Establishments;
using SendPipeline.Core.Returns.HnbFinance;
using SendPipeline.Core.Returns.Placements;
using SendPipeline.Core.Returns.SchoolCensus;
using SendPipeline.Core.Returns.Workforce;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns;

/// <summary>The return types the pipeline can validate, by name.</summary>
public static class ReturnSchemas
{
    public static readonly IReadOnlyList<IReturnSchema> All =
    [
        // In the order of spec section 2, which is also the order of docs/rules.md.
        SchoolCensusSchema.Instance,
        PlacementsSchema.Instance,
        WorkforceSchema.Instance,
        EahActivitySchema.Instance,
        HnbFinanceSchema.Instance,
        EstablishmentsSchema.Instance,
        EhcpHistorySchema.Instance,
        AssumptionsSchema.Instance,
    ];

    public static IReturnSchema? Find(string returnType) => All.FirstOrDefault(s => s.ReturnType == returnType);
}
