using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Workforce;

/// <summary>
/// The workforce rules of spec 2. Two things are deliberately not rules here: a TimeLimitedUntil
/// already past (the cross-return rebuild flags expired posts, with the quarter's context), and a
/// TimeLimitedUntil on a front-line or enabling post, which is how a fixed-term post is recorded
/// (the Oakfield outreach offer is front-line and funded for three years only, spec 4.7).
/// </summary>
public static class WorkforceRules
{
    private const string Scope = "workforce";

    public static readonly Rule ServiceCodeFormat = new("WF1000", Severity.Error, Scope,
        "ServiceCode '{value}' is not a service code (svc- followed by the service's code, e.g. svc-eps).",
        "Enter the service's code exactly as its upload folder is named, for example svc-eps.");

    public static readonly Rule ServiceCodeNotSubmitter = new("WF1001", Severity.Error, Scope,
        "The file is for service {value} (first on row {row}) but was uploaded by {submitter}.",
        "Upload each service's workforce return into that service's own folder, or correct ServiceCode.");

    public static readonly Rule QuarterFormat = new("WF1100", Severity.Error, Scope,
        "Quarter '{value}' is not a financial-year quarter written like 2026-27 Q2.",
        "Write the financial year, a space and Q1 to Q4 (Q1 is April to June, Q4 January to March), for example 2026-27 Q2.");

    public static readonly Rule QuarterDiffers = new("WF1101", Severity.Error, Scope,
        "Quarter {value} differs from {first} on the first row; a return covers one quarter.",
        "Use the same quarter on every row, or split the file by quarter.");

    public static readonly Rule PostIdDuplicate = new("WF1200", Severity.Error, Scope,
        "PostId {value} is also on row {firstRow}: each post appears once.",
        "Remove the duplicate row, or give one of the two posts its own PostId.");

    public static readonly Rule DisciplineInvalid = new("WF1300", Severity.Error, Scope,
        "Discipline '{value}' is not an Experts at Hand discipline.",
        $"Use {ExpertsAtHand.Disciplines.Listed}.");

    public static readonly Rule RoleInvalid = new("WF1400", Severity.Error, Scope,
        "Role '{value}' is not an Experts at Hand role.",
        $"Use {ExpertsAtHand.Roles.Listed} (Enabling covers administration, training and communications).");

    public static readonly Rule FteOutOfRange = new("WF1500", Severity.Error, Scope,
        "FTE {value} is not more than 0 and at most 1.0.",
        "Enter the post's full-time equivalent, for example 1 for full time or 0.6 for three days a week; a vacant post keeps its budgeted FTE.");

    public static readonly Rule StatusInvalid = new("WF1600", Severity.Error, Scope,
        "Status '{value}' is not a post status.",
        $"Use {ExpertsAtHand.Statuses.Listed}.");

    public static readonly Rule CostNegative = new("WF1700", Severity.Error, Scope,
        "AnnualCost {value} is negative.",
        "Enter the post's annual cost, 0 or more; a vacant post's cost is its budgeted cost.");

    public static readonly Rule VacantWithoutCost = new("WF1710", Severity.Query, Scope,
        "AnnualCost is 0 for a vacant post; a vacant post's cost should be its budgeted cost, or the cost by role and funding source is understated.",
        "Enter the budgeted annual cost of the post. If the post is frozen with no budget behind it, this query can stand.");

    public static readonly Rule FundingSourceInvalid = new("WF1800", Severity.Error, Scope,
        "FundingSource '{value}' is not a funding source.",
        "Use EAH (Experts at Hand grant), HNB (High Needs Block), ICB (integrated care board) or OTHER.");

    public static readonly Rule TimeLimitMissing = new("WF1900", Severity.Error, Scope,
        "TimeLimitedUntil is blank but the post's Role is Transformation, which is time-limited by definition.",
        "Enter the date the transformation post ends (yyyy-mm-dd or dd/mm/yyyy), or correct Role if the post is front line or enabling.");

    public static readonly ServiceQuarterRules ServiceAndQuarter = new(ServiceCodeFormat, ServiceCodeNotSubmitter, QuarterFormat, QuarterDiffers);

    public static readonly IReadOnlyList<Rule> All =
    [
        ServiceCodeFormat, ServiceCodeNotSubmitter, QuarterFormat, QuarterDiffers, PostIdDuplicate, DisciplineInvalid,
        RoleInvalid, FteOutOfRange, StatusInvalid, CostNegative, VacantWithoutCost, FundingSourceInvalid, TimeLimitMissing,
    ];
}
