using SendPipeline.Core.Dashboard;
using SendPipeline.Core.Register;
using SendPipeline.Core.Tests.Register;

namespace SendPipeline.Core.Tests.Dashboard;

/// <summary>The dashboard's timeliness section, from the figures of the hand-built register of <see cref="Sen2FiguresTests"/>.</summary>
public class TimelinessPanelTests
{
    private static Sen2Figures Figures() => Sen2FiguresBuilder.Build(Sen2FiguresTests.HandBuilt());

    [Fact]
    public void From_TakesTheLastTwelveMonthsInOrder_WithEachMonthsTimelinessAndRequests()
    {
        var figures = Figures();

        var panel = TimelinessPanel.From(figures);

        var months = figures.Timeliness.Where(t => !t.Period.IsCalendarYear).Select(t => t.Period).Order().TakeLast(12).ToList();
        Assert.Equal(months, panel.Months.Select(m => m.Period));
        foreach (var month in panel.Months)
        {
            var t = figures.Timeliness.Single(x => x.Period == month.Period);
            var r = figures.Requests.Single(x => x.Period == month.Period);
            Assert.Equal((t.Issued, t.WithinTwentyWeeks, r.Received), (month.Issued, month.WithinTwentyWeeks, month.RequestsReceived));
        }
        Assert.Equal(figures.Overdue.Count, panel.Overdue.Count);
        Assert.Equal(panel.Overdue.Select(o => o.DaysWaiting).OrderDescending(), panel.Overdue.Select(o => o.DaysWaiting));
    }

    [Fact]
    public void Rate_IsTheDfEsPercentage_AndNoneWhenNothingWasIssued()
    {
        var month = new TimelinessMonth(new Sen2Period(2024, 1), 8, 3, 6, 3, 10, 7, 1);

        Assert.Equal((37.5m, 50.0m), (month.Rate, month.RateExcludingExceptions));
        Assert.Null((month with { Issued = 0, IssuedNoException = 0 }).Rate);
    }

    [Fact]
    public void Section_ListsTheOverdueRequestsByRequestId_AndNamesNoChild()
    {
        var register = Sen2FiguresTests.HandBuilt();
        var panel = TimelinessPanel.From(Sen2FiguresBuilder.Build(register));
        using var html = new StringWriter();

        DashboardSections.Timeliness(html, panel);

        var text = html.ToString();
        Assert.Contains("id=\"timeliness-section\"", text);
        Assert.All(panel.Overdue, o => Assert.Contains($"<td>{o.RequestId}</td>", text));
        Assert.All(register.People, p => Assert.DoesNotContain(p.Upn!, text));
    }

    [Fact]
    public void Section_WithoutARegister_SaysSo()
    {
        using var html = new StringWriter();

        DashboardSections.Timeliness(html, null);

        Assert.Contains("No SEN2 extract", html.ToString());
    }
}
