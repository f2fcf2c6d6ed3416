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

    public bool MayUpload(string returnType) => Kind switch
    {
        SubmitterKind.LocalAuthority => ReturnTypes.IsKnown(returnType),
        SubmitterKind.School => returnType == ReturnTypes.SchoolCensus,
        SubmitterKind.Provider => returnType == ReturnTypes.Placements,
        SubmitterKind.Service => returnType is ReturnTypes.Workforce or ReturnTypes.EahActivity,
        _ => false,
    };

    /// <summary>What this kind of submitter may upload, for messages that tell them what to do instead.</summary>
    public string Permitted() => Kind switch
    {
        SubmitterKind.LocalAuthority => "every return type",
        SubmitterKind.School => ReturnTypes.SchoolCensus,
        SubmitterKind.Provider => ReturnTypes.Placements,
        SubmitterKind.Service => $"{ReturnTypes.Workforce} and {ReturnTypes.EahActivity}",
        _ => "nothing",
    };

    private static readonly System.Buffers.SearchValues<char> LowerCodeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static bool IsDigits(string s) => !s.AsSpan().ContainsAnyExceptInRange('0', '9');
}
