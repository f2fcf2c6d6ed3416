namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// One worksheet. The first <see cref="HeaderRows"/> rows are the header: bold, frozen while scrolling,
/// and the last of them carries the auto-filter. <see cref="Rows"/> is read row by row as it is written,
/// so a large table can be a list that produces its rows on demand.
/// </summary>
public sealed record WorkbookSheet(string Name, IReadOnlyList<IReadOnlyList<WorkbookCell>> Rows, int HeaderRows = 1);
