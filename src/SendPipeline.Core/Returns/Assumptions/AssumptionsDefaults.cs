using System.Reflection;

namespace SendPipeline.Core.Returns.Assumptions;

/// <summary>
/// The shipped default assumptions (docs/assumptions.md), embedded so a new installation can
/// forecast before an officer uploads its own, and so the defaults are validated like any upload.
/// </summary>
public static class AssumptionsDefaults
{
    public const string ResourceName = "SendPipeline.Core.Returns.Assumptions.default-assumptions.csv";

    public static Stream Open() =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException("The embedded default assumptions are missing from the build.");
}
