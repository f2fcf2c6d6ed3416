using System.Security.Cryptography;

namespace SendPipeline.SampleData.Tests.Sen2;

/// <summary>The default LA with its SEN2 extract (seed 1), generated once for the tests that read it.</summary>
public sealed class Sen2La : IDisposable
{
    public static readonly SampleLaOptions Options = new() { IncludeSen2 = true };

    public const string MainPath = "uploads/la/sen2/Blade-Export_31-03-2026.zip";
    public const string FailedPath = "uploads/la/sen2/Blade-Export_31-03-2026_first-attempt.zip";

    public Sen2La()
    {
        Root = TempFolder.Create();
        Result = SampleLaGenerator.Generate(Options, Root);
        Tree = new GeneratedTree(Root, Result);
        Main = Sen2Extract.Read(Path.Combine(Root, MainPath));
    }

    public string Root { get; }
    public SampleLaResult Result { get; }
    internal GeneratedTree Tree { get; }
    internal Sen2Extract Main { get; }

    public void Dispose() => TempFolder.Delete(Root);
}

public sealed class Sen2SampleTests(Sen2La la) : IClassFixture<Sen2La>
{
    private static readonly DateOnly Reference = new(2026, 3, 31);

    /// <summary>Spec 2 sen2's table, written out here rather than taken from the generator.</summary>
    private static readonly Dictionary<string, string[]> SpecColumns = new()
    {
        ["sen2"] =
        [
            "sen2tableid", "collection", "year", "referencedate", "sourcelevel", "lea", "softwarecode", "release",
            "serialno", "datetime", "dmo", "dco", "dsco",
        ],
        ["person"] =
        [
            "persontableid", "sen2tableid", "surname", "forename", "personbirthdate", "sex", "ethnicity", "postcode",
            "upn", "uniquelearnernumber", "upnunknown",
        ],
        ["requests"] =
        [
            "requeststableid", "persontableid", "receiveddate", "requestsource", "rya", "requestoutcomedate",
            "requestoutcome", "requestmediation", "requesttribunal", "exported",
        ],
        ["assessment"] =
        [
            "assessmenttableid", "requeststableid", "assessmentoutcome", "assessmentoutcomedate", "assessmentmediation",
            "assessmenttribunal", "othermediation", "othertribunal", "week20",
        ],
        ["namedplan"] =
        [
            "namedplantableid", "assessmenttableid", "startdate", "planres", "planwbp", "pb", "oa", "dp", "ceasedate",
            "ceasereason",
        ],
        ["plandetail"] =
        [
            "plandetailtableid", "namedplantableid", "urn", "ukprn", "sensetting", "sensettingother", "placementrank",
            "senunitindicator", "resourcedprovisionindicator",
        ],
        ["activeplans"] =
        [
            "activeplanstableid", "requeststableid", "transferla", "reviewmeeting", "reviewoutcome", "reviewdraft",
            "phasetransferduedate", "phasetransferfinaldate", "lastreview",
        ],
        ["placementdetail"] =
        [
            "placementdetailtableid", "activeplanstableid", "urn", "ukprn", "sensetting", "sensettingother",
            "placementrank", "entrydate", "leavingdate", "senunitindicator", "resourcedprovisionindicator",
        ],
        ["senneed"] = ["senneedtableid", "activeplanstableid", "sentype", "sentyperank"],
    };

    private static readonly string[] PlantedKinds =
    [
        "sen2-duplicate-key", "sen2-parent-key-unresolved", "sen2-plan-before-request", "sen2-ceased-without-reason",
        "sen2-no-rank-one-need", "sen2-wrong-check-letter", "sen2-leaving-before-entry", "sen2-blank-request-source",
        "sen2-two-open-requests",
    ];

