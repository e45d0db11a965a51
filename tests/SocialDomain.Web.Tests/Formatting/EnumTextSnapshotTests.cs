using System.Text;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Tests.Formatting;

/// <summary>
/// Pins every string the enum lookups produce (import tokens in their listed order, export codes, Dutch labels), so
/// moving them onto one table per enum cannot change an output. The snapshot was taken from the lookups before the move;
/// issue 17 added three budget stages (meerjarenraming, afwijking, niet_toegewezen) at the end, issue 19 the stage prognose.
/// </summary>
public class EnumTextSnapshotTests
{
    internal static string Dump()
    {
        var text = new StringBuilder();
        void Tokens<T>(string name, IReadOnlyDictionary<string, T> tokens) =>
            text.Append(name).Append(": ").AppendJoin(", ", tokens.Select(t => $"{t.Key}={t.Value}")).Append('\n');
        void Each<T>(string name, Func<T, string?> text2) where T : struct, Enum =>
            text.Append(name).Append(": ").AppendJoin(", ", Enum.GetValues<T>().Select(v => $"{v}={text2(v)}")).Append('\n');

        Tokens("Tokens.Domain", global::SocialDomain.Web.Import.Tokens.Domain);
        Tokens("Tokens.Unit", global::SocialDomain.Web.Import.Tokens.Unit);
        Tokens("Tokens.Direction", global::SocialDomain.Web.Import.Tokens.Direction);
        Tokens("Tokens.Frequency", global::SocialDomain.Web.Import.Tokens.Frequency);
        Tokens("Tokens.Status", global::SocialDomain.Web.Import.Tokens.Status);
        Tokens("Tokens.BenchmarkStage", global::SocialDomain.Web.Import.Tokens.BenchmarkStage);
        Tokens("Tokens.EntityKind", global::SocialDomain.Web.Import.Tokens.EntityKind);
        Tokens("Tokens.BudgetScope", global::SocialDomain.Web.Import.Tokens.BudgetScope);
        Tokens("Tokens.BudgetStage", global::SocialDomain.Web.Import.Tokens.BudgetStage);
        Tokens("Tokens.BudgetMeasure", global::SocialDomain.Web.Import.Tokens.BudgetMeasure);
        Tokens("Tokens.SummaryKind", global::SocialDomain.Web.Import.Tokens.SummaryKind);
        Each<SocialDomainArea>("Codes.Domain", Codes.Domain);
        Each<KpiUnit>("Codes.Unit", Codes.Unit);
        Each<KpiDirection>("Codes.Direction", Codes.Direction);
        Each<KpiFrequency>("Codes.Frequency", Codes.Frequency);
        Each<MeasurementStatus>("Codes.MeasurementStatus", Codes.MeasurementStatus);
        Each<BenchmarkStage>("Codes.BenchmarkStage", Codes.BenchmarkStage);
        Each<BenchmarkEntityKind>("Codes.EntityKind", Codes.EntityKind);
        Each<BudgetScope>("Codes.BudgetScope", Codes.BudgetScope);
        Each<BudgetStage>("Codes.BudgetStage", Codes.BudgetStage);
        Each<BudgetMeasure>("Codes.BudgetMeasure", Codes.BudgetMeasure);
        Each<KpiStatus>("Codes.KpiStatus", v => Codes.KpiStatus(v));
        text.Append("Codes.KpiStatus(null): ").Append(Codes.KpiStatus(null) ?? "null").Append('\n');
        Each<BudgetVarianceKind>("Codes.VarianceKind", Codes.VarianceKind);
        Each<CommentaryStatus>("Codes.CommentaryStatus", Codes.CommentaryStatus);
        Each<BudgetMeasure>("Codes.BudgetMeasureLabel", Codes.BudgetMeasureLabel);
        text.Append("Codes.List(Domain): ").Append(Codes.List(global::SocialDomain.Web.Import.Tokens.Domain)).Append('\n');
        Each<SocialDomainArea>("DutchText.Domain", DutchText.Domain);
        Each<KpiUnit>("DutchText.Unit", DutchText.Unit);
        Each<KpiDirection>("DutchText.Direction", DutchText.Direction);
        Each<KpiFrequency>("DutchText.Frequency", DutchText.Frequency);
        Each<MeasurementStatus>("DutchText.MeasurementStatus", DutchText.MeasurementStatus);
        Each<BudgetStage>("DutchText.BudgetStage", DutchText.BudgetStage);
        Each<BenchmarkStage>("DutchText.BenchmarkStage", DutchText.BenchmarkStage);
        Each<KpiStatus>("KpiStatus.ToDutchLabel", v => v.ToDutchLabel());
        text.Append("KpiStatus?.ToDutchLabel(null): ").Append(((KpiStatus?)null).ToDutchLabel()).Append('\n');
        return text.ToString();
    }

    [Fact]
    public void EveryTokenCodeAndLabel_IsUnchanged() => Dump().Should().Be(Snapshot);

    [Fact]
    public void ParsingACode_IsCaseInsensitiveAndTrims_AsBefore()
    {
        Codes.TryParse(global::SocialDomain.Web.Import.Tokens.Domain, " Jeugd ", out var domain).Should().BeTrue();
        domain.Should().Be(SocialDomainArea.Jeugd);
        Codes.TryParse(global::SocialDomain.Web.Import.Tokens.Domain, "onbekend", out _).Should().BeFalse();
        global::SocialDomain.Web.Import.Tokens.Domain.ContainsKey("Jeugd").Should().BeFalse("the importer's tokens are case-sensitive");
    }

