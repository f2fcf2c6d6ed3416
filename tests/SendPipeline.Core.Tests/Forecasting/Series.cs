using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Tests.Validation;

namespace SendPipeline.Core.Tests.Forecasting;

/// <summary>Small hand-made histories, and the real DfE file read once for the whole test run.</summary>
internal static class Series
{
    public static CaseloadSeries La(string code, int firstYear, params double[] plans) =>
        new(new Area(Area.LocalAuthority, code, "LA " + code),
            plans.Select((p, i) => (Year: firstYear + i, p)).ToDictionary(x => x.Year, x => x.p));

    public static readonly Lazy<IReadOnlyList<CaseloadSeries>> Dfe = new(() =>
    {
        using var stream = File.OpenRead(DfePath);
        return CaseloadFile.Read(stream);
    });

    public static string DfePath => Repo.Shared("data/dfe-ehcp-caseload-201819-202223.csv");

    public static readonly PooledGrowth NoPool = PooledGrowth.Estimate([], 2000);
}
