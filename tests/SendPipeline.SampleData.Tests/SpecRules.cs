using System.Globalization;

namespace SendPipeline.SampleData.Tests;

/// <summary>
/// The spec's value rules, written again here from the spec alone: the generator's tests must not
/// lean on the pipeline's validators, or a mistake shared by both would pass unseen.
/// </summary>
internal static class SpecRules
{
    public static readonly string[] SenTypes = ["SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "DS", "OTH", "NSA"];
    public static readonly string[] Categories = ["MMS", "RP", "MSS", "ASS", "INMSS", "AP", "FE", "SPI", "OTH"];
    public static readonly string[] S251 = ["1.0.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.2.10", "1.2.11", "1.2.13"];
    public static readonly string[] Disciplines = ["EP", "ST", "SALT", "OT", "APO", "OTHER"];

    /// <summary>Spec 1: yyyy-mm-dd or dd/mm/yyyy, nothing else.</summary>
    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Spec 1: Y/N, Yes/No, true/false, 1/0 in any case; blank is N.</summary>
    public static bool? Boolean(string text) => text.ToUpperInvariant() switch
    {
        "" or "N" or "NO" or "FALSE" or "0" => false,
        "Y" or "YES" or "TRUE" or "1" => true,
        _ => null,
    };

    /// <summary>Spec 1: pounds, optional £ and thousands separators.</summary>
    public static decimal? Money(string text)
    {
        var plain = text.Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m) ? m : null;
    }

    public static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Spec 4.2: ten digits, the first not 0, digits × 10..1 summed, mod 11 = 10.</summary>
    public static bool Uln(string text) =>
        text.Length == 10 && text.All(char.IsAsciiDigit) && text[0] != '0'
        && text.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11 == 10;

    public static int Age(DateOnly dob, DateOnly on) => on.Year - dob.Year - (on < dob.AddYears(on.Year - dob.Year) ? 1 : 0);

    public static bool Digits(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);
}
