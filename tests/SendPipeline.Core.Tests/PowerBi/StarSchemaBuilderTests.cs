using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.Forecasting;
using SendPipeline.Core.Picture;
using SendPipeline.Core.PowerBi;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.PowerBi;

public class StarSchemaBuilderTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static readonly HnbForecastResult Forecast = new(
    [
        new("2025-26", "baseline", "1.2.1", "MMS", 1000.50m), new("2025-26", "baseline", "1.2.5", null, 200m),
        new("2025-26", "reform", "1.2.1", "MMS", 900.25m), new("2025-26", "reform", "1.2.5", null, 200m),
    ]);

    private static StarSchema Build(PictureBuilder builder, byte[]? secret = null, int? suppressUnder = null)
    {
        var picture = builder.Build();
        return StarSchemaBuilder.Build(picture, Forecast, null, WorkforceCapacity.Build(picture, SplitRules.From(picture.Assumptions)),
            DataQualityReport.Build(picture, "855"), new StarSchemaOptions(secret ?? Secret, suppressUnder));
    }

    /// <summary>A pupil at a school the register does not list, with no SENType1: both must land on the Unknown members.</summary>
    private static PictureBuilder WithUnknowns()
    {
        var builder = new PictureBuilder();
        builder.Census2.Add($"8559999,2026-01-15,{Upn.Create("855999925004")},2016-01-15,F,5,K,,,N,N,N,,3");
        return builder;
    }

    [Fact]
    public void Build_EveryDimensionKeyIsUniqueAndEveryForeignKeyResolvesIncludingUnknown()
    {
        var schema = Build(WithUnknowns());

        foreach (var dim in schema.Tables.Where(t => t.IsDimension))
        {
            var keys = dim.Rows.Select(r => (long)r[dim.IndexOf(dim.Key!)]!).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            if (dim.Name != "dim_date") Assert.Contains(0L, keys);
        }
        Assert.NotEmpty(schema.Relationships);
        foreach (var fk in schema.Relationships)
        {
            var dim = schema[fk.Dimension];
            var keys = dim.Rows.Select(r => r[dim.IndexOf(dim.Key!)]).ToHashSet();
            var fact = schema[fk.Fact];
            Assert.All(fact.Rows, r => Assert.True(r[fact.IndexOf(fk.Column)] is null || keys.Contains(r[fact.IndexOf(fk.Column)]), $"{fk.Fact}.{fk.Column}"));
        }
        var pupils = schema["fact_sen_pupil"];
        var unknown = pupils.Rows.Single(r => (string)r[pupils.IndexOf("SettingCode")]! == "8559999");
        Assert.Equal(0L, unknown[pupils.IndexOf("SettingKey")]);
        Assert.Equal(0L, unknown[pupils.IndexOf("NeedKey")]);
    }

    [Fact]
    public void Build_SurrogateKeysFollowSortedNaturalKeys()
    {
        var need = Build(new PictureBuilder())["dim_need"];

        var codes = need.Rows.Skip(1).Select(r => (string)r[1]!).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(1L, need.Rows[1][0]);
    }

    [Fact]
    public void Build_FactRowsAreUniqueAtTheirGrain()
    {
        var schema = Build(WithUnknowns());

        var pupils = schema["fact_sen_pupil"];
        Assert.Equal(pupils.Rows.Count, pupils.Rows.Select(r => (r[0], r[2], r[3])).Distinct().Count());
        var posts = schema["fact_workforce_post"];
        Assert.Equal(posts.Rows.Count, posts.Rows.Select(r => (r[0], r[1], r[2])).Distinct().Count());
        var spend = schema["fact_hnb_spend"];
        Assert.Equal(spend.Rows.Count, spend.Rows.Select(r => (r[0], r[1], r[2], r[3], r[4])).Distinct().Count());
    }

    [Fact]
    public void Build_PupilKeyIsTheHmacOfTheUpnAndNoIdentifierIsInAnyCell()
    {
        var schema = Build(new PictureBuilder());

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(PictureBuilder.UpnA)));
        var pupils = schema["fact_sen_pupil"];
        Assert.Contains(pupils.Rows, r => (string)r[pupils.IndexOf("PupilKey")]! == expected);
        var cells = new List<string>();
        foreach (var table in schema.Tables)
        {
            using var csv = new MemoryStream();
            StarCsvWriter.Write(table, csv);
            cells.Add(Encoding.UTF8.GetString(csv.ToArray()));
        }
        foreach (var identifier in new[] { PictureBuilder.UpnA, PictureBuilder.UpnB, PictureBuilder.UpnC, "2016-10-01", "2012-01-01" })
            Assert.DoesNotContain(cells, c => c.Contains(identifier, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Build_PupilKeysAreStableUnderOneSecretAndChangeWithIt()
    {
        static List<object?> Keys(StarSchema s) => [.. s["fact_sen_pupil"].Rows.Select(r => r[s["fact_sen_pupil"].IndexOf("PupilKey")])];
        var other = Secret.Select(b => (byte)(b ^ 0xFF)).ToArray();

        Assert.Equal(Keys(Build(new PictureBuilder())), Keys(Build(new PictureBuilder())));
        Assert.Empty(Keys(Build(new PictureBuilder())).Intersect(Keys(Build(new PictureBuilder(), other))));
    }

    [Fact]
    public void Build_AgeIsWholeYearsOnTheCensusDate()
    {
        var builder = WithUnknowns(); // born 2016-01-15, censused 2026-01-15: ten on the day
        var pupils = Build(builder)["fact_sen_pupil"];

        var ages = pupils.Rows.ToDictionary(r => (string)r[pupils.IndexOf("PupilKey")]!, r => r[pupils.IndexOf("Age")]);
        string Key(string upn) => Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(upn)));
        Assert.Equal(10L, ages[Key(Upn.Create("855999925004"))]);
        Assert.Equal(9L, ages[Key(PictureBuilder.UpnA)]); // born 2016-10-01
        Assert.Equal((byte)9, LaPicture.AgeOn(new DateOnly(2016, 1, 16), new DateOnly(2026, 1, 15)));
    }

    [Fact]
    public void Build_WithAThreshold_PublishesSuppressedCountsAndNoPupilRows()
    {
        var builder = new PictureBuilder();
        builder.Census1.Add($"8552001,2026-01-15,{Upn.Create("855200125009")},2016-11-01,F,4,E,ASD,,N,N,Y,,4");
        var schema = Build(builder, suppressUnder: 2);

        Assert.DoesNotContain(schema.Tables, t => t.Name is "fact_sen_pupil" or "fact_placement");
        Assert.DoesNotContain(schema.Tables.SelectMany(t => t.Columns), c => c.Name == "PupilKey");
        Assert.Equal(["agg_placement_category_funding", "agg_placement_category_need", "agg_placement_setting", "agg_sen_pupil_phase_need", "agg_sen_pupil_setting"],
            schema.Tables.Select(t => t.Name).Where(n => n.StartsWith("agg_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var counts = schema["agg_sen_pupil_setting"];
        var (pupils, suppressed) = (counts.IndexOf("Pupils"), counts.IndexOf("Suppressed"));
        // A table this small is blanked whole: every line has a cell under 2, and its partners go with it.
        Assert.Contains(counts.Rows, r => r[pupils] is null && r[suppressed] is true);
        Assert.All(counts.Rows, r => Assert.Equal(r[pupils] is null, r[suppressed] is true));
        Assert.DoesNotContain(counts.Rows, r => r[pupils] is long n && n < 2);
    }

    [Fact]
    public void Build_DateTableIsWholeGapFreeYearsCoveringEveryFactDate()
    {
        var dates = Build(new PictureBuilder())["dim_date"].Rows.Select(r => (DateOnly)r[1]!).ToList();

        Assert.Equal(new DateOnly(2021, 1, 1), dates[0]); // the placement started 2021-09-01
        Assert.Equal(new DateOnly(2026, 12, 31), dates[^1]);
        Assert.All(dates.Zip(dates.Skip(1)), p => Assert.Equal(p.First.AddDays(1), p.Second));
    }

    [Fact]
    public void Build_HnbAndFteTotalsReconcileWithTheDatasets()
    {
        var builder = new PictureBuilder();
        var picture = builder.Build();
        var capacity = WorkforceCapacity.Build(picture, SplitRules.From(picture.Assumptions));
        var schema = Build(builder);

        var spend = schema["fact_hnb_spend"];
        var scenarios = schema["dim_scenario"].Rows.ToDictionary(r => (long)r[0]!, r => (string)r[1]!);
        foreach (var scenario in HnbAssumptions.Scenarios)
            Assert.Equal(Forecast.Total("2025-26", scenario), spend.Rows.Where(r => (string)r[1]! == "Modelled" && scenarios[(long)r[2]!] == scenario).Sum(r => (decimal)r[5]!));
        var posts = schema["fact_workforce_post"];
        Assert.Equal(capacity.Fte.Sum(f => f.Filled + f.Vacant + f.Agency + f.Secondment), posts.Rows.Sum(r => (decimal)r[posts.IndexOf("Fte")]!));
    }

    [Fact]
    public async Task Writers_SameSchemaWritesTheSameBytes()
    {
        static async Task<byte[]> Bytes(StarTable table)
        {
            using var stream = new MemoryStream();
            await StarParquetWriter.WriteAsync(table, stream);
            StarCsvWriter.Write(table, stream);
            return stream.ToArray();
        }

        var (first, second) = (Build(WithUnknowns()), Build(WithUnknowns()));

        foreach (var table in first.Tables) Assert.Equal(await Bytes(table), await Bytes(second[table.Name]));
    }

    [Fact]
    public void Csv_MakesFormulasSafeAndWritesIsoDatesInvariantNumbersAndNegativesAsNumbers()
    {
        var table = new StarTable("dim_test", "test", [StarColumns.Text("Name"), StarColumns.Date("Day"),
            StarColumns.Dec("Amount"), StarColumns.Int("Count"), StarColumns.Flag("Open", nullable: true)],
            [["=1+1", new DateOnly(2026, 1, 15), 1234.5m, -3L, true], ["a,b", new DateOnly(2026, 3, 31), -9.25m, 0L, null]]);
        using var stream = new MemoryStream();

        StarCsvWriter.Write(table, stream);

        Assert.Equal("Name,Day,Amount,Count,Open\n\"'=1+1\",2026-01-15,1234.5,-3,true\n\"a,b\",2026-03-31,-9.25,0,\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }
}
