using SocialDomain.Core.Calculations;

namespace SocialDomain.Core.Domain;

/// <summary>
/// One table per enumeration: each value's token and its Dutch label. The token is what the documented CSV formats
/// (docs/data-sources.md), the exports and the API write and read; the label is what the pages show. Rows are listed in
/// the order the tokens are offered to users. A test checks that every enum value has a row.
/// </summary>
public static class Vocabulary
{
    public static EnumTable<SocialDomainArea> Domains { get; } = new(
        (SocialDomainArea.Wmo, "wmo", "Wmo"),
        (SocialDomainArea.Jeugd, "jeugd", "Jeugd"),
        (SocialDomainArea.WerkInkomen, "werk_inkomen", "Werk en inkomen"),
        (SocialDomainArea.SociaalPlein, "sociaal_plein", "Sociaal Plein"),
        (SocialDomainArea.Voorveld, "voorveld", "Voorveld"),
        (SocialDomainArea.SociaalDomein, "sociaal_domein", "Sociaal domein (totaal)"));

    public static EnumTable<KpiUnit> Units { get; } = new(
        (KpiUnit.Percent, "percent", "%"),
        (KpiUnit.Weeks, "weeks", "weken"),
        (KpiUnit.Days, "days", "dagen"),
        (KpiUnit.Score, "score", "rapportcijfer (1–10)"),
        (KpiUnit.Count, "count", "aantal"),
        (KpiUnit.Euro, "euro", "€"),
        (KpiUnit.EuroPerInhabitant, "euro_per_inhabitant", "€ per inwoner"),
        (KpiUnit.Per10000, "per_10000", "per 10.000 inwoners"));

    public static EnumTable<KpiDirection> Directions { get; } = new(
        (KpiDirection.HigherIsBetter, "higher_is_better", "hoger is beter"),
        (KpiDirection.LowerIsBetter, "lower_is_better", "lager is beter"),
        (KpiDirection.WithinBand, "within_band", "binnen een bandbreedte"),
        (KpiDirection.Informative, "informative", "beschrijvend (geen streefrichting)"));

    public static EnumTable<KpiFrequency> Frequencies { get; } = new(
        (KpiFrequency.Year, "year", "jaarlijks"),
        (KpiFrequency.Quarter, "quarter", "per kwartaal"));

    public static EnumTable<MeasurementStatus> MeasurementStatuses { get; } = new(
        (MeasurementStatus.Final, "final", "definitief"),
        (MeasurementStatus.Provisional, "provisional", "voorlopig"));

    public static EnumTable<BenchmarkStage> BenchmarkStages { get; } = new(
        (BenchmarkStage.AnnualAccounts, "jaarrekening", "jaarrekening"),
        (BenchmarkStage.Budget, "begroting", "begroting"));

    public static EnumTable<BenchmarkEntityKind> EntityKinds { get; } = new(
        (BenchmarkEntityKind.Municipality, "municipality", "gemeente"),
        (BenchmarkEntityKind.G40Average, "g40_average", "G40-gemiddelde"),
        (BenchmarkEntityKind.G4Average, "g4_average", "G4-gemiddelde"),
        (BenchmarkEntityKind.SizeClass, "size_class", "grootteklasse"),
        (BenchmarkEntityKind.Netherlands, "nederland", "Nederland"));

    public static EnumTable<BudgetScope> BudgetScopes { get; } = new(
        (BudgetScope.Programme, "programme", "programma"),
        (BudgetScope.TaskField, "task_field", "taakveld"),
        (BudgetScope.Lot, "lot", "perceel"),
        (BudgetScope.Total, "total", "totaal"));

    public static EnumTable<BudgetStage> BudgetStages { get; } = new(
        (BudgetStage.OriginalBudget, "primitieve_begroting", "primitieve begroting"),
        (BudgetStage.AmendedBudget, "gewijzigde_begroting", "gewijzigde begroting"),
        (BudgetStage.Actuals, "realisatie", "realisatie"),
        (BudgetStage.Change, "wijziging", "begrotingswijziging"),
        (BudgetStage.MultiYearEstimate, "meerjarenraming", "meerjarenraming"),
        (BudgetStage.StatedVariance, "afwijking", "vermelde afwijking t.o.v. de begroting"),
        (BudgetStage.Unassigned, "niet_toegewezen", "gewijzigde begroting of realisatie (niet toe te wijzen)"),
        (BudgetStage.Forecast, "prognose", "prognose"));

