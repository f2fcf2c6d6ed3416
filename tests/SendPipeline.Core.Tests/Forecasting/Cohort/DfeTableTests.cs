using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Forecasting.DfeTables;

namespace SendPipeline.Core.Tests.Forecasting.Cohort;

public sealed class DfeTableTests
{
    private const string Header2025 =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
        "new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans";

    private static MemoryStream Bytes(string text, bool bom) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public void Read_TakesEachDfeMarkAsAGap_NotAsZero()
    {
        var csv = Header2025 + "\r\n" + string.Join("\r\n", new[] { "12", "x", "z", "c", "low" }.Select((v, i) =>
            $"20{18 + i}{19 + i},Academic year,Local authority,E92000001,England,E12000004,East Midlands,E10000018,855,Leicestershire,All EHC plans,All EHC plans,{v}")) + "\r\n";

        var rows = DfeTable.Read(Bytes(csv, bom: true), "caseload.csv", ["ehcplans"]);

        Assert.Equal([12.0, null, null, null, null], rows.Select(r => r["ehcplans"]));
        Assert.Equal([201819, 201920, 202021, 202122, 202223], rows.Select(r => r.TimePeriod));
        Assert.All(rows, r => Assert.Equal(new Area(Area.LocalAuthority, "855", "Leicestershire"), r.Area));
        Assert.All(rows, r => Assert.Equal("E10000018", r.NewLaCode));
    }

    [Fact]
    public void Read_FindsColumnsByName_WhateverTheirOrder_AndQuotedNames()
    {
        // The age file puts old_la_code before new_la_code and has no breakdown_topic.
        const string csv = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
            "old_la_code,new_la_code,la_name,characteristic_age,Total_all\n" +
            "2022,Calendar year,Local authority,E92000001,England,E12000003,Yorkshire,810,E06000010,\"Kingston upon Hull, City of\",Under 5,40\n";

        var row = Assert.Single(DfeTable.Read(Bytes(csv, bom: false), "sen2_age_caseload.csv", ["Total_all"],
            topicOptional: true));

        Assert.Equal("810", row.Area.OldLaCode);
        Assert.Equal("Kingston upon Hull, City of", row.Area.LaName);
        Assert.Equal("Under 5", row.Breakdown);
        Assert.Equal(40.0, row["Total_all"]);
    }

    [Fact]
    public void Read_NamesTheFileRowAndColumn_OfAValueThatIsNeitherANumberNorAMark()
    {
        var csv = Header2025
            + "\n201819,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,n/a\n";

        var e = Assert.Throws<InvalidDataException>(() => DfeTable.Read(Bytes(csv, bom: false), "caseload.csv",
            ["ehcplans"]));

        Assert.Equal("caseload.csv row 2, column ehcplans: 'n/a' is neither a number nor a DfE mark (x, z, c, low).",
            e.Message);
    }

    [Fact]
    public void Read_NamesAMissingColumn()
    {
        var e = Assert.Throws<InvalidDataException>(() => DfeTable.Read(Bytes(Header2025
            + "\n", bom: false), "caseload.csv", ["fe_total"]));

        Assert.StartsWith("caseload.csv has no fe_total column", e.Message);
    }

    [Theory]
    [InlineData(202223, 2022)] // January 2023
    [InlineData(2022, 2021)] // the age file's "calendar year" 2022 is January 2022
    public void CaseloadKey_IsTheAcademicYearOfTheJanuaryCount(int timePeriod, int key) =>
        Assert.Equal(key, DfeTable.CaseloadKey(timePeriod));
}

public sealed class AgeLabelTests
{
    [Theory]
    [InlineData("Under 5", 0)]
    [InlineData("Under age 5", 0)]
    [InlineData("age 2 and under", 0)]
    [InlineData("Age 5 to 10", 1)]
    [InlineData("age 10", 1)]
    [InlineData("Age 11 to 15", 2)]
    [InlineData("Age 16 to 19", 3)]
    [InlineData("age 20 and over", 4)]
    [InlineData("Age 20 to 25", 4)]
    public void BandOfLabel_PlacesEachDfeAgeLabelInItsBand(string label, int band) =>
        Assert.Equal(band, EhcpTables.BandOfLabel(label));

    [Fact]
    public void BandOfLabel_IsNullForTheTotal() => Assert.Null(EhcpTables.BandOfLabel("Total"));
}
