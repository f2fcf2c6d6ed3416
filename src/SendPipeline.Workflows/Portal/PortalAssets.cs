using System.Collections.Frozen;

namespace SendPipeline.Workflows.Portal;

/// <summary>
/// The page, its script and its style sheet, embedded in this assembly so both hosts serve the same bytes
/// and the page needs nothing from anywhere else (no CDN, font or external script).
/// </summary>
public static class PortalAssets
{
    public const string Page = "portal.html", Script = "portal.js", StyleSheet = "portal.css";

    private static readonly FrozenDictionary<string, (string ContentType, byte[] Content)> Files = new[]
    {
        (Page, "text/html; charset=utf-8"),
        (Script, "text/javascript; charset=utf-8"),
        (StyleSheet, "text/css; charset=utf-8"),
    }.ToFrozenDictionary(f => f.Item1, f => (f.Item2, Load(f.Item1)), StringComparer.Ordinal);

    public static bool TryGet(string name, out string contentType, out byte[] content)
    {
        var found = Files.TryGetValue(name, out var file);
        (contentType, content) = found ? file : ("", []);
        return found;
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(PortalAssets).Assembly.GetManifestResourceStream("SendPipeline.Workflows.Portal.Assets." + name)
            ?? throw new InvalidOperationException($"The portal asset '{name}' is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
