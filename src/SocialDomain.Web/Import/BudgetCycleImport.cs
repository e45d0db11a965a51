using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Budget;

namespace SocialDomain.Web.Import;

/// <summary>A line of begrotingscyclus.csv: what was entered, the correction reason and the line that would store it.</summary>
internal sealed record BudgetCycleRow(CsvRow Row, BudgetCycleInput Input, string? CorrectionReason, BudgetLine Line)
{
    /// <summary>The stored line this row corrects; null for a new figure.</summary>
    public BudgetLine? Corrects { get; set; }

    /// <summary>True when the row repeats a stored figure (nothing to write).</summary>
    public bool Unchanged { get; set; }
}

/// <summary>
/// The IV3 dataset budget_cycle (docs/data-sources.md, "Begrotingscyclus (IV3)"): parsed per row, checked with the rules of
/// Core <see cref="BudgetCycleEntry"/> (the same as /beheer/begroting) against the stored current lines, and stored as new
/// lines — a changed amount as a correction that replaces the stored line, never overwriting it.
/// </summary>
internal static class BudgetCycleImport
{
    public const string Dataset = "budget_cycle";

    public static void Parse(CsvSheet sheet, CsvRow row, Batch batch)
    {
        var input = new BudgetCycleInput(
            sheet.RequiredYear(row, "year"),
            sheet.RequiredText(row, "programme"),
            sheet.RequiredText(row, "task_field"),
            sheet.Token(row, "category", Vocabulary.BudgetMeasures) ?? default,
            sheet.Token(row, "stage", Vocabulary.BudgetStages) ?? default,
            Date(sheet, row, "period_end"),
            sheet.Text(row, "change_number"),
            Date(sheet, row, "change_date"),
            sheet.Text(row, "change_reason"),
            sheet.RequiredDecimal(row, "amount"));
        var source = new SourceReference(sheet.Text(row, "source_document") ?? string.Empty, sheet.Text(row, "source_section") ?? string.Empty);
        batch.BudgetCycle.Add(new(row, input, sheet.Text(row, "correction_reason"), BudgetCycleStore.NewLine(input, source, sheet.Text(row, "note"))));
    }

    /// <summary>
    /// The rules across fields, rows and stored lines. Rows of a taakveld outside hoofdtaak 6 are dropped with a notice;
    /// a line already reported is not checked again.
    /// </summary>
    public static void Validate(Batch batch, CsvSheet sheet, KnownCodes known, IReadOnlyList<BudgetLine> stored, DateOnly today)
    {
        var reported = sheet.ProblemLines();
        foreach (var item in batch.BudgetCycle.Where(r => !reported.Contains(r.Row.Line)))
        {
            foreach (var problem in BudgetCycleEntry.Problems(item.Input, today, known.Programmes.Contains))
            {
                sheet.Problem(item.Row, Column(problem.Field), problem.Message);
            }
        }

        foreach (var item in batch.BudgetCycle.Where(r => Iv3TaskFields.Find(r.Input.TaskField) is { InSocialDomain: false }).ToList())
        {
            var field = Iv3TaskFields.Find(item.Input.TaskField)!;
            batch.Notices.Add($"{sheet.File} regel {item.Row.Line}: {BudgetCycleEntry.OutsideSocialDomain(field.Code)} De regel is overgeslagen.");
            batch.BudgetCycle.Remove(item);
        }

        var seen = new Dictionary<object, int>();
        var current = stored.GroupBy(l => (object)BudgetCycleStore.ToAmount(l).Key).ToDictionary(g => g.Key, g => g.First());
        reported = sheet.ProblemLines();
        foreach (var item in batch.BudgetCycle)
        {
            var key = BudgetCycleStore.ToAmount(item.Line).Key;
            if (!seen.TryAdd(key, item.Row.Line))
            {
                sheet.Problem(item.Row, null, $"Dubbele regel: hetzelfde jaar, programma, taakveld, categorie, fase, peildatum en wijzigingsnummer staan ook op regel {seen[key]}.");
            }
            else if (current.TryGetValue(key, out var line))
            {
                CheckCorrection(sheet, item, line);
            }
            else if (item.CorrectionReason is not null)
            {
                sheet.Problem(item.Row, "correction_reason", "Reden correctie: er is geen opgeslagen regel met dezelfde sleutel om te corrigeren; laat het veld leeg.");
            }
        }

        var valid = batch.BudgetCycle.Where(r => !reported.Contains(r.Row.Line)).ToList();
        foreach (var problem in BudgetCycleEntry.SumProblems(stored.Select(BudgetCycleStore.ToAmount).ToList(), valid.Select(r => BudgetCycleStore.ToAmount(r.Line)).ToList()))
        {
            sheet.Problem(valid[problem.Index].Row, "amount", problem.Message);
        }
    }

    private static void CheckCorrection(CsvSheet sheet, BudgetCycleRow item, BudgetLine stored)
    {
        if (BudgetCycleStore.SameFigure(stored, item.Line))
        {
            item.Unchanged = true;
        }
        else if (item.CorrectionReason is null)
        {
            sheet.Problem(item.Row, "amount",
                $"Bedrag: voor deze regel is al {DutchFormat.Money(BudgetCycleEntry.Iv3Amount(stored.Measure, stored.Amount))} opgeslagen; vul Reden correctie (correction_reason) in om het te corrigeren, of laat de regel weg.");
        }
        else if (BudgetCycleEntry.CorrectionReasonProblem(item.CorrectionReason) is { } problem)
        {
            sheet.Problem(item.Row, "correction_reason", problem.Message);
        }
        else
        {
            item.Corrects = stored;
        }
    }

    /// <summary>Stores the rows: missing IV3 task fields first, then each new figure or correction (the old line stays).</summary>
    public static async Task ApplyAsync(SocialDomainDbContext db, Batch batch, ImportReport report, DateTimeOffset now, CancellationToken ct)
    {
        var rows = batch.BudgetCycle.Where(r => !r.Unchanged).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        report.Inserted += await BudgetCycleStore.AddMissingTaskFieldsAsync(db, rows.Select(r => r.Line), ct);
        await db.SaveChangesAsync(ct);
        foreach (var row in rows)
        {
            row.Line.ReplacesId = row.Corrects?.Id;
            row.Line.CorrectionReason = row.Corrects is null ? null : row.CorrectionReason;
            row.Line.RecordedAt = now;
            row.Line.RecordedBy = Applier.ImportedBy;
            db.BudgetLines.Add(row.Line);
            report.Inserted++;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The import column of a Core field: its snake_case name (PeriodEnd → period_end).</summary>
    private static string Column(BudgetCycleField field) => ModelLimits.Snake(field.ToString());

    private static DateOnly? Date(CsvSheet sheet, CsvRow row, string column)
    {
        if (sheet.Text(row, column) is not { } text)
        {
            return null;
        }

        if (TargetDecision.TryParseDate(text, out var date))
        {
            return date;
        }

        sheet.Problem(row, column, TargetDecision.UnreadableDate(text));
        return null;
    }
}
