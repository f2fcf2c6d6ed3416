using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Returns.HnbFinance.HnbFinanceColumns;
using R = SendPipeline.Core.Returns.HnbFinance.HnbFinanceRules;

namespace SendPipeline.Core.Returns.HnbFinance;

/// <summary>Checks each High Needs Block line and writes it with codes and amounts in one form.</summary>
internal sealed class HnbFinanceValidator(HnbFinanceSchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
    : RowValidatorBase(schema, context, columns, issues, canonical)
{
    private static readonly string[] Bases = ["Actual", "Budget", "Forecast"];

    private readonly Dictionary<(int Year, string Line, string Basis), int> _firstRows = new();
    private int? _firstYear;
    private int? _lastYear;

    /// <summary>
    /// The years the file covers: an LA re-sends a multi-year statement as a whole, so it replaces
    /// the last accepted file with the same span, not a single year's figures.
    /// </summary>
    public override string? Period => (_firstYear, _lastYear) switch
    {
        ({ } first, { } last) when first == last => new FinancialYear(first).ToString(),
        ({ } first, { } last) => $"{new FinancialYear(first)}_to_{new FinancialYear(last)}",
        _ => null,
    };

    public override void Validate(ITabularReader row)
    {
        var r = row.RowNumber;

        var yearText = Value(row, Year);
        FinancialYear? year = null;
        if (Required(yearText, r, Year))
        {
            if (FinancialYear.TryParse(yearText, out var y))
            {
                year = y;
                _firstYear = Math.Min(_firstYear ?? y.StartYear, y.StartYear);
                _lastYear = Math.Max(_lastYear ?? y.StartYear, y.StartYear);
            }
            else Add(R.FinancialYearInvalid, r, Year, yearText);
        }

        var lineText = Value(row, Line);
        var line = Required(lineText, r, Line) ? S251Lines.Find(lineText) : null;
        if (line is null && !lineText.IsEmpty) Add(R.S251LineInvalid, r, Line, lineText);

        var basisText = Value(row, Basis);
        string? basis = null;
        if (Required(basisText, r, Basis))
        {
            foreach (var b in Bases)
                if (basisText.Equals(b, StringComparison.OrdinalIgnoreCase)) basis = b;
            if (basis is null) Add(R.BasisInvalid, r, Basis, basisText);
        }

        var amountText = Value(row, Amount);
        var amount = Required(amountText, r, Amount) ? Money(amountText, r, Amount) : null;
        if (amount < 0 && line is not null && line.Code != S251Lines.PlaceFunding)
            Add(R.NegativeAmount, r, Amount, amountText, ("line", line.Code));

        if (year is { } fy && line is not null && basis is not null && !_firstRows.TryAdd((fy.StartYear, line.Code, basis), r))
            Add(R.DuplicateLine, r, Line, lineText, ("year", fy.ToString()), ("basis", basis),
                ("firstRow", _firstRows[(fy.StartYear, line.Code, basis)].ToString(CultureInfo.InvariantCulture)));

        if (Canonical is { } w)
        {
            w.Field(year?.ToString() ?? yearText);
            w.Field(line?.Code ?? lineText);
            w.Field(basis ?? basisText);
            if (amount is { } a) w.Field(a, "0.00");
            else w.Field(amountText);
            w.Field(Value(row, Note));
            w.EndRow();
        }
    }
}
