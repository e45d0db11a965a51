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

    /// <summary>The project that stands for the WINST plan as a whole and carries its coverage (dekking) rows.</summary>
    public const string PlanCode = "WINST";

    /// <summary>The reserve movement kind of a balance (begin or end of a year); other kinds are movements.</summary>
    public const string BalanceKind = "saldo";

    /// <summary>The kind of a reserve's stated maximum (plafond): neither a balance nor a movement.</summary>
    public const string CeilingKind = "maximum";

    /// <summary>The reserve movement kind of a withdrawal (negative).</summary>
    public const string WithdrawalKind = "onttrekking";

    /// <summary>
    /// The year of seed 003's lot chart whose amended budget and realisation per lot were scrambled when the text was
    /// extracted (docs/data-sources/hilversum.md, "How the 003 finance overview was reconstructed").
    /// </summary>
    public const int ScrambledLotDetailYear = 2019;

    /// <summary>The last year that was realised when the newest source (2020) appeared; later years are multi-year estimates.</summary>
    public const int LastRealisedYear = 2020;

    /// <summary>
    /// The one year in which the budget change WINST gives lasten (later years only a saldo) and so the year in which
    /// its lasten can be checked against the investment plan (001 lines 884–889; docs/data-sources/hilversum.md, "Extraction check").
    /// </summary>
    public const int BudgetChangeWithExpensesYear = 2017;

    /// <summary>The page and the table exports say this when no budget data is loaded.</summary>
    public const string NoDataMessage = "Er zijn nog geen begrotingsgegevens geladen.";

    public const string NotInSourcesReason = "niet beschikbaar: niet in de bronnen";

    public const string NoLotDetailReason =
        "niet toe te wijzen: de grafiek met de gewijzigde begroting en de realisatie 2019 per perceel (KPMG-rapport, regels 2038–2093) " +
        "is bij het overnemen door elkaar geraakt; de bedragen die niet zeker bij dit perceel horen staan onder 'Niet toe te wijzen bedragen'";

    public const string NoOriginalProgrammeReason =
        "niet beschikbaar: de bronnen noemen de primitieve begroting van het programma niet (het KPMG-rapport verwijst naar het Jaarverslag 2019, dat niet in de bronnen zit)";

    public const string ForecastReason = "niet beschikbaar: meerjarenraming, het jaar was bij het verschijnen van de bron nog niet gerealiseerd";

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

    /// <summary>Why an item has no primitive budget: for a programme the sources point to a year report that is not among them.</summary>
    public static string MissingOriginalReason(BudgetScope scope) => scope == BudgetScope.Programme ? NoOriginalProgrammeReason : NotInSourcesReason;

    /// <summary>
    /// Why an item has no amended budget or realisation: a lot in <see cref="ScrambledLotDetailYear"/> (scrambled chart),
    /// a year after <see cref="LastRealisedYear"/> (estimate), otherwise not in the sources.
    /// </summary>
    public static string MissingAmountReason(BudgetScope scope, int year) => (scope, year) switch
    {
        (BudgetScope.Lot, ScrambledLotDetailYear) => NoLotDetailReason,
        (_, > LastRealisedYear) => ForecastReason,
        _ => NotInSourcesReason,
    };

    /// <summary>"Programma 2 Zorg" when the programme is known, otherwise the line's name.</summary>
    public static string ProgrammeLabel(BudgetLineData line) =>
        line.ProgrammeName is { } name ? $"Programma {line.ScopeCode} {name}" : line.Name;

    /// <summary>The stage of a line in the source notes: the stage's Dutch name.</summary>
    public static string StageLabel(BudgetLineData line) => DutchText.BudgetStage(line.Stage);

    /// <summary>The plan as a whole (<see cref="PlanCode"/>), which carries the coverage rows.</summary>
    public static bool IsPlanTotal(PlanProjectData project) => project.Code == PlanCode;

    /// <summary>
    /// The parent project of a part: W7A_ICT_INVOEREN belongs to W7_ICT because its number ("W7A") extends the
    /// parent's ("W7") by one letter, and a parent has no amounts of its own. Null for a project that is no part.
    /// </summary>
    public static PlanProjectData? ParentOf(PlanProjectData project, IReadOnlyList<PlanProjectData> projects)
    {
        var number = project.Code.Split('_')[0];
        return projects.FirstOrDefault(p => p != project && p.Amounts.Count == 0
            && p.Code.Split('_')[0] is var parent && number.Length == parent.Length + 1
            && number.StartsWith(parent, StringComparison.Ordinal) && char.IsLetter(number[^1]));
    }

    /// <summary>The balance per 1 January of a reserve year: a balance whose description says "1 januari".</summary>
    public static bool IsOpeningBalance(ReserveMovementData movement) =>
        movement.Kind == BalanceKind && (movement.Description?.Contains("1 januari", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>The balance per 31 December of a reserve year: a balance whose description says "31 december".</summary>
    public static bool IsClosingBalance(ReserveMovementData movement) =>
        movement.Kind == BalanceKind && (movement.Description?.Contains("31 december", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>A reserve figure from the investment proposal's estimate: its description says "raming".</summary>
    public static bool IsEstimate(ReserveMovementData movement) => movement.Description?.Contains("raming", StringComparison.OrdinalIgnoreCase) ?? false;

    /// <summary>A withdrawal from the reserve for the WINST plan: its description names "WINST".</summary>
    public static bool IsPlanWithdrawal(ReserveMovementData movement) =>
        movement.Kind == WithdrawalKind && (movement.Description?.Contains(PlanCode, StringComparison.Ordinal) ?? false);

    /// <summary>The plan's coverage from the reserve: the coverage row whose name contains "Reserve".</summary>
    public static bool IsReserveCoverage(PlanRow coverage) => coverage.Name.Contains("Reserve", StringComparison.OrdinalIgnoreCase);

    /// <summary>An amount in euros, or "–" when there is none.</summary>
    public static string Euro(decimal? amount) => amount is { } a ? DutchFormat.Euro(a) : "–";
}
