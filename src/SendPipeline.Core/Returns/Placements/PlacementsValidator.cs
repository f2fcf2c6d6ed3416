using System.Globalization;
using System.Runtime.InteropServices;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Returns.Placements.PlacementsColumns;
using R = SendPipeline.Core.Returns.Placements.PlacementsRules;

namespace SendPipeline.Core.Returns.Placements;

/// <summary>
/// Checks each placement row against spec 2 and 4.1–4.5 and writes its canonical form. Values stay
/// spans; the only per-file memory is one small record per placement for the overlap check, keyed
/// by the child's identifier packed into a number, so no identifier is kept as a string.
/// </summary>
internal sealed class PlacementsValidator : RowValidatorBase
{
    private const string Place = "PLACE", TopUp = "TOPUP", Full = "FULL";

    // ULN keys carry the top bit so a ULN can never collide with a packed UPN (at most 51 bits).
    private const ulong UlnFlag = 1UL << 63;

    private readonly string? _expectedProvider;
    private string? _fileProvider;
    private bool _reportedOtherSubmitter;
    private DateOnly? _returnDate;

    // The child's placements so far, as a chain through _stays from the latest: a child has a handful.
    private readonly Dictionary<ulong, int> _latestStay = new();
    private Stay[] _stays = new Stay[16];
    private int _stayCount;

    private readonly record struct Stay(int Row, DateOnly Start, DateOnly End, int Previous);

