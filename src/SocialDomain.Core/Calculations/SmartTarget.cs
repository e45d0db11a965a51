using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>A field of the target form; the names match the form's properties.</summary>
public enum SmartTargetField
{
    BaselineValue,
    BaselinePeriod,
    TargetValue,
    Deadline,
    ToleranceOnTrack,
    ToleranceAttention,
    Rationale,
    CouncilDecision,
    ChangeReason,
    ValidFrom,
    DecisionDate,
    DecidedBy,
    DecisionDocument,
    DecisionUrl,
}

/// <summary>The target form as typed: numbers and periods are text, parsed here ("7,5" and "7.5" both mean 7,5).</summary>
public sealed record SmartTargetInput(
    string? BaselineValue = null,
    string? BaselinePeriod = null,
    string? TargetValue = null,
    string? Deadline = null,
    string? ToleranceOnTrack = null,
    string? ToleranceAttention = null,
    string? Rationale = null,
    string? CouncilDecision = null,
    string? ChangeReason = null,
    string? ValidFrom = null,
    string? DecisionDate = null,
    string? DecidedBy = null,
    string? DecisionDocument = null,
    string? DecisionUrl = null);

/// <summary>What the time rules of a target version need (<see cref="TargetDecision"/>): today and the KPI's first measured period.</summary>
public sealed record SmartTargetTime(DateOnly Today, Period? FirstMeasurement);

/// <summary>What the SMART check needs to know about the KPI.</summary>
public sealed record SmartTargetKpi(KpiUnit Unit, KpiDirection Direction, string? Definition);

/// <summary>A Dutch message for one field of the form.</summary>
public sealed record SmartTargetProblem(SmartTargetField Field, string Message);

/// <summary>One SMART criterion: "Specifiek", "Meetbaar", "Acceptabel", "Realistisch" or "Tijdgebonden".</summary>
public sealed record SmartCriterion(string Criterion, bool Met, string Explanation);

/// <summary>A valid form, parsed and trimmed: what a new target version stores.</summary>
/// <param name="ChangeReason">The reason of a change; null for the first version.</param>
/// <param name="ValidFrom">The period from which the version applies ("geldig vanaf").</param>
public sealed record ValidSmartTarget(
    decimal TargetValue,
    decimal BaselineValue,
    Period Baseline,
    Period Deadline,
    decimal? ToleranceOnTrack,
    decimal? ToleranceAttention,
    string Rationale,
    string? CouncilDecision,
    string? ChangeReason,
    Period ValidFrom,
    DateOnly? DecisionDate = null,
    DecisionBody? DecidedBy = null,
    string? DecisionDocument = null,
    string? DecisionUrl = null);

/// <summary>The outcome of <see cref="SmartTarget.Validate"/>: the problems in the order they are shown, or the parsed target.</summary>
public sealed record SmartTargetValidation(IReadOnlyList<SmartTargetProblem> Problems, ValidSmartTarget? Target)
{
    public bool IsValid => Target is not null;

    /// <summary>How numbers a user might have meant otherwise were read ("Streefwaarde: '1.000' is gelezen als 1.000 …"), shown back with the form.</summary>
    public IReadOnlyList<string> Readings { get; init; } = [];
}

/// <summary>
/// The rules of a SMART target (docs/calculations.md, "SMART-streefwaarde"): what a target version must contain before
/// it is stored, and the five-point SMART check shown next to the form. Pure: the current quarter is passed in.
/// </summary>
public static class SmartTarget
{
    /// <summary>Longest rationale stored (the column's length).</summary>
    public const int RationaleMaxLength = 2000;

    /// <summary>Longest council-decision reference stored.</summary>
    public const int CouncilDecisionMaxLength = 300;

    /// <summary>Longest change reason stored.</summary>
    public const int ChangeReasonMaxLength = 2000;

    /// <summary>
    /// Checks a target form. A target value, a baseline with value and period, a deadline after the baseline, a
    /// rationale and (for a change of an existing target) a reason are required; values must fit the unit
    /// (<see cref="UnitRanges.ForTarget"/>), tolerances are percentages with "op koers" below "aandacht".
    /// The version's time (docs/time-model.md, "Streefwaarden in de tijd"): "geldig vanaf" is required, not before the
    /// KPI's first measurement and not after the deadline; a decision date is not in the future; a decision URL is an
    /// absolute http(s) address (<see cref="TargetDecision"/>).
    /// </summary>
    /// <param name="isChange">True when the KPI already has a target: this would be a new version.</param>
    public static SmartTargetValidation Validate(SmartTargetInput input, KpiUnit unit, bool isChange, SmartTargetTime time) =>
        Validate(input, unit, isChange, time, requireBaselineAndDeadline: true);

