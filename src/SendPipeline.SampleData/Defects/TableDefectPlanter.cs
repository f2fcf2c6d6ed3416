using SendPipeline.SampleData.Tables;

namespace SendPipeline.SampleData.Defects;

/// <summary>
/// Plants defects in the text of non-census files, one to a row so that each can be found on its
/// own, and records each one. A defect that finds no suitable row is skipped rather than forced,
/// so small test LAs still generate; the default LA has room for every kind.
/// </summary>
internal abstract class TableDefectPlanter(Random rng)
{
    private readonly HashSet<(TableFile, int)> _used = [];

    protected Random Rng { get; } = rng;
    public List<PlantedDefect> Defects { get; } = [];
    /// <summary>Files a planter spoilt, which other returns must not build on.</summary>
    public HashSet<TableFile> Touched { get; } = [];

    protected int? PickRow(TableFile file, Func<int, bool> suitable)
    {
        var free = Enumerable.Range(0, file.Rows.Count).Where(i => !_used.Contains((file, i)) && suitable(i)).ToList();
        if (free.Count == 0) return null;
        var row = free[Rng.Next(free.Count)];
        _used.Add((file, row));
        return row;
    }

    /// <summary>Writes <paramref name="value"/> into a suitable row and records it; false when no row suits.</summary>
    protected bool Spoil(TableFile file, string column, string value, string kind, Func<int, bool>? suitable = null)
    {
        if (PickRow(file, suitable ?? (_ => true)) is not { } row) return false;
        file.Set(row, column, value);
        Record(file, row, column, kind);
        return true;
    }

    protected void Record(TableFile file, int row, string column, string kind)
    {
        var value = file.Get(row, column);
        Touched.Add(file);
        Defects.Add(new PlantedDefect(file.UploadPath, TableFile.SpreadsheetRow(row), column, DefectKinds.SeverityOf(kind), kind,
            value.Length == 0 ? null : value, DefectKinds.DfeRuleOf(kind)));
    }

    /// <summary>A problem with the file as a whole: no row, and the value that shows it.</summary>
    protected void RecordFile(TableFile file, string column, string kind, string? value)
    {
        Touched.Add(file);
        Defects.Add(new PlantedDefect(file.UploadPath, null, column, DefectKinds.SeverityOf(kind), kind, value, null));
    }

    /// <summary>A column of the person's own, which spec 1 makes a query and nothing more.</summary>
    protected void UnknownColumn(TableFile file, string name, Func<int, string> value)
    {
        file.AddColumn(name, value);
        RecordFile(file, name, DefectKinds.UnknownColumn, null);
    }

    /// <summary>Marks a row as taken without spoiling it, so a later defect cannot land on it.</summary>
    protected void Reserve(TableFile file, int row) => _used.Add((file, row));
}
