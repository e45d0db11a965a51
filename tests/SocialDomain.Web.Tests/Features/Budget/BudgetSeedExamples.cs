using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Tests.Features.Budget;

/// <summary>
/// The worked examples of docs/calculations.md ("Begroting"): rows of the Hilversum seed files (budget_lines.csv,
/// projects.csv, project_budgets.csv, reserve_movements.csv; docs/data-sources/hilversum.md), in memory.
/// </summary>
public static class BudgetSeedExamples
{
    private const string MixedFunding = "Reserve sociaal domein + Substitutie zorgbudgetten (verdeling per project niet gegeven)";
    private const string ReserveName = "Bestemmingsreserve Sociaal Domein";

    public static BudgetLineData Line(BudgetScope scope, string code, string name, int year, BudgetStage stage, BudgetMeasure measure, decimal amount,
        string? note = null, string? programmeName = null, string? taskField = null) => new()
        {
            Scope = scope,
            ScopeCode = code,
            Name = name,
            ProgrammeCode = scope == BudgetScope.Programme ? code : null,
            ProgrammeName = programmeName,
            TaskFieldCode = scope == BudgetScope.TaskField ? code : taskField,
            Year = year,
            Stage = stage,
            Measure = measure,
            Amount = amount,
            Note = note,
        };

    /// <summary>003 lines 1195–1199: programme 2 Zorg 2019, the stated overspend against the budget (saldo); no level is printed.</summary>
    public static IReadOnlyList<BudgetLineData> Zorg2019 { get; } =
    [
        Line(BudgetScope.Programme, "2", "Programma 2 Zorg", 2019, BudgetStage.StatedVariance, BudgetMeasure.Net, 1_163_470m,
            "Vermelde afwijking: tekort t.o.v. de begroting", "Zorg"),
    ];

    /// <summary>003 "Overzicht begroting 2019-2022": the primitive budget (lasten) of the six lots in 2019 and 2022.</summary>
    public static IReadOnlyList<BudgetLineData> Lots { get; } =
    [
        .. new (string Code, string Name, string TaskField, decimal Budget2019, decimal Budget2022)[]
        {
            ("TOEGANG", "Toegang", "6.2", 1_897_000m, 1_894_000m),
            ("MVZ_WMO", "Maatwerkvoorzieningen (Wmo)", "6.6", 2_029_000m, 1_971_000m),
            ("MDV_18PLUS", "Maatwerkdienstverlening 18+", "6.71", 13_234_000m, 14_439_000m),
            ("MDV_18MIN", "Maatwerkdienstverlening 18-", "6.72", 12_158_000m, 11_509_000m),
            ("GZ_18PLUS", "Geëscaleerde zorg 18+", "6.81", 22_460_000m, 22_525_000m),
            ("GZ_18MIN", "Geëscaleerde zorg 18-", "6.82", 3_913_000m, 3_894_000m),
        }.SelectMany(l => new[]
        {
            Line(BudgetScope.Lot, l.Code, l.Name, 2019, BudgetStage.OriginalBudget, BudgetMeasure.Expenses, l.Budget2019, taskField: l.TaskField),
            Line(BudgetScope.Lot, l.Code, l.Name, 2022, BudgetStage.MultiYearEstimate, BudgetMeasure.Expenses, l.Budget2022, taskField: l.TaskField),
        }),

        // 003 lines 2038–2093: the lot figures of 2019 whose lot and stage are certain (cross-checked against the G40 appendices).
        Line(BudgetScope.Lot, "TOEGANG", "Toegang", 2019, BudgetStage.AmendedBudget, BudgetMeasure.Expenses, 1_900_000m, taskField: "6.2"),
        Line(BudgetScope.Lot, "TOEGANG", "Toegang", 2019, BudgetStage.Actuals, BudgetMeasure.Expenses, 1_853_000m, taskField: "6.2"),
        Line(BudgetScope.Lot, "GZ_18MIN", "Geëscaleerde zorg 18-", 2019, BudgetStage.Actuals, BudgetMeasure.Expenses, 2_929_000m, taskField: "6.82"),
        Line(BudgetScope.Lot, "NT_23324", "Geëscaleerde zorg 18+ (fase niet te bepalen)", 2019, BudgetStage.Unassigned, BudgetMeasure.Expenses, 23_324_000m),
    ];

