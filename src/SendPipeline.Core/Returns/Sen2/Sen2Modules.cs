using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>How a column's values are read, checked and written in canonical form.</summary>
public enum Sen2Kind { Text, Key, Parent, Date, Boolean, Code, Upn, Uln, LaCode, Urn, Ukprn, Rank, SenType }

/// <summary>A column of a module: its name as the export writes it and how its values are read.</summary>
public sealed record Sen2Column(string Name, Sen2Kind Kind, bool ValueRequired = false);

/// <summary>
/// One module of the SEN2 extract (spec 2, sen2): its name (the Blade export's file suffix, and the
/// <c>part</c> every issue in it names), its sheet in the pre-submission workbook, its key, the module its
/// parent key points at, and its columns in the spec's order (key, parent key, then the rest).
/// </summary>
public sealed record Sen2Module(int Index, string Part, string SheetName, int? ParentIndex, IReadOnlyList<Sen2Column> Columns)
{
    public string KeyColumn => Columns[0].Name;

    public string? ParentColumn => ParentIndex is null ? null : Columns[1].Name;

    /// <summary>
    /// Columns the Blade export adds to every module. They are accepted but not required: the spec says
    /// the export carries them, not that the data needs them, and the pre-submission workbook (the other
    /// accepted form) does not have them. They are not kept in the canonical form.
    /// </summary>
    public IReadOnlyList<string> ExportColumns => ["NativeId", Part + "orderseqcolumn", "sourceid"];

    /// <summary>The columns a header is matched against: the spec's, all required, then the export's, optional.</summary>
    public IReadOnlyList<ReturnColumn> HeaderColumns =>
        [
            .. Columns.Select((c, i) => new ReturnColumn(c.Name, true, i)),
            .. ExportColumns.Select((c, i) => new ReturnColumn(c, false, Columns.Count + i)),
        ];

    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        throw new ArgumentException($"The {Part} module has no column {name}.", nameof(name));
    }
}

/// <summary>The nine modules of spec 2 sen2, parents before children.</summary>
public static class Sen2Modules
{
    public const int Sen2 = 0, Person = 1, Requests = 2, Assessment = 3, NamedPlan = 4, PlanDetail = 5,
        ActivePlans = 6, PlacementDetail = 7, SenNeed = 8;

    private static Sen2Column T(string name) => new(name, Sen2Kind.Text);
    private static Sen2Column D(string name, bool required = false) => new(name, Sen2Kind.Date, required);
    private static Sen2Column B(string name) => new(name, Sen2Kind.Boolean);
    private static Sen2Column C(string name) => new(name, Sen2Kind.Code);
    private static Sen2Column Key(string name) => new(name, Sen2Kind.Key, true);
    private static Sen2Column Parent(string name) => new(name, Sen2Kind.Parent, true);

    private static Sen2Column[] Setting(bool dated) =>
    [
        new("urn", Sen2Kind.Urn), new("ukprn", Sen2Kind.Ukprn), C("sensetting"), T("sensettingother"),
        new("placementrank", Sen2Kind.Rank),
        .. dated ? new[] { D("entrydate"), D("leavingdate") } : [],
        B("senunitindicator"), B("resourcedprovisionindicator"),
    ];

    public static IReadOnlyList<Sen2Module> All { get; } =
    [
        new(Sen2, "sen2", "Header", null,
        [
            Key("sen2tableid"), T("collection"), T("year"), D("referencedate", true), T("sourcelevel"),
            new("lea", Sen2Kind.LaCode, true), T("softwarecode"), T("release"), T("serialno"), T("datetime"),
            T("dmo"), T("dco"), T("dsco"),
        ]),
        new(Person, "person", "Person", Sen2,
        [
            Key("persontableid"), Parent("sen2tableid"), T("surname"), T("forename"), D("personbirthdate"),
            C("sex"), C("ethnicity"), T("postcode"), new("upn", Sen2Kind.Upn), new("uniquelearnernumber", Sen2Kind.Uln),
            C("upnunknown"),
        ]),
        new(Requests, "requests", "Requests", Person,
        [
            Key("requeststableid"), Parent("persontableid"), D("receiveddate", true), C("requestsource"), B("rya"),
            D("requestoutcomedate"), C("requestoutcome"), B("requestmediation"), B("requesttribunal"), T("exported"),
        ]),
        new(Assessment, "assessment", "Assessments", Requests,
        [
            Key("assessmenttableid"), Parent("requeststableid"), C("assessmentoutcome"), D("assessmentoutcomedate"),
            B("assessmentmediation"), B("assessmenttribunal"), B("othermediation"), B("othertribunal"), B("week20"),
        ]),
        new(NamedPlan, "namedplan", "Named Plan", Assessment,
        [
            Key("namedplantableid"), Parent("assessmenttableid"), D("startdate"), T("planres"), B("planwbp"), B("pb"),
            B("oa"), T("dp"), D("ceasedate"), C("ceasereason"),
        ]),
        new(PlanDetail, "plandetail", "Plan Detail", NamedPlan,
            [Key("plandetailtableid"), Parent("namedplantableid"), .. Setting(dated: false)]),
        new(ActivePlans, "activeplans", "Active Plan", Requests,
        [
            Key("activeplanstableid"), Parent("requeststableid"), new("transferla", Sen2Kind.LaCode), D("reviewmeeting"),
            C("reviewoutcome"), D("reviewdraft"), D("phasetransferduedate"), D("phasetransferfinaldate"), D("lastreview"),
        ]),
        new(PlacementDetail, "placementdetail", "Placement Detail", ActivePlans,
            [Key("placementdetailtableid"), Parent("activeplanstableid"), .. Setting(dated: true)]),
        new(SenNeed, "senneed", "SEN Need", ActivePlans,
        [
            Key("senneedtableid"), Parent("activeplanstableid"), new("sentype", Sen2Kind.SenType, true),
            new("sentyperank", Sen2Kind.Rank, true),
        ]),
    ];

    /// <summary>
    /// The module a Blade export file or a workbook sheet is, by its name matched as headers are (case,
    /// spaces and underscores ignored): the module's own name, or its sheet's (the header module's sheet
    /// may also be called "SEN2"). Null when it is none.
    /// </summary>
    public static Sen2Module? Find(string name)
    {
        var key = HeaderMap.Normalise(name);
        foreach (var module in All)
            if (key == module.Part || key == HeaderMap.Normalise(module.SheetName)) return module;
        return null;
    }
}
