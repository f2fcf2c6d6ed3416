using System.Globalization;
using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Register;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>
/// The canonical form of an accepted sen2 extract, read back into the typed register (<see cref="Sen2Register"/>):
/// a zip of one CSV per module (<c>person.csv</c> …) with the spec's columns in the spec's order and a last
/// <c>SourceRow</c>. It is the canonical store, so names and postcodes are in it; the register keeps neither.
/// Children are read before their parents so each record is built once, complete.
/// </summary>
public static class Sen2Canonical
{
    public static Sen2Register ReadRegister(Stream canonicalZip)
    {
        using var zip = new ZipArchive(canonicalZip, ZipArchiveMode.Read, leaveOpen: true);
        var texts = new TextPool();
        // First each parent module's keys, so children are grouped by their parent's position, not by a string.
        var keys = new KeyIndex?[Sen2Modules.All.Count];
        foreach (var module in Sen2Modules.All.Where(m => m.ParentIndex is { } p && p > Sen2Modules.Sen2))
            keys[module.ParentIndex!.Value] ??= Keys(zip, module.ParentIndex.Value);

        var needs = Group(zip, Sen2Modules.SenNeed, keys, texts,
            r => new Sen2Need(r.Text("sentype")!, r.Int("sentyperank") ?? 0, r.Row));
        var placements = Group(zip, Sen2Modules.PlacementDetail, keys, texts, r => Setting(r, dated: true));
        var activePlans = Group(zip, Sen2Modules.ActivePlans, keys, texts, r => new Sen2ActivePlan(r.Key, r.Text("transferla"),
            r.Date("reviewmeeting"), r.Text("reviewoutcome"), r.Date("lastreview"), r.Date("phasetransferduedate"), r.Row,
            Of(placements, r.Ordinal), Of(needs, r.Ordinal)));
        var planSettings = Group(zip, Sen2Modules.PlanDetail, keys, texts, r => Setting(r, dated: false));
        var plans = Group(zip, Sen2Modules.NamedPlan, keys, texts, r => new Sen2NamedPlan(r.Key, r.Date("startdate"),
            r.Date("ceasedate"), r.Text("ceasereason"), r.Row, Of(planSettings, r.Ordinal)));
        var assessments = Group(zip, Sen2Modules.Assessment, keys, texts, r => new Sen2Assessment(r.Key,
            r.Text("assessmentoutcome"), r.Date("assessmentoutcomedate"), r.Flag("assessmentmediation"),
            r.Flag("assessmenttribunal"), r.Bool("week20"), r.Row, Of(plans, r.Ordinal)));
        var requests = Group(zip, Sen2Modules.Requests, keys, texts, r => new Sen2Request(r.Key,
            r.Date("receiveddate") ?? default, r.Text("requestsource"), r.Flag("rya"), r.Date("requestoutcomedate"),
            r.Text("requestoutcome"), r.Flag("requestmediation"), r.Flag("requesttribunal"), r.Row, Of(assessments, r.Ordinal),
            Of(activePlans, r.Ordinal)));
        var people = new List<Sen2Person>();
        Read(zip, Sen2Modules.Person, texts, r => people.Add(new Sen2Person(r.Key, r.Text("upn"),
            r.Text("uniquelearnernumber"), r.Date("personbirthdate"), r.Text("sex"), r.Row, Of(requests, r.Ordinal))));
        DateOnly reference = default;
        var la = "";
        Read(zip, Sen2Modules.Sen2, texts, r =>
        {
            reference = r.Date("referencedate") ?? default;
            la = r.Text("lea") ?? "";
        });
        return new Sen2Register(reference, la, people);
    }

    private static Sen2Setting Setting(CanonicalRow r, bool dated) => new(r.Text("urn"), r.Text("ukprn"),
        r.Text("sensetting"), r.Int("placementrank"), r.Flag("senunitindicator"), r.Flag("resourcedprovisionindicator"),
        dated ? r.Date("entrydate") : null, dated ? r.Date("leavingdate") : null, r.Row);

