using System.Collections.Frozen;
using System.Reflection;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>One code of a coded SEN2 item, what it means and where the code was taken from.</summary>
public sealed record Sen2Code(string Item, string Code, string Meaning, string Source);

/// <summary>
/// The codes of the SEN2 person-level return's coded items (request source, outcomes, sex, ethnicity,
/// upnunknown, sensetting, ceasereason …), shipped as the embedded, versioned list
/// <c>sen2-codes-2024.csv</c> whose every row names its source. The spec's own codes (ceasereason,
/// sensetting) are binding; codes the DfE's specification could not be checked against say so in
/// their source. SEN types are not here: they are spec 4.3 (<see cref="Reference.SenTypes"/>).
/// </summary>
public static class Sen2Codes
{
    public const string FileName = "sen2-codes-2024.csv";

    /// <summary>The list's version, quoted in every code issue so an officer knows which list said no.</summary>
    public const string Version = "2024.1";

    public static IReadOnlyList<Sen2Code> All { get; } = Load();

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByItem = All
        .GroupBy(c => c.Item, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(c => c.Code, c => c.Code,
            StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>>
        Lookups = ByItem.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.GetAlternateLookup<ReadOnlySpan<char>>(),
            StringComparer.Ordinal);

    /// <summary>What a code's source says when the DfE's own table could not be read to confirm it.</summary>
    public const string NotConfirmedMark = "NOT CONFIRMED";

    /// <summary>
    /// Items with a code not yet confirmed against the DfE's specification. A value outside such an item's list
    /// is a query, not an error (<see cref="Sen2Rules.CodeNotConfirmed"/>): a list we could not check must not
    /// reject an LA's true extract; it still reaches the report for an officer to check.
    /// </summary>
    public static IReadOnlySet<string> Unconfirmed { get; } = All
        .Where(c => c.Source.StartsWith(NotConfirmedMark, StringComparison.Ordinal))
        .Select(c => c.Item).ToHashSet(StringComparer.Ordinal);

    /// <summary>The coded items the list has codes for.</summary>
    public static IReadOnlyCollection<string> Items => ByItem.Keys;

    /// <summary>The code as the list writes it (any case accepted), or null when it is not one of the item's codes.</summary>
    public static string? Canonical(string item, ReadOnlySpan<char> value) =>
        Lookups.TryGetValue(item, out var codes) && codes.TryGetValue(value, out var code) ? code : null;

    private static IReadOnlyList<Sen2Code> Load()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("SendPipeline.Core.Returns.Sen2." + FileName)
            ?? throw new InvalidOperationException("The SEN2 code list is not embedded in the assembly.");
        using var text = new StreamReader(stream);
        // The first line is the list's comment (its version); the header follows.
        text.ReadLine();
        using var csv = new Reading.CsvTabularReader(text);
        var codes = new List<Sen2Code>();
        while (csv.Read())
            codes.Add(new Sen2Code(csv[0].ToString(), csv[1].ToString(), csv[2].ToString(), csv[3].ToString()));
        return codes;
    }
}