    /// <summary>
    /// The same rules for a target version recorded from a source document (the importer: command line and seed; the
    /// upload page refuses targets): every rule of <see cref="Validate(SmartTargetInput, KpiUnit, bool, SmartTargetTime)"/>
    /// applies, except that a baseline and a deadline may be absent, because a source that names none must not get an
    /// invented one. When given, they must be valid (the deadline after the baseline, values within the unit's range).
    /// </summary>
    public static IReadOnlyList<SmartTargetProblem> RecordedProblems(SmartTargetInput input, KpiUnit unit, bool isChange, SmartTargetTime time) =>
        Validate(input, unit, isChange, time, requireBaselineAndDeadline: false).Problems;

    private static SmartTargetValidation Validate(SmartTargetInput input, KpiUnit unit, bool isChange, SmartTargetTime time, bool requireBaselineAndDeadline)
    {
        var problems = new List<SmartTargetProblem>();
        var readings = new List<string>();
        void Problem(SmartTargetField field, string message) => problems.Add(new(field, message));
        decimal? Number(string? text, SmartTargetField field, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var reading = DutchNumber.Read(text);
            if (reading.Value is { } value && Math.Abs(value) <= UnitRanges.StorageLimit)
            {
                if (reading.Note is { } note)
                {
                    readings.Add($"{label}: {note}.");
                }

                return value;
            }

            Problem(field, reading.Value is not null || reading.Problem == DutchNumber.TooLarge
                ? $"{label}: {TextLimits.Shown(text.Trim())} is te groot; een waarde is hoogstens 99.999.999.999.999."
                : $"{label}: {reading.Problem}.");
            return null;
        }

        foreach (var (field, label, text, max) in new[]
                 {
                     (SmartTargetField.Rationale, "Onderbouwing", input.Rationale, RationaleMaxLength),
                     (SmartTargetField.CouncilDecision, "Raadsbesluit", input.CouncilDecision, CouncilDecisionMaxLength),
                     (SmartTargetField.ChangeReason, "Reden van de wijziging", input.ChangeReason, ChangeReasonMaxLength),
                     (SmartTargetField.DecisionDocument, "Besluitdocument", input.DecisionDocument, int.MaxValue),
                     (SmartTargetField.DecisionUrl, "Besluit-URL", input.DecisionUrl, int.MaxValue),
                 })
        {
            if (TextLimits.Problem(label, text, max) is { } textProblem)
            {
                Problem(field, textProblem);
            }
        }

        var targetValue = Number(input.TargetValue, SmartTargetField.TargetValue, "Streefwaarde");
        var baselineValue = Number(input.BaselineValue, SmartTargetField.BaselineValue, "Nulmeting");
        var onTrack = Number(input.ToleranceOnTrack, SmartTargetField.ToleranceOnTrack, "Grens op koers");
        var attention = Number(input.ToleranceAttention, SmartTargetField.ToleranceAttention, "Grens aandacht");
        if (string.IsNullOrWhiteSpace(input.TargetValue))
        {
            Problem(SmartTargetField.TargetValue, "Vul de streefwaarde in.");
        }
        else if (targetValue is { } tv && UnitRanges.TargetProblem(unit, tv) is { } problem)
        {
            Problem(SmartTargetField.TargetValue, "Streefwaarde: " + problem);
        }

        if (baselineValue is { } b && UnitRanges.TargetProblem(unit, b) is { } baselineProblem)
        {
            Problem(SmartTargetField.BaselineValue, "Nulmeting: " + baselineProblem);
        }

        foreach (var (tolerance, field) in new[] { (onTrack, SmartTargetField.ToleranceOnTrack), (attention, SmartTargetField.ToleranceAttention) })
        {
            if (tolerance is { } t && !UnitRanges.TolerancePercent.Contains(t))
            {
                Problem(field, "Een tolerantie is een percentage tussen 0 en 100.");
            }
        }

        Period? baseline = null;
        if (!string.IsNullOrWhiteSpace(input.BaselinePeriod))
        {
            if (Period.TryParse(input.BaselinePeriod, out var p))
            {
                baseline = p;
            }
            else
            {
                Problem(SmartTargetField.BaselinePeriod, $"'{input.BaselinePeriod}' is geen periode; gebruik bijvoorbeeld 2019 of 2019-K3.");
            }
        }

        if (requireBaselineAndDeadline ? string.IsNullOrWhiteSpace(input.BaselineValue) || baseline is null
                : string.IsNullOrWhiteSpace(input.BaselineValue) != string.IsNullOrWhiteSpace(input.BaselinePeriod))
        {
            Problem(SmartTargetField.BaselineValue, "Een SMART-streefwaarde heeft een nulmeting: vul de waarde én de periode van de nulmeting in.");
        }

        Period? deadline = null;
        if (string.IsNullOrWhiteSpace(input.Deadline))
        {
            if (requireBaselineAndDeadline)
            {
                Problem(SmartTargetField.Deadline, "Vul de deadline in (bijvoorbeeld 2021 of 2021-K2): zonder deadline is een streefwaarde niet tijdgebonden.");
            }
        }
        else if (!Period.TryParse(input.Deadline, out var d))
        {
            Problem(SmartTargetField.Deadline, $"'{input.Deadline}' is geen periode; gebruik bijvoorbeeld 2021 of 2021-K2.");
        }
        else if (baseline is { } bp && d <= bp)
        {
            Problem(SmartTargetField.Deadline, $"De deadline ({d}) moet na de nulmeting ({bp}) liggen.");
        }
        else
        {
            deadline = d;
            if (requireBaselineAndDeadline && PastDeadline(d, time.Today) is { } warning)
            {
                // Shown back before saving, like an ambiguous number (issue 18): saved only when submitted again.
                readings.Add(warning);
            }
        }

        if (onTrack is { } on && attention is { } att && on >= att)
        {
            Problem(SmartTargetField.ToleranceAttention, "De grens voor 'aandacht' moet groter zijn dan de grens voor 'op koers'.");
        }

        if (string.IsNullOrWhiteSpace(input.Rationale))
        {
            Problem(SmartTargetField.Rationale, "Onderbouw de streefwaarde (waarom deze waarde, op basis waarvan).");
        }

        if (isChange && string.IsNullOrWhiteSpace(input.ChangeReason))
        {
            Problem(SmartTargetField.ChangeReason, "Geef de reden van de wijziging: de raad moet kunnen zien waarom de streefwaarde is bijgesteld.");
        }

        var decision = ValidateDecision(input, deadline, time, Problem);
        if (problems.Count > 0 || targetValue is not { } target || baselineValue is not { } baselineAt || baseline is not { } from || deadline is not { } until
            || decision.ValidFrom is not { } validFrom)
        {
            return new(problems, null) { Readings = readings };
        }

        return new(problems, new ValidSmartTarget(
            target, baselineAt, from, until, onTrack, attention, input.Rationale!.Trim(), input.CouncilDecision?.Trim(),
            isChange ? input.ChangeReason?.Trim() : null, validFrom, decision.Date, decision.Body, Trimmed(input.DecisionDocument), Trimmed(input.DecisionUrl))) { Readings = readings };
    }