    private const string Snapshot = """
        Tokens.Domain: wmo=Wmo, jeugd=Jeugd, werk_inkomen=WerkInkomen, sociaal_plein=SociaalPlein, voorveld=Voorveld, sociaal_domein=SociaalDomein
        Tokens.Unit: percent=Percent, weeks=Weeks, days=Days, score=Score, count=Count, euro=Euro, euro_per_inhabitant=EuroPerInhabitant, per_10000=Per10000
        Tokens.Direction: higher_is_better=HigherIsBetter, lower_is_better=LowerIsBetter, within_band=WithinBand, informative=Informative
        Tokens.Frequency: year=Year, quarter=Quarter
        Tokens.Status: final=Final, provisional=Provisional
        Tokens.BenchmarkStage: jaarrekening=AnnualAccounts, begroting=Budget
        Tokens.EntityKind: municipality=Municipality, g40_average=G40Average, g4_average=G4Average, size_class=SizeClass, nederland=Netherlands
        Tokens.BudgetScope: programme=Programme, task_field=TaskField, lot=Lot, total=Total
        Tokens.BudgetStage: primitieve_begroting=OriginalBudget, gewijzigde_begroting=AmendedBudget, realisatie=Actuals, wijziging=Change, meerjarenraming=MultiYearEstimate, afwijking=StatedVariance, niet_toegewezen=Unassigned, prognose=Forecast
        Tokens.BudgetMeasure: lasten=Expenses, baten=Income, saldo=Net
        Tokens.SummaryKind: growth=Growth, budget_deficit=BudgetDeficit
        Codes.Domain: Wmo=wmo, Jeugd=jeugd, WerkInkomen=werk_inkomen, SociaalPlein=sociaal_plein, Voorveld=voorveld, SociaalDomein=sociaal_domein
        Codes.Unit: Percent=percent, Weeks=weeks, Days=days, Score=score, Count=count, Euro=euro, EuroPerInhabitant=euro_per_inhabitant, Per10000=per_10000
        Codes.Direction: HigherIsBetter=higher_is_better, LowerIsBetter=lower_is_better, WithinBand=within_band, Informative=informative
        Codes.Frequency: Year=year, Quarter=quarter
        Codes.MeasurementStatus: Provisional=provisional, Final=final
        Codes.BenchmarkStage: AnnualAccounts=jaarrekening, Budget=begroting
        Codes.EntityKind: Municipality=municipality, G40Average=g40_average, G4Average=g4_average, SizeClass=size_class, Netherlands=nederland
        Codes.BudgetScope: Programme=programme, TaskField=task_field, Lot=lot, Total=total
        Codes.BudgetStage: OriginalBudget=primitieve_begroting, AmendedBudget=gewijzigde_begroting, Actuals=realisatie, Change=wijziging, MultiYearEstimate=meerjarenraming, StatedVariance=afwijking, Unassigned=niet_toegewezen, Forecast=prognose
        Codes.BudgetMeasure: Expenses=lasten, Income=baten, Net=saldo
        Codes.KpiStatus: OnTrack=on_track, Attention=attention, OffTrack=off_track
        Codes.KpiStatus(null): null
        Codes.VarianceKind: OnBudget=on_budget, Overrun=overrun, Underrun=underrun
        Codes.CommentaryStatus: Draft=draft, Published=published
        Codes.BudgetMeasureLabel: Expenses=lasten, Income=baten, Net=saldo
        Codes.List(Domain): wmo, jeugd, werk_inkomen, sociaal_plein, voorveld, sociaal_domein
        DutchText.Domain: Wmo=Wmo, Jeugd=Jeugd, WerkInkomen=Werk en inkomen, SociaalPlein=Sociaal Plein, Voorveld=Voorveld, SociaalDomein=Sociaal domein (totaal)
        DutchText.Unit: Percent=%, Weeks=weken, Days=dagen, Score=rapportcijfer (1–10), Count=aantal, Euro=€, EuroPerInhabitant=€ per inwoner, Per10000=per 10.000 inwoners
        DutchText.Direction: HigherIsBetter=hoger is beter, LowerIsBetter=lager is beter, WithinBand=binnen een bandbreedte, Informative=beschrijvend (geen streefrichting)
        DutchText.Frequency: Year=jaarlijks, Quarter=per kwartaal
        DutchText.MeasurementStatus: Provisional=voorlopig, Final=definitief
        DutchText.BudgetStage: OriginalBudget=primitieve begroting, AmendedBudget=gewijzigde begroting, Actuals=realisatie, Change=begrotingswijziging, MultiYearEstimate=meerjarenraming, StatedVariance=vermelde afwijking t.o.v. de begroting, Unassigned=gewijzigde begroting of realisatie (niet toe te wijzen), Forecast=prognose
        DutchText.BenchmarkStage: AnnualAccounts=jaarrekening, Budget=begroting
        KpiStatus.ToDutchLabel: OnTrack=op koers, Attention=aandacht, OffTrack=uit koers
        KpiStatus?.ToDutchLabel(null): niet te beoordelen

        """;
}