    /// <summary>001 lines 884–889: the WINST budget change per programme; 2017 lasten, baten and saldo, later years only the saldo.</summary>
    public static IReadOnlyList<BudgetLineData> BudgetChange { get; } =
    [
        .. Change(BudgetScope.Programme, "2", "Programma 2 Zorg", "Zorg", (1_648_707m, -2_730_000m, -1_081_293m), -576_293m, -413_668m, -218_518m),
        .. Change(BudgetScope.Programme, "3", "Programma 3 Werken", "Werken", (520_867m, 0m, 520_867m), 520_867m, 358_242m, 163_092m),
        .. Change(BudgetScope.Programme, "4", "Programma 4 Bestuur", "Bestuur", (560_426m, 0m, 560_426m), 55_426m, 55_426m, 55_426m),
        .. Change(BudgetScope.Total, "TOTAAL", "Totaal begrotingswijziging WINST", null, (2_730_000m, -2_730_000m, 0m), 0m, 0m, 0m),
    ];

    /// <summary>001 lines 799–819 and 836–837: the investment plan 2017–2020 per project, and its coverage.</summary>
    public static IReadOnlyList<PlanProjectData> Plan { get; } =
    [
        Project("W1_WINSTPAKKERS", "Winstpakkers", 0, 0, 0, 0),
        Project("W2_DASHBOARDS", "Dashboards", 25_000, 0, 0, 0),
        Project("W3_TOEGANG", "Toegang", 0, 0, 0, 0),
        Project("W4_POORT", "Poort", 0, 0, 0, 0),
        Project("W5_MARKETING", "Marketing en communicatie", 75_000, 55_000, 55_000, 55_000),
        Project("W6_TELEFONIE", "Herinrichting Sociaal Plein telefonie", 20_000, 0, 0, 0),
        Project("W7A_ICT_INVOEREN", "ICT - Invoeren", 100_000, 0, 0, 0, "W7_ICT"),
        Project("W7B_ICT_KENNISSYSTEEM", "ICT - Kennissysteem", 70_000, 70_000, 70_000, 70_000, "W7_ICT"),
        Project("W7C_ICT_CRM", "ICT - CRM-systeem", 70_000, 70_000, 70_000, 70_000, "W7_ICT"),
        Project("W7D_ICT_ZAAKSYSTEEM", "ICT - Zaaksysteem", 30_000, 30_000, 30_000, 30_000, "W7_ICT"),
        Project("W7E_ICT_GWS", "ICT - GWS optimaliseren werkprocessen", 300_000, 0, 0, 0, "W7_ICT"),
        new("W7_ICT", "ICT", "Verzamelproject ICT (som van W7A-W7E)", []),
        Project("W8A_FORMATIE_OPLEIDING", "Formatie - Opleiding", 40_000, 0, 0, 0, "W8_FORMATIE"),
        Project("W8B_FORMATIE_EXTRA_MEDEWERKERS", "Formatie - Extra medewerkers", 2_000_000, 2_000_000, 1_500_000, 900_000, "W8_FORMATIE"),
        new("W8_FORMATIE", "Formatie", "Verzamelproject formatie (som van W8A-W8B)", []),
        new("WINST", "WINST (Werk, Inkomen en Zorg Nieuwe STijl) - totaal", "Het investeringsvoorstel als geheel",
        [
            new(2017, -2_730_000m, "Reserve sociaal domein", "reserve"), new(2018, -1_100_000m, "Reserve sociaal domein", "reserve"),
            new(2019, -600_000m, "Reserve sociaal domein", "reserve"), new(2020, 0m, "Reserve sociaal domein", "reserve"),
            new(2017, 0m, "Substitutie zorgbudgetten", "overig"), new(2018, -1_125_000m, "Substitutie zorgbudgetten", "overig"),
            new(2019, -1_125_000m, "Substitutie zorgbudgetten", "overig"), new(2020, -1_125_000m, "Substitutie zorgbudgetten", "overig"),
        ], BudgetReport.PlanRole),
    ];