    [Fact]
    public void TheZip_HasOneBladeCsvPerModule_WithTheSpecsColumns()
    {
        var expected = SpecColumns.Keys.Select(m => $"Blade-Export_31-03-2026_{m}.csv");
        Assert.Equal(expected.Order(), la.Main.EntryNames.Order());
        foreach (var (module, columns) in SpecColumns)
            Assert.Equal([.. columns, "NativeId", module + "orderseqcolumn", "sourceid"], la.Main.Headers[module]);
        var header = Assert.Single(la.Main["sen2"]);
        Assert.Equal(("855", "2026-Mar-31 00:00:00"), (header["lea"], header["referencedate"]));
    }

    [Fact]
    public void EveryKeyIsUniqueAndEveryParentResolves_InTheExtractInForce()
    {
        var keys = new Dictionary<string, HashSet<string>>();
        foreach (var (module, columns) in SpecColumns)
        {
            var values = la.Main[module].Select(r => r[columns[0]]).ToList();
            Assert.Equal(values.Count, values.Distinct().Count());
            keys[columns[0]] = [.. values];
            // The spec's table lists each module after its parent, so the parent's keys are known by now.
            if (module != "sen2") Assert.All(la.Main[module], r => Assert.Contains(r[columns[1]], keys[columns[1]]));
        }
    }