    /// <summary>
    /// A deadline whose last quarter ended before <paramref name="today"/>'s quarter: not refused (an earlier council
    /// decision may be recorded late) but shown back to be confirmed. Null when the deadline is this quarter or later.
    /// </summary>
    public static string? PastDeadline(Period deadline, DateOnly today) =>
        QuarterOrdinal.Of(QuarterOrdinal.EndQuarter(deadline)) < QuarterOrdinal.Of(today.Year, ((today.Month - 1) / 3) + 1)
            ? $"Deadline: {deadline} ligt in het verleden (vandaag is {today.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)}); "
              + "sla alleen op als dat klopt, bijvoorbeeld voor een eerder genomen besluit."
            : null;

    private static (Period? ValidFrom, DateOnly? Date, DecisionBody? Body) ValidateDecision(
        SmartTargetInput input, Period? deadline, SmartTargetTime time, Action<SmartTargetField, string> problem)
    {
        Period? validFrom = null;
        if (string.IsNullOrWhiteSpace(input.ValidFrom))
        {
            problem(SmartTargetField.ValidFrom, "Vul in vanaf welk kwartaal of jaar deze versie geldt (geldig vanaf, bijvoorbeeld 2020-K3).");
        }
        else if (!Period.TryParse(input.ValidFrom.Trim(), out var from))
        {
            problem(SmartTargetField.ValidFrom, TargetDecision.UnreadableValidFrom(input.ValidFrom));
        }
        else if (TargetDecision.ValidFromProblem(from, time.FirstMeasurement, deadline) is { } fromProblem)
        {
            problem(SmartTargetField.ValidFrom, fromProblem);
        }
        else
        {
            validFrom = from;
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(input.DecisionDate))
        {
            if (!TargetDecision.TryParseDate(input.DecisionDate, out var d))
            {
                problem(SmartTargetField.DecisionDate, "Besluitdatum: " + TargetDecision.UnreadableDate(input.DecisionDate));
            }
            else if (TargetDecision.DecisionDateProblem(d, time.Today) is { } dateProblem)
            {
                problem(SmartTargetField.DecisionDate, dateProblem);
            }
            else
            {
                date = d;
            }
        }

        DecisionBody? body = null;
        if (!string.IsNullOrWhiteSpace(input.DecidedBy))
        {
            if (Vocabulary.DecisionBodies.ByToken.TryGetValue(input.DecidedBy.Trim(), out var b))
            {
                body = b;
            }
            else
            {
                problem(SmartTargetField.DecidedBy, "Kies wie het besluit nam: " + string.Join(", ", Vocabulary.DecisionBodies.Entries.Select(e => e.Label)) + ".");
            }
        }

        if (Trimmed(input.DecisionDocument) is { Length: > TargetDecision.MaxDocumentLength } document)
        {
            problem(SmartTargetField.DecisionDocument, $"Besluitdocument: maximaal {TargetDecision.MaxDocumentLength} tekens (nu {document.Length}); noem het nummer of de titel.");
        }

        if (Trimmed(input.DecisionUrl) is { } url)
        {
            if (TargetDecision.DecisionUrlProblem(url) is { } urlProblem)
            {
                problem(SmartTargetField.DecisionUrl, "Besluit-URL: " + urlProblem);
            }
            else if (url.Length > TargetDecision.MaxUrlLength)
            {
                problem(SmartTargetField.DecisionUrl, $"Besluit-URL: maximaal {TargetDecision.MaxUrlLength} tekens (nu {url.Length}).");
            }
        }

        return (validFrom, date, body);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The SMART check of a (possibly incomplete) form: Specifiek (the KPI has a definition and a direction),
    /// Meetbaar (a baseline value with its period), Acceptabel (a council decision), Realistisch (a rationale),
    /// Tijdgebonden (a deadline not before <paramref name="currentQuarter"/>).
    /// </summary>
    public static IReadOnlyList<SmartCriterion> Check(SmartTargetInput input, SmartTargetKpi kpi, Period currentQuarter)
    {
        var hasDeadline = Period.TryParse(input.Deadline, out var deadline);
        var hasBaselinePeriod = Period.TryParse(input.BaselinePeriod, out _);
        var hasBaselineValue = !string.IsNullOrWhiteSpace(input.BaselineValue);
        var informative = kpi.Direction == KpiDirection.Informative;
        var hasDefinition = !string.IsNullOrWhiteSpace(kpi.Definition);
        return
        [
            new("Specifiek", hasDefinition && !informative,
                informative ? "deze KPI is beschrijvend (geen richting): een streefwaarde zegt dan weinig" :
                !hasDefinition ? "de KPI heeft geen definitie" : "de KPI heeft een definitie, eenheid en richting"),
            new("Meetbaar", hasBaselineValue && hasBaselinePeriod,
                !hasBaselineValue ? "er is geen nulmeting" : hasBaselinePeriod ? "nulmeting met periode aanwezig" : "de nulmeting heeft geen periode"),
            new("Acceptabel", !string.IsNullOrWhiteSpace(input.CouncilDecision),
                string.IsNullOrWhiteSpace(input.CouncilDecision) ? "verwijs naar het raadsbesluit waarop de streefwaarde rust" : "rust op " + input.CouncilDecision),
            new("Realistisch", !string.IsNullOrWhiteSpace(input.Rationale), string.IsNullOrWhiteSpace(input.Rationale) ? "er is geen onderbouwing" : "onderbouwd"),
            new("Tijdgebonden", hasDeadline && deadline >= currentQuarter,
                !hasDeadline ? "er is geen deadline" : deadline < currentQuarter ? $"de deadline {deadline} ligt in het verleden: een streefwaarde hoort vooraf vast te liggen" : $"deadline {deadline}"),
        ];
    }
}
