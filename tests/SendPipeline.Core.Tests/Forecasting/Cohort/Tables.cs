using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.Cohort;
using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Tests.Forecasting.Cohort;

/// <summary>Hand-made tables, and the real DfE folder read once for the test run.</summary>
internal static class Tables
{
    public static string DfeFolder => Path.GetDirectoryName(Repo.Shared("data/dfe-ehcp/caseload.csv"))!;

    public static readonly Lazy<EhcpTables> Dfe = new(() => EhcpTables.Read(name =>
        File.Exists(Path.Combine(DfeFolder, name)) ? File.OpenRead(Path.Combine(DfeFolder, name)) : null));

    public static void AddLa(EhcpTables tables, string code) =>
        tables.Areas[code] = new Area(Area.LocalAuthority, code, "LA " + code);

    /// <summary>A placement split with the named groups and zeros elsewhere.</summary>
    public static IReadOnlyDictionary<string, double> Groups(double mainstream, double special)
    {
        var split = PlacementGroups.All.ToDictionary(g => g.Breakdown, _ => 0.0);
        split[PlacementGroups.Mainstream.Breakdown] = mainstream;
        split[PlacementGroups.MaintainedSpecial.Breakdown] = special;
        return split;
    }
}
