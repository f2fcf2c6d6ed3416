namespace SendPipeline.SampleData.Sen2;

// The sample's EHC plan register while it is planned, typed; Sen2Tables turns it into the modules' text.

internal sealed class SamplePerson(string? upn, string? uln, DateOnly birth, string sex)
{
    public string? Upn { get; set; } = upn;
    public string? Uln { get; } = uln;
    public DateOnly Birth { get; } = birth;
    public string Sex { get; } = sex;
    public string Surname { get; set; } = "";
    public string Forename { get; set; } = "";
    public string Ethnicity { get; set; } = "";
    public string Postcode { get; set; } = "";
    public List<SampleRequest> Requests { get; } = [];
}

internal sealed class SampleRequest(DateOnly received, string source)
{
    public DateOnly Received { get; } = received;
    public string Source { get; } = source;
    public bool Rya { get; init; }
    public DateOnly? OutcomeDate { get; set; }
    public string? Outcome { get; set; }
    public bool Mediation { get; init; }
    public bool Tribunal { get; init; }
    public SampleAssessment? Assessment { get; set; }
    public SampleActivePlan? Active { get; set; }
}

internal sealed class SampleAssessment
{
    public string? Outcome { get; init; }
    public DateOnly? OutcomeDate { get; init; }
    public bool Week20Exception { get; init; }
    public bool Mediation { get; init; }
    public SamplePlan? Plan { get; init; }
}

internal sealed class SamplePlan(DateOnly issued, SampleSetting setting)
{
    public DateOnly Issued { get; } = issued;
    public SampleSetting Setting { get; } = setting;
    public DateOnly? Ceased { get; init; }
    public string? CeaseReason { get; init; }
    public bool Residential { get; init; }
    public bool PersonalBudget { get; init; }
}

/// <summary>A setting by URN, UKPRN or, with neither, the sensetting code (OLA, EYP, NEET …).</summary>
internal sealed record SampleSetting(
    string? Urn, string? Ukprn, string? SenSetting, bool SenUnit, bool ResourcedProvision, DateOnly Entry);

internal sealed class SampleActivePlan(SampleSetting placement, IReadOnlyList<string> needs)
{
    public SampleSetting Placement { get; } = placement;
    /// <summary>In rank order: the first is the rank-1 need.</summary>
    public IReadOnlyList<string> Needs { get; } = needs;
    public DateOnly? ReviewMeeting { get; init; }
    public DateOnly? LastReview { get; init; }
    public string? ReviewOutcome { get; init; }
    public DateOnly? PhaseTransferDue { get; init; }
    public DateOnly? PhaseTransferFinal { get; init; }
}
