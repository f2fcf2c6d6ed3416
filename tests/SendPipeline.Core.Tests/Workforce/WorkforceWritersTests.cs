using System.Text;
using SendPipeline.Core.Workforce;

namespace SendPipeline.Core.Tests.Workforce;

/// <summary>The CSV columns are a contract with the LA's Power BI reports (docs/datasets.md): order and formats are pinned here.</summary>
public class WorkforceWritersTests
{
    private static readonly WorkforceCapacity Capacity = new("2025-26 Q3", [], [], [],
        [new SettingDaysRow("2025-26 Q3", "8554001", "Beech High", "Secondary", 0m, 40m, true, 9.5m, 120m, false),
         new SettingDaysRow("2025-26 Q3", "8557001", "Oak Special", null, 0m, null, true, 0m, null, true)],
        new OutreachRow("2025-26 Q3", "2025-26", "2025-26", "2027-28", true, 2, 1.5m, 60000m, 0.6m),
        [new WorkforceCheck("2025-26 Q3", WorkforceChecks.TransformationPastEnd, "svc-salt", "TR2", "Post TR2, SALT, ended.", "End the post.")]);

    private static string Write(Action<WorkforceCapacity, Stream> writer, WorkforceCapacity capacity)
    {
        using var stream = new MemoryStream();
        writer(capacity, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void WriteSettingDays_QuarterColumnsThenYearToDate()
    {
        Assert.Equal(
            "Quarter,LAEstab,Name,Phase,DaysDelivered,QuarterTarget,NoSupport,YearToDateDays,YearToDateTarget,NoSupportThisYear\n" +
            "2025-26 Q3,8554001,Beech High,Secondary,0,40,Y,9.5,120,N\n" +
            "2025-26 Q3,8557001,Oak Special,,0,,Y,0,,Y\n",
            Write(WorkforceWriters.WriteSettingDays, Capacity));
    }

    [Fact]
    public void WriteOutreach_OneRowForTheQuarter()
    {
        Assert.Equal(
            "Quarter,FinancialYear,FundedFrom,FundedUntil,InWindow,EahPosts,EahFte,EahCost,OtherFundedFte\n" +
            "2025-26 Q3,2025-26,2025-26,2027-28,Y,2,1.5,60000.00,0.6\n",
            Write(WorkforceWriters.WriteOutreach, Capacity));
        Assert.Equal("Quarter,FinancialYear,FundedFrom,FundedUntil,InWindow,EahPosts,EahFte,EahCost,OtherFundedFte\n",
            Write(WorkforceWriters.WriteOutreach, Capacity with { Outreach = null }));
    }

    [Fact]
    public void WriteChecks_QuotesAFindingWithACommaSoTheColumnsHold()
    {
        Assert.Equal(
            "Quarter,Check,ServiceCode,PostId,Finding,Action\n" +
            "2025-26 Q3,transformation-past-end,svc-salt,TR2,\"Post TR2, SALT, ended.\",End the post.\n",
            Write(WorkforceWriters.WriteChecks, Capacity));
    }
}
