using SendPipeline.Core.Register;

namespace SendPipeline.SampleData.Tests.Sen2;

/// <summary>
/// The register's figures (Core) built from the sample's extract as read back, and beside Leicestershire's own.
/// </summary>
public sealed class Sen2FiguresOnSampleTests(Sen2La la) : IClassFixture<Sen2La>
{
    private static readonly DateOnly Reference = new(2026, 3, 31), SpringCensus = new(2026, 1, 15);

    private Sen2Figures Figures() =>
        Sen2FiguresBuilder.Build(Sen2RegisterFromExtract.Build(la.Main, Reference, "855"), [SpringCensus]);

    [Fact]
    public void TheSamplesFigures_AreNearTheTargets()
    {
        var figures = Figures();
        TimelinessFigures Year(int year) => figures.Timeliness.Single(t => t.Period == Sen2Period.CalendarYear(year));
        decimal? Rate(int year) => Sen2FigureColumns.Pc(Year(year).WithinTwentyWeeks, Year(year).Issued);

        Assert.InRange(figures.Requests.Single(r => r.Period == Sen2Period.CalendarYear(2025)).Received, 1_300, 1_700);
        Assert.InRange(Rate(2019)!.Value, 87m, 97m);
        Assert.InRange(Rate(2022)!.Value, 1.5m, 6.5m);
        Assert.InRange(figures.Ceased.Single(c => c.Period == Sen2Period.CalendarYear(2025)).Total, 380, 520);

        // In force at the January census: the plans active at the end of March, less the ones issued since, plus
        // the ones ceased since; within a few per cent of them.
        var active = la.Main["activeplans"].Count;
        var total = figures.ActivePlans.Single(a => a.BreakdownTopic == Sen2FiguresBuilder.TotalTopic).Plans;
        Assert.InRange(total, active * 0.95, active * 1.05);
        var needs = figures.ActivePlans.Where(a => a.BreakdownTopic == Sen2FiguresBuilder.NeedTopic).ToList();
        Assert.Equal(total, needs.Sum(n => n.Plans));
        Assert.DoesNotContain(needs, n => n.Breakdown == "NSA");

        Assert.NotEmpty(figures.Overdue);
        Assert.All(figures.Overdue, o => Assert.True(o.DaysWaiting > Sen2FiguresBuilder.TwentyWeeksDays));
    }

    [Fact]
    public void TheSamplesFigures_StandBesideLeicestershiresPublishedOnes()
    {
        var path = SharedFile("shared/data/dfe-ehcp/timeliness_20_week.csv");
        using var stream = File.OpenRead(path);
        var published = PublishedEhcpFigures.Read(stream, PublishedEhcpFigures.Timeliness, "855");

        var beside = PublishedEhcpFigures.Beside(Figures(), published);

        var y2022 = beside.Single(b => b.TimePeriod == "2022" && b.Column == "pc_plans_issued_within_20_weeks");
        Assert.Equal(3.8m, y2022.Published);
        Assert.InRange(y2022.Register!.Value, 1.5m, 6.5m);
        Assert.Contains(beside, b => b.TimePeriod == "2025" && b.Published is null && b.Register is not null);
    }

    private static string SharedFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string[] candidates = [Path.Combine(dir.FullName, relative), Path.Combine(dir.FullName, "..", relative)];
            if (candidates.FirstOrDefault(File.Exists) is { } found) return found;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
