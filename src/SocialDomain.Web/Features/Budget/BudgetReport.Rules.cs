using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Budget;

/// <summary>
/// The rules of the budget report that read meaning from the sources' text, codes and years, and its Dutch copy.
/// Each is kept as the Begroting page always applied it (docs/calculations.md, section "Begroting").
/// </summary>
public sealed partial record BudgetReport
{
    /// <summary>Amounts in the checks are whole euros; a difference below half a euro is rounding.</summary>
    public const decimal EuroTolerance = 0.5m;

    /// <summary>The role of a project that stands for an investment plan as a whole and carries its coverage (dekking) rows.</summary>
    public const string PlanRole = "plan";

    /// <summary>The role of an ordinary project of a plan.</summary>
    public const string ProjectRole = "project";

    /// <summary>The funding kind of a coverage row that draws on a reserve.</summary>
    public const string ReserveFunding = "reserve";

    /// <summary>The reserve movement kind of the balance per 1 January.</summary>
    public const string OpeningKind = "beginstand";

    /// <summary>The reserve movement kind of the balance per 31 December.</summary>
    public const string ClosingKind = "eindstand";

    /// <summary>The kind of a reserve's stated maximum (plafond): neither a balance nor a movement.</summary>
    public const string CeilingKind = "maximum";

    /// <summary>The reserve movement kind of a deposit (positive).</summary>
    public const string DepositKind = "storting";

    /// <summary>The reserve movement kind of a withdrawal (negative).</summary>
    public const string WithdrawalKind = "onttrekking";

    /// <summary>Every reserve movement kind the importer accepts.</summary>
    public static readonly IReadOnlyList<string> ReserveKinds = [DepositKind, WithdrawalKind, OpeningKind, ClosingKind, CeilingKind];

    /// <summary>The page and the table exports say this when no budget data is loaded.</summary>
    public const string NoDataMessage = "Er zijn nog geen begrotingsgegevens geladen.";

    /// <summary>The reserves page says this when no reserve is loaded.</summary>
    public const string NoReservesMessage = "Er zijn nog geen reserves geladen.";

    public const string NotInSourcesReason = "niet beschikbaar: niet in de gegevens";

    /// <summary>Why an item has no amended budget or realisation in a year whose data hold amounts of uncertain item or stage.</summary>
    public const string UnassignedReason =
        "niet toe te wijzen: de gegevens van dit jaar bevatten bedragen waarvan niet vaststaat bij welk onderdeel of welke fase ze horen; " +
        "ze staan onder 'Niet toe te wijzen bedragen'";

    public const string ForecastReason = "niet beschikbaar: meerjarenraming, het jaar ligt na het laatste jaar met een realisatie in de gegevens";

    public const string NoForecastReason = "geen prognose in de gegevens";

    public const string NoAmountsNote = "geen bedragen in de bron";

    public const string SubtotalNote = "subtotaal: som van de onderdelen";

    public const string NoOpeningBalanceReason = "geen beginstand in de bron";

    public const string PlanTotalLabel = "Totaal investeringsplan (som van de projecten)";

    /// <summary>Instead of a total when a year or project lacks an amount.</summary>
    public const string IncompleteNote = "niet volledig";

    /// <summary>What the variance column says for a variance the source states without budget and realisation.</summary>
    public static string StatedVarianceReason(BudgetLineData stated) =>
        $"de bron noemt alleen de afwijking: {(stated.Amount >= 0 ? "overschrijding" : "onderschrijding")} van {Euro(Math.Abs(stated.Amount))} t.o.v. de begroting; "
        + "begroting en realisatie staan niet in de bronnen";

    /// <summary>"Programma 2 Zorg" when the programme is known, otherwise the line's name.</summary>
    public static string ProgrammeLabel(BudgetLineData line) =>
        line.ProgrammeName is { } name ? $"Programma {line.ScopeCode} {name}" : line.Name;

