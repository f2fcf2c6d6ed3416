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

        var needs = Group(zip, Sen2Modules.SenNeed, r => new Sen2Need(r.Text("sentype")!, r.Int("sentyperank") ?? 0, r.Row));
        var placements = Group(zip, Sen2Modules.PlacementDetail, r => Setting(r, dated: true));
        var activePlans = Group(zip, Sen2Modules.ActivePlans, r => new Sen2ActivePlan(r.Key, r.Text("transferla"),
            r.Date("reviewmeeting"), r.Text("reviewoutcome"), r.Date("lastreview"), r.Date("phasetransferduedate"), r.Row,
            placements.Take(r.Key), needs.Take(r.Key)));
        var planSettings = Group(zip, Sen2Modules.PlanDetail, r => Setting(r, dated: false));
        var plans = Group(zip, Sen2Modules.NamedPlan, r => new Sen2NamedPlan(r.Key, r.Date("startdate"), r.Date("ceasedate"),
            r.Text("ceasereason"), r.Row, planSettings.Take(r.Key)));
        var assessments = Group(zip, Sen2Modules.Assessment, r => new Sen2Assessment(r.Key, r.Text("assessmentoutcome"),
            r.Date("assessmentoutcomedate"), r.Flag("assessmentmediation"), r.Flag("assessmenttribunal"),
            r.Bool("week20"), r.Row, plans.Take(r.Key)));
        var requests = Group(zip, Sen2Modules.Requests, r => new Sen2Request(r.Key, r.Date("receiveddate") ?? default,
            r.Text("requestsource"), r.Flag("rya"), r.Date("requestoutcomedate"), r.Text("requestoutcome"),
            r.Flag("requestmediation"), r.Flag("requesttribunal"), r.Row, assessments.Take(r.Key), activePlans.Take(r.Key)));
        var people = new List<Sen2Person>();
        Read(zip, Sen2Modules.Person, r => people.Add(new Sen2Person(r.Key, r.Text("upn"), r.Text("uniquelearnernumber"),
            r.Date("personbirthdate"), r.Text("sex"), r.Row, requests.Take(r.Key))));
        DateOnly reference = default;
        var la = "";
        Read(zip, Sen2Modules.Sen2, r =>
        {
            reference = r.Date("referencedate") ?? default;
            la = r.Text("lea") ?? "";
        });
        return new Sen2Register(reference, la, people);
    }

    private static Sen2Setting Setting(CanonicalRow r, bool dated) => new(r.Text("urn"), r.Text("ukprn"),
        r.Text("sensetting"), r.Int("placementrank"), r.Flag("senunitindicator"), r.Flag("resourcedprovisionindicator"),
        dated ? r.Date("entrydate") : null, dated ? r.Date("leavingdate") : null, r.Row);

    /// <summary>A module's records grouped by their parent's key, each group taken once by the parent that owns it.</summary>
    private sealed class Children<T>
    {
        private readonly Dictionary<string, List<T>> _byParent = new(StringComparer.Ordinal);

        public void Add(string parent, T child)
        {
            if (!_byParent.TryGetValue(parent, out var list)) _byParent[parent] = list = [];
            list.Add(child);
        }

        public IReadOnlyList<T> Take(string parent) => _byParent.Remove(parent, out var list) ? list : [];
    }

    private static Children<T> Group<T>(ZipArchive zip, int module, Func<CanonicalRow, T> build)
    {
        var children = new Children<T>();
        Read(zip, module, r => children.Add(r.Parent, build(r)));
        return children;
    }

    private static void Read(ZipArchive zip, int moduleIndex, Action<CanonicalRow> each)
    {
        var module = Sen2Modules.All[moduleIndex];
        var entry = zip.GetEntry(module.Part + ".csv")
            ?? throw new InvalidDataException($"The canonical sen2 extract has no {module.Part} module.");
        using var text = new StreamReader(entry.Open(), Encoding.UTF8);
        using var reader = new CsvTabularReader(text);
        var map = HeaderMap.Match(reader.Header,
            [.. module.Columns.Select(c => new ColumnSpec(c.Name, true)), new ColumnSpec(CanonicalCsvWriter.SourceRowColumn, true)]);
        if (map.Missing.Count > 0) throw new InvalidDataException($"The canonical {module.Part} module lacks {map.Missing[0]}.");
        var row = new CanonicalRow(module, reader, map);
        while (reader.Read()) each(row);
    }

    /// <summary>The current row of a canonical module, its values by column name.</summary>
    private sealed class CanonicalRow(Sen2Module module, ITabularReader reader, HeaderMap map)
    {
        private readonly Dictionary<string, int> _columns = module.Columns
            .Select((c, i) => (c.Name, Index: map[i])).ToDictionary(c => c.Name, c => c.Index, StringComparer.Ordinal);

        private readonly int _sourceRow = map[module.Columns.Count];

        private ReadOnlySpan<char> Span(string name) => reader[_columns[name]];

        public string Key => reader[map[0]].ToString();

        public string Parent => reader[map[1]].ToString();

        public int Row => int.Parse(reader[_sourceRow], CultureInfo.InvariantCulture);

        public string? Text(string name) => Span(name) is { IsEmpty: false } s ? s.ToString() : null;

        public DateOnly? Date(string name) =>
            Span(name) is { IsEmpty: false } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

        public bool? Bool(string name) => Span(name) is { IsEmpty: false } s ? s is "Y" : null;

        public bool Flag(string name) => Bool(name) ?? false;

        public int? Int(string name) =>
            Span(name) is { IsEmpty: false } s && int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
