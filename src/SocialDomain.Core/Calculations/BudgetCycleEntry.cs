using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>The fields of an amount of the budget cycle, as a form or an IV3 file gives them.</summary>
public enum BudgetCycleField
{
    Year,
    Programme,
    TaskField,
    Category,
    Stage,
    PeriodEnd,
    ChangeNumber,
    ChangeDate,
    ChangeReason,
    Amount,
    CorrectionReason,
    SourceDocument,
    SourceSection,
}

/// <summary>A problem with one field, in Dutch, starting with the field's Dutch name.</summary>
public sealed record BudgetCycleProblem(BudgetCycleField Field, string Message);

/// <summary>One amount of the budget cycle as entered: IV3 structure and IV3 sign (lasten and baten both positive).</summary>
public sealed record BudgetCycleInput(
    int Year,
    string Programme,
    string TaskField,
    BudgetMeasure Category,
    BudgetStage Stage,
    DateOnly? PeriodEnd,
    string? ChangeNumber,
    DateOnly? ChangeDate,
    string? ChangeReason,
    decimal Amount);

/// <summary>
/// A current budget line as the sum check reads it, with the amount as stored (lasten +, baten −). Lines with the same
/// <see cref="Key"/> are the same figure: a second one is a correction of the first.
/// </summary>
public sealed record BudgetCycleAmount(
    BudgetScope Scope,
    string Code,
    string? Programme,
    int Year,
    BudgetStage Stage,
    BudgetMeasure Measure,
    DateOnly? PeriodEnd,
    string? ChangeNumber,
    decimal StoredAmount)
{
    public (BudgetScope, string, string?, int, BudgetStage, BudgetMeasure, DateOnly?, string?) Key =>
        (Scope, Code, Programme, Year, Stage, Measure, PeriodEnd, ChangeNumber);

    /// <summary>The group whose gewijzigde begroting must equal primitieve begroting plus wijzigingen.</summary>
    public (BudgetScope, string, int, BudgetMeasure) SumGroup => (Scope, Code, Year, Measure);
}

/// <summary>A sum that does not add up, blamed on one incoming amount (its index in the incoming list).</summary>
public sealed record BudgetSumProblem(int Index, string Message);

/// <summary>
/// The rules for entering the budget cycle (docs/calculations.md, "Begrotingscyclus invoeren"), used by the IV3 import and
/// by /beheer/begroting alike: which stages and categories an IV3 line has, the sign convention, what a begrotingswijziging
/// needs, that a realisatie or prognose lies in the past, and that a gewijzigde begroting equals the primitieve begroting
/// plus its wijzigingen. Pure: today is passed in.
/// </summary>
public static class BudgetCycleEntry
{
    /// <summary>Longest wijzigingsnummer stored.</summary>
    public const int ChangeNumberMaxLength = 40;

    /// <summary>Longest reason (of a wijziging or a correction) stored.</summary>
    public const int ReasonMaxLength = 2000;

    /// <summary>Largest amount accepted (ten billion euros).</summary>
    public const decimal AmountLimit = 10_000_000_000m;

    /// <summary>The stages an IV3 line can have.</summary>
    public static IReadOnlyList<BudgetStage> Stages { get; } =
        [BudgetStage.OriginalBudget, BudgetStage.Change, BudgetStage.AmendedBudget, BudgetStage.Actuals, BudgetStage.Forecast];

    /// <summary>
    /// The one conversion between IV3's sign and the stored sign: IV3 gives lasten and baten both positive; the dashboard
    /// stores baten negative (saldo = lasten + baten). The conversion is its own inverse.
    /// </summary>
    public static decimal StoredAmount(BudgetMeasure category, decimal iv3Amount) => category == BudgetMeasure.Income ? -iv3Amount : iv3Amount;

    /// <summary>A stored amount in IV3's sign (<see cref="StoredAmount"/> undone).</summary>
    public static decimal Iv3Amount(BudgetMeasure category, decimal storedAmount) => StoredAmount(category, storedAmount);

