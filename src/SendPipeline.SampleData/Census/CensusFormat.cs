using System.Globalization;

namespace SendPipeline.SampleData.Census;

public enum DateStyle
{
    /// <summary><c>yyyy-mm-dd</c>.</summary>
    Iso,
    /// <summary><c>dd/mm/yyyy</c>, as UK Excel writes dates.</summary>
    Uk,
}

public enum BooleanStyle
{
    YN,
    YesNo,
    OneZero,
    /// <summary>What Excel writes for a boolean cell saved as CSV.</summary>
    TrueFalse,
}

/// <summary>How one school's management information system writes its export.</summary>
public sealed record CensusFormat(DateStyle Dates, BooleanStyle Booleans, bool BlankWhenFalse, bool TypedCells)
{
    public static readonly CensusFormat Default = new(DateStyle.Iso, BooleanStyle.YN, BlankWhenFalse: false, TypedCells: false);

    public string FormatDate(DateOnly date) => Dates == DateStyle.Uk
        ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string FormatBoolean(bool? value) => value switch
    {
        null => "",
        false when BlankWhenFalse => "",
        _ => (Booleans, value.Value) switch
        {
            (BooleanStyle.YN, true) => "Y",
            (BooleanStyle.YN, false) => "N",
            (BooleanStyle.YesNo, true) => "Yes",
            (BooleanStyle.YesNo, false) => "No",
            (BooleanStyle.OneZero, true) => "1",
            (BooleanStyle.OneZero, false) => "0",
            (BooleanStyle.TrueFalse, true) => "TRUE",
            _ => "FALSE",
        },
    };

    /// <summary>
    /// The cells of a row: strings for CSV; for XLSX, dates as <see cref="DateOnly"/> and the
    /// number-like columns as numbers, because that is what a hand-kept spreadsheet holds.
    /// </summary>
    public object?[] ToCells(CensusRecord r)
    {
        var cells = new object?[CensusColumns.Names.Count];
        cells[CensusColumns.LaEstab] = TypedCells && long.TryParse(r.LaEstab, NumberStyles.None, CultureInfo.InvariantCulture, out var estab) ? estab : r.LaEstab;
        cells[CensusColumns.CensusDate] = Date(r.CensusDate);
        cells[CensusColumns.Upn] = r.Upn;
        cells[CensusColumns.Dob] = r.Dob is { } dob ? Date(dob) : "";
        cells[CensusColumns.Sex] = r.Sex;
        cells[CensusColumns.NcYearActual] = TypedCells && int.TryParse(r.NcYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : r.NcYear;
        cells[CensusColumns.SenProvision] = r.Provision;
        cells[CensusColumns.SenType1] = r.SenType1 ?? "";
        cells[CensusColumns.SenType2] = r.SenType2 ?? "";
        cells[CensusColumns.SenUnitIndicator] = FormatBoolean(r.SenUnit);
        cells[CensusColumns.ResourcedProvisionIndicator] = FormatBoolean(r.ResourcedProvision);
        cells[CensusColumns.TopUpFunding] = FormatBoolean(r.TopUp);
        cells[CensusColumns.EntryDate] = r.EntryDate is { } entry ? Date(entry) : "";
        if (r.RawCells is { } raw)
            foreach (var (column, text) in raw) cells[column] = text;
        return cells;
    }

    private object Date(DateOnly date) => TypedCells ? date : FormatDate(date);
}
