using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;
using static SendPipeline.Core.Returns.Workforce.WorkforceColumns;
using R = SendPipeline.Core.Returns.Workforce.WorkforceRules;

namespace SendPipeline.Core.Returns.Workforce;

/// <summary>Checks each post against spec 2 <c>workforce</c> and writes its canonical form.</summary>
internal sealed class WorkforceValidator : ServiceReturnValidator
{
    /// <summary>Money in the canonical return: pounds and pence, whatever the upload wrote.</summary>
    internal const string MoneyFormat = "0.00";

    /// <summary>
    /// Enough places for payroll FTEs (22.5 of 37 hours is 0.6081), which three places would round;
    /// trailing zeros dropped, so 1.0 is written 1.
    /// </summary>
    internal const string FteFormat = "0.######";

    // A post keyed by its id whatever the case: "EP-01" and "ep-01" typed by hand are one post counted twice.
    private readonly Dictionary<string, int> _postRows = new(StringComparer.OrdinalIgnoreCase);

    public WorkforceValidator(WorkforceSchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues, CanonicalCsvWriter? canonical)
        : base(schema, context, columns, issues, canonical, R.ServiceAndQuarter, ServiceCode, Quarter)
    {
    }

    public override void Validate(ITabularReader row)
    {
        var r = row.RowNumber;
        var service = CheckServiceCode(row, r);
        var quarter = CheckQuarter(row, r);

        var postId = Value(row, PostId);
        if (Required(postId, r, PostId))
        {
            var id = postId.ToString();
            if (!_postRows.TryAdd(id, r))
                Add(R.PostIdDuplicate, r, PostId, postId, ("firstRow", _postRows[id].ToString(CultureInfo.InvariantCulture)));
        }

        var discipline = Code(row, r, Discipline, ExpertsAtHand.Disciplines, R.DisciplineInvalid);
        var role = Code(row, r, Role, ExpertsAtHand.Roles, R.RoleInvalid);

        var fteText = Value(row, Fte);
        decimal? fte = null;
        if (Required(fteText, r, Fte) && Number(fteText, r, Fte) is { } f)
        {
            if (f is > 0m and <= 1m) fte = f;
            else Add(R.FteOutOfRange, r, Fte, fteText);
        }

        var status = Code(row, r, Status, ExpertsAtHand.Statuses, R.StatusInvalid);

        var costText = Value(row, AnnualCost);
        decimal? cost = null;
        if (Required(costText, r, AnnualCost) && Money(costText, r, AnnualCost) is { } c)
        {
            if (c < 0m) Add(R.CostNegative, r, AnnualCost, costText);
            else
            {
                cost = c;
                if (c == 0m && status == ExpertsAtHand.Vacant) Add(R.VacantWithoutCost, r, AnnualCost, costText);
            }
        }

        var funding = Code(row, r, FundingSource, ExpertsAtHand.FundingSources, R.FundingSourceInvalid);

        var untilText = Value(row, TimeLimitedUntil);
        DateOnly? until = null;
        if (!untilText.IsEmpty) until = Date(untilText, r, TimeLimitedUntil);
        else if (role == ExpertsAtHand.Transformation) Add(R.TimeLimitMissing, r, TimeLimitedUntil, untilText);

        if (Canonical is { } w)
        {
            w.Field(service ?? (ReadOnlySpan<char>)Value(row, ServiceCode));
            w.Field(quarter ?? (ReadOnlySpan<char>)Value(row, Quarter));
            w.Field(postId);
            w.Field(discipline >= 0 ? ExpertsAtHand.Disciplines.Code(discipline) : Value(row, Discipline));
            w.Field(role >= 0 ? ExpertsAtHand.Roles.Code(role) : Value(row, Role));
            if (fte is { } fv) w.Field(fv, FteFormat); else w.Field(fteText);
            w.Field(status >= 0 ? ExpertsAtHand.Statuses.Code(status) : Value(row, Status));
            if (cost is { } cv) w.Field(cv, MoneyFormat); else w.Field(costText);
            w.Field(funding >= 0 ? ExpertsAtHand.FundingSources.Code(funding) : Value(row, FundingSource));
            w.Field(until, untilText);
            w.EndRow();
        }
    }
}
