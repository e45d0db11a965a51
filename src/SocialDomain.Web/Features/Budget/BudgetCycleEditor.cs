using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Budget;

/// <summary>The add form of /beheer/begroting, as typed (IV3 structure and sign: lasten and baten positive).</summary>
public sealed class BudgetEntryForm
{
    public string? Year { get; set; }
    public string? Programme { get; set; }
    public string? TaskField { get; set; }
    public string? Category { get; set; }
    public string? Stage { get; set; }
    public string? PeriodEnd { get; set; }
    public string? ChangeNumber { get; set; }
    public string? ChangeDate { get; set; }
    public string? ChangeReason { get; set; }
    public string? Amount { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceSection { get; set; }
}

/// <summary>The correct form of /beheer/begroting: the line corrected, its new amount (IV3 sign), why, and the source.</summary>
public sealed class BudgetCorrectionForm
{
    public int Id { get; set; }
    public string? Amount { get; set; }
    public string? Reason { get; set; }
    public string? SourceDocument { get; set; }
    public string? SourceSection { get; set; }
}

/// <summary>Who changes the budget, and from where (for the audit row).</summary>
public sealed record BudgetActor(string Name, string? Origin);

/// <summary>A stored line as the page shows it, with the lines it replaced (newest first).</summary>
public sealed record BudgetLineView(BudgetLine Line, IReadOnlyList<BudgetLine> History)
{
    /// <summary>The amount in IV3's sign (lasten and baten positive).</summary>
    public decimal Iv3Amount => BudgetCycleEntry.Iv3Amount(Line.Measure, Line.Amount);
}

/// <summary>What /beheer/begroting shows for one year.</summary>
public sealed record BudgetMaintenanceData(int Year, IReadOnlyList<int> Years, IReadOnlyList<BudgetLineView> Lines, IReadOnlyList<Programme> Programmes);

/// <summary>
/// /beheer/begroting: the current budget lines of a year with their history, a new amount of the cycle for a taakveld and a
/// correction of any line (a new row that replaces the old one, which stays). The rules are Core
/// <see cref="BudgetCycleEntry"/>'s, the same as the IV3 import's; each change and its audit row are one SaveChanges.
/// </summary>
public sealed class BudgetCycleEditor(SocialDomainDbContext db, TimeProvider clock)
{
    /// <param name="year">The year shown; null: the year of <paramref name="correcting"/>, else the latest year with lines.</param>
    public async Task<BudgetMaintenanceData> LoadAsync(int? year, int? correcting, CancellationToken ct)
    {
        var years = await db.BudgetLines.Select(l => l.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        year ??= correcting is { } id ? await db.BudgetLines.Where(l => l.Id == id).Select(l => (int?)l.Year).SingleOrDefaultAsync(ct) : null;
        var chosen = year ?? (years.Count > 0 ? years[0] : DutchText.Today(clock).Year);
        var all = await db.BudgetLines.AsNoTracking().Where(l => l.Year == chosen).ToListAsync(ct);
        var replaced = all.Where(l => l.ReplacesId is not null).ToDictionary(l => l.ReplacesId!.Value);
        var byId = all.ToDictionary(l => l.Id);
        var views = all.Where(l => !replaced.ContainsKey(l.Id))
            .OrderBy(l => l.TaskFieldCode ?? "~").ThenBy(l => l.Scope).ThenBy(l => l.ScopeCode).ThenBy(l => l.ProgrammeCode).ThenBy(l => l.Measure).ThenBy(l => l.Stage)
            .ThenBy(l => l.PeriodEnd).ThenBy(l => l.ChangeNumber)
            .Select(l => new BudgetLineView(l, History(l, byId)))
            .ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.ArchivedAt == null).OrderBy(p => p.Code).ToListAsync(ct);
        return new BudgetMaintenanceData(chosen, years, views, programmes);
    }

    private static List<BudgetLine> History(BudgetLine line, Dictionary<int, BudgetLine> byId)
    {
        var history = new List<BudgetLine>();
        for (var id = line.ReplacesId; id is { } i && byId.TryGetValue(i, out var older); id = older.ReplacesId)
        {
            history.Add(older);
        }

        return history;
    }