    /// <summary>The stage of a line in the source notes: the stage's Dutch name.</summary>
    public static string StageLabel(BudgetLineData line) => DutchText.BudgetStage(line.Stage);

    /// <summary>The plan as a whole (role <see cref="PlanRole"/>), which carries the coverage rows.</summary>
    public static bool IsPlanTotal(PlanProjectData project) => project.Role == PlanRole;

    /// <summary>
    /// The parent project of a part, as the data state it (<see cref="PlanProjectData.ParentCode"/>, e.g. W7A_ICT_INVOEREN is a
    /// part of W7_ICT). Null for a project that is no part, or whose parent is not in <paramref name="projects"/>.
    /// </summary>
    public static PlanProjectData? ParentOf(PlanProjectData project, IReadOnlyList<PlanProjectData> projects) =>
        project.ParentCode is { } parent ? projects.FirstOrDefault(p => p != project && p.Code == parent) : null;

    /// <summary>
    /// The project the budget change in the data belongs to. Budget lines name no project, so the budget change is
    /// attributed to the plan (role <see cref="PlanRole"/>) when the data hold exactly one plan, as the cross checks always
    /// assumed; with none or several plans it is attributed to none (null).
    /// </summary>
    public static string? BudgetChangeProject(IReadOnlyList<PlanProjectData> projects) =>
        projects.Where(IsPlanTotal).ToList() is [var only] ? only.Code : null;

    /// <summary>The balance per 1 January of a reserve year.</summary>
    public static bool IsOpeningBalance(ReserveMovementData movement) => movement.Kind == OpeningKind;

    /// <summary>The balance per 31 December of a reserve year.</summary>
    public static bool IsClosingBalance(ReserveMovementData movement) => movement.Kind == ClosingKind;

    /// <summary>A deposit or withdrawal: neither a balance nor a maximum.</summary>
    public static bool IsFlow(ReserveMovementData movement) => movement.Kind is not (OpeningKind or ClosingKind or CeilingKind);

    /// <summary>A withdrawal from the reserve for the plan: its project is the plan's.</summary>
    public static bool IsPlanWithdrawal(ReserveMovementData movement, string planCode) =>
        movement.Kind == WithdrawalKind && movement.ProjectCode == planCode;

    /// <summary>The plan's coverage from a reserve: the coverage row whose funding kind is <see cref="ReserveFunding"/>.</summary>
    public static bool IsReserveCoverage(PlanRow coverage) => coverage.FundingKind == ReserveFunding;

    /// <summary>An amount in euros, or "–" when there is none.</summary>
    public static string Euro(decimal? amount) => amount is { } a ? DutchFormat.Euro(a) : "–";
}

/// <summary>
/// What the budget lines themselves say about gaps: the last year with a realisatie (later years are estimates) and the
/// scopes and years that hold amounts of uncertain item or stage (<see cref="BudgetStage.Unassigned"/>).
/// </summary>
public sealed record DataGaps(int? LastRealisedYear, IReadOnlySet<(BudgetScope Scope, int Year)> Unassigned)
{
    public static DataGaps Of(IReadOnlyList<BudgetLineData> lines) => new(
        lines.Where(l => l.Stage == BudgetStage.Actuals).Select(l => (int?)l.Year).Max(),
        lines.Where(l => l.Stage == BudgetStage.Unassigned).Select(l => (l.Scope, l.Year)).ToHashSet());

    /// <summary>
    /// Why an item has no amended budget or realisation: amounts of its scope and year could not be assigned; the year is
    /// after the last realised one (an estimate); otherwise not in the data.
    /// </summary>
    public string MissingReason(BudgetScope scope, int year) =>
        Unassigned.Contains((scope, year)) ? BudgetReport.UnassignedReason
        : year > LastRealisedYear ? BudgetReport.ForecastReason
        : BudgetReport.NotInSourcesReason;
}
