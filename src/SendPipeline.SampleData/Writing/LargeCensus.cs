namespace SendPipeline.SampleData.Writing;

/// <summary>
/// One school's census as <see cref="CensusFileWriter"/> writes it at scale. <see cref="FirstRow"/>
/// and <see cref="Offset"/> pick its stretch of the writer's UPN permutation: schools of one LA
/// sharing an offset and taking disjoint stretches never share a pupil.
/// </summary>
public sealed record LargeCensus(string LaCode, int EstablishmentNumber, int Rows)
{
    public DateOnly? CensusDate { get; init; }
    public long FirstRow { get; init; }
    public long Offset { get; init; }

    /// <summary>Rows with SENProvision N (a whole-roll export); the rest are K or E.</summary>
    public int NoSenPercent { get; init; } = 5;

    public int EhcpPercent { get; init; } = 30;
}
