using System.Collections.Frozen;
using System.Reflection;

namespace SendPipeline.Core.Reference;

/// <summary>
/// Valid 3-digit LA codes (spec 4.4): the <c>old_la_code</c> values of the DfE EHC plan statistics
/// 2018/19–2022/23, embedded from <c>Reference/la-codes.csv</c> (built from shared/data).
/// </summary>
public sealed class LaCodes
{
    private readonly bool[] _valid = new bool[1000];
    private readonly FrozenDictionary<string, string> _names;
    private FrozenDictionary<string, string> _newCodes = FrozenDictionary<string, string>.Empty;

    public LaCodes(IEnumerable<(string Code, string Name)> codes)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in codes)
        {
            if (code.Length != 3 || code.AsSpan().ContainsAnyExceptInRange('0', '9'))
                throw new ArgumentException($"'{code}' is not a 3-digit LA code.");
            _valid[int.Parse(code, System.Globalization.CultureInfo.InvariantCulture)] = true;
            names[code] = name;
        }
        _names = names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static LaCodes Dfe { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Codes => _names.Keys;

    public string? NameOf(string code) => _names.GetValueOrDefault(code);

    /// <summary>The 9-character ONS code the DfE publishes as <c>new_la_code</c> (855: E10000018), if known.</summary>
    public string? NewCodeOf(string code) => _newCodes.GetValueOrDefault(code);

    public bool IsValid(ReadOnlySpan<char> code) =>
        code.Length == 3
        && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && char.IsAsciiDigit(code[2])
        && _valid[(code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0')];

    private static LaCodes LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SendPipeline.Core.Reference.la-codes.csv")
            ?? throw new InvalidOperationException("The embedded LA code list is missing from the build.");
        // old_la_code,new_la_code,la_name; names such as "Bournemouth, Christchurch and Poole" are quoted.
        using var reader = new Reading.CsvTabularReader(new StreamReader(stream));
        var codes = new List<(string, string)>();
        var newCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.FieldCount < 3) continue;
            codes.Add((reader[0].ToString(), reader[2].ToString()));
            newCodes[reader[0].ToString()] = reader[1].ToString();
        }
        return new LaCodes(codes) { _newCodes = newCodes.ToFrozenDictionary(StringComparer.Ordinal) };
    }
}