    /// <summary>001 lines 775–782 and 860–866: the reserve, 2013–2016 realised, 2017–2020 estimated.</summary>
    public static IReadOnlyList<ReserveMovementData> Reserve { get; } =
    [
        new(ReserveName, 2013, "storting", 3_023_000m, "Instellen bestemmingsreserve (oktober 2013); realisatie"),
        new(ReserveName, 2013, "eindstand", 3_023_000m, "Stand per 31 december; realisatie"),
        new(ReserveName, 2014, "beginstand", 3_023_000m, "Stand per 1 januari; realisatie"),
        new(ReserveName, 2014, "storting", 5_100_000m, "Resultaatbestemming jaar t-1 (2013); realisatie"),
        new(ReserveName, 2014, "storting", 541_000m, "Amendement minimagelden (december 2014); realisatie"),
        new(ReserveName, 2014, "onttrekking", -1_390_000m, "Onttrekking; realisatie"),
        new(ReserveName, 2014, "eindstand", 7_274_000m, "Stand per 31 december; realisatie"),
        new(ReserveName, 2015, "beginstand", 7_274_000m, "Stand per 1 januari; realisatie"),
        new(ReserveName, 2015, "storting", 658_000m, "Resultaatbestemming jaar t-1 (2014); realisatie"),
        new(ReserveName, 2015, "onttrekking", -1_248_000m, "Onttrekking; realisatie"),
        new(ReserveName, 2015, "eindstand", 6_684_000m, "Stand per 31 december; realisatie"),
        new(ReserveName, 2016, "beginstand", 6_684_000m, "Stand per 1 januari; realisatie"),
        new(ReserveName, 2016, "storting", 1_626_000m, "Resultaatbestemming jaar t-1 (2015); onttrekking 2016 in bron 'PM' (niet opgenomen)"),
        new(ReserveName, 2016, "eindstand", 8_310_000m, "Stand per 31 december (voor PM-onttrekking)"),
        new(ReserveName, 2017, "beginstand", 8_310_000m, "Stand per 1 januari; raming investeringsvoorstel", null, true),
        new(ReserveName, 2017, "onttrekking", -2_730_000m, "Onttrekking ten behoeve van WINST; raming (resultaatbestemming en BUIG-onttrekking PM)", "WINST", true),
        new(ReserveName, 2017, "eindstand", 5_580_000m, "Stand per 31 december; raming", null, true),
        new(ReserveName, 2018, "beginstand", 5_580_000m, "Stand per 1 januari; raming", null, true),
        new(ReserveName, 2018, "onttrekking", -1_100_000m, "Onttrekking ten behoeve van WINST; raming (resultaatbestemming en BUIG-onttrekking PM)", "WINST", true),
        new(ReserveName, 2018, "eindstand", 4_480_000m, "Stand per 31 december; raming", null, true),
        new(ReserveName, 2019, "beginstand", 4_480_000m, "Stand per 1 januari; raming", null, true),
        new(ReserveName, 2019, "onttrekking", -600_000m, "Onttrekking ten behoeve van WINST; raming (resultaatbestemming en BUIG-onttrekking PM)", "WINST", true),
        new(ReserveName, 2019, "eindstand", 3_880_000m, "Stand per 31 december; raming", null, true),
        new(ReserveName, 2020, "beginstand", 3_880_000m, "Stand per 1 januari; raming", null, true),
        new(ReserveName, 2020, "eindstand", 3_880_000m, "Stand per 31 december; raming (geen WINST-onttrekking in 2020)", null, true),
    ];

    /// <summary>The demo data's thresholds (explanation_thresholds.csv, assumed): toelichten boven € 250.000 of 10%, from 2016.</summary>
    public static ThresholdVersion Thresholds2016 { get; } = new(2016,
        new SocialDomain.Core.Calculations.ExplanationThresholds(250_000m, 10m, ThresholdCombination.Either), "Aangenomen voor de demonstratie",
        new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero), "import");

    /// <summary>All seed examples together, as the page gets them.</summary>
    public static BudgetData All { get; } = new([.. BudgetChange, .. Lots, .. Zorg2019], Plan, Reserve, [Thresholds2016]);

    private static PlanProjectData Project(string code, string name, decimal a2017, decimal a2018, decimal a2019, decimal a2020, string? parent = null) =>
        new(code, name, null,
        [
            new(2017, a2017, "Reserve sociaal domein"), new(2018, a2018, MixedFunding),
            new(2019, a2019, MixedFunding), new(2020, a2020, "Substitutie zorgbudgetten"),
        ], ParentCode: parent);

    private static IEnumerable<BudgetLineData> Change(BudgetScope scope, string code, string name, string? programmeName,
        (decimal Expenses, decimal Income, decimal Net) in2017, decimal net2018, decimal net2019, decimal net2020)
    {
        yield return Line(scope, code, name, 2017, BudgetStage.Change, BudgetMeasure.Expenses, in2017.Expenses, programmeName: programmeName);
        yield return Line(scope, code, name, 2017, BudgetStage.Change, BudgetMeasure.Income, in2017.Income, programmeName: programmeName);
        yield return Line(scope, code, name, 2017, BudgetStage.Change, BudgetMeasure.Net, in2017.Net, programmeName: programmeName);
        yield return Line(scope, code, name, 2018, BudgetStage.Change, BudgetMeasure.Net, net2018, programmeName: programmeName);
        yield return Line(scope, code, name, 2019, BudgetStage.Change, BudgetMeasure.Net, net2019, programmeName: programmeName);
        yield return Line(scope, code, name, 2020, BudgetStage.Change, BudgetMeasure.Net, net2020, programmeName: programmeName);
    }
}
