namespace SendPipeline.Cli;

/// <summary>
/// The arguments one command received, as its body reads them: <c>--name value</c> options, flags and
/// positional values. System.CommandLine (<see cref="CommandTree"/>) parses and validates the command line
/// and fills this from its ParseResult; the token constructor remains for tests that pass no arguments.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Options already parsed (a flag's value is null) and the positional values.</summary>
    public CommandLine(IReadOnlyDictionary<string, string?> options, IEnumerable<string> positional)
    {
        foreach (var (name, value) in options) _options[name] = value;
        Positional.AddRange(positional);
    }

    public CommandLine(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var eq = name.IndexOf('=');
                if (eq >= 0) _options[name[..eq]] = name[(eq + 1)..];
                else if (flags.Contains(name)) _options[name] = null;
                else if (i + 1 < list.Count) _options[name] = list[++i];
                else throw new UsageException($"--{name} needs a value.");
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    public List<string> Positional { get; } = new();

    /// <summary>The options given, by name without dashes (a flag's value is null).</summary>
    public IReadOnlyDictionary<string, string?> Options => _options;

    public string? Option(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var v) ? v : null;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public int Int(string name, int fallback)
    {
        var text = Option(name);
        if (text is null) return fallback;
        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new UsageException($"--{name} must be a whole number, not '{text}'.");
    }

    /// <summary>Refuses options the command does not know: a typo should not be silently ignored.</summary>
    public void EnsureAllRead()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option: --{unknown[0]}.");
    }
}

/// <summary>Bad arguments: exit code 2 with the message and the usage line.</summary>
public sealed class UsageException(string message) : Exception(message);
