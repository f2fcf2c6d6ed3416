using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData.Register;

/// <summary>
/// School names as GIAS lists them: villages and market towns, church schools named for their
/// saint, academies and special schools named for a place or a feature. A few carry characters
/// outside ASCII (é, ë, an en dash) or a comma, because real names do and Windows-1252 must keep them.
/// </summary>
internal sealed class SchoolNames(Random rng)
{
    private static readonly string[] Places =
    [
        "Anstey", "Appleby Magna", "Asfordby", "Ashby", "Barrow upon Soar", "Barwell", "Belton", "Billesdon", "Birstall",
        "Blaby", "Bottesford", "Braunstone", "Broughton Astley", "Burbage", "Castle Donington", "Coalville", "Cosby",
        "Cossington", "Countesthorpe", "Croft", "Desford", "Diseworth", "Earl Shilton", "East Goscote", "Enderby",
        "Fleckney", "Foxton", "Frisby", "Gaddesby", "Glenfield", "Great Bowden", "Great Glen", "Groby", "Hathern",
        "Hinckley", "Houghton on the Hill", "Hugglescote", "Huncote", "Husbands Bosworth", "Ibstock", "Kegworth",
        "Kibworth", "Kirby Muxloe", "Knighton", "Launde", "Leire", "Loughborough", "Lutterworth", "Markfield",
        "Market Bosworth", "Market Harborough", "Measham", "Melton", "Mountsorrel", "Narborough", "Newbold Verdon",
        "Oadby", "Osbaston", "Packington", "Quorn", "Ratby", "Ravenstone", "Rearsby", "Rothley", "Sapcote", "Scraptoft",
        "Shepshed", "Sileby", "Sharnford", "Stoney Stanton", "Swannington", "Swithland", "Syston", "Thornton",
        "Thringstone", "Thurmaston", "Thurnby", "Ullesthorpe", "Waltham on the Wolds", "Whetstone", "Whitwick",
        "Wigston", "Woodhouse Eaves", "Wymeswold", "Wymondham", "Broughton", "Hallaton", "Kirby Bellars",
        "Long Whatton", "Gilmorton", "Dunton Bassett", "Claybrooke", "Higham on the Hill", "Stathern", "Harby",
        "Ab Kettleby", "Sutton Bonington", "Breedon on the Hill", "Worthington", "Moira", "Donisthorpe", "Oakthorpe",
        "Heather", "Snibston", "Bagworth", "Thornby", "Church Langton", "Tilton", "Queniborough", "Seagrave",
        "Cotes", "Normanton", "Sheepy", "Twycross", "Congerstone", "Stapleton", "Peckleton", "Kilby", "Wistow",
    ];

    private static readonly string[] Saints =
    [
        "Mary", "Peter", "Andrew", "John", "Michael", "Margaret", "Botolph", "Helen", "Nicholas", "Luke", "Paul",
        "Bartholomew", "Edward", "Wilfrid", "Denys", "Clare", "Winefride", "Joseph", "Francis", "Hilda", "Cuthbert",
    ];

    private static readonly string[] Features = ["Wood", "Field", "Brook", "Hill", "Meadow", "Park", "Vale", "Grange", "Hall", "Lea"];
    private static readonly string[] Trees = ["Ash", "Birch", "Oak", "Beech", "Elm", "Hawthorn", "Maple", "Willow", "Cedar", "Rowan", "Holly", "Forest"];

    /// <summary>Names real registers have and plain ASCII would lose; each is given once, to the first school of its kind.</summary>
    private readonly Queue<string> _voluntarySpecials = new(["St Thérèse of Lisieux Catholic Primary School", "St Peter's Church of England Primary School, Whetstone"]);
    private readonly Queue<string> _academySpecials = new(["Brontë Way Primary Academy", "Café Lane Primary Academy"]);
    private readonly Queue<string> _specialSpecials = new(["Renée Hall School"]);
    private readonly Queue<string> _apSpecials = new(["Oakfield Short Stay School", "The Beaumont Centre – Short Stay School"]);

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Place() => Places[rng.Next(Places.Length)];

    public string For(SampleSchool school, GiasType type)
    {
        var special = type == GiasType.VoluntaryAided || type == GiasType.VoluntaryControlled ? _voluntarySpecials
            : school.Kind == SchoolKind.Primary && type.IsAcademy ? _academySpecials
            : school.Kind == SchoolKind.Special ? _specialSpecials
            : school.Kind == SchoolKind.AlternativeProvision ? _apSpecials
            : null;
        if (special is { Count: > 0 } && _used.Add(special.Peek())) return special.Dequeue();
        return Unique(() => Make(school, type));
    }

    public string IndependentSpecial() => Unique(() => rng.Next(3) switch
    {
        0 => $"{Trees[rng.Next(Trees.Length)]} {Features[rng.Next(Features.Length)]} School",
        1 => $"{Place()} House School",
        _ => $"The {Trees[rng.Next(Trees.Length)]} Tree School",
    });

    public string FreeSchool() => Unique(() => $"{Place()} Free School");

    private string Make(SampleSchool school, GiasType type)
    {
        var place = Place();
        switch (school.Kind)
        {
            case SchoolKind.Primary when type == GiasType.VoluntaryAided || type == GiasType.VoluntaryControlled:
                var saint = Saints[rng.Next(Saints.Length)];
                return rng.Next(4) switch
                {
                    0 => $"St {saint}'s Catholic Primary School",
                    1 => $"St {saint}'s Church of England Primary School",
                    2 => $"{place} Church of England Primary School",
                    _ => $"{place} C of E Primary School",
                };
            case SchoolKind.Primary when type.IsAcademy:
                return rng.Next(3) switch
                {
                    0 => $"{place} Primary Academy",
                    1 => $"{place} {Features[rng.Next(Features.Length)]} Primary Academy",
                    _ => $"The {place} Primary School",
                };
            case SchoolKind.Primary:
                return rng.Next(4) switch
                {
                    0 => $"{place} Community Primary School",
                    1 => $"{place} {Features[rng.Next(Features.Length)]} Primary School",
                    2 => $"{place} Infant and Junior School",
                    _ => $"{place} Primary School",
                };
            case SchoolKind.Secondary:
                return rng.Next(4) switch
                {
                    0 => $"{place} High School",
                    1 => $"{place} Academy",
                    2 => $"{place} College",
                    _ => $"The {place} School",
                };
            case SchoolKind.Special:
                return rng.Next(3) switch
                {
                    0 => $"{Trees[rng.Next(Trees.Length)]} {Features[rng.Next(Features.Length)]} School",
                    1 => $"{place} {Features[rng.Next(Features.Length)]} Special School",
                    _ => $"{Trees[rng.Next(Trees.Length)]}{Features[rng.Next(Features.Length)].ToLowerInvariant()} Academy",
                };
            default:
                return rng.Next(2) == 0 ? $"{place} Learning Centre" : $"{place} Short Stay School";
        }
    }

    private string Unique(Func<string> make)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var name = make();
            if (_used.Add(name)) return name;
        }
        // A long list still runs out in a very large LA; a numbered name keeps the register valid.
        var fallback = make();
        for (var n = 2; ; n++)
            if (_used.Add($"{fallback} ({n})")) return $"{fallback} ({n})";
    }
}
