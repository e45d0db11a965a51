using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Targets;
using KpiTarget = SocialDomain.Web.Data.Entities.KpiTarget;

namespace SocialDomain.Web.Tests.Features.Targets;

/// <summary>The target form and the rules it is checked against, without database or browser.</summary>
public class TargetFormTests
{
    [Fact]
    public void EveryValidationField_IsAPropertyOfTheForm_SoItsMessageLandsAtItsInput()
    {
        foreach (var field in Enum.GetValues<SmartTargetField>())
        {
            typeof(TargetForm).GetProperty(field.ToString()).Should().NotBeNull($"{field} is reported as Form.{field}");
        }
    }

    [Fact]
    public void From_PrefillsAStoredVersion_InDutchNotation_WithoutItsChangeReason()
    {
        var stored = new KpiTarget
        {
            Version = 2, BaselineValue = 6.4m, BaselineYear = 2016, TargetValue = 7.25m, DeadlineYear = 2030, DeadlineQuarter = 2,
            ToleranceOnTrackPercent = 5m, Rationale = "WINST", CouncilDecision = "Raadsbesluit 26 juni 2019", ChangeReason = "bijgesteld",
            ChangedBy = "adviseur", Source = new SourceReference("dashboard", "streefwaarde-editor"),
        };

        var form = TargetForm.From(stored);

        (form.BaselineValue, form.BaselinePeriod, form.TargetValue, form.Deadline, form.ToleranceOnTrack, form.ToleranceAttention, form.ChangeReason)
            .Should().Be(("6,4", "2016", "7,25", "2030-K2", "5", null, null));
        (form.Rationale, form.CouncilDecision).Should().Be(("WINST", "Raadsbesluit 26 juni 2019"));
    }

    [Fact]
    public void AStoredVersionShownAgain_PassesValidation_AsANewVersionWithAReason()
    {
        var stored = new KpiTarget
        {
            BaselineValue = 6.4m, BaselineYear = 2016, TargetValue = 7m, DeadlineYear = 2030, Rationale = "WINST",
            ChangedBy = "adviseur", Source = new SourceReference("dashboard", "streefwaarde-editor"),
        };
        var form = TargetForm.From(stored);
        form.ChangeReason = "nieuwe nulmeting";
        form.ValidFrom.Should().BeNull("every version states its own start");
        form.ValidFrom = "2027";

        var result = SmartTarget.Validate(form.ToInput(), KpiUnit.Score, isChange: true, new SmartTargetTime(new DateOnly(2026, 12, 3), Period.OfYear(2016)));

        result.Target.Should().Be(new ValidSmartTarget(7m, 6.4m, Period.OfYear(2016), Period.OfYear(2030), null, null, "WINST", null, "nieuwe nulmeting", Period.OfYear(2027)));
    }
}
