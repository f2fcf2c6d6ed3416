using System.Globalization;

namespace SendPipeline.SampleData.Register;

/// <summary>Street, town and a Leicester-area postcode: GIAS columns the pipeline must ignore, filled as GIAS fills them.</summary>
internal sealed class Addresses(Random rng, SchoolNames names)
{
    private static readonly string[] Streets = ["School Lane", "Church Street", "Main Street", "Station Road", "Park Road", "Mill Lane", "Hall Drive", "Forest Road", "Brook Street", "The Green"];
    private const string Letters = "ABDEFGHJLNPQRSTUWXYZ";

    public (string Street, string Town, string Postcode) Next()
    {
        var postcode = string.Create(CultureInfo.InvariantCulture,
            $"LE{rng.Next(2, 68)} {rng.Next(0, 10)}{Letters[rng.Next(Letters.Length)]}{Letters[rng.Next(Letters.Length)]}");
        return (Streets[rng.Next(Streets.Length)], names.Place(), postcode);
    }
}
