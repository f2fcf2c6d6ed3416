using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Returns.Establishments.EstablishmentsColumns;
using R = SendPipeline.Core.Returns.Establishments.EstablishmentsRules;

namespace SendPipeline.Core.Returns.Establishments;

/// <summary>Checks each row of a GIAS extract against spec 2 and 4.4 and writes its canonical form with its LAEstab.</summary>
internal sealed class EstablishmentsValidator : RowValidatorBase
{
    /// <summary>A snapshot, not a period: the latest accepted register replaces the last one.</summary>
    public const string RegisterPeriod = "register";

    // As GIAS writes them; an upload in another case is written back this way.
    private static readonly string[] Statuses = ["Open", "Closed", "Open, but proposed to close", "Proposed to open"];

    // URN (6 digits, so an int) to its first row. A national extract is ~50,000 rows: small.
    private readonly Dictionary<int, int> _urnRows = new();

    public EstablishmentsValidator(EstablishmentsSchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
        : base(schema, context, columns, issues, canonical)
    {
    }

    public override string? Period => RegisterPeriod;

    public override void Validate(ITabularReader row)
    {
        var r = row.RowNumber;

        var urnText = Value(row, Urn);
        if (Required(urnText, r, Urn)) CheckUrn(urnText, r);

        var laText = Value(row, LaCode);
        var laValid = false;
        if (Required(laText, r, LaCode))
        {
            laValid = Context.LaCodes.IsValid(laText);
            if (!laValid) Add(R.LaCodeInvalid, r, LaCode, laText);
        }

        var numberText = Value(row, EstablishmentNumber);
        var numberValid = false;
        if (Required(numberText, r, EstablishmentNumber))
        {
            numberValid = numberText.Length == 4 && Values.IsDigits(numberText);
            // Not padded silently: LAEstab keys every school's census and activity to this register,
            // so a key the pipeline made up could attach a school's data to the wrong setting unseen.
            if (!numberValid && numberText.Length < 4 && Values.IsDigits(numberText))
                Add(R.EstablishmentNumberShort, r, EstablishmentNumber, numberText,
                    ("length", numberText.Length.ToString(CultureInfo.InvariantCulture)), ("padded", numberText.ToString().PadLeft(4, '0')));
            else if (!numberValid)
                Add(R.EstablishmentNumberFormat, r, EstablishmentNumber, numberText);
        }

        var nameText = Value(row, Name);
        Required(nameText, r, Name);

        var pupilsText = Value(row, Pupils);
        if (!pupilsText.IsEmpty && !Values.IsDigits(pupilsText)) Add(R.NumberOfPupilsInvalid, r, Pupils, pupilsText);

        var statusText = Value(row, Status);
        string? status = null;
        if (Required(statusText, r, Status))
        {
            status = CanonicalStatus(statusText);
            if (status is null) Add(R.StatusInvalid, r, Status, statusText);
        }

        if (Canonical is { } w)
        {
            w.Field(urnText);
            w.Field(laText);
            w.Field(numberText);
            w.Field(nameText);
            w.Field(Value(row, TypeOfEstablishment));
            w.Field(Value(row, PhaseOfEducation));
            w.Field(pupilsText);
            w.Field(status ?? (ReadOnlySpan<char>)statusText);
            w.Field(Value(row, Ukprn));
            Span<char> laEstab = stackalloc char[7];
            if (laValid && numberValid)
            {
                laText.CopyTo(laEstab);
                numberText.CopyTo(laEstab[3..]);
                w.Field(laEstab);
            }
            else w.Field(ReadOnlySpan<char>.Empty);
            w.EndRow();
        }
    }

    private void CheckUrn(ReadOnlySpan<char> text, int r)
    {
        if (text.Length != 6 || !Values.IsDigits(text))
        {
            Add(R.UrnFormat, r, Urn, text);
            return;
        }
        var urn = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (!_urnRows.TryAdd(urn, r))
            Add(R.UrnDuplicate, r, Urn, text, ("firstRow", _urnRows[urn].ToString(CultureInfo.InvariantCulture)));
    }

    private static string? CanonicalStatus(ReadOnlySpan<char> text)
    {
        foreach (var status in Statuses)
            if (text.Equals(status, StringComparison.OrdinalIgnoreCase)) return status;
        return null;
    }
}
