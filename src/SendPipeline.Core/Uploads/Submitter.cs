using SendPipeline.Core.Returns;

namespace SendPipeline.Core.Uploads;

public enum SubmitterKind
{
    School,
    Provider,
    Service,
    LocalAuthority,
}

/// <summary>
/// Who uploaded a return, parsed from the first segment of its path, and what spec section 1 lets
/// them upload.
/// </summary>
public sealed record Submitter(string Id, SubmitterKind Kind)
{
    public const string LocalAuthorityId = "la";

    public static bool TryParse(string id, out Submitter submitter)
    {
        submitter = null!;
        if (id == LocalAuthorityId)
        {
            submitter = new Submitter(id, SubmitterKind.LocalAuthority);
            return true;
        }
        if (id.Length == 7 && IsDigits(id))
        {
            submitter = new Submitter(id, SubmitterKind.School);
            return true;
        }
        if ((id.Length == 6 && IsDigits(id)) || (id.Length == 8 && id[0] == '1' && IsDigits(id)))
        {
            submitter = new Submitter(id, SubmitterKind.Provider);
            return true;
        }
        if (id.Length > 4 && id.StartsWith("svc-", StringComparison.Ordinal) && id.AsSpan(4).ContainsAnyExcept(LowerCodeChars) is false)
        {
            submitter = new Submitter(id, SubmitterKind.Service);
            return true;
        }
        return false;
    }

    /// <summary>The LA may send every return; anyone else the returns whose definition names their kind.</summary>
    public bool MayUpload(string returnType) => ReturnRegistry.Find(returnType) is { } definition && MayUpload(definition);

    public bool MayUpload(ReturnDefinition definition) => Kind == SubmitterKind.LocalAuthority || definition.SentBy.Contains(Kind);

    /// <summary>What this kind of submitter may upload, for messages that tell them what to do instead.</summary>
    public string Permitted()
    {
        if (Kind == SubmitterKind.LocalAuthority) return "every return type";
        var names = ReturnRegistry.All.Where(d => d.SentBy.Contains(Kind)).Select(d => d.Name).ToList();
        return names.Count switch
        {
            0 => "nothing",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }

    private static readonly System.Buffers.SearchValues<char> LowerCodeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static bool IsDigits(string s) => !s.AsSpan().ContainsAnyExceptInRange('0', '9');
}
