using System.Globalization;
using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Reference;

namespace SendPipeline.SampleData.Writing;

/// <summary>
/// Writes a synthetic SEN2 person-level extract as COLLECT's Blade export (a zip of nine module CSVs, its
/// dates as <c>2022-Sep-28 00:00:00</c>), of any size, streaming and deterministic: for the sen2 benchmark
/// (a national extract is about 650,000 active plans and 120,000 requests a year). Every person with an
/// active plan has a request, an assessment, a named plan with one setting, a current placement and two
/// needs; a tenth as many again have a plan that ceased; the year's requests are a third refused, a third
/// assessed and not issued, a third undecided (a blank outcome: a query, as the spec says).
/// </summary>
public static class Sen2ExtractWriter
{
    public static readonly DateOnly ReferenceDate = new(2026, 1, 15);

    private static readonly string[] Needs = ["ASD", "SEMH", "SLCN", "MLD", "SPLD", "SLD", "PMLD", "PD", "HI", "VI", "OTH"];
    private static readonly string[] Ethnicities = ["WBRI", "AIND", "MWBC", "BAFR", "APKN", "WOTH", "NOBT", "CHNE"];

    public static void Write(Stream output, int activePlans, int requestsPerYear, string laCode = "855")
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var ceased = activePlans / 10;
        var people = activePlans + ceased + requestsPerYear;
        using (var w = Module(zip, "sen2", "sen2tableid,collection,year,referencedate,sourcelevel,lea,softwarecode,release,"
            + "serialno,datetime,dmo,dco,dsco"))
            w.Line($"1,SEN2,2026,{Blade(ReferenceDate)},L,{laCode},COLLECT,1,1,{Blade(ReferenceDate)},,,");
        using (var w = Module(zip, "person", "persontableid,sen2tableid,surname,forename,personbirthdate,sex,ethnicity,"
            + "postcode,upn,uniquelearnernumber,upnunknown"))
            for (var p = 0; p < people; p++)
            {
                var birth = ReferenceDate.AddDays(-(365 * 3 + p % (365 * 20)));
                var upn = p % 20 == 19 ? "" : Upn.Create(laCode + (p % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture));
                var unknown = upn.Length == 0 ? "UN1" : "";
                w.Line($"{10_000_000 + p},1,Surname{p % 5000},Forename{p % 3000},{Blade(birth)},{(p % 3 == 0 ? "F" : "M")},"
                    + $"{Ethnicities[p % Ethnicities.Length]},LE{p % 20} {p % 9}AB,{upn},,{unknown}");
            }
        using (var w = Module(zip, "requests", "requeststableid,persontableid,receiveddate,requestsource,rya,"
            + "requestoutcomedate,requestoutcome,requestmediation,requesttribunal,exported"))
            for (var p = 0; p < people; p++)
            {
                var received = Received(p, activePlans + ceased);
                var kind = Kind(p, activePlans + ceased);
                var decided = kind == 2 ? "" : Blade(received.AddDays(40));
                var outcome = kind switch { 0 => "A", 1 => "B", 2 => "", _ => "A" };
                w.Line($"{20_000_000 + p},{10_000_000 + p},{Blade(received)},{1 + p % 5},0,{decided},{outcome},0,0,");
            }
        using (var w = Module(zip, "assessment", "assessmenttableid,requeststableid,assessmentoutcome,assessmentoutcomedate,"
            + "assessmentmediation,assessmenttribunal,othermediation,othertribunal,week20"))
            for (var p = 0; p < people; p++)
            {
                var kind = Kind(p, activePlans + ceased);
                if (kind is 1 or 2) continue;
                var outcome = kind == 3 ? "N" : "Y";
                w.Line($"{30_000_000 + p},{20_000_000 + p},{outcome},{Blade(Received(p, activePlans + ceased).AddDays(110))},"
                    + $"0,0,0,0,{(p % 7 == 0 ? 1 : 0)}");
            }
        using (var w = Module(zip, "namedplan", "namedplantableid,assessmenttableid,startdate,planres,planwbp,pb,oa,dp,"
            + "ceasedate,ceasereason"))
            for (var p = 0; p < activePlans + ceased; p++)
            {
                var issued = Received(p, activePlans + ceased).AddDays(130);
                var cease = p >= activePlans ? $"{Blade(ReferenceDate.AddDays(-30 - p % 200))},{1 + p % 9}" : ",";
                w.Line($"{40_000_000 + p},{30_000_000 + p},{Blade(issued)},,0,0,0,,{cease}");
            }
        using (var w = Module(zip, "plandetail", "plandetailtableid,namedplantableid,urn,ukprn,sensetting,sensettingother,"
            + "placementrank,senunitindicator,resourcedprovisionindicator"))
            for (var p = 0; p < activePlans + ceased; p++)
                w.Line($"{50_000_000 + p},{40_000_000 + p},{Urn(p)},,{(Urn(p).Length == 0 ? "OLA" : "")},,1,0,0");
        using (var w = Module(zip, "activeplans", "activeplanstableid,requeststableid,transferla,reviewmeeting,reviewoutcome,"
            + "reviewdraft,phasetransferduedate,phasetransferfinaldate,lastreview"))
            for (var p = 0; p < activePlans; p++)
                w.Line($"{60_000_000 + p},{20_000_000 + p},,{Blade(ReferenceDate.AddDays(-20 - p % 300))},M,,,,"
                    + Blade(ReferenceDate.AddDays(-10 - p % 300)));
        using (var w = Module(zip, "placementdetail", "placementdetailtableid,activeplanstableid,urn,ukprn,sensetting,"
            + "sensettingother,placementrank,entrydate,leavingdate,senunitindicator,resourcedprovisionindicator"))
            for (var p = 0; p < activePlans; p++)
                w.Line($"{70_000_000 + p},{60_000_000 + p},{Urn(p)},,{(Urn(p).Length == 0 ? "OLA" : "")},,1,"
                    + $"{Blade(Received(p, activePlans + ceased).AddDays(150))},,{(p % 11 == 0 ? 1 : 0)},0");
        using (var w = Module(zip, "senneed", "senneedtableid,activeplanstableid,sentype,sentyperank"))
            for (var p = 0; p < activePlans; p++)
            {
                w.Line($"{80_000_000 + 2 * p},{60_000_000 + p},{Needs[p % Needs.Length]},1");
                w.Line($"{80_000_001 + 2 * p},{60_000_000 + p},{Needs[(p + 3) % Needs.Length]},2");
            }
    }

    /// <summary>0 a plan (active or ceased), then the year's requests: 1 refused, 2 undecided, 3 assessed, not issued.</summary>
    private static int Kind(int p, int withPlans) => p < withPlans ? 0 : 1 + (p - withPlans) % 3;

    /// <summary>Plans' requests spread over the eight years before the reference date; the year's in the last year.</summary>
    private static DateOnly Received(int p, int withPlans) => p < withPlans
        ? ReferenceDate.AddDays(-(400 + p % (365 * 7)))
        : ReferenceDate.AddDays(-(160 + p % 200));

    private static string Urn(int p) => p % 25 == 0 ? "" : (100_000 + p % 50_000).ToString(CultureInfo.InvariantCulture);

    private static string Blade(DateOnly d) => d.ToString("yyyy-MMM-dd", CultureInfo.InvariantCulture) + " 00:00:00";

    private static ModuleWriter Module(ZipArchive zip, string part, string header)
    {
        var entry = zip.CreateEntry($"Blade-Export_15-01-2026_{part}.csv", CompressionLevel.Fastest);
        var writer = new ModuleWriter(new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16), part);
        writer.Text.Write(header + ",NativeId," + part + "orderseqcolumn,sourceid\r\n");
        return writer;
    }

    /// <summary>One module's CSV, each line ending with the export's own three columns.</summary>
    private sealed class ModuleWriter(StreamWriter text, string part) : IDisposable
    {
        private int _n;

        public StreamWriter Text => text;

        public void Line(string values)
        {
            _n++;
            text.Write(values);
            text.Write(string.Create(CultureInfo.InvariantCulture, $",{part[0]}{_n},{_n},COLLECT\r\n"));
        }

        public void Dispose() => text.Dispose();
    }
}
