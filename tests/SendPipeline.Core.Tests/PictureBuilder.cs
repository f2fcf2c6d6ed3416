using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Picture;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Tests;

/// <summary>
/// A small, consistent LA picture built from canonical returns (two schools, a special-school
/// placement, a register, an educational psychology service for 2025-26 Q3, the DfE history).
/// Tests change its rows to plant exactly the problem they are about.
/// </summary>
internal sealed class PictureBuilder
{
    public static readonly string UpnA = Upn.Create("855200125001");
    public static readonly string UpnB = Upn.Create("855200125002");
    public static readonly string UpnC = Upn.Create("855700125003");


    public List<string> Census1 = [$"8552001,2026-01-15,{UpnA},2016-10-01,M,4,E,ASD,,N,N,Y,,2", $"8552001,2026-01-15,{UpnB},2016-10-01,F,4,K,SLCN,,N,N,N,,3"];
    public List<string> Census2 = [$"8557001,2026-01-15,{UpnC},2012-01-01,M,8,E,SLD,,N,N,Y,,2"];
    public List<string> Placements = [$"123456,2025-12-31,{UpnC},,2012-01-01,MSS,2021-09-01,,N,25000.00,TOPUP,SLD,Y,855,2"];
    public List<string> Register =
    [
        "100001,855,2001,Ash Primary School,Community school,Primary,210,Open,8552001,2",
        "123456,855,7001,Oak Special School,Community special school,Not applicable,120,Open,8557001,3",
    ];
    public List<string> Posts = ["svc-eps,2025-26 Q3,EP1,EP,FrontLine,1,Filled,65000.00,EAH,,2", "svc-eps,2025-26 Q3,T1,EP,Transformation,0.5,Filled,30000.00,EAH,2026-03-31,3"];
    public List<string> Activity = ["svc-eps,2025-26 Q3,8552001,EP,4.5,Consultation,2"];
    public List<string> History = ["202223,Local authority,855,E10000018,Leicestershire,All EHC plans,All EHC plans,2,2"];

    public List<string> Finance = [];

    public (IReadOnlyList<DataQualityIssue> Issues, EhcpReconciliation Reconciliation) Run() => CrossReturnChecks.Run(Build(), "855");

    public LaPicture Build()
    {
        var picture = new LaPicture();
        Build(_ => picture);
        return picture;
    }

    /// <summary>Each return read into a picture of its own, in the order <see cref="Build()"/> adds them.</summary>
    public IReadOnlyList<LaPicture> BuildParts()
    {
        var parts = new List<LaPicture>();
        Build(_ =>
        {
            parts.Add(new LaPicture());
            return parts[^1];
        });
        return parts;
    }

    private void Build(Func<string, LaPicture> into)
    {
        const string census = "LAEstab,CensusDate,UPN,DOB,Sex,NCYearActual,SENProvision,SENType1,SENType2,SENUnitIndicator,ResourcedProvisionIndicator,TopUpFunding,EntryDate,SourceRow";
        Add(into, "school-census", "uploads/8552001/school-census/a.csv", "8552001", census, Census1);
        Add(into, "school-census", "uploads/8557001/school-census/b.csv", "8557001", census, Census2);
        Add(into, "placements", "uploads/123456/placements/q3.csv", "123456",
            "ProviderId,ReturnDate,UPN,ULN,DOB,PlacementCategory,PlacementStart,PlacementEnd,Residential,AnnualCost,FundingElement,PrimaryNeed,EHCP,HomeLA,SourceRow", Placements);
        Add(into, "establishments", "uploads/la/establishments/gias.csv", "la",
            "URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),NumberOfPupils,EstablishmentStatus (name),LAEstab,SourceRow", Register);
        Add(into, "workforce", "uploads/svc-eps/workforce/q3.csv", "svc-eps",
            "ServiceCode,Quarter,PostId,Discipline,Role,FTE,Status,AnnualCost,FundingSource,TimeLimitedUntil,SourceRow", Posts);
        Add(into, "eah-activity", "uploads/svc-eps/eah-activity/q3.csv", "svc-eps",
            "ServiceCode,Quarter,LAEstab,Discipline,DaysDelivered,ActivityType,SourceRow", Activity);
        Add(into, "ehcp-history", "uploads/la/ehcp-history/caseload.csv", "la",
            "time_period,geographic_level,old_la_code,new_la_code,la_name,breakdown_topic,breakdown,ehcplans,SourceRow", History);
        if (Finance.Count > 0)
            Add(into, "hnb-finance", "uploads/la/hnb-finance/hnb.csv", "la",
                "FinancialYear,S251Line,Basis,Amount,Note,SourceRow", Finance);
    }

    private static void Add(Func<string, LaPicture> into, string type, string path, string submitter, string header,
        List<string> rows) =>
        Add(into(type), type, path, submitter, header, rows);

    private static void Add(LaPicture picture, string type, string path, string submitter, string header, List<string> rows)
    {
        var content = Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n");
        picture.Add(type, UploadIdOf(path, rows), path, submitter, new MemoryStream(content), Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>Like ingest's ids, a function of the path and the content, so the same rows give the same id in every run.</summary>
    private static string UploadIdOf(string path, List<string> rows) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + string.Join("\n", rows))))[..16];
}
