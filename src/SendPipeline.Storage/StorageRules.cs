using System.Text.RegularExpressions;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Storage;

/// <summary>
/// Name and value rules shared by both adapters. The local folder enforces Azure's rules too, so
/// anything that works on a laptop also works once deployed, and the contract tests can run one
/// suite against both.
/// </summary>
internal static partial class StorageRules
{
    /// <summary>Azure's limit is 1 KiB of UTF-16, i.e. 512 chars (Azurite checks the same number).</summary>
    public const int MaxKeyLength = 512;

    // Azure blob names may be 1024 chars; a shorter local limit would make paths non-portable.
    private const int MaxPathLength = 1024;

    /// <summary>Splits <c>{container}/{name}</c> after checking it could not escape its container.</summary>
    public static (string Container, string Name) SplitPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (PathError(path) is { } error) throw new ArgumentException(error, nameof(path));
        var slash = path.IndexOf('/');
        return (path[..slash], path[(slash + 1)..]);
    }

    public static bool IsValidPath(string path) => PathError(path) is null;

    /// <summary>
    /// A list prefix may stop mid-segment ("uploads/85"), so only the whole segments before the last
    /// '/' are held to the path rules; the tail just must not carry traversal characters.
    /// </summary>
    public static void CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > MaxPathLength)
            throw new ArgumentException("Prefix is too long.", nameof(prefix));
        if (prefix.Contains('\\') || prefix.StartsWith('/') || HasControlChar(prefix))
            throw new ArgumentException($"Prefix '{prefix}' is not a relative '/'-path.", nameof(prefix));
        var lastSlash = prefix.LastIndexOf('/');
        if (lastSlash >= 0 && SegmentsError(prefix[..lastSlash]) is { } error)
            throw new ArgumentException(error, nameof(prefix));
        if (prefix[(lastSlash + 1)..] == "..")
            throw new ArgumentException($"Prefix '{prefix}' contains '..'.", nameof(prefix));
    }

    private static string? PathError(string path)
    {
        if (path.Length == 0 || path.Length > MaxPathLength)
            return $"Blob path must be 1..{MaxPathLength} characters.";
        var slash = path.IndexOf('/');
        if (slash < 0) return $"Blob path '{path}' has no container segment.";
        return SegmentsError(path) ?? ContainerError(path[..slash]);
    }

    private static string? SegmentsError(string path)
    {
        if (path.Contains('\\')) return $"Path '{path}' contains a backslash; use '/'.";
        if (path.StartsWith('/') || Path.IsPathRooted(path)) return $"Path '{path}' must be relative.";
        if (HasControlChar(path)) return $"Path '{path}' contains a control character.";
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) return $"Path '{path}' has an empty segment.";
            if (segment is "." or "..") return $"Path '{path}' contains a '{segment}' segment.";
        }

        return null;
    }

    public static bool IsValidContainer(string container) => ContainerError(container) is null;

    public static void CheckContainer(string container)
    {
        if (ContainerError(container) is { } error) throw new ArgumentException(error, nameof(container));
    }

    private static string? ContainerError(string container) =>
        ContainerName().IsMatch(container) && !container.Contains("--")
            ? null
            : $"'{container}' is not a valid container name (3-63 lowercase letters, digits, single hyphens).";

    public static void CheckTable(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!TableName().IsMatch(table))
            throw new ArgumentException(
                $"'{table}' is not a valid table name (3-63 letters or digits, starting with a letter).", nameof(table));
    }

    public static void CheckKey(string key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxKeyLength)
            throw new ArgumentException($"{paramName} is longer than {MaxKeyLength} characters.", paramName);
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || IsTableControlChar(c))
                throw new ArgumentException(
                    $"{paramName} '{key}' contains a character Azure Tables forbids ('/', '\\', '#', '?' or a control character).",
                    paramName);
        }
    }

    /// <summary>
    /// Rejects what the port does not promise to keep. Null values are allowed and mean "no property",
    /// because Azure Tables cannot store a null either.
    /// </summary>
    public static void CheckRow(TableRow row)
    {
        CheckKey(row.PartitionKey, "PartitionKey");
        CheckKey(row.RowKey, "RowKey");
        foreach (var (name, value) in row.Properties)
        {
            if (!PropertyName().IsMatch(name) || ReservedProperties.Contains(name))
                throw new ArgumentException($"'{name}' is not a usable property name.", nameof(row));
            if (value is not (null or string or long or int or double or bool or DateTimeOffset))
                throw new ArgumentException(
                    $"Property '{name}' has type {value.GetType().Name}; only string, long, int, double, bool and DateTimeOffset are kept.",
                    nameof(row));
        }
    }

    /// <summary>
    /// Refuses a batch that names one row twice: Azure rejects such a transaction, and the local
    /// folder would silently keep whichever came last.
    /// </summary>
    public static void CheckDistinct(IEnumerable<TableKey> keys, string paramName)
    {
        var seen = new HashSet<TableKey>();
        foreach (var key in keys)
        {
            CheckKey(key.PartitionKey, "PartitionKey");
            CheckKey(key.RowKey, "RowKey");
            if (!seen.Add(key))
                throw new ArgumentException($"Row ('{key.PartitionKey}', '{key.RowKey}') appears twice in one batch.", paramName);
        }
    }

    private static readonly HashSet<string> ReservedProperties =
        new(StringComparer.OrdinalIgnoreCase) { "PartitionKey", "RowKey", "Timestamp", "ETag" };

    private static bool HasControlChar(string s) => s.Any(IsTableControlChar);

    private static bool IsTableControlChar(char c) => c <= '\u001f' || c is >= '\u007f' and <= '\u009f';

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    // Azure property names follow C# identifier rules and are at most 255 characters.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,254}$")]
    private static partial Regex PropertyName();
}
