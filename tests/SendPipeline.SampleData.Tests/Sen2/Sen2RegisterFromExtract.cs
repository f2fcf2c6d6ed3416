using SendPipeline.Core.Register;

namespace SendPipeline.SampleData.Tests.Sen2;

/// <summary>
/// Builds Core's typed register from an extract read back from its zip, as the validator will (a test's own
/// mapping: keys joined to parents, dates in any of the forms the spec allows, Y/1/true as true).
/// </summary>
internal static class Sen2RegisterFromExtract
{
    public static Sen2Register Build(Sen2Extract extract, DateOnly reference, string laCode)
    {
        var settings = Group(extract["plandetail"], "namedplantableid", (r, row) => Setting(r, row));
        var placements = Group(extract["placementdetail"], "activeplanstableid", (r, row) => Setting(r, row));
        var needs = Group(extract["senneed"], "activeplanstableid",
            (r, row) => new Sen2Need(r["sentype"], int.Parse(r["sentyperank"], null), row));
        var plans = Group(extract["namedplan"], "assessmenttableid", (r, row) => new Sen2NamedPlan(
            r["namedplantableid"], Date(r["startdate"]), Date(r["ceasedate"]), Text(r["ceasereason"]), row,
            settings.GetValueOrDefault(r["namedplantableid"], [])));
        var assessments = Group(extract["assessment"], "requeststableid", (r, row) => new Sen2Assessment(
            r["assessmenttableid"], Text(r["assessmentoutcome"]), Date(r["assessmentoutcomedate"]),
            Flag(r["assessmentmediation"]), Flag(r["assessmenttribunal"]), Flag(r["week20"]), row,
            plans.GetValueOrDefault(r["assessmenttableid"], [])));
        var active = Group(extract["activeplans"], "requeststableid", (r, row) => new Sen2ActivePlan(
            r["activeplanstableid"], Text(r["transferla"]), Date(r["reviewmeeting"]), Text(r["reviewoutcome"]),
            Date(r["lastreview"]), Date(r["phasetransferduedate"]), row,
            placements.GetValueOrDefault(r["activeplanstableid"], []),
            needs.GetValueOrDefault(r["activeplanstableid"], [])));
        var requests = Group(extract["requests"], "persontableid", (r, row) => new Sen2Request(
            r["requeststableid"], Date(r["receiveddate"])!.Value, Text(r["requestsource"]), Flag(r["rya"]),
            Date(r["requestoutcomedate"]), Text(r["requestoutcome"]), Flag(r["requestmediation"]),
            Flag(r["requesttribunal"]), row, assessments.GetValueOrDefault(r["requeststableid"], []),
            active.GetValueOrDefault(r["requeststableid"], [])));
        var people = extract["person"].Select((r, i) => new Sen2Person(
            r["persontableid"], Text(r["upn"]), Text(r["uniquelearnernumber"]), Date(r["personbirthdate"]),
            Text(r["sex"]), i + 2, requests.GetValueOrDefault(r["persontableid"], []))).ToList();
        return new Sen2Register(reference, laCode, people);
    }

    private static Dictionary<string, List<T>> Group<T>(
        List<Dictionary<string, string>> rows, string parent, Func<Dictionary<string, string>, int, T> make) =>
        rows.Select((r, i) => (Parent: r[parent], Item: make(r, i + 2))).GroupBy(x => x.Parent)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Item).ToList());

    private static Sen2Setting Setting(Dictionary<string, string> r, int row) => new(
        Text(r["urn"]), Text(r["ukprn"]), Text(r["sensetting"]),
        int.TryParse(r["placementrank"], out var rank) ? rank : null,
        Flag(r["senunitindicator"]), Flag(r["resourcedprovisionindicator"]),
        r.TryGetValue("entrydate", out var entry) ? Date(entry) : null,
        r.TryGetValue("leavingdate", out var leaving) ? Date(leaving) : null, row);

    private static DateOnly? Date(string text) => Sen2Extract.Date(text);

    private static string? Text(string value) => value.Length == 0 ? null : value;

    private static bool Flag(string value) => value is "Y" or "y" or "1" or "true" or "True" or "Yes";
}