    public static EnumTable<ThresholdCombination> ThresholdCombinations { get; } = new(
        (ThresholdCombination.Both, "en", "én (beide grenzen overschreden)"),
        (ThresholdCombination.Either, "of", "of (één van de grenzen overschreden)"));

    public static EnumTable<ExplanationVerdict> ExplanationVerdicts { get; } = new(
        (ExplanationVerdict.Explain, "toelichten", "toelichten"),
        (ExplanationVerdict.WithinThresholds, "binnen_grenzen", "geen toelichting nodig"),
        (ExplanationVerdict.NotJudgeable, "niet_te_beoordelen", "niet te beoordelen"));

    public static EnumTable<ValueBound> ValueBounds { get; } = new(
        (ValueBound.Exact, "exact", "precies"),
        (ValueBound.AtLeast, "ten_minste", "ten minste"),
        (ValueBound.AtMost, "hoogstens", "hoogstens"));

    public static EnumTable<PeriodPrecision> PeriodPrecisions { get; } = new(
        (PeriodPrecision.Exact, "exact", "jaar of kwartaal zoals vermeld"),
        (PeriodPrecision.Month, "maand", "één maand"),
        (PeriodPrecision.Span, "jaren", "reeks jaren"),
        (PeriodPrecision.Undated, "onbekend", "peildatum onbekend"));

    public static EnumTable<BudgetMeasure> BudgetMeasures { get; } = new(
        (BudgetMeasure.Expenses, "lasten", "lasten"),
        (BudgetMeasure.Income, "baten", "baten"),
        (BudgetMeasure.Net, "saldo", "saldo"));

    public static EnumTable<DecisionBody> DecisionBodies { get; } = new(
        (DecisionBody.Council, "council", "gemeenteraad"),
        (DecisionBody.Executive, "executive", "college van B&W"),
        (DecisionBody.Administration, "administration", "ambtelijk"));

    public static EnumTable<DeliveryState> DeliveryStates { get; } = new(
        (DeliveryState.Delivered, "delivered", "geleverd"),
        (DeliveryState.Missing, "missing", "ontbreekt"),
        (DeliveryState.Late, "late", "te laat"));

    public static EnumTable<MeasurementChange> MeasurementChanges { get; } = new(
        (MeasurementChange.Entered, "entered", "ingevoerd"),
        (MeasurementChange.Corrected, "corrected", "gecorrigeerd"),
        (MeasurementChange.Withdrawn, "withdrawn", "ingetrokken"),
        (MeasurementChange.Confirmed, "confirmed", "bevestigd"),
        (MeasurementChange.Imported, "imported", "geïmporteerd"));

    public static EnumTable<CommentaryStatus> CommentaryStatuses { get; } = new(
        (CommentaryStatus.Draft, "draft", "concept"),
        (CommentaryStatus.Published, "published", "gepubliceerd"));

    /// <summary>Labels as on the pages: "op koers", "aandacht", "uit koers" (no status: <see cref="KpiStatusLabels.NotAssessable"/>).</summary>
    public static EnumTable<KpiStatus> KpiStatuses { get; } = new(
        (KpiStatus.OnTrack, "on_track", "op koers"),
        (KpiStatus.Attention, "attention", "aandacht"),
        (KpiStatus.OffTrack, "off_track", "uit koers"));

    public static EnumTable<BudgetVarianceKind> VarianceKinds { get; } = new(
        (BudgetVarianceKind.OnBudget, "on_budget", "conform begroting"),
        (BudgetVarianceKind.Overrun, "overrun", "overschrijding"),
        (BudgetVarianceKind.Underrun, "underrun", "onderschrijding"));
}