    /// <summary>Stores a new amount for a taakveld; the problems per field when it is refused (then nothing is written).</summary>
    public async Task<IReadOnlyList<BudgetCycleProblem>> AddAsync(BudgetEntryForm form, BudgetActor actor, CancellationToken ct)
    {
        var (input, problems) = Read(form);
        var today = DutchText.Today(clock);
        var programmes = await db.Programmes.Select(p => p.Code).ToListAsync(ct);
        if (input is not null)
        {
            problems.AddRange(BudgetCycleEntry.Problems(input, today, programmes.Contains));
            if (BudgetCycleEntry.OutsideSocialDomain(input.TaskField) is { } outside)
            {
                problems.Add(new(BudgetCycleField.TaskField, outside));
            }
        }

        problems.AddRange(BudgetCycleEntry.SourceProblems(form.SourceDocument, form.SourceSection));
        if (problems.Count > 0 || input is null)
        {
            return problems;
        }

        var line = BudgetCycleStore.NewLine(input, new SourceReference(form.SourceDocument!.Trim(), form.SourceSection?.Trim() ?? string.Empty), null);
        var stored = await BudgetCycleStore.CurrentLinesAsync(db, ct);
        var amount = BudgetCycleStore.ToAmount(line);
        if (stored.FirstOrDefault(s => BudgetCycleStore.ToAmount(s).Key.Equals(amount.Key)) is { } existing)
        {
            return [new(BudgetCycleField.Amount,
                $"Bedrag: voor deze regel is al {DutchFormat.Money(BudgetCycleEntry.Iv3Amount(existing.Measure, existing.Amount))} opgeslagen; gebruik 'Corrigeren' bij die regel.")];
        }

        if (SumProblem(stored, amount) is { } sum)
        {
            return [sum];
        }

        await BudgetCycleStore.AddMissingTaskFieldsAsync(db, [line], ct);
        return await SaveAsync(line, actor, AuditActions.BudgetLineEntered, null, ct);
    }

    /// <summary>Corrects a current line: a new row replaces it (the old row stays); the problems when refused.</summary>
    public async Task<IReadOnlyList<BudgetCycleProblem>?> CorrectAsync(BudgetCorrectionForm form, BudgetActor actor, CancellationToken ct)
    {
        if (await db.BudgetLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == form.Id, ct) is not { } old)
        {
            return null;
        }

        var problems = new List<BudgetCycleProblem>();
        var amount = ReadAmount(form.Amount, problems);
        if (BudgetCycleEntry.CorrectionReasonProblem(form.Reason) is { } reason)
        {
            problems.Add(reason);
        }

        problems.AddRange(BudgetCycleEntry.SourceProblems(form.SourceDocument, form.SourceSection));
        if (await db.BudgetLines.AnyAsync(l => l.ReplacesId == old.Id, ct))
        {
            problems.Add(new(BudgetCycleField.Amount, "Bedrag: deze regel is intussen al gecorrigeerd; corrigeer de nieuwe regel."));
        }

        if (problems.Count > 0 || amount is not { } entered)
        {
            return problems;
        }

        var line = new BudgetLine
        {
            Scope = old.Scope, ScopeCode = old.ScopeCode, Name = old.Name, ProgrammeCode = old.ProgrammeCode, TaskFieldCode = old.TaskFieldCode, Year = old.Year,
            Stage = old.Stage, Measure = old.Measure, PeriodEnd = old.PeriodEnd, ChangeNumber = old.ChangeNumber, ChangeDate = old.ChangeDate,
            ChangeReason = old.ChangeReason, Note = old.Note, Amount = BudgetCycleEntry.StoredAmount(old.Measure, entered), ReplacesId = old.Id,
            CorrectionReason = form.Reason!.Trim(), Source = new SourceReference(form.SourceDocument!.Trim(), form.SourceSection?.Trim() ?? string.Empty),
        };
        if (SumProblem(await BudgetCycleStore.CurrentLinesAsync(db, ct), BudgetCycleStore.ToAmount(line)) is { } sum)
        {
            return [sum];
        }

        return await SaveAsync(line, actor, AuditActions.BudgetLineCorrected, old, ct);
    }

    private static BudgetCycleProblem? SumProblem(IReadOnlyList<BudgetLine> stored, BudgetCycleAmount incoming) =>
        BudgetCycleEntry.SumProblems(stored.Select(BudgetCycleStore.ToAmount).ToList(), [incoming]) is [var first, ..]
            ? new(BudgetCycleField.Amount, first.Message)
            : null;