    [Fact]
    public void ActivePlans_AreTheCensusAndPlacementEhcpChildren_AtTheSameSettings()
    {
        var requests = la.Main["requests"].ToDictionary(r => r["requeststableid"]);
        var people = la.Main["person"].ToDictionary(r => r["persontableid"]);
        var placementOf = la.Main["placementdetail"].ToDictionary(r => r["activeplanstableid"]);
        var active = la.Main["activeplans"]
            .Select(a => (Person: people[requests[a["requeststableid"]]["persontableid"]],
                Placement: placementOf[a["activeplanstableid"]]))
            .ToList();

        // The census's EHC plan pupils, each at the URN its school has in the LA's register upload. A child planted
        // on two schools' rolls (a check across returns) is a census EHC pupil at the school that says E.
        var register = la.Tree.OfType("establishments")
            .Single(t => t.File.Contains("edubasealldata", StringComparison.Ordinal));
        var urnOf = register.Rows.ToDictionary(
            r => r[register.Column("LA (code)")] + r[register.Column("EstablishmentNumber")],
            r => r[register.Column("URN")]);
        var census = la.Tree.Rows.Where(r => r.Provision == "E").GroupBy(r => r.Upn)
            .ToDictionary(g => g.Key, g => urnOf[g.First().Submitter]);
        var clean = la.Tree.CleanRows.Where(r => r.Provision == "E").Select(r => r.Upn).ToHashSet();
        // The placements' children, each at the provider that returned them: by the upload path, since a file may
        // misstate its ProviderId (a planted defect); the LA's own arrangements are OLA.
        var placed = la.Tree.OfType("placements")
            .SelectMany(t => t.Rows.Select(r => (Id: Learner(t, r), Provider: ProviderOf(t))))
            .Where(p => p.Id.Length > 0).GroupBy(p => p.Id)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Provider).ToHashSet());

        int fromCensus = 0, spoilt = 0;
        foreach (var (person, placement) in active)
        {
            var id = person["upn"].Length > 0 ? person["upn"] : person["uniquelearnernumber"];
            var setting = new[] { placement["urn"], placement["ukprn"], placement["sensetting"] }
                .First(s => s.Length > 0);
            if (census.TryGetValue(id, out var urn))
            {
                Assert.Equal(urn, setting);
                if (clean.Contains(id)) fromCensus++;
            }
            else if (placed.TryGetValue(id, out var providers)) Assert.Contains(setting, providers);
            // A child whose UPN or ULN a provider's file spoilt (a planted defect) is not found there by it.
            else spoilt++;
        }
        // Nearly every clean census EHC pupil has an active plan (those in files planted with defects are left out).
        Assert.InRange(fromCensus, clean.Count * 0.97, clean.Count);
        Assert.InRange(active.Count, 6_500, 9_500);
        var learnerDefects = la.Result.Defects.Count(d => d.File.Contains("/placements/", StringComparison.Ordinal)
                                                          && d.Column is "UPN" or "ULN");
        Assert.InRange(spoilt, 0, learnerDefects);
    }

    [Fact]
    public void Flows_AreNearTheTargets_AndTheTwentyWeekRateNearLeicestershires()
    {
        var requests = la.Main["requests"];
        var received = requests.ToDictionary(
            r => r["requeststableid"], r => Sen2Extract.Date(r["receiveddate"])!.Value);
        Assert.InRange(received.Values.Count(d => d.Year == 2025), 1_300, 1_700);

        var requestOf = la.Main["assessment"].ToDictionary(a => a["assessmenttableid"], a => a["requeststableid"]);
        var plans = la.Main["namedplan"]
            .Select(p => (Issued: Sen2Extract.Date(p["startdate"])!.Value,
                Received: received[requestOf[p["assessmenttableid"]]]))
            .ToList();
        double Rate(int year)
        {
            var issued = plans.Where(p => p.Issued.Year == year).ToList();
            Assert.True(issued.Count > 300, $"{issued.Count} plans issued in {year}");
            return 100.0 * issued.Count(p => p.Issued.DayNumber - p.Received.DayNumber <= 140) / issued.Count;
        }
        // timeliness_20_week.csv, old_la_code 855: 92.0% in 2019, 80.0% in 2020, 26.9% in 2021, 3.8% in 2022.
        Assert.InRange(Rate(2019), 87, 97);
        Assert.InRange(Rate(2021), 21, 33);
        Assert.InRange(Rate(2022), 1.5, 6.5);

        // Leicestershire ceased 446 plans in 2022 (ceased_plans.csv), each with a reason of spec 2.
        var ceased = la.Main["namedplan"].Where(p => p["ceasedate"].Length > 0).ToList();
        Assert.InRange(ceased.Count(p => Sen2Extract.Date(p["ceasedate"])!.Value.Year == 2025), 380, 520);
        string[] reasons = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
        Assert.All(ceased, p => Assert.Contains(p["ceasereason"], reasons));
        // Some assessments are still going on past 20 weeks: the dashboard's overdue list has something to show.
        var assessing = la.Main["assessment"].Where(a => a["assessmentoutcome"].Length == 0)
            .Select(a => a["requeststableid"]);
        Assert.Contains(assessing, id => Reference.DayNumber - received[id].DayNumber > 140);
    }

    [Fact]
    public void Dates_AreInOrder_InTheExtractInForce()
    {
        var requests = la.Main["requests"].ToDictionary(r => r["requeststableid"]);
        var assessments = la.Main["assessment"].ToDictionary(a => a["assessmenttableid"]);
        foreach (var plan in la.Main["namedplan"])
        {
            var assessment = assessments[plan["assessmenttableid"]];
            var request = requests[assessment["requeststableid"]];
            DateOnly?[] chain =
            [
                Sen2Extract.Date(request["receiveddate"]), Sen2Extract.Date(request["requestoutcomedate"]),
                Sen2Extract.Date(assessment["assessmentoutcomedate"]), Sen2Extract.Date(plan["startdate"]),
                Sen2Extract.Date(plan["ceasedate"]) ?? Reference,
            ];
            for (var i = 1; i < chain.Length; i++)
                Assert.True(chain[i - 1] <= chain[i], $"plan {plan["namedplantableid"]}: {string.Join(" ", chain)}");
        }
        Assert.All(la.Main["senneed"].GroupBy(n => n["activeplanstableid"]),
            g => Assert.Single(g, n => n["sentyperank"] == "1"));
    }

    [Fact]
    public void PlantedDefects_AreWhereTheManifestSays_QueriesInForceAndErrorsInARejectedSecondExport()
    {
        var planted = la.Result.Defects.Where(d => d.Part is not null).ToList();
        Assert.Equal(PlantedKinds.Order(), planted.Select(d => d.Kind).Order());
        var failed = Sen2Extract.Read(Path.Combine(la.Root, Sen2La.FailedPath));
        foreach (var defect in planted)
        {
            var extract = defect.File == Sen2La.MainPath ? la.Main : failed;
            var row = extract[defect.Part!][defect.Row!.Value - 2];
            Assert.Equal(defect.Value ?? "", row[defect.Column]);
            Assert.Equal(defect.File == Sen2La.MainPath ? "query" : "error", defect.ExpectedSeverity);
        }
        var statuses = la.Result.Uploads.Where(u => u.ReturnType == "sen2")
            .ToDictionary(u => u.File, u => u.ExpectedStatus);
        Assert.Equal("accepted", statuses[Sen2La.MainPath]);
        Assert.Equal("rejected", statuses[Sen2La.FailedPath]);
        // The duplicate key really repeats another row's key; the parent key really resolves nowhere.
        var duplicate = planted.Single(d => d.Kind == "sen2-duplicate-key");
        Assert.Equal(2, failed["requests"].Count(r => r["requeststableid"] == duplicate.Value));
        var orphan = planted.Single(d => d.Kind == "sen2-parent-key-unresolved");
        Assert.DoesNotContain(failed["requests"], r => r["requeststableid"] == orphan.Value);
    }

    [Fact]
    public void SameSeed_SameZipBytes_AndTheOtherReturnsAreUnchangedBySen2()
    {
        var (first, again, without) = (TempFolder.Create(), TempFolder.Create(), TempFolder.Create());
        try
        {
            var small = SmallLa.Options with { IncludeSen2 = true };
            SampleLaGenerator.Generate(small, first);
            SampleLaGenerator.Generate(small, again);
            SampleLaGenerator.Generate(small with { IncludeSen2 = false }, without);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(first, "uploads/la/sen2")));
            Assert.Equal(Hash(first, r => r == "sen2"), Hash(again, r => r == "sen2"));
            // Leaving SEN2 out changes no other upload: it draws from a random source of its own, last.
            Assert.Equal(Hash(without, _ => true), Hash(first, r => r != "sen2"));
        }
        finally
        {
            TempFolder.Delete(first);
            TempFolder.Delete(again);
            TempFolder.Delete(without);
        }
    }

    [Fact]
    public void WithoutPlantedErrors_OneCleanExtract()
    {
        var root = TempFolder.Create();
        try
        {
            var options = SmallLa.Options with { IncludeSen2 = true, PlantErrors = false };
            var result = SampleLaGenerator.Generate(options, root);
            var upload = Assert.Single(result.Uploads, u => u.ReturnType == "sen2");
            Assert.Equal((Sen2La.MainPath, "accepted"), (upload.File, upload.ExpectedStatus));
            Assert.DoesNotContain(result.Defects, d => d.Part is not null);
            var extract = Sen2Extract.Read(Path.Combine(root, upload.File));
            Assert.Equal(upload.Rows, extract["person"].Count);
            Assert.DoesNotContain(extract["requests"], r => r["requestsource"].Length == 0);
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    private static string Learner(ReadTable table, string[] row) =>
        row[table.Column("UPN")] is { Length: > 0 } upn ? upn
        : table.Header.Contains("ULN") ? row[table.Column("ULN")] : "";

    private static string ProviderOf(ReadTable table) => table.Submitter == "la" ? "OLA" : table.Submitter;

    /// <summary>
    /// The hash of every upload whose return type (uploads/{submitter}/{type}/…) is chosen, in path order.
    /// </summary>
    private static string Hash(string root, Func<string, bool> returnType)
    {
        var files = Directory.EnumerateFiles(Path.Combine(root, "uploads"), "*", SearchOption.AllDirectories)
            .Where(p => returnType(Path.GetRelativePath(root, p).Split(Path.DirectorySeparatorChar)[2]))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(files.SelectMany(File.ReadAllBytes).ToArray()));
    }
}