    /// <summary>Every problem of one amount on its own; an empty list means it may be stored (the sum is checked apart).</summary>
    public static IReadOnlyList<BudgetCycleProblem> Problems(BudgetCycleInput input, DateOnly today, Func<string, bool> programmeKnown)
    {
        var problems = new List<BudgetCycleProblem>();
        void Add(BudgetCycleField field, string message) => problems.Add(new(field, message));

        if (input.Programme.Length > 0 && !programmeKnown(input.Programme))
        {
            Add(BudgetCycleField.Programme, $"Programma: onbekende programmacode '{TextLimits.Shown(input.Programme)}'; leg het programma eerst vast.");
        }

        if (input.TaskField.Length > 0 && Iv3TaskFields.Find(input.TaskField) is null)
        {
            Add(BudgetCycleField.TaskField, $"Taakveld: '{TextLimits.Shown(input.TaskField)}' is geen taakveld van de IV3-indeling (BBV); gebruik een code zoals 6.72.");
        }

        if (input.Category is not (BudgetMeasure.Expenses or BudgetMeasure.Income))
        {
            Add(BudgetCycleField.Category, "Categorie: kies lasten of baten (IV3 kent geen saldoregel).");
        }

        if (!Stages.Contains(input.Stage))
        {
            Add(BudgetCycleField.Stage, $"Fase: kies primitieve_begroting, wijziging, gewijzigde_begroting, realisatie of prognose ({Vocabulary.BudgetStages.Token(input.Stage)} is geen fase van de begrotingscyclus).");
        }

        ChangeProblems(input, today, Add);
        PeriodProblems(input, today, Add);
        if (AmountProblem(input.Amount) is { } amount)
        {
            problems.Add(amount);
        }

        return problems;
    }

    /// <summary>The problem of an amount too large to be a municipal budget line; null when it fits.</summary>
    public static BudgetCycleProblem? AmountProblem(decimal amount) =>
        Math.Abs(amount) > AmountLimit ? new(BudgetCycleField.Amount, $"Bedrag: {DutchFormat.Money(amount)} is groter dan {DutchFormat.Money(AmountLimit)}.") : null;

    /// <summary>Why a taakveld outside hoofdtaak 6 is not stored; null for a taakveld of the sociaal domein or no IV3 code.</summary>
    public static string? OutsideSocialDomain(string code) =>
        Iv3TaskFields.Find(code) is { InSocialDomain: false } field
            ? $"Taakveld: {field.Code} {field.Name} valt buiten het sociaal domein (hoofdtaak 6); het dashboard bewaart alleen taakvelden 6.x."
            : null;

    /// <summary>The problem with a correction's reason (required); null when it may be stored.</summary>
    public static BudgetCycleProblem? CorrectionReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? new(BudgetCycleField.CorrectionReason, "Reden correctie: verplicht; zeg waarom het bedrag anders is.")
            : TextLimits.Problem("Reden correctie", reason, ReasonMaxLength) is { } p ? new(BudgetCycleField.CorrectionReason, p) : null;

