using System.Globalization;
using System.Reflection;
using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Reference;

/// <summary>
/// One LA's neighbour of a given rank in the DfE's statistical neighbour model: <see cref="LaCode"/> and
/// <see cref="NeighbourCode"/> are ONS codes (E06/E08/E09/E10), <see cref="Proximity"/> the model's own words
/// ("Very close" … "Not close"), trimmed.
/// </summary>
public sealed record StatisticalNeighbour(string LaCode, string LaName, int Rank, string NeighbourCode,
    string NeighbourName, string Proximity);

/// <summary>
/// The statistical neighbours of every LA in England, ten each, as the DfE publishes them in the Local Authority
/// Interactive Tool (LAIT): reference data, not an upload, shipped as the embedded, versioned
/// <c>statistical-neighbours-2025.csv</c> whose first line says its source. The list uses the ONS codes of April
/// 2023 and after (<see cref="Successors"/>), which the EHC plan tables to January 2023 do not yet have.
/// </summary>
public static class StatisticalNeighbours
{
    public const string FileName = "statistical-neighbours-2025.csv";

    /// <summary>The edition, named wherever the neighbours are shown, so an officer knows which list it was.</summary>
    public const string Version = "LAIT 2025";

    public static IReadOnlyList<StatisticalNeighbour> All { get; } = LoadEmbedded();

    /// <summary>
    /// The councils made in April 2023 whose figures to January 2023 the DfE publishes under the county they
    /// replaced: Cumberland and Westmorland and Furness under Cumbria, North Yorkshire and Somerset under their
    /// county codes (their 3-digit LA codes, 815 and 933, did not change).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Successors { get; } = new Dictionary<string, string>(
        StringComparer.Ordinal)
    {
        ["E06000063"] = "E10000006", // Cumberland: Cumbria
        ["E06000064"] = "E10000006", // Westmorland and Furness: Cumbria
        ["E06000065"] = "E10000023", // North Yorkshire (unitary): North Yorkshire (county)
        ["E06000066"] = "E10000027", // Somerset (unitary): Somerset (county)
    };

    /// <summary>An LA's neighbours by rank; none when the list has no LA of that ONS code.</summary>
    public static IReadOnlyList<StatisticalNeighbour> Of(string onsCode,
        IReadOnlyList<StatisticalNeighbour>? list = null) =>
        [.. (list ?? All).Where(n => n.LaCode == onsCode).OrderBy(n => n.Rank)];

    /// <summary>
    /// Reads the list: a first line starting with <c>#</c> is its comment; then the header <c>la_code, la_name, SN,
    /// SN_code, SN_name, SN_prox</c> (found by name) and a row per LA and rank. A bad row is an error naming it.
    /// </summary>
    public static IReadOnlyList<StatisticalNeighbour> Read(TextReader text, string fileName)
    {
        if (text.Peek() == '#') text.ReadLine();
        using var csv = new CsvTabularReader(text);
        var header = csv.Header.Select(h => h.Trim()).ToList();
        int Column(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase))
            is var i and >= 0 ? i : throw new InvalidDataException(
                $"{fileName} has no {name} column (found: {string.Join(", ", csv.Header)}).");
        int la = Column("la_code"), name = Column("la_name"), rank = Column("SN"), code = Column("SN_code"),
            neighbour = Column("SN_name"), proximity = Column("SN_prox");
        var rows = new List<StatisticalNeighbour>();
        while (csv.Read())
        {
            if (csv.FieldCount == 1 && csv[0].Trim().IsEmpty) continue;
            if (csv.FieldCount < header.Count)
                throw new InvalidDataException($"{fileName} row {csv.RowNumber} has {csv.FieldCount} of the " +
                    $"{header.Count} columns; each row needs la_code, la_name, SN, SN_code, SN_name and SN_prox.");
            if (!int.TryParse(csv[rank].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r)
                || r is < 1 or > 10)
                throw new InvalidDataException($"{fileName} row {csv.RowNumber}, column SN: '{csv[rank]}' is not a " +
                    "rank from 1 to 10.");
            // The published proximity "Close " has a trailing space; the words are compared trimmed.
            rows.Add(new StatisticalNeighbour(csv[la].Trim().ToString(), csv[name].Trim().ToString(), r,
                csv[code].Trim().ToString(), csv[neighbour].Trim().ToString(), csv[proximity].Trim().ToString()));
        }
        return rows;
    }

    private static IReadOnlyList<StatisticalNeighbour> LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("SendPipeline.Core.Reference." + FileName)
            ?? throw new InvalidOperationException("The statistical neighbour list is not embedded in the assembly.");
        using var text = new StreamReader(stream);
        return Read(text, FileName);
    }
}
