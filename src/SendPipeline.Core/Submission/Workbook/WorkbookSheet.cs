namespace SendPipeline.Core.Submission.Workbook;

/// <summary>
/// One worksheet. The first <see cref="HeaderRows"/> rows are the header: bold and frozen while
/// scrolling; with <see cref="Filter"/>, the last of them carries the auto-filter. Column widths
/// come from the header and the first rows' contents (see <see cref="XlsxWorkbookWriter"/>).
/// </summary>
public sealed record WorkbookSheet(
    string Name, IReadOnlyList<IReadOnlyList<WorkbookCell>> Rows, int HeaderRows = 1, bool Filter = true);
