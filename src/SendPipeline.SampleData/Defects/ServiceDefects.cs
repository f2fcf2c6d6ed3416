using SendPipeline.SampleData.Tables;
using K = SendPipeline.SampleData.Defects.DefectKinds;

namespace SendPipeline.SampleData.Defects;

/// <summary>
/// One rejected and one accepted-with-a-query file of each service return. The spec has no row
/// query for workforce, so its query is the file-level one: a column of the service's own.
/// </summary>
internal sealed class ServiceDefects(Random rng) : TableDefectPlanter(rng)
{
    public void PlantWorkforce(IReadOnlyList<TableFile> files)
    {
        var csv = files.Where(f => f.Encoding != TableEncoding.Xlsx).OrderByDescending(f => f.Rows.Count).ToList();
        if (csv.Count < 2) return;
        var (rejected, query) = (csv[1], csv[0]);
        Spoil(rejected, "FTE", "1.2", K.FteOutOfRange);
        Spoil(rejected, "Discipline", "PHYSIO", K.InvalidDiscipline);
        Spoil(rejected, "Role", "Manager", K.InvalidRole);
        Spoil(rejected, "Status", "Temp", K.InvalidStatus);
        Spoil(rejected, "AnnualCost", "-4500.00", K.NegativeCost);
        Spoil(rejected, "FundingSource", "DSG", K.InvalidFundingSource);
        Spoil(rejected, "Quarter", "2025-26 Q2", K.QuarterDiffers, i => i > 0);
        // A post moved to transformation work without the end date such work must have.
        if (PickRow(rejected, i => rejected.Get(i, "Role") == "FrontLine") is { } row)
        {
            rejected.Set(row, "Role", "Transformation");
            rejected.Set(row, "TimeLimitedUntil", "");
            Record(rejected, row, "TimeLimitedUntil", K.TransformationWithoutEnd);
        }
        if (PickRow(rejected, _ => true) is { } first && PickRow(rejected, i => i > first) is { } second)
        {
            rejected.Set(second, "PostId", rejected.Get(first, "PostId"));
            Record(rejected, second, "PostId", K.DuplicatePostId);
        }
        UnknownColumn(query, "Team", i => (i % 3) switch { 0 => "North", 1 => "South", _ => "West" });
    }

    public void PlantActivity(IReadOnlyList<TableFile> files)
    {
        var csv = files.Where(f => f.Encoding != TableEncoding.Xlsx && f.Rows.Count >= 10).OrderByDescending(f => f.Rows.Count).ToList();
        if (csv.Count == 0) return;
        var rejected = csv[Math.Min(1, csv.Count - 1)];
        Spoil(rejected, "DaysDelivered", "70", K.DaysOutOfRange);
        Spoil(rejected, "DaysDelivered", "2.3", K.DaysNotHalf);
        Spoil(rejected, "ActivityType", "Visit", K.InvalidActivityType);
        Spoil(rejected, "LAEstab", rejected.Get(0, "LAEstab")[..5], K.BadLaEstab);
        Spoil(rejected, "Quarter", "Q3 2025-26", K.BadQuarter, i => i > 0);
        Spoil(rejected, "Discipline", "SENCO", K.InvalidDiscipline);
    }

    /// <summary>A setting the register does not have open: recorded by the caller, which knows the register.</summary>
    public void SettingNotOpen(TableFile file, int row) => Record(file, row, "LAEstab", K.SettingNotOpen);
}
