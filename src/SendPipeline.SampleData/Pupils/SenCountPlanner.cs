using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData.Pupils;

internal readonly record struct SenCounts(int Ehcp, int SenSupport);

/// <summary>
/// Shares the LA's EHC plan and SEN support totals out between schools. Special schools and
/// PRUs are filled by their own rates first; mainstream schools take the rest in proportion to
/// their rolls, each with its own inclusiveness, so the LA totals land where the options say.
/// </summary>
internal static class SenCountPlanner
{
    public static SenCounts[] Plan(IReadOnlyList<SampleSchool> schools, SampleLaOptions options, Random rng)
    {
        var counts = new SenCounts[schools.Count];
        var ehcpWeights = new double[schools.Count];
        var supportWeights = new double[schools.Count];
        int fixedEhcp = 0, fixedSupport = 0;
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            switch (school.Kind)
            {
                case SchoolKind.Special:
                    var ehcp = (int)Math.Round(school.Roll * (0.93 + 0.06 * rng.NextDouble()));
                    counts[i] = new SenCounts(ehcp, school.Roll - ehcp);
                    break;
                case SchoolKind.AlternativeProvision:
                    counts[i] = new SenCounts(
                        (int)Math.Round(school.Roll * (0.10 + 0.15 * rng.NextDouble())),
                        (int)Math.Round(school.Roll * (0.35 + 0.25 * rng.NextDouble())));
                    break;
                default:
                    ehcpWeights[i] = school.Roll * (0.5 + 1.3 * rng.NextDouble());
                    supportWeights[i] = school.Roll * (0.6 + 0.9 * rng.NextDouble());
                    continue;
            }
            fixedEhcp += counts[i].Ehcp;
            fixedSupport += counts[i].SenSupport;
        }

        var ehcpShares = Share(Math.Max(options.EhcpPupils - fixedEhcp, 0), ehcpWeights);
        var supportShares = Share(Math.Max(options.SenSupportPupils - fixedSupport, 0), supportWeights);
        for (var i = 0; i < schools.Count; i++)
        {
            if (!schools[i].IsMainstream) continue;
            // Keep a school's SEN register believable: never more than half its roll.
            var cap = schools[i].Roll / 2;
            var ehcp = Math.Min(ehcpShares[i], cap);
            counts[i] = new SenCounts(ehcp, Math.Min(supportShares[i], cap - ehcp));
        }
        return counts;
    }

    /// <summary>Largest-remainder rounding, so the shares add up to the total exactly.</summary>
    private static int[] Share(int total, double[] weights)
    {
        var shares = new int[weights.Length];
        var sum = weights.Sum();
        if (sum <= 0 || total == 0) return shares;
        var remainders = new (double Remainder, int Index)[weights.Length];
        var given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * weights[i] / sum;
            shares[i] = (int)exact;
            given += shares[i];
            remainders[i] = (exact - shares[i], i);
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(total - given))
            shares[index]++;
        return shares;
    }
}
