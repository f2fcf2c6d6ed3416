using SendPipeline.Core.Returns.Establishments;
using SendPipeline.Core.Returns.Placements;
using SendPipeline.Core.Returns.SchoolCensus;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns;

/// <summary>The return types the pipeline can validate, by name.</summary>
public static class ReturnSchemas
{
    public static readonly IReadOnlyList<IReturnSchema> All = [SchoolCensusSchema.Instance, PlacementsSchema.Instance, EstablishmentsSchema.Instance];

    public static IReturnSchema? Find(string returnType) => All.FirstOrDefault(s => s.ReturnType == returnType);
}
