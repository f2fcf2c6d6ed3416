using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns;

/// <summary>The rules, each return's own ids, that <see cref="ServiceReturnValidator"/> applies.</summary>
public sealed record ServiceQuarterRules(Rule ServiceCodeFormat, Rule ServiceCodeNotSubmitter, Rule QuarterFormat, Rule QuarterDiffers);

/// <summary>
/// Both Experts at Hand returns start with ServiceCode and Quarter and check them the same way;
/// only the rule ids differ, so a service sees the same behaviour in both returns.
/// </summary>
internal abstract class ServiceReturnValidator : RowValidatorBase
{
    private readonly ServiceQuarterRules _rules;
    private readonly ReturnColumn _serviceColumn;
    private readonly ReturnColumn _quarterColumn;
    private readonly bool _submitterIsService;
    private string? _expectedService;
    private bool _reportedOtherSubmitter;
    private FinancialQuarter? _quarter;
    private string? _quarterText;

    protected ServiceReturnValidator(IReturnSchema schema, ValidationContext context, HeaderMap columns, IssueCollector issues,
        CanonicalCsvWriter? canonical, ServiceQuarterRules rules, ReturnColumn serviceColumn, ReturnColumn quarterColumn)
        : base(schema, context, columns, issues, canonical)
    {
        _rules = rules;
        _serviceColumn = serviceColumn;
        _quarterColumn = quarterColumn;
        // An LA officer may upload on a service's behalf: then the file's first ServiceCode is the service.
        if (context.SubmitterId is { } s && Submitter.TryParse(s, out var submitter) && submitter.Kind == SubmitterKind.Service)
        {
            _expectedService = s;
            _submitterIsService = true;
        }
    }

    public override string? Period => _quarterText;

    public override string? Subject => _expectedService;

    /// <summary>The service code in lower case, as the spec and the upload folders write it, or null after an error.</summary>
    protected string? CheckServiceCode(ITabularReader row, int r)
    {
        var text = Value(row, _serviceColumn);
        if (!Required(text, r, _serviceColumn)) return null;
        // The usual row repeats the code already checked: no allocation for it.
        if (_expectedService is { } expected && text.Equals(expected, StringComparison.OrdinalIgnoreCase)) return expected;

        var code = text.ToString().ToLowerInvariant();
        if (!Submitter.TryParse(code, out var parsed) || parsed.Kind != SubmitterKind.Service)
        {
            Add(_rules.ServiceCodeFormat, r, _serviceColumn, text);
            return null;
        }
        if (_expectedService is null)
        {
            _expectedService = code;
            return code;
        }
        // Spec 1: a file that names another submitter is a file-level error, reported once with its first row.
        if (!_reportedOtherSubmitter)
        {
            _reportedOtherSubmitter = true;
            AddFileLevel(_rules.ServiceCodeNotSubmitter, _serviceColumn, text.ToString(),
                ("value", text.ToString()), ("row", r.ToString(CultureInfo.InvariantCulture)),
                ("submitter", _submitterIsService ? _expectedService : $"the service on the first row ({_expectedService})"));
        }
        return code;
    }

    /// <summary>The quarter as the spec writes it (<c>2026-27 Q2</c>), or null after an error.</summary>
    protected string? CheckQuarter(ITabularReader row, int r)
    {
        var text = Value(row, _quarterColumn);
        if (!Required(text, r, _quarterColumn)) return null;
        if (!FinancialQuarter.TryParse(text, out var quarter))
        {
            Add(_rules.QuarterFormat, r, _quarterColumn, text);
            return null;
        }
        if (_quarter is null)
        {
            _quarter = quarter;
            _quarterText = quarter.ToString();
        }
        else if (quarter != _quarter)
        {
            Add(_rules.QuarterDiffers, r, _quarterColumn, text, ("first", _quarterText));
            return quarter.ToString();
        }
        return _quarterText;
    }

    /// <summary>The code's index in its list, or -1 after reporting a blank (VAL-001) or an unknown code.</summary>
    protected int Code(ITabularReader row, int r, ReturnColumn column, EahCodeList codes, Rule invalid)
    {
        var text = Value(row, column);
        if (!Required(text, r, column)) return -1;
        var index = codes.IndexOf(text);
        if (index < 0) Add(invalid, r, column, text);
        return index;
    }
}