    private static IReadOnlyList<T> Of<T>(List<T>?[] children, int parent) =>
        parent < children.Length && children[parent] is { } list ? list : [];

    private static KeyIndex Keys(ZipArchive zip, int module)
    {
        var keys = new KeyIndex();
        var ordinal = 0;
        Read(zip, module, new TextPool(), r => keys.TryAdd(r.KeySpan, ordinal++, out _));
        return keys;
    }

    /// <summary>A module's records grouped by the position of their parent in its module.</summary>
    private static List<T>?[] Group<T>(ZipArchive zip, int module, KeyIndex?[] keys, TextPool texts,
        Func<CanonicalRow, T> build)
    {
        var parents = keys[Sen2Modules.All[module].ParentIndex!.Value]!;
        var children = new List<T>?[parents.Count];
        Read(zip, module, texts, r =>
        {
            var parent = parents.Find(r.ParentSpan);
            if (parent >= 0) (children[parent] ??= []).Add(build(r));
        });
        return children;
    }

    private static void Read(ZipArchive zip, int moduleIndex, TextPool texts, Action<CanonicalRow> each)
    {
        var module = Sen2Modules.All[moduleIndex];
        var entry = zip.GetEntry(module.Part + ".csv")
            ?? throw new InvalidDataException($"The canonical sen2 extract has no {module.Part} module.");
        using var text = new StreamReader(entry.Open(), Encoding.UTF8);
        using var reader = new CsvTabularReader(text);
        var map = HeaderMap.Match(reader.Header,
            [
                .. module.Columns.Select((c, i) => new ReturnColumn(c.Name, true, i)),
                new ReturnColumn(CanonicalCsvWriter.SourceRowColumn, true, module.Columns.Count),
            ]);
        if (map.Missing.Count > 0) throw new InvalidDataException($"The canonical {module.Part} module lacks {map.Missing[0]}.");
        var row = new CanonicalRow(module, reader, map, texts);
        while (reader.Read())
        {
            each(row);
            row.Ordinal++;
        }
    }

    /// <summary>
    /// Short values (codes, URNs, LA codes) repeat across hundreds of thousands of rows: each is held once.
    /// Identifiers are not pooled; they are each their own.
    /// </summary>
    private sealed class TextPool
    {
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

        public string Get(ReadOnlySpan<char> value)
        {
            if (value.Length > 8) return value.ToString();
            var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(value, out var pooled)) return pooled;
            var text = value.ToString();
            _pool.Add(text, text);
            return text;
        }
    }

    /// <summary>The current row of a canonical module, its values by column name.</summary>
    private sealed class CanonicalRow(Sen2Module module, ITabularReader reader, HeaderMap map, TextPool texts)
    {
        private readonly Dictionary<string, int> _columns = module.Columns
            .Select((c, i) => (c.Name, Index: map[i])).ToDictionary(c => c.Name, c => c.Index, StringComparer.Ordinal);

        private readonly int _sourceRow = map[module.Columns.Count];

        /// <summary>The row's position in its module (0 for the first data row).</summary>
        public int Ordinal { get; set; }

        private ReadOnlySpan<char> Span(string name) => reader[_columns[name]];

        public ReadOnlySpan<char> KeySpan => reader[map[0]];

        public ReadOnlySpan<char> ParentSpan => reader[map[1]];

        public string Key => KeySpan.ToString();

        public int Row => int.Parse(reader[_sourceRow], CultureInfo.InvariantCulture);

        public string? Text(string name) => Span(name) is { IsEmpty: false } s ? texts.Get(s) : null;

        public DateOnly? Date(string name) => Values.TryParseDate(Span(name), out var date) ? date : null;

        public bool? Bool(string name) => Span(name) is { IsEmpty: false } s ? s is "Y" : null;

        public bool Flag(string name) => Bool(name) ?? false;

        public int? Int(string name) =>
            Span(name) is { IsEmpty: false } s && int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
