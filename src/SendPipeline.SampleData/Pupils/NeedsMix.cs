namespace SendPipeline.SampleData.Pupils;

/// <summary>
/// Primary needs in the proportions of the SEN2 return and the January school census. Special
/// schools take most SLD and PMLD, so the mainstream EHC plan mix is what is left of the LA-wide
/// mix once the special schools' share is taken out; the LA total then comes out as published.
/// </summary>
internal static class NeedsMix
{
    public static readonly (string Need, double Weight)[] EhcpLaWide =
    [
        ("ASD", 33), ("SEMH", 15), ("SLCN", 15), ("MLD", 9), ("SLD", 8), ("PMLD", 3), ("SPLD", 3), ("PD", 3),
        ("HI", 1.6), ("VI", 0.9), ("MSI", 0.5), ("DS", 2), ("OTH", 2),
    ];

    public static readonly (string Need, double Weight)[] EhcpSpecial =
    [
        ("ASD", 40), ("SLD", 22), ("PMLD", 8), ("MLD", 9), ("SEMH", 7), ("SLCN", 4), ("DS", 3), ("PD", 3),
        ("HI", 1), ("VI", 1), ("MSI", 0.5), ("OTH", 1.5),
    ];

    public static readonly (string Need, double Weight)[] SenSupport =
    [
        ("SLCN", 24), ("SEMH", 20), ("MLD", 14), ("SPLD", 13), ("ASD", 11), ("OTH", 4), ("NSA", 5),
        ("HI", 2.5), ("VI", 1.2), ("MSI", 0.3), ("PD", 2.5), ("SLD", 0.4), ("DS", 0.1),
    ];

    /// <summary>Pupil referral units are mostly there for social, emotional and mental health needs.</summary>
    public static readonly (string Need, double Weight)[] AlternativeProvision =
    [
        ("SEMH", 60), ("ASD", 12), ("SLCN", 8), ("MLD", 6), ("SPLD", 4), ("OTH", 5), ("NSA", 5),
    ];

    /// <summary>Down syndrome has had its own code only since January 2025; before that it was recorded as SLD.</summary>
    public static (string Need, double Weight)[] ForCensus((string Need, double Weight)[] mix, DateOnly censusDate) =>
        censusDate >= new DateOnly(2025, 1, 1)
            ? mix
            : mix.GroupBy(e => e.Need == "DS" ? "SLD" : e.Need).Select(g => (g.Key, g.Sum(e => e.Weight))).ToArray();

    /// <summary>
    /// The mix the rest must have so that <paramref name="part"/> (<paramref name="partCount"/> pupils)
    /// and the rest together give <paramref name="whole"/> over <paramref name="wholeCount"/> pupils.
    /// A need the part already over-fills keeps a small floor, because a few such pupils are always in mainstream.
    /// </summary>
    public static (string Need, double Weight)[] Remainder(
        (string Need, double Weight)[] whole, int wholeCount, (string Need, double Weight)[] part, int partCount)
    {
        var wholeTotal = whole.Sum(e => e.Weight);
        var partTotal = part.Sum(e => e.Weight);
        var partShare = part.ToDictionary(e => e.Need, e => e.Weight / partTotal);
        return whole
            .Select(e =>
            {
                var wanted = e.Weight / wholeTotal * wholeCount - partShare.GetValueOrDefault(e.Need) * partCount;
                return (e.Need, Math.Max(wanted, 0.003 * Math.Max(wholeCount - partCount, 1)));
            })
            .ToArray();
    }
}
