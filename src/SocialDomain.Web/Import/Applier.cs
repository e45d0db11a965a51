using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Import;

/// <summary>
/// Writes a validated batch: every row is matched on its natural key and inserted or updated, so a
/// second import of the same files changes nothing. Target versions are append-only: an existing
/// version is never overwritten.
/// </summary>
internal sealed class Applier(SocialDomainDbContext db, ImportReport report, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task ApplyAsync(Batch batch, CancellationToken ct)
    {
        await UpsertAsync(db.Programmes, batch.Programmes, p => p.Code, (to, from) => to.Name = from.Name, ct);
        await UpsertAsync(db.TaskFields, batch.TaskFields, t => t.Code, (to, from) =>
        {
            to.Name = from.Name;
            to.Domain = from.Domain;
            to.ProgrammeCode = from.ProgrammeCode;
        }, ct);

        // Size classes and other aggregates first: municipalities refer to their size class.
        var aggregates = batch.Entities.Where(e => e.Value.Kind != BenchmarkEntityKind.Municipality).ToList();
        var municipalities = batch.Entities.Where(e => e.Value.Kind == BenchmarkEntityKind.Municipality).ToList();
        foreach (var group in new[] { aggregates, municipalities })
        {
            await UpsertAsync(db.Municipalities, group, m => m.Code, (to, from) =>
            {
                to.Name = from.Name;
                to.Kind = from.Kind;
                to.IsG40 = from.IsG40;
                to.IsG4 = from.IsG4;
                to.SizeClassCode = from.SizeClassCode;
                if (!to.Aliases.SequenceEqual(from.Aliases))
                {
                    to.Aliases = from.Aliases;
                }
            }, ct);
        }

        await UpsertAsync(db.MunicipalityCharacteristics, batch.Characteristics, c => (c.MunicipalityCode, c.Snapshot), (to, from) =>
        {
            to.Population = from.Population;
            to.PctLowIncome = from.PctLowIncome;
            to.PctYouth0To19 = from.PctYouth0To19;
            to.PctYouthWithYouthCare = from.PctYouthWithYouthCare;
            to.PctAged65To74 = from.PctAged65To74;
            to.PctAged75Plus = from.PctAged75Plus;
            to.Source = from.Source;
        }, ct);
        await UpsertAsync(db.BenchmarkObservations, batch.Observations, o => (o.MunicipalityCode, o.Domain, o.TaskFieldCode, o.Year, o.Stage), (to, from) =>
        {
            to.ValuePerInhabitant = from.ValuePerInhabitant;
            to.SourceName = from.SourceName;
            to.Source = from.Source;
        }, ct);
        await Features.G40Benchmark.BenchmarkCatalogueStore.AddAsync(db, batch.Observations.Select(o => o.Value), ct);
        var changedKpis = new List<Kpi>();
        await UpsertAsync(db.Kpis, batch.Kpis, k => k.Code, (to, from) =>
        {
            if (DefinitionDiffers(to, from))
            {
                changedKpis.Add(to);
            }

            to.Name = from.Name;
            to.Definition = from.Definition;
            to.Unit = from.Unit;
            to.Direction = from.Direction;
            to.BandLow = from.BandLow;
            to.BandHigh = from.BandHigh;
            to.Frequency = from.Frequency;
            to.DataSource = from.DataSource;
            to.Domain = from.Domain;
            to.ProgrammeCode = from.ProgrammeCode;
            to.TaskFieldCode = from.TaskFieldCode;
            to.Owner = from.Owner;
            to.LegalNorm = from.LegalNorm;
            to.LegalNormDescription = from.LegalNormDescription;
            to.Source = from.Source;
        }, ct, changedKpis.Add);
        await AddDefinitionVersionsAsync(changedKpis, batch, ct);

        var kpiIds = await db.Kpis.ToDictionaryAsync(k => k.Code, k => k.Id, StringComparer.Ordinal, ct);
        await ApplyTargetsAsync(batch, kpiIds, ct);
        var changedMeasurements = new List<KpiMeasurement>();
        await UpsertAsync(db.KpiMeasurements, WithKpi(batch.Measurements, kpiIds, (m, id) => m.KpiId = id), m => (m.KpiId, m.Year, m.Quarter), (to, from) =>
        {
            if (to.Value != from.Value || to.Status != from.Status)
            {
                changedMeasurements.Add(to);
            }

            to.Value = from.Value;
            to.Status = from.Status;
            to.IsSynthetic = from.IsSynthetic;
            to.PeriodPrecision = from.PeriodPrecision;
            to.PeriodDetail = from.PeriodDetail;
            to.Bound = from.Bound;
            to.Note = from.Note;
            to.Source = from.Source;
        }, ct, changedMeasurements.Add);
        await AddMeasurementVersionsAsync(changedMeasurements, ct);
        await UpsertAsync(db.KpiReferenceValues, WithKpi(batch.ReferenceValues, kpiIds, (r, id) => r.KpiId = id), r => (r.KpiId, r.Year, r.Quarter, r.Reference), (to, from) =>
        {
            to.Value = from.Value;
            to.PeriodPrecision = from.PeriodPrecision;
            to.PeriodDetail = from.PeriodDetail;
            to.Source = from.Source;
        }, ct);
        // Matched among the current whole-year lines only: a corrected line and the IV3 cycle's periods and wijzigingen are not this key's figure.
        await UpsertAsync(db.BudgetLines, batch.BudgetLines, b => (b.Scope, b.ScopeCode, b.Year, b.Stage, b.Measure), (to, from) =>
        {
            to.Name = from.Name;
            to.ProgrammeCode = from.ProgrammeCode;
            to.TaskFieldCode = from.TaskFieldCode;
            to.Amount = from.Amount;
            to.Note = from.Note;
            to.Source = from.Source;
        }, ct, source: Features.Budget.BudgetCycleStore.Current(db).Where(l => l.PeriodEnd == null && l.ChangeNumber == null));
        await BudgetCycleImport.ApplyAsync(db, batch, report, _clock.GetUtcNow(), ct);
        await UpsertAsync(db.Projects, batch.Projects, p => p.Code, (to, from) =>
        {
            to.Name = from.Name;
            to.Description = from.Description;
            to.Role = from.Role;
            to.ParentCode = from.ParentCode;
            to.Source = from.Source;
        }, ct);
        await UpsertAsync(db.ProjectBudgets, batch.ProjectBudgets, b => (b.ProjectCode, b.Year, b.Funding), (to, from) =>
        {
            to.Amount = from.Amount;
            to.FundingKind = from.FundingKind;
            to.Source = from.Source;
        }, ct);
        await UpsertAsync(db.ReserveMovements, batch.ReserveMovements, r => (r.Reserve, r.Year, r.Kind, r.Description), (to, from) =>
        {
            to.Amount = from.Amount;
            to.ProjectCode = from.ProjectCode;
            to.IsEstimate = from.IsEstimate;
            to.Source = from.Source;
        }, ct);

        // Threshold versions are append-only: a version equal to a stored one is that one; any other is a new version.
        await UpsertAsync(db.ExplanationThresholdSettings, batch.Thresholds,
            t => (t.ValidFromYear, t.Absolute, t.RelativePercent, t.Combination, t.OnlyUnfavourable, t.Reason), (_, _) => { }, ct,
            t => t.RecordedAt = _clock.GetUtcNow());
    }

    private async Task ApplyTargetsAsync(Batch batch, Dictionary<string, int> kpiIds, CancellationToken ct)
    {
        if (batch.Targets.Count == 0)
        {
            return;
        }

        var existing = await db.KpiTargets.ToDictionaryAsync(t => (t.KpiId, t.Version), ct);
        var now = _clock.GetUtcNow();
        foreach (var (row, code, target) in batch.Targets)
        {
            target.KpiId = kpiIds[code];
            if (existing.TryGetValue((target.KpiId, target.Version), out var stored))
            {
                if (stored.TargetValue != target.TargetValue || stored.DeadlineYear != target.DeadlineYear
                    || stored.DeadlineQuarter != target.DeadlineQuarter || stored.BaselineValue != target.BaselineValue)
                {
                    throw new ImportRejectedException(new ImportProblem("targets.csv", row.Line, null,
                        $"Versie {target.Version} van de streefwaarde van {code} bestaat al met andere waarden; streefwaarden worden nooit overschreven. Voeg een nieuwe regel toe met een reden (change_reason)."));
                }

                // An imported version's time and decision come from the source: an import with better references (e.g.
                // after the time-model migration guessed a start) completes them. Versions entered in the editor are never touched.
                if (stored.ChangedBy == ImportedBy && UpdateDecision(stored, target))
                {
                    report.Updated++;
                }

                continue;
            }

            target.ChangedAt = now;
            db.KpiTargets.Add(target);
            report.Inserted++;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>An imported value that is new or differs from the stored one becomes the next version of its period.</summary>
    private async Task AddMeasurementVersionsAsync(List<KpiMeasurement> changed, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var kpiIds = changed.Select(m => m.KpiId).Distinct().ToList();
        var latest = (await db.KpiMeasurementVersions.Where(v => kpiIds.Contains(v.KpiId))
                .GroupBy(v => new { v.KpiId, v.Year, v.Quarter }).Select(g => new { g.Key.KpiId, g.Key.Year, g.Key.Quarter, Version = g.Max(v => v.Version) })
                .ToListAsync(ct))
            .ToDictionary(v => (v.KpiId, v.Year, v.Quarter), v => v.Version);
        var now = _clock.GetUtcNow();
        foreach (var m in changed)
        {
            db.KpiMeasurementVersions.Add(new KpiMeasurementVersion
            {
                KpiId = m.KpiId, Year = m.Year, Quarter = m.Quarter, Version = latest.GetValueOrDefault((m.KpiId, m.Year, m.Quarter)) + 1,
                Change = MeasurementChange.Imported, Value = m.Value, Status = m.Status, Reason = m.Note, ChangedBy = "import", ChangedAt = now, Source = m.Source,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A KPI that is new or whose definition differs from the stored one gets the next definition version (reason "import"),
    /// so an import never overwrites a definition silently. A changed definition applies from the quarter of the import; a
    /// new KPI's first version from its first imported measurement year.
    /// </summary>
    private async Task AddDefinitionVersionsAsync(List<Kpi> changed, Batch batch, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var ids = changed.Select(k => k.Id).ToList();
        var latest = await db.KpiDefinitionVersions.Where(v => ids.Contains(v.KpiId)).GroupBy(v => v.KpiId)
            .Select(g => new { KpiId = g.Key, Version = g.Max(v => v.Version) }).ToDictionaryAsync(v => v.KpiId, v => v.Version, ct);
        var now = _clock.GetUtcNow();
        var quarter = Period.Containing(DateOnly.FromDateTime(now.UtcDateTime), KpiFrequency.Quarter);
        foreach (var kpi in changed)
        {
            var number = latest.GetValueOrDefault(kpi.Id) + 1;
            var firstYear = batch.Measurements.Where(m => m.KpiCode == kpi.Code).Select(m => (int?)m.Value.Year).Min();
            var validFrom = number == 1 ? new Period(firstYear ?? quarter.Year) : quarter;
            db.KpiDefinitionVersions.Add(Features.Definitions.DefinitionEditor.Snapshot(kpi, number, validFrom, ImportedBy, now, ImportedBy));
        }

        await db.SaveChangesAsync(ct);
    }

    private static bool DefinitionDiffers(Kpi stored, Kpi imported) =>
        stored.Name != imported.Name || stored.Definition != imported.Definition || stored.Unit != imported.Unit || stored.Direction != imported.Direction
        || stored.BandLow != imported.BandLow || stored.BandHigh != imported.BandHigh || stored.Frequency != imported.Frequency
        || stored.DataSource != imported.DataSource || stored.Domain != imported.Domain || stored.ProgrammeCode != imported.ProgrammeCode
        || stored.TaskFieldCode != imported.TaskFieldCode
        || stored.Owner != imported.Owner || stored.LegalNorm != imported.LegalNorm || stored.LegalNormDescription != imported.LegalNormDescription;

    /// <summary>Who recorded a version that came in through an import.</summary>
    public const string ImportedBy = "import";

    private static bool UpdateDecision(KpiTarget stored, KpiTarget imported)
    {
        if (stored.ValidFromYear == imported.ValidFromYear && stored.ValidFromQuarter == imported.ValidFromQuarter && stored.DecisionDate == imported.DecisionDate
            && stored.DecidedBy == imported.DecidedBy && stored.DecisionDocument == imported.DecisionDocument && stored.DecisionUrl == imported.DecisionUrl
            && stored.Rationale == imported.Rationale && stored.Source == imported.Source)
        {
            return false;
        }

        stored.ValidFromYear = imported.ValidFromYear;
        stored.ValidFromQuarter = imported.ValidFromQuarter;
        stored.DecisionDate = imported.DecisionDate;
        stored.DecidedBy = imported.DecidedBy;
        stored.DecisionDocument = imported.DecisionDocument;
        stored.DecisionUrl = imported.DecisionUrl;
        stored.Rationale = imported.Rationale;
        stored.Source = imported.Source;
        return true;
    }

    private static List<Item<T>> WithKpi<T>(List<KpiItem<T>> items, Dictionary<string, int> kpiIds, Action<T, int> assign)
    {
        foreach (var item in items)
        {
            assign(item.Value, kpiIds[item.KpiCode]);
        }

        return items.Select(i => new Item<T>(i.Row, i.Value)).ToList();
    }

    private async Task UpsertAsync<T, TKey>(DbSet<T> set, List<Item<T>> incoming, Func<T, TKey> key, Action<T, T> copy, CancellationToken ct,
        Action<T>? inserted = null, IQueryable<T>? source = null)
        where T : class
        where TKey : notnull
    {
        if (incoming.Count == 0)
        {
            return;
        }

        var existing = (await (source ?? set).ToListAsync(ct)).GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        foreach (var (_, row) in incoming)
        {
            if (existing.TryGetValue(key(row), out var stored))
            {
                copy(stored, row);
            }
            else
            {
                set.Add(row);
                inserted?.Invoke(row);
                report.Inserted++;
            }
        }

        db.ChangeTracker.DetectChanges();
        report.Updated += db.ChangeTracker.Entries<T>().Count(e => e.State == EntityState.Modified);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Raised while writing when a row turns out to conflict with stored data; the transaction rolls back.</summary>
public sealed class ImportRejectedException(ImportProblem problem) : Exception(problem.ToString())
{
    public ImportProblem Problem { get; } = problem;
}
