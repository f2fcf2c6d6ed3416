using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Tests.Sen2;

/// <summary>
/// A small SEN2 extract built in code, with its modules' columns written out from the spec (not taken from
/// the validator's own definitions), that can be planted with defects and saved as the Blade export's zip
/// or as the pre-submission workbook. Row i of a module (0-based) is spreadsheet row i + 2.
/// </summary>
internal sealed class Sen2Fixture
{
    public static readonly (string Part, string Sheet, string[] Columns)[] Modules =
    [
        ("sen2", "Header", ["sen2tableid", "collection", "year", "referencedate", "sourcelevel", "lea", "softwarecode",
            "release", "serialno", "datetime", "dmo", "dco", "dsco"]),
        ("person", "Person", ["persontableid", "sen2tableid", "surname", "forename", "personbirthdate", "sex", "ethnicity",
            "postcode", "upn", "uniquelearnernumber", "upnunknown"]),
        ("requests", "Requests", ["requeststableid", "persontableid", "receiveddate", "requestsource", "rya",
            "requestoutcomedate", "requestoutcome", "requestmediation", "requesttribunal", "exported"]),
        ("assessment", "Assessments", ["assessmenttableid", "requeststableid", "assessmentoutcome", "assessmentoutcomedate",
            "assessmentmediation", "assessmenttribunal", "othermediation", "othertribunal", "week20"]),
        ("namedplan", "Named Plan", ["namedplantableid", "assessmenttableid", "startdate", "planres", "planwbp", "pb", "oa",
            "dp", "ceasedate", "ceasereason"]),
        ("plandetail", "Plan Detail", ["plandetailtableid", "namedplantableid", "urn", "ukprn", "sensetting",
            "sensettingother", "placementrank", "senunitindicator", "resourcedprovisionindicator"]),
        ("activeplans", "Active Plan", ["activeplanstableid", "requeststableid", "transferla", "reviewmeeting",
            "reviewoutcome", "reviewdraft", "phasetransferduedate", "phasetransferfinaldate", "lastreview"]),
        ("placementdetail", "Placement Detail", ["placementdetailtableid", "activeplanstableid", "urn", "ukprn",
            "sensetting", "sensettingother", "placementrank", "entrydate", "leavingdate", "senunitindicator",
            "resourcedprovisionindicator"]),
        ("senneed", "SEN Need", ["senneedtableid", "activeplanstableid", "sentype", "sentyperank"]),
    ];

    public static readonly string Upn1 = Upn.Create("855200124001");
    public static readonly string Uln2 = Uln.Create("123456789")!;

    public Dictionary<string, List<Dictionary<string, string>>> Rows { get; } =
        Modules.ToDictionary(m => m.Part, _ => new List<Dictionary<string, string>>());

    /// <summary>
    /// Three people at reference date 15 January 2026: one with an active plan (placement, two needs), one
    /// whose plan ceased on transfer, one with a request not yet decided (a blank outcome: a query only).
    /// </summary>
    public static Sen2Fixture Clean()
    {
        var f = new Sen2Fixture();
        f.Add("sen2", "sen2tableid=1", "collection=SEN2", "year=2026", "referencedate=2026-01-15", "sourcelevel=L",
            "lea=855", "softwarecode=COLLECT", "release=1", "serialno=7", "datetime=2026-01-15T09:00:00");
        f.Add("person", "persontableid=11", "sen2tableid=1", "surname=Smith", "forename=Zoë", "personbirthdate=2015-03-04",
            "sex=M", "ethnicity=WBRI", "postcode=LE1 1AA", "upn=" + Upn1);
        f.Add("person", "persontableid=12", "sen2tableid=1", "surname=Khan", "forename=Aisha", "personbirthdate=2008-06-30",
            "sex=F", "ethnicity=AIND", "postcode=LE2 2BB", "uniquelearnernumber=" + Uln2);
        f.Add("person", "persontableid=13", "sen2tableid=1", "surname=Jones", "forename=Sam", "personbirthdate=2022-01-02",
            "sex=M", "ethnicity=NOBT", "upnunknown=UN1");
        f.Add("requests", "requeststableid=21", "persontableid=11", "receiveddate=2024-01-10", "requestsource=1", "rya=0",
            "requestoutcomedate=2024-02-15", "requestoutcome=A", "requestmediation=0", "requesttribunal=0");
        f.Add("requests", "requeststableid=22", "persontableid=12", "receiveddate=2024-03-01", "requestsource=2", "rya=N",
            "requestoutcomedate=2024-04-10", "requestoutcome=A");
        f.Add("requests", "requeststableid=23", "persontableid=13", "receiveddate=2025-11-01", "requestsource=3");
        f.Add("assessment", "assessmenttableid=31", "requeststableid=21", "assessmentoutcome=Y",
            "assessmentoutcomedate=2024-05-20", "week20=0");
        f.Add("assessment", "assessmenttableid=32", "requeststableid=22", "assessmentoutcome=Y",
            "assessmentoutcomedate=2024-07-01", "week20=1");
        f.Add("namedplan", "namedplantableid=41", "assessmenttableid=31", "startdate=2024-05-30", "pb=0", "oa=0");
        f.Add("namedplan", "namedplantableid=42", "assessmenttableid=32", "startdate=2024-07-15", "ceasedate=2025-09-01",
            "ceasereason=5");
        f.Add("plandetail", "plandetailtableid=51", "namedplantableid=41", "urn=120001", "placementrank=1");
        f.Add("plandetail", "plandetailtableid=52", "namedplantableid=42", "sensetting=OLA", "placementrank=1");
        f.Add("activeplans", "activeplanstableid=61", "requeststableid=21", "reviewmeeting=2025-05-01",
            "reviewoutcome=M", "lastreview=2025-05-10");
        f.Add("placementdetail", "placementdetailtableid=71", "activeplanstableid=61", "urn=120001", "placementrank=1",
            "entrydate=2024-09-01", "senunitindicator=0", "resourcedprovisionindicator=0");
        f.Add("senneed", "senneedtableid=81", "activeplanstableid=61", "sentype=ASD", "sentyperank=1");
        f.Add("senneed", "senneedtableid=82", "activeplanstableid=61", "sentype=SLCN", "sentyperank=2");
        return f;
    }

