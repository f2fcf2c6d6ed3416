using System.Globalization;
using SendPipeline.Core.Reference;

namespace SendPipeline.SampleData.Pupils;

/// <summary>
/// Hands out UPNs that are unique across the whole LA, as spec 4.1 builds them: allocating school's
/// LA code and establishment number, two-digit year of allocation, a three-digit serial.
/// </summary>
internal sealed class UpnAllocator(Random rng)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public int Count => _used.Count;

    public string Permanent(string laCode, int establishment, int year) => Allocate(laCode, establishment, year, temporary: false);

    /// <summary>A temporary UPN (a letter in character 13), which schools use until the real one arrives.</summary>
    public string Temporary(string laCode, int establishment, int year) => Allocate(laCode, establishment, year, temporary: true);

    /// <summary>Records a UPN made elsewhere so that no later allocation repeats it.</summary>
    public bool Claim(string upn) => _used.Add(upn);

    private string Allocate(string laCode, int establishment, int year, bool temporary)
    {
        Span<char> body = stackalloc char[12];
        laCode.AsSpan().CopyTo(body);
        establishment.TryFormat(body.Slice(3, 4), out _, "D4", CultureInfo.InvariantCulture);
        (year % 100).TryFormat(body.Slice(7, 2), out _, "D2", CultureInfo.InvariantCulture);
        // 1,000 serials a school a year: random probing finds a free one long before that runs out.
        for (var attempt = 0; attempt < 5_000; attempt++)
        {
            if (temporary)
            {
                rng.Next(100).TryFormat(body.Slice(9, 2), out _, "D2", CultureInfo.InvariantCulture);
                body[11] = Upn.CheckAlphabet[rng.Next(Upn.CheckAlphabet.Length)];
            }
            else
            {
                rng.Next(1000).TryFormat(body.Slice(9, 3), out _, "D3", CultureInfo.InvariantCulture);
            }
            var upn = Upn.Create(body);
            if (_used.Add(upn)) return upn;
        }
        throw new InvalidOperationException($"No free UPN serial is left for {laCode}{establishment:D4} in year {year}.");
    }
}
