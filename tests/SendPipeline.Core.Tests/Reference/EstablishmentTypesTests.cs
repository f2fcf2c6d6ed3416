using SendPipeline.Core.Reference;

namespace SendPipeline.Core.Tests.Reference;

public class EstablishmentTypesTests
{
    /// <summary>GIAS type names, including every one the sample LA generator writes, with what they are and the category of a pupil with a plan there.</summary>
    public static TheoryData<string, Governance, SettingKind, string?> GiasNames() => new()
    {
        { "Community school", Governance.Maintained, SettingKind.Mainstream, "MMS" },
        { "Voluntary aided school", Governance.Maintained, SettingKind.Mainstream, "MMS" },
        { "Voluntary controlled school", Governance.Maintained, SettingKind.Mainstream, "MMS" },
        { "Foundation school", Governance.Maintained, SettingKind.Mainstream, "MMS" },
        { "Local authority nursery school", Governance.Maintained, SettingKind.Mainstream, "MMS" },
        { "Community special school", Governance.Maintained, SettingKind.Special, "MSS" },
        { "Foundation special school", Governance.Maintained, SettingKind.Special, "MSS" },
        { "Pupil referral unit", Governance.Maintained, SettingKind.AlternativeProvision, "AP" },
        { "Academy converter", Governance.Academy, SettingKind.Mainstream, "MMS" },
        { "Academy sponsor led", Governance.Academy, SettingKind.Mainstream, "MMS" },
        { "Free schools", Governance.Academy, SettingKind.Mainstream, "MMS" },
        { "University technical college", Governance.Academy, SettingKind.Mainstream, "MMS" },
        { "Academy special converter", Governance.Academy, SettingKind.Special, "ASS" },
        { "Academy special sponsor led", Governance.Academy, SettingKind.Special, "ASS" },
        { "Free schools special", Governance.Academy, SettingKind.Special, "ASS" },
        { "Academy alternative provision converter", Governance.Academy, SettingKind.AlternativeProvision, "AP" },
        { "Free schools alternative provision", Governance.Academy, SettingKind.AlternativeProvision, "AP" },
        { "Other independent special school", Governance.Independent, SettingKind.Special, "INMSS" },
        { "Non-maintained special school", Governance.Independent, SettingKind.Special, "INMSS" },
        { "Other independent school", Governance.Independent, SettingKind.Other, null },
        { "Further education", Governance.Unknown, SettingKind.Other, null },
        { "Special post 16 institution", Governance.Unknown, SettingKind.Other, null },
        { "", Governance.Unknown, SettingKind.Other, null },
    };

    [Theory]
    [MemberData(nameof(GiasNames))]
    public void Classify_GiasTypeName_GivesGovernanceKindAndCensusCategory(string name, Governance governance, SettingKind kind, string? category)
    {
        var type = EstablishmentTypes.Classify(name);

        Assert.Equal(new EstablishmentType(governance, kind), type);
        Assert.Equal(category, EstablishmentTypes.CensusCategory(type));
    }

    [Fact]
    public void Classify_IgnoresCaseAndSurroundingSpaceAndAcceptsNull()
    {
        Assert.Equal(new EstablishmentType(Governance.Maintained, SettingKind.AlternativeProvision), EstablishmentTypes.Classify("  PUPIL REFERRAL UNIT "));
        Assert.Equal(new EstablishmentType(Governance.Unknown, SettingKind.Other), EstablishmentTypes.Classify(null));
    }
}