    private static void ChangeProblems(BudgetCycleInput input, DateOnly today, Action<BudgetCycleField, string> add)
    {
        if (input.Stage == BudgetStage.Change)
        {
            if (string.IsNullOrWhiteSpace(input.ChangeNumber))
            {
                add(BudgetCycleField.ChangeNumber, "Wijzigingsnummer: verplicht bij een begrotingswijziging (zoals 2019-07).");
            }

            if (input.ChangeDate is null)
            {
                add(BudgetCycleField.ChangeDate, "Datum wijziging: verplicht bij een begrotingswijziging (de datum van het raadsbesluit).");
            }

            if (string.IsNullOrWhiteSpace(input.ChangeReason))
            {
                add(BudgetCycleField.ChangeReason, "Reden wijziging: verplicht bij een begrotingswijziging.");
            }
        }
        else if (input.ChangeNumber is not null || input.ChangeDate is not null || input.ChangeReason is not null)
        {
            var field = input.ChangeNumber is not null ? BudgetCycleField.ChangeNumber : input.ChangeDate is not null ? BudgetCycleField.ChangeDate : BudgetCycleField.ChangeReason;
            add(field, $"{Label(field)}: alleen bij een begrotingswijziging (fase wijziging); laat leeg bij {Vocabulary.BudgetStages.Label(input.Stage)}.");
        }

        if (input.ChangeDate is { } date && date > today)
        {
            add(BudgetCycleField.ChangeDate, $"Datum wijziging: {Date(date)} ligt na vandaag ({Date(today)}).");
        }

        if (TextLimits.Problem("Wijzigingsnummer", input.ChangeNumber, ChangeNumberMaxLength) is { } number)
        {
            add(BudgetCycleField.ChangeNumber, number);
        }

        if (TextLimits.Problem("Reden wijziging", input.ChangeReason, ReasonMaxLength) is { } reason)
        {
            add(BudgetCycleField.ChangeReason, reason);
        }
    }

    private static void PeriodProblems(BudgetCycleInput input, DateOnly today, Action<BudgetCycleField, string> add)
    {
        var measured = input.Stage is BudgetStage.Actuals or BudgetStage.Forecast;
        var stage = Vocabulary.BudgetStages.Label(input.Stage);
        if (!measured)
        {
            if (input.PeriodEnd is not null)
            {
                add(BudgetCycleField.PeriodEnd, $"Peildatum: alleen bij realisatie of prognose; laat leeg bij {stage}.");
            }

            return;
        }

        if (input.Year > today.Year)
        {
            add(BudgetCycleField.Year, $"Jaar: een {stage} over {input.Year} ligt in de toekomst (vandaag is {Date(today)}).");
            return;
        }

        if (input.PeriodEnd is { } end)
        {
            if (end.Year != input.Year)
            {
                add(BudgetCycleField.PeriodEnd, $"Peildatum: {Date(end)} ligt niet in het jaar {input.Year}.");
            }
            else if (end > today)
            {
                add(BudgetCycleField.PeriodEnd, $"Peildatum: een {stage} tot en met {Date(end)} ligt in de toekomst (vandaag is {Date(today)}).");
            }
        }
        else if (input.Stage == BudgetStage.Actuals && new DateOnly(input.Year, 12, 31) > today)
        {
            add(BudgetCycleField.PeriodEnd,
                $"Peildatum: leeg betekent de realisatie over heel {input.Year} (jaarrekening), maar dat jaar is nog niet voorbij (vandaag is {Date(today)}); vul de peildatum van de bestuursrapportage in.");
        }
    }

