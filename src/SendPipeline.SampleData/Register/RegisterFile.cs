using System.Globalization;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.SampleData.Tables;

namespace SendPipeline.SampleData.Register;

/// <summary>The register as an officer downloads it from GIAS: its own column names, its dd-mm-yyyy dates, Windows-1252.</summary>
internal static class RegisterFile
{
    public const string Urn = "URN";
    public const string LaCode = "LA (code)";
    public const string EstablishmentNumber = "EstablishmentNumber";
    public const string EstablishmentName = "EstablishmentName";
    public const string TypeName = "TypeOfEstablishment (name)";
    public const string PhaseName = "PhaseOfEducation (name)";
    public const string NumberOfPupils = "NumberOfPupils";
    public const string StatusName = "EstablishmentStatus (name)";

    /// <summary>The spec's eight columns among the others GIAS gives, which the pipeline must ignore without a query.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        Urn, LaCode, "LA (name)", EstablishmentNumber, EstablishmentName, "TypeOfEstablishment (code)", TypeName,
        "EstablishmentTypeGroup (name)", "EstablishmentStatus (code)", StatusName, "OpenDate", "CloseDate",
        "PhaseOfEducation (code)", PhaseName, "StatutoryLowAge", "StatutoryHighAge", "Gender (name)", NumberOfPupils,
        "Street", "Town", "Postcode", "UKPRN",
    ];

    public static TableFile Build(IEnumerable<RegisterEntry> entries, string fileName)
    {
        var file = new TableFile(Submitter.LocalAuthorityId, ReturnTypes.Establishments, fileName, Columns, TableEncoding.Windows1252);
        foreach (var e in entries)
        {
            file.Add(
                Text(e.Urn), e.LaCode, LaCodes.Dfe.NameOf(e.LaCode) ?? "", e.EstablishmentNumber.ToString("D4", CultureInfo.InvariantCulture),
                e.Name, Text(e.Type.Code), e.Type.Name, e.Type.Group, Text(e.Status.Code), e.Status.Name,
                GiasDate(e.OpenDate), e.CloseDate is { } closed ? GiasDate(closed) : "", Text(PhaseCode(e.Phase)), e.Phase,
                Text(e.LowAge), Text(e.HighAge), e.Gender, e.NumberOfPupils is { } n ? Text(n) : "",
                e.Street, e.Town, e.Postcode, e.Ukprn ?? "");
        }
        return file;
    }

    private static int PhaseCode(string phase) => phase switch { "Primary" => 2, "Secondary" => 4, _ => 0 };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string GiasDate(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