    private async Task<IReadOnlyList<BudgetCycleProblem>> SaveAsync(BudgetLine line, BudgetActor actor, string action, BudgetLine? old, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        line.RecordedAt = now;
        line.RecordedBy = actor.Name;
        db.BudgetLines.Add(line);
        db.AuditLog.Add(AuditEntry.Create(now, actor.Name, action,
            $"begroting {line.ScopeCode} {line.Year} {Vocabulary.BudgetStages.Token(line.Stage)} {Vocabulary.BudgetMeasures.Token(line.Measure)}", AuditResults.Succeeded, actor.Origin,
            new
            {
                programma = line.ProgrammeCode, peildatum = line.PeriodEnd, wijziging = line.ChangeNumber, bedrag = BudgetCycleEntry.Iv3Amount(line.Measure, line.Amount),
                was = old is null ? (decimal?)null : BudgetCycleEntry.Iv3Amount(old.Measure, old.Amount), vervangt = old?.Id, reden = line.CorrectionReason,
            }));
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateException) when (old is not null)
        {
            // The unique index on replaces_id: another correction of the same line won the race.
            db.ChangeTracker.Clear();
            return [new(BudgetCycleField.Amount, "Bedrag: deze regel is intussen al gecorrigeerd; corrigeer de nieuwe regel.")];
        }
    }

    private static (BudgetCycleInput? Input, List<BudgetCycleProblem> Problems) Read(BudgetEntryForm form)
    {
        var problems = new List<BudgetCycleProblem>();
        void Required(BudgetCycleField field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new(field, $"{BudgetCycleEntry.Label(field)}: verplicht."));
            }
        }

        var year = 0;
        if (!int.TryParse(form.Year?.Trim(), out year) || year is < 1900 or > 2200)
        {
            problems.Add(new(BudgetCycleField.Year, $"Jaar: '{TextLimits.Shown(form.Year ?? string.Empty)}' is geen jaartal (zoals 2019)."));
        }

        Required(BudgetCycleField.Programme, form.Programme);
        Required(BudgetCycleField.TaskField, form.TaskField);
        var category = Token(Vocabulary.BudgetMeasures, form.Category, BudgetCycleField.Category, "kies lasten of baten", problems);
        var stage = Token(Vocabulary.BudgetStages, form.Stage, BudgetCycleField.Stage, "kies een fase van de begrotingscyclus", problems);
        var periodEnd = Date(form.PeriodEnd, BudgetCycleField.PeriodEnd, problems);
        var changeDate = Date(form.ChangeDate, BudgetCycleField.ChangeDate, problems);
        var amount = ReadAmount(form.Amount, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new BudgetCycleInput(year, form.Programme!.Trim(), form.TaskField!.Trim(), category!.Value, stage!.Value, periodEnd, Blank(form.ChangeNumber), changeDate,
            Blank(form.ChangeReason), amount!.Value), problems);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static T? Token<T>(EnumTable<T> table, string? text, BudgetCycleField field, string hint, List<BudgetCycleProblem> problems)
        where T : struct, Enum
    {
        if (text is not null && table.ByToken.TryGetValue(text.Trim(), out var value))
        {
            return value;
        }

        problems.Add(new(field, $"{BudgetCycleEntry.Label(field)}: {hint}."));
        return null;
    }

    private static DateOnly? Date(string? text, BudgetCycleField field, List<BudgetCycleProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TargetDecision.TryParseDate(text, out var date))
        {
            return date;
        }

        problems.Add(new(field, $"{BudgetCycleEntry.Label(field)}: {TargetDecision.UnreadableDate(text)}"));
        return null;
    }

    private static decimal? ReadAmount(string? text, List<BudgetCycleProblem> problems)
    {
        var reading = DutchNumber.Read(text);
        if (reading.Value is not { } value)
        {
            problems.Add(new(BudgetCycleField.Amount, $"Bedrag: {reading.Problem}."));
            return null;
        }

        if (BudgetCycleEntry.AmountProblem(value) is { } problem)
        {
            problems.Add(problem);
            return null;
        }

        return value;
    }
}
