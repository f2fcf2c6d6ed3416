using SendPipeline.Core.Uploads;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Establishments;

namespace SendPipeline.SampleData;

/// <summary>One school's upload as it will be written: its rows and how its MIS formats them.</summary>
internal sealed class SchoolFile(SampleSchool school, List<CensusRecord> rows, CensusFormat format, string fileName, bool utf8Bom, bool wholeRoll)
{
    public SampleSchool School { get; } = school;
    public List<CensusRecord> Rows { get; } = rows;
    public CensusFormat Format { get; } = format;
    public string FileName { get; } = fileName;
    public bool Utf8Bom { get; } = utf8Bom;
    public bool WholeRoll { get; } = wholeRoll;
    public bool IsXlsx => Format.TypedCells;

    /// <summary>Relative to the output root, with forward slashes, as the validation report names files.</summary>
    public string UploadPath => $"{Core.Uploads.UploadPath.Container}/{School.LaEstab}/{ReturnTypes.SchoolCensus}/{FileName}";

    /// <summary>The spreadsheet row of a data row: the header is row 1.</summary>
    public static int SpreadsheetRow(int index) => index + 2;
}