    public PlacementsValidator(PlacementsSchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
        : base(schema, context, columns, issues, canonical)
    {
        // An LA officer may upload on a provider's behalf: then the file's first ProviderId is the provider.
        if (context.SubmitterId is { } s && Submitter.TryParse(s, out var submitter) && submitter.Kind == SubmitterKind.Provider)
            _expectedProvider = s;
    }

    public override string? Period => _returnDate is { } d ? Iso(d) : null;

    public override string? Subject => _expectedProvider ?? _fileProvider;

    public override void Validate(ITabularReader row)
    {
        var r = row.RowNumber;

        var providerText = Value(row, ProviderId);
        if (Required(providerText, r, ProviderId)) CheckProvider(providerText, r);

        var returnText = Value(row, ReturnDate);
        DateOnly? rowReturnDate = null;
        if (Required(returnText, r, ReturnDate) && Date(returnText, r, ReturnDate) is { } rd)
        {
            rowReturnDate = rd;
            CheckReturnDate(rd, returnText, r);
        }
        // A row whose own date is unreadable is still checked against the file's quarter.
        var returnDate = rowReturnDate ?? _returnDate;

        // DOB before the identifiers: whether a ULN is required depends on the age.
        var dobText = Value(row, Dob);
        DateOnly? dob = null;
        var age = -1;
        if (Required(dobText, r, Dob) && Date(dobText, r, Dob) is { } b)
        {
            dob = b;
            if (returnDate is { } on)
            {
                if (b > on) Add(R.DobAfterReturnDate, r, Dob, dobText, ("returnDate", Iso(on)));
                else
                {
                    age = Ages.InYears(b, on);
                    if (age > 25) Add(R.AgeOver25, r, Dob, dobText, ("age", age.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        var upnText = Value(row, UpnColumn);
        Span<char> upn = stackalloc char[Upn.Length];
        ulong upnKey = 0;
        var hasUpnKey = !upnText.IsEmpty && CheckUpn(upnText, upn, r, out upnKey);
        var ulnText = Value(row, UlnColumn);
        ulong ulnKey = 0;
        var hasUlnKey = !ulnText.IsEmpty && CheckUln(ulnText, r, out ulnKey);
        if (upnText.IsEmpty && ulnText.IsEmpty)
        {
            if (age >= 16) Add(R.UlnRequiredFrom16, r, UlnColumn, ulnText, ("age", age.ToString(CultureInfo.InvariantCulture)));
            else Add(R.NoIdentifier, r, UpnColumn, upnText);
        }

        var categoryText = Value(row, Category);
        PlacementCategory? category = null;
        if (Required(categoryText, r, Category))
        {
            category = PlacementCategories.Find(categoryText);
            if (category is null) Add(R.CategoryInvalid, r, Category, categoryText);
        }

        var startText = Value(row, Start);
        DateOnly? start = null;
        if (Required(startText, r, Start) && Date(startText, r, Start) is { } st)
        {
            start = st;
            if (returnDate is { } on && st > on) Add(R.StartAfterReturnDate, r, Start, startText, ("returnDate", Iso(on)));
            if (dob is { } born && st < born) Add(R.StartBeforeBirth, r, Start, startText, ("dob", Iso(born)));
        }
        var endText = Value(row, End);
        DateOnly? end = null;
        var datesUsable = true;
        if (!endText.IsEmpty)
        {
            end = Date(endText, r, End);
            if (end is null) datesUsable = false;
            else if (start is { } s && end < s)
            {
                Add(R.EndBeforeStart, r, End, endText, ("start", Iso(s)));
                datesUsable = false;
            }
        }
        if (datesUsable && start is { } from && (hasUpnKey || hasUlnKey)) CheckOverlap(row, r, startText, from, end, hasUpnKey, upnKey, hasUlnKey, ulnKey);

        var residential = Boolean(row, r, Residential);

        var costText = Value(row, AnnualCost);
        decimal? cost = null;
        if (Required(costText, r, AnnualCost) && Money(costText, r, AnnualCost) is { } c)
        {
            cost = c;
            if (c <= 0) Add(R.CostNotPositive, r, AnnualCost, costText);
            else if (c > 1_000_000m) Add(R.CostImplausible, r, AnnualCost, costText);
            else if (c > 250_000m) Add(R.CostHigh, r, AnnualCost, costText);
        }

        var fundingText = Value(row, FundingElement);
        string? funding = null;
        if (Required(fundingText, r, FundingElement))
        {
            funding = FundingCode(fundingText);
            if (funding is null) Add(R.FundingElementInvalid, r, FundingElement, fundingText);
            // Maintained schools, academies and colleges are paid place funding and top-up, never a whole fee.
            else if (funding == Full && category?.Code is "MMS" or "RP" or "MSS" or "ASS" or "FE")
                Add(R.FullFeeUnusual, r, FundingElement, fundingText, ("category", category.Code));
        }

        var needText = Value(row, PrimaryNeed);
        string? need = null;
        if (Required(needText, r, PrimaryNeed))
        {
            need = SenTypes.Canonical(needText);
            if (need is null) Add(R.PrimaryNeedInvalid, r, PrimaryNeed, needText);
            else if (need == SenTypes.NoSpecialistAssessment) Add(R.PrimaryNeedNsa, r, PrimaryNeed, needText);
            else if (need == SenTypes.DownSyndrome && returnDate is { } on && on < SenTypes.DownSyndromeFrom)
                Add(R.DownSyndromeTooEarly, r, PrimaryNeed, needText, ("returnDate", Iso(on)));
        }

        // Required, so unlike other booleans a blank is not read as N.
        var ehcpText = Value(row, Ehcp);
        bool? ehcp = null;
        if (Required(ehcpText, r, Ehcp))
        {
            if (Values.TryParseBoolean(ehcpText, out var plan)) ehcp = plan;
            else Add(ValueRules.NotABoolean, r, Ehcp, ehcpText);
        }
        if (ehcp == false && category is not null)
        {
            if (PlacementCategories.RequireEhcp.Contains(category.Code)) Add(R.EhcpRequired, r, Ehcp, ehcpText, ("category", category.Code));
            else Add(R.EhcpMissing, r, Ehcp, ehcpText, ("category", category.Code));
        }

        var homeText = Value(row, HomeLa);
        if (Required(homeText, r, HomeLa))
        {
            if (!Context.LaCodes.IsValid(homeText)) Add(R.HomeLaInvalid, r, HomeLa, homeText, ("ourLa", Context.LaCode));
            else if (!homeText.SequenceEqual(Context.LaCode))
                Add(R.HomeLaOther, r, HomeLa, homeText, ("laName", Context.LaCodes.NameOf(homeText.ToString())), ("ourLa", Context.LaCode));
        }

        if (Canonical is { } w)
        {
            w.Field(providerText);
            w.Field(rowReturnDate, returnText);
            w.Field(upnText.Length == Upn.Length ? upn : upnText);
            w.Field(ulnText);
            w.Field(dob, dobText);
            w.Field(category is null ? categoryText : category.Code);
            w.Field(start, startText);
            w.Field(end, endText);
            w.Field(residential);
            if (cost is { } amount) w.Field(amount, "0.00"); else w.Field(costText);
            w.Field(funding ?? (ReadOnlySpan<char>)fundingText);
            w.Field(need ?? (ReadOnlySpan<char>)needText);
            if (ehcp is { } e) w.Field(e); else w.Field(ehcpText);
            w.Field(homeText);
            w.EndRow();
        }
    }

    private void CheckProvider(ReadOnlySpan<char> id, int r)
    {
        if (!IsProviderId(id))
        {
            Add(R.ProviderIdFormat, r, ProviderId, id);
            return;
        }
        _fileProvider ??= id.ToString();
        var expected = _expectedProvider ?? _fileProvider;
        // Spec 1: a file that names another submitter is a file-level error, reported once with its first row.
        if (!_reportedOtherSubmitter && !id.SequenceEqual(expected))
        {
            _reportedOtherSubmitter = true;
            AddFileLevel(R.ProviderIdNotSubmitter, ProviderId, id.ToString(),
                ("value", id.ToString()), ("row", r.ToString(CultureInfo.InvariantCulture)),
                ("submitter", _expectedProvider ?? $"the provider on the first row ({_fileProvider})"));
        }
    }

    /// <summary>A URN (6 digits) or a UKPRN (8 digits starting with 1), as spec 1 defines a provider.</summary>
    private static bool IsProviderId(ReadOnlySpan<char> id) =>
        Values.IsDigits(id) && (id.Length == 6 || (id.Length == 8 && id[0] == '1'));

    private void CheckReturnDate(DateOnly date, ReadOnlySpan<char> text, int r)
    {
        if (_returnDate is null)
        {
            _returnDate = date;
            // Once, on the first row: the other rows carry the same date or are reported by PL1100.
            if (!FinancialQuarter.IsQuarterEnd(date))
                Add(R.ReturnDateNotQuarterEnd, r, ReturnDate, text, ("quarterEnd", Iso(FinancialQuarter.Containing(date).End)));
        }
        else if (date != _returnDate)
        {
            Add(R.ReturnDateDiffers, r, ReturnDate, text, ("first", Iso(_returnDate.Value)));
        }
    }

    /// <summary>Spec 4.1 as in the census; true with a key for the overlap check when the UPN is well formed.</summary>
    private bool CheckUpn(ReadOnlySpan<char> text, Span<char> upn, int r, out ulong key)
    {
        key = 0;
        return CheckUpn(text, upn, r, UpnColumn, R.Upn) && Upn.TryPack(upn, out key);
    }

    /// <summary>Spec 4.2; true with a key for the overlap check when the ULN is well formed.</summary>
    private bool CheckUln(ReadOnlySpan<char> text, int r, out ulong key)
    {
        key = 0;
        if (text.Length != 10 || !Values.IsDigits(text) || text[0] == '0')
        {
            Add(R.UlnFormat, r, UlnColumn, text);
            return false;
        }
        if (!Uln.IsValid(text)) Add(R.UlnCheckDigit, r, UlnColumn, text);
        key = UlnFlag | ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// Spec 2: the same child twice with overlapping dates. A placement may start on the day the
    /// previous one ends (a move is often recorded that way); two starting the same day always overlap.
    /// Reported once, at this (the later) row and in the column of the identifier that matched (the
    /// child is what repeats), naming the earliest row it overlaps.
    /// </summary>
    private void CheckOverlap(ITabularReader row, int r, ReadOnlySpan<char> startText, DateOnly start, DateOnly? end, bool hasUpn, ulong upnKey, bool hasUln, ulong ulnKey)
    {
        var last = end ?? DateOnly.MaxValue;
        var firstRow = int.MaxValue;
        string? identifier = null;
        if (hasUpn) FindOverlap(upnKey, start, last, UpnColumn.Name, ref firstRow, ref identifier);
        if (hasUln) FindOverlap(ulnKey, start, last, UlnColumn.Name, ref firstRow, ref identifier);
        if (identifier is not null)
        {
            var column = identifier == UpnColumn.Name ? UpnColumn : UlnColumn;
            Add(R.OverlappingPlacement, r, column, Value(row, column), ("start", startText.ToString()),
                ("end", end is { } e ? "ending " + Iso(e) : "no end date"), ("firstRow", firstRow.ToString(CultureInfo.InvariantCulture)),
                ("identifier", identifier));
        }
        if (hasUpn) Remember(upnKey, r, start, last);
        if (hasUln) Remember(ulnKey, r, start, last);
    }

    private void FindOverlap(ulong key, DateOnly start, DateOnly end, string name, ref int firstRow, ref string? identifier)
    {
        if (!_latestStay.TryGetValue(key, out var i)) return;
        for (; i >= 0; i = _stays[i].Previous)
        {
            var other = _stays[i];
            var overlaps = other.Start == start || (other.Start < end && start < other.End);
            if (overlaps && other.Row < firstRow)
            {
                firstRow = other.Row;
                identifier = name;
            }
        }
    }

    private void Remember(ulong key, int r, DateOnly start, DateOnly end)
    {
        if (_stayCount == _stays.Length) Array.Resize(ref _stays, _stays.Length * 2);
        ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(_latestStay, key, out var seen);
        _stays[_stayCount] = new Stay(r, start, end, seen ? latest : -1);
        latest = _stayCount++;
    }

    private static string? FundingCode(ReadOnlySpan<char> text) =>
        text.Equals(Place, StringComparison.OrdinalIgnoreCase) ? Place
        : text.Equals(TopUp, StringComparison.OrdinalIgnoreCase) ? TopUp
        : text.Equals(Full, StringComparison.OrdinalIgnoreCase) ? Full
        : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
