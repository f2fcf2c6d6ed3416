namespace SendPipeline.Core.Reference;

/// <summary>Unique Learner Number (spec 4.2): 10 digits, the first not 0; digits × 10..1 summed, mod 11 = 10.</summary>
public static class Uln
{
    public static bool IsValid(ReadOnlySpan<char> uln)
    {
        if (uln.Length != 10 || uln[0] == '0') return false;
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = uln[i] - '0';
            if ((uint)digit > 9) return false;
            sum += digit * (10 - i);
        }
        return sum % 11 == 10;
    }

    /// <summary>Completes 9 digits (first not 0) into a valid ULN, or null when no last digit works.</summary>
    public static string? Create(ReadOnlySpan<char> first9)
    {
        Span<char> uln = stackalloc char[10];
        first9.CopyTo(uln);
        for (var d = '0'; d <= '9'; d++)
        {
            uln[9] = d;
            if (IsValid(uln)) return new string(uln);
        }
        return null;
    }
}