    /// <summary>
    /// Per group (year × taakveld or other part × category) that <paramref name="incoming"/> touches and that holds a
    /// primitieve begroting, a gewijzigde begroting and at least one wijziging — the incoming amounts together with the
    /// stored ones they do not correct —: the gewijzigde begroting must equal the primitieve plus the sum of the
    /// wijzigingen, to the cent. Amounts are summed over programmes. The problem says by how much it differs (IV3 sign).
    /// </summary>
    public static IReadOnlyList<BudgetSumProblem> SumProblems(IReadOnlyList<BudgetCycleAmount> stored, IReadOnlyList<BudgetCycleAmount> incoming)
    {
        var corrected = incoming.Select(i => i.Key).ToHashSet();
        var all = stored.Where(s => !corrected.Contains(s.Key)).Select(s => (Index: -1, Line: s))
            .Concat(incoming.Select((line, index) => (Index: index, Line: line)));
        var problems = new List<BudgetSumProblem>();
        foreach (var group in all.GroupBy(x => x.Line.SumGroup).Where(g => g.Any(x => x.Index >= 0)))
        {
            var lines = group.ToList();
            var original = lines.Where(x => x.Line.Stage == BudgetStage.OriginalBudget).ToList();
            var amended = lines.Where(x => x.Line.Stage == BudgetStage.AmendedBudget).ToList();
            var changes = lines.Where(x => x.Line.Stage == BudgetStage.Change).ToList();
            if (original.Count == 0 || amended.Count == 0 || changes.Count == 0)
            {
                continue;
            }

            var (scope, code, year, measure) = group.Key;
            decimal Sum(IEnumerable<(int Index, BudgetCycleAmount Line)> xs) => Iv3Amount(measure, xs.Sum(x => x.Line.StoredAmount));
            var expected = Sum(original) + Sum(changes);
            var difference = Sum(amended) - expected;
            if (difference == 0m)
            {
                continue;
            }

            var blamed = amended.Concat(changes).Concat(original).Where(x => x.Index >= 0).Select(x => x.Index).First();
            var numbers = string.Join(", ", changes.Select(c => c.Line.ChangeNumber).Distinct().Order(StringComparer.Ordinal));
            var what = scope == BudgetScope.TaskField ? $"taakveld {code}" : $"{Vocabulary.BudgetScopes.Label(scope)} {code}";
            problems.Add(new(blamed,
                $"Bedrag: de begrotingswijziging telt niet op. Voor {what}, {year}, {Vocabulary.BudgetMeasures.Label(measure)} is de gewijzigde begroting {DutchFormat.Money(Sum(amended))}, "
                + $"maar de primitieve begroting {DutchFormat.Money(Sum(original))} plus de wijzigingen ({numbers}) {DutchFormat.SignedEuro(Sum(changes))} is {DutchFormat.Money(expected)}: "
                + $"een verschil van {DutchFormat.SignedEuro(difference)} (in dit bestand en de opgeslagen regels samen)."));
        }

        return problems.OrderBy(p => p.Index).ToList();
    }

    /// <summary>The Dutch name of a field, as the messages start.</summary>
    public static string Label(BudgetCycleField field) => field switch
    {
        BudgetCycleField.Year => "Jaar",
        BudgetCycleField.Programme => "Programma",
        BudgetCycleField.TaskField => "Taakveld",
        BudgetCycleField.Category => "Categorie",
        BudgetCycleField.Stage => "Fase",
        BudgetCycleField.PeriodEnd => "Peildatum",
        BudgetCycleField.ChangeNumber => "Wijzigingsnummer",
        BudgetCycleField.ChangeDate => "Datum wijziging",
        BudgetCycleField.ChangeReason => "Reden wijziging",
        BudgetCycleField.Amount => "Bedrag",
        BudgetCycleField.CorrectionReason => "Reden correctie",
        BudgetCycleField.SourceDocument => "Brondocument",
        _ => "Bronsectie",
    };

    /// <summary>Longest source document name stored (as every dataset's source_document).</summary>
    public const int SourceDocumentMaxLength = 20;

    /// <summary>Longest source section stored.</summary>
    public const int SourceSectionMaxLength = 300;

    /// <summary>The problems of a typed source: the document is required; both fit their columns.</summary>
    public static IReadOnlyList<BudgetCycleProblem> SourceProblems(string? document, string? section)
    {
        var problems = new List<BudgetCycleProblem>();
        if (string.IsNullOrWhiteSpace(document))
        {
            problems.Add(new(BudgetCycleField.SourceDocument, "Brondocument: verplicht; noem het stuk waar het bedrag staat (zoals Jaarrekening 2019)."));
        }
        else if (TextLimits.Problem("Brondocument", document, SourceDocumentMaxLength) is { } d)
        {
            problems.Add(new(BudgetCycleField.SourceDocument, d));
        }

        if (TextLimits.Problem("Bronsectie", section, SourceSectionMaxLength) is { } s)
        {
            problems.Add(new(BudgetCycleField.SourceSection, s));
        }

        return problems;
    }

    private static string Date(DateOnly date) => date.ToString("d-M-yyyy", DutchFormat.Culture);
}
