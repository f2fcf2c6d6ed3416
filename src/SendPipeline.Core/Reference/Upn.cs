namespace SendPipeline.Core.Reference;

/// <summary>The outcome of checking a UPN against spec 4.1 (DfE census rules 1510–1560).</summary>
[Flags]
public enum UpnProblems
{
    None = 0,
    WrongLength = 1,
    /// <summary>1510: the check letter does not match characters 2–13.</summary>
    CheckLetter = 2,
    /// <summary>1530: characters 2–4 are not a valid LA code.</summary>
    LaCode = 4,
    /// <summary>1540: characters 5–12 are not all digits.</summary>
    NotNumeric = 8,
    /// <summary>1550: character 13 is neither a digit nor a check-alphabet letter.</summary>
    LastCharacter = 16,
    /// <summary>1560 (a query): character 13 is a letter, so the UPN is temporary.</summary>
    Temporary = 32,
}

/// <summary>
/// Unique Pupil Number checks (spec 4.1): allocation-free, on spans, because every census row has one.
/// </summary>
public static class Upn
{
    public const int Length = 13;

    /// <summary>The DfE check alphabet: 23 letters, I, O and S never used.</summary>
    public const string CheckAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static UpnProblems Check(ReadOnlySpan<char> upn, LaCodes laCodes)
    {
        if (upn.Length != Length) return UpnProblems.WrongLength;
        var problems = UpnProblems.None;
        if (!laCodes.IsValid(upn.Slice(1, 3))) problems |= UpnProblems.LaCode;
        if (upn.Slice(1, 11).ContainsAnyExceptInRange('0', '9')) problems |= UpnProblems.NotNumeric;
        var last = upn[12];
        if (!char.IsAsciiDigit(last))
        {
            if (AlphabetIndex(last) < 0) problems |= UpnProblems.LastCharacter;
            else problems |= UpnProblems.Temporary;
        }
        // The check letter is only meaningful over well-formed characters; 1540/1550 already say what is wrong.
        if ((problems & (UpnProblems.NotNumeric | UpnProblems.LastCharacter)) == 0 && ExpectedCheckLetter(upn) != upn[0])
            problems |= UpnProblems.CheckLetter;
        return problems;
    }

    /// <summary>The check letter for characters 2–13 of a UPN (index 0 is ignored).</summary>
    public static char ExpectedCheckLetter(ReadOnlySpan<char> upn)
    {
        var sum = 0;
        for (var i = 1; i < 12; i++) sum += (upn[i] - '0') * (i + 1);
        var last = upn[12];
        sum += (char.IsAsciiDigit(last) ? last - '0' : AlphabetIndex(last)) * 13;
        return CheckAlphabet[sum % 23];
    }

    /// <summary>Makes a valid UPN from its 12 body characters (LA, establishment, year, serial, last).</summary>
    public static string Create(ReadOnlySpan<char> body12)
    {
        if (body12.Length != 12) throw new ArgumentException("A UPN body has 12 characters.", nameof(body12));
        Span<char> upn = stackalloc char[13];
        body12.CopyTo(upn[1..]);
        upn[0] = ExpectedCheckLetter(upn);
        return new string(upn);
    }

    /// <summary>
    /// A well-formed UPN (digits in 2–12) as one exact 64-bit key: 11 digits (under 2^37), then
    /// characters 1 and 13 in 7 bits each, so a million UPNs can be compared without a string each.
    /// </summary>
    public static bool TryPack(ReadOnlySpan<char> upn, out ulong key)
    {
        key = 0;
        for (var i = 1; i < 12; i++)
        {
            var digit = (uint)(upn[i] - '0');
            if (digit > 9) return false;
            key = key * 10 + digit;
        }
        if (upn[0] > 127 || upn[12] > 127) return false;
        key = (key << 14) | ((ulong)upn[0] << 7) | upn[12];
        return true;
    }

    /// <summary>The UPN text back from its <see cref="TryPack"/> key.</summary>
    public static string Unpack(ulong key) => string.Create(13, key, (span, k) =>
    {
        span[12] = (char)(k & 0x7F);
        span[0] = (char)((k >> 7) & 0x7F);
        var digits = k >> 14;
        for (var i = 11; i >= 1; i--, digits /= 10) span[i] = (char)('0' + (int)(digits % 10));
    });

    private static int AlphabetIndex(char c) => CheckAlphabet.IndexOf(char.ToUpperInvariant(c));
}
