namespace SendPipeline.SampleData.Register;

/// <summary>The LA's register of settings as GIAS holds it, with look-ups the other returns are built from.</summary>
internal sealed class EstablishmentRegister(List<RegisterEntry> entries)
{
    public List<RegisterEntry> Entries { get; } = entries;

    public RegisterEntry? ByLaEstab(string laEstab) => Entries.FirstOrDefault(e => e.LaEstab == laEstab && e.Status.IsOpen)
        ?? Entries.FirstOrDefault(e => e.LaEstab == laEstab);

    public bool HasEstablishmentNumber(int number) => Entries.Any(e => e.EstablishmentNumber == number);

    public bool HasUrn(int urn) => Entries.Any(e => e.Urn == urn);

    public void Replace(RegisterEntry old, RegisterEntry updated) => Entries[Entries.IndexOf(old)] = updated;

    /// <summary>A free establishment number in [first, last], for a setting the register gains.</summary>
    public int FreeNumber(Random rng, int first, int last)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var number = rng.Next(first, last + 1);
            if (!HasEstablishmentNumber(number)) return number;
        }
        throw new InvalidOperationException($"No free establishment number is left in {first}–{last}.");
    }

    /// <summary>A free 6-digit URN in [first, last]; URNs are never reused, even after a school closes.</summary>
    public int FreeUrn(Random rng, int first, int last, ISet<int>? alsoTaken = null)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var urn = rng.Next(first, last + 1);
            if (!HasUrn(urn) && (alsoTaken is null || !alsoTaken.Contains(urn))) return urn;
        }
        throw new InvalidOperationException($"No free URN is left in {first}–{last}.");
    }
}
