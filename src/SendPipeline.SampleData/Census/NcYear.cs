namespace SendPipeline.SampleData.Census;

/// <summary>NC year codes as the census writes them, mapped to the number the age arithmetic uses (R = 0, N2 = -1, N1 = -2).</summary>
public static class NcYear
{
    public const int Reception = 0;
    public const int Nursery2 = -1;
    public const int Nursery1 = -2;

    public static string Code(int year) => year switch
    {
        Nursery1 => "N1",
        Nursery2 => "N2",
        Reception => "R",
        >= 1 and <= 14 => year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(year), year, "Not a census NC year."),
    };

    public static bool TryParse(string? code, out int year)
    {
        year = 0;
        switch (code)
        {
            case "N1": year = Nursery1; return true;
            case "N2": year = Nursery2; return true;
            case "R": year = Reception; return true;
        }
        return int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            && year is >= 1 and <= 14;
    }
}
