using SendPipeline.Core.Uploads;
using SendPipeline.Workflows.Ingest;

namespace SendPipeline.Workflows.Tests;

/// <summary>
/// Where an accepted upload goes in force (spec 1: the latest of the same submitter, return type and period
/// replaces the earlier; spec 2 sen2: each extract is the whole register, so the latest replaces the earlier
/// whatever its reference date). Ingest, the record step and the sweep all key the accepted table by this.
/// </summary>
public class AcceptedKeyTests
{
    private static ValidationSummary Accepted(string returnType, string submitter, string period) =>
        new("id", $"uploads/{submitter}/{returnType}/f", submitter, returnType, "hash", UploadStatus.Accepted, period,
            1, 0, 0, DateTimeOffset.UnixEpoch, "r.json", "c", []);

    [Fact]
    public void Sen2_ExtractsOfDifferentMonths_ShareOnePlaceInForce() =>
        Assert.Equal(UploadRecords.AcceptedRowKey(Accepted(ReturnTypes.Sen2, "la", "2026-01-31")),
            UploadRecords.AcceptedRowKey(Accepted(ReturnTypes.Sen2, "la", "2026-02-28")));

    [Fact]
    public void Census_ReturnsOfDifferentCensuses_StayInForceSideBySide() =>
        Assert.NotEqual(UploadRecords.AcceptedRowKey(Accepted(ReturnTypes.SchoolCensus, "8552001", "2025-10-02")),
            UploadRecords.AcceptedRowKey(Accepted(ReturnTypes.SchoolCensus, "8552001", "2026-01-15")));

    [Fact]
    public void TheAcceptedRecord_IsWrittenUnderThatKey_AndKeepsItsOwnPeriod()
    {
        var row = UploadRecords.ForAccepted(Accepted(ReturnTypes.Sen2, "la", "2026-02-28"));

        Assert.Equal(UploadRecords.AcceptedRowKey("la", ""), row.RowKey);
        Assert.Equal("2026-02-28", row.GetString(UploadRecords.Field.Period));
    }
}
