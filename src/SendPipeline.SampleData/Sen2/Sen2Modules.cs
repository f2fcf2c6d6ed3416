namespace SendPipeline.SampleData.Sen2;

/// <summary>One module of the SEN2 extract (spec 2 sen2): its key, its parent's key and its own columns.</summary>
internal sealed record Sen2Module(string Name, string Key, string? ParentKey, IReadOnlyList<string> Columns)
{
    /// <summary>
    /// The columns as the Blade export writes them: key, parent key, the module's items, then the three every
    /// module carries.
    /// </summary>
    public IReadOnlyList<string> Header =>
    [
        Key, .. ParentKey is null ? Array.Empty<string>() : [ParentKey], .. Columns,
        "NativeId", Name + "orderseqcolumn", "sourceid",
    ];

    /// <summary>
    /// <c>Blade-Export_{dd-mm-yyyy}_{module}.csv</c>: the module is the part after the last underscore.
    /// </summary>
    public string FileName(DateOnly exported) => $"Blade-Export_{exported:dd-MM-yyyy}_{Name}.csv";
}

/// <summary>The nine modules, in the order of spec 2's table, with exactly its columns.</summary>
internal static class Sen2Modules
{
    public static readonly Sen2Module Sen2 = new("sen2", "sen2tableid", null,
    [
        "collection", "year", "referencedate", "sourcelevel", "lea", "softwarecode", "release", "serialno",
        "datetime", "dmo", "dco", "dsco",
    ]);

    public static readonly Sen2Module Person = new("person", "persontableid", "sen2tableid",
    [
        "surname", "forename", "personbirthdate", "sex", "ethnicity", "postcode", "upn", "uniquelearnernumber",
        "upnunknown",
    ]);

    public static readonly Sen2Module Requests = new("requests", "requeststableid", "persontableid",
    [
        "receiveddate", "requestsource", "rya", "requestoutcomedate", "requestoutcome", "requestmediation",
        "requesttribunal", "exported",
    ]);

    public static readonly Sen2Module Assessment = new("assessment", "assessmenttableid", "requeststableid",
    [
        "assessmentoutcome", "assessmentoutcomedate", "assessmentmediation", "assessmenttribunal", "othermediation",
        "othertribunal", "week20",
    ]);

    public static readonly Sen2Module NamedPlan = new("namedplan", "namedplantableid", "assessmenttableid",
        ["startdate", "planres", "planwbp", "pb", "oa", "dp", "ceasedate", "ceasereason"]);

    public static readonly Sen2Module PlanDetail = new("plandetail", "plandetailtableid", "namedplantableid",
    [
        "urn", "ukprn", "sensetting", "sensettingother", "placementrank", "senunitindicator",
        "resourcedprovisionindicator",
    ]);

    public static readonly Sen2Module ActivePlans = new("activeplans", "activeplanstableid", "requeststableid",
    [
        "transferla", "reviewmeeting", "reviewoutcome", "reviewdraft", "phasetransferduedate",
        "phasetransferfinaldate", "lastreview",
    ]);

    public static readonly Sen2Module PlacementDetail =
        new("placementdetail", "placementdetailtableid", "activeplanstableid",
        [
            "urn", "ukprn", "sensetting", "sensettingother", "placementrank", "entrydate", "leavingdate",
            "senunitindicator", "resourcedprovisionindicator",
        ]);

    public static readonly Sen2Module SenNeed =
        new("senneed", "senneedtableid", "activeplanstableid", ["sentype", "sentyperank"]);

    public static readonly IReadOnlyList<Sen2Module> All =
        [Sen2, Person, Requests, Assessment, NamedPlan, PlanDetail, ActivePlans, PlacementDetail, SenNeed];
}