    public Sen2Fixture Add(string part, params string[] cells)
    {
        Rows[part].Add(cells.Select(c => c.Split('=', 2)).ToDictionary(p => p[0], p => p[1]));
        return this;
    }

    /// <summary>Sets one value of data row <paramref name="index"/> (0-based; spreadsheet row index + 2).</summary>
    public Sen2Fixture Set(string part, int index, string column, string value)
    {
        Rows[part][index][column] = value;
        return this;
    }

    private static string Cell(string column, Dictionary<string, string> row, bool bladeDates)
    {
        var value = row.GetValueOrDefault(column, "");
        // The Blade export writes dates as 2022-Sep-28 00:00:00.
        if (bladeDates && value.Length == 10 && value[4] == '-' && DateOnly.TryParse(value, out var d))
            return d.ToString("yyyy-MMM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00";
        return value;
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>The module as the Blade export's CSV text: the spec's columns plus the export's own three.</summary>
    public string ModuleCsv(string part, bool bladeDates = true)
    {
        var (_, _, columns) = Modules.Single(m => m.Part == part);
        var text = new StringBuilder();
        text.Append(string.Join(',', columns)).Append(",NativeId,").Append(part).Append("orderseqcolumn,sourceid\r\n");
        var n = 0;
        foreach (var row in Rows[part])
        {
            text.Append(string.Join(',', columns.Select(c => Csv(Cell(c, row, bladeDates)))));
            text.Append(",N").Append(++n).Append(',').Append(n).Append(",COLLECT\r\n");
        }
        return text.ToString();
    }

    /// <summary>The Blade export zip. <paramref name="entries"/> may add, replace (by name) or drop (null) files.</summary>
    public MemoryStream Zip(Encoding? encoding = null, Dictionary<string, byte[]?>? entries = null)
    {
        encoding ??= new UTF8Encoding(false);
        var files = Modules.ToDictionary(m => $"Blade-Export_15-01-2026_{m.Part}.csv",
            m => (byte[]?)[.. encoding.GetPreamble(), .. encoding.GetBytes(ModuleCsv(m.Part))]);
        foreach (var (name, bytes) in entries ?? []) files[name] = bytes;
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in files)
                if (bytes is not null)
                {
                    using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                    entry.Write(bytes);
                }
        stream.Position = 0;
        return stream;
    }

    /// <summary>The pre-submission workbook: one sheet per module, the header sheet only if asked for.</summary>
    public MemoryStream Workbook(bool headerSheet = false, string? extraSheet = null, string[]? drop = null)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var (part, sheet, all) in Modules)
            {
                if (part == "sen2" && !headerSheet) continue;
                var columns = all.Except(drop ?? []).ToArray();
                AddSheet(workbook, id++, sheet, [columns, .. Rows[part].Select(r => columns.Select(c => Cell(c, r, false)).ToArray())]);
            }
            if (extraSheet is not null) AddSheet(workbook, id, extraSheet, [["Notes"], ["Checked by the SEND team"]]);
            workbook.Workbook.Save();
        }
        stream.Position = 0;
        return stream;
    }

    private static void AddSheet(WorkbookPart workbook, uint id, string name, IEnumerable<string[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 1;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = r++ };
            foreach (var value in values)
                row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
            data.Append(row);
        }
        part.Worksheet = new Worksheet(data);
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }
}
