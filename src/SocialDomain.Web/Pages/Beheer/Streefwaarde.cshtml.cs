using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// The SMART target editor. Every save appends a new target version (history is never rewritten)
/// and an audit row in one transaction. The KPI row's xmin guards against lost updates: a save based
/// on a stale version gets the conflict view with both versions.
/// </summary>
[Authorize(Policy = Policies.EditTargets)]
public class StreefwaardeModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TargetForm Form { get; set; } = new();

    public Kpi Kpi { get; private set; } = null!;

    public KpiTarget? Current { get; private set; }

    /// <summary>Set when the save lost a race: the version another advisor saved meanwhile.</summary>
    public KpiTarget? Conflicting { get; private set; }

    public IReadOnlyList<(string Criterion, bool Met, string Explanation)> Smart { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Form = Current is null ? new TargetForm() : TargetForm.From(Current);
        Form.RowVersion = Kpi.RowVersion;
        Form.ChangeReason = null;
        Smart = SmartCheck();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Validate();
        Smart = SmartCheck();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var kpi = await db.Kpis.SingleAsync(k => k.Code == code, cancellationToken);
        db.Entry(kpi).Property(k => k.RowVersion).OriginalValue = Form.RowVersion;
        kpi.TargetRevision++;
        var version = (Current?.Version ?? 0) + 1;
        Period.TryParse(Form.BaselinePeriod, out var baseline);
        Period.TryParse(Form.Deadline, out var deadline);
        var target = new KpiTarget
        {
            KpiId = kpi.Id,
            Version = version,
            BaselineValue = _baselineValue,
            BaselineYear = baseline.Year,
            BaselineQuarter = baseline.Quarter,
            TargetValue = _targetValue!.Value,
            DeadlineYear = deadline.Year,
            DeadlineQuarter = deadline.Quarter,
            ToleranceOnTrackPercent = _toleranceOnTrack,
            ToleranceAttentionPercent = _toleranceAttention,
            Rationale = Form.Rationale?.Trim(),
            CouncilDecision = Form.CouncilDecision?.Trim(),
            ChangeReason = version > 1 ? Form.ChangeReason?.Trim() : null,
            ChangedBy = User.Identity!.Name!,
            ChangedAt = clock.GetUtcNow(),
            Source = new SourceReference("dashboard", "streefwaarde-editor"),
        };
        db.KpiTargets.Add(target);
        db.AuditLog.Add(Audit(code, version == 1 ? "streefwaarde.vaststellen" : "streefwaarde.wijzigen", "gelukt", target));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }))
        {
            db.ChangeTracker.Clear();
            db.AuditLog.Add(Audit(code, "streefwaarde.wijzigen", "conflict", target));
            await db.SaveChangesAsync(cancellationToken);
            await LoadAsync(code, cancellationToken);
            Conflicting = Current;
            Form.RowVersion = Kpi.RowVersion;
            Smart = SmartCheck();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        TempData["Melding"] = $"Streefwaarde versie {version} is opgeslagen.";
        return Redirect($"/kpis/{code}#streefwaarde");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var kpi = await db.Kpis.AsNoTracking().Include(k => k.Targets).SingleOrDefaultAsync(k => k.Code == code, cancellationToken);
        if (kpi is null)
        {
            return false;
        }

        Kpi = kpi;
        Current = kpi.Targets.OrderByDescending(t => t.Version).FirstOrDefault();
        return true;
    }

    private decimal? _targetValue;
    private decimal? _baselineValue;
    private decimal? _toleranceOnTrack;
    private decimal? _toleranceAttention;

    private decimal? ParseNumber(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Import.CsvSheet.TryParseDecimal(text, out var value))
        {
            return value;
        }

        ModelState.AddModelError(field, $"{label}: '{text}' is geen getal (gebruik bijvoorbeeld 7,5).");
        return null;
    }

    private void Validate()
    {
        _targetValue = ParseNumber(Form.TargetValue, "Form.TargetValue", "Streefwaarde");
        _baselineValue = ParseNumber(Form.BaselineValue, "Form.BaselineValue", "Nulmeting");
        _toleranceOnTrack = ParseNumber(Form.ToleranceOnTrack, "Form.ToleranceOnTrack", "Grens op koers");
        _toleranceAttention = ParseNumber(Form.ToleranceAttention, "Form.ToleranceAttention", "Grens aandacht");
        if (string.IsNullOrWhiteSpace(Form.TargetValue))
        {
            ModelState.AddModelError("Form.TargetValue", "Vul de streefwaarde in.");
        }
        else if (_targetValue is { } tv && RangeProblem(tv) is { } problem)
        {
            ModelState.AddModelError("Form.TargetValue", "Streefwaarde: " + problem);
        }

        if (_baselineValue is { } b && RangeProblem(b) is { } baselineProblem)
        {
            ModelState.AddModelError("Form.BaselineValue", "Nulmeting: " + baselineProblem);
        }

        foreach (var (tolerance, field) in new[] { (_toleranceOnTrack, "Form.ToleranceOnTrack"), (_toleranceAttention, "Form.ToleranceAttention") })
        {
            if (tolerance is < 0 or > 100)
            {
                ModelState.AddModelError(field, "Een tolerantie is een percentage tussen 0 en 100.");
            }
        }

        Period? baseline = null;
        if (!string.IsNullOrWhiteSpace(Form.BaselinePeriod))
        {
            if (Period.TryParse(Form.BaselinePeriod, out var p))
            {
                baseline = p;
            }
            else
            {
                ModelState.AddModelError("Form.BaselinePeriod", $"'{Form.BaselinePeriod}' is geen periode; gebruik bijvoorbeeld 2019 of 2019-K3.");
            }
        }

        if (string.IsNullOrWhiteSpace(Form.BaselineValue) || baseline is null)
        {
            ModelState.AddModelError("Form.BaselineValue", "Een SMART-streefwaarde heeft een nulmeting: vul de waarde én de periode van de nulmeting in.");
        }

        if (string.IsNullOrWhiteSpace(Form.Deadline))
        {
            ModelState.AddModelError("Form.Deadline", "Vul de deadline in (bijvoorbeeld 2021 of 2021-K2): zonder deadline is een streefwaarde niet tijdgebonden.");
        }
        else if (!Period.TryParse(Form.Deadline, out var deadline))
        {
            ModelState.AddModelError("Form.Deadline", $"'{Form.Deadline}' is geen periode; gebruik bijvoorbeeld 2021 of 2021-K2.");
        }
        else if (baseline is { } bp && deadline <= bp)
        {
            ModelState.AddModelError("Form.Deadline", $"De deadline ({deadline}) moet na de nulmeting ({bp}) liggen.");
        }

        if (_toleranceOnTrack is { } onTrack && _toleranceAttention is { } attention && onTrack >= attention)
        {
            ModelState.AddModelError("Form.ToleranceAttention", "De grens voor 'aandacht' moet groter zijn dan de grens voor 'op koers'.");
        }

        if (string.IsNullOrWhiteSpace(Form.Rationale))
        {
            ModelState.AddModelError("Form.Rationale", "Onderbouw de streefwaarde (waarom deze waarde, op basis waarvan).");
        }

        if (Current is not null && string.IsNullOrWhiteSpace(Form.ChangeReason))
        {
            ModelState.AddModelError("Form.ChangeReason", "Geef de reden van de wijziging: de raad moet kunnen zien waarom de streefwaarde is bijgesteld.");
        }
    }

    private string? RangeProblem(decimal value) => Kpi.Unit switch
    {
        KpiUnit.Percent when value is < 0 or > 100 => "een percentage ligt tussen 0 en 100.",
        KpiUnit.Score when value is < 1 or > 10 => "een rapportcijfer ligt tussen 1 en 10.",
        KpiUnit.Count or KpiUnit.Weeks or KpiUnit.Days or KpiUnit.Per10000 when value < 0 => "de waarde kan niet negatief zijn.",
        _ => null,
    };

    private List<(string, bool, string)> SmartCheck()
    {
        var hasDeadline = Period.TryParse(Form.Deadline, out var deadline);
        var nowQuarter = Period.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), KpiFrequency.Quarter);
        return
        [
            ("Specifiek", !string.IsNullOrWhiteSpace(Kpi.Definition) && Kpi.Direction != KpiDirection.Informative,
                Kpi.Direction == KpiDirection.Informative ? "deze KPI is beschrijvend (geen richting): een streefwaarde zegt dan weinig" :
                string.IsNullOrWhiteSpace(Kpi.Definition) ? "de KPI heeft geen definitie" : "de KPI heeft een definitie, eenheid en richting"),
            ("Meetbaar", !string.IsNullOrWhiteSpace(Form.BaselineValue) && Period.TryParse(Form.BaselinePeriod, out _),
                string.IsNullOrWhiteSpace(Form.BaselineValue) ? "er is geen nulmeting" : Period.TryParse(Form.BaselinePeriod, out _) ? "nulmeting met periode aanwezig" : "de nulmeting heeft geen periode"),
            ("Acceptabel", !string.IsNullOrWhiteSpace(Form.CouncilDecision),
                string.IsNullOrWhiteSpace(Form.CouncilDecision) ? "verwijs naar het raadsbesluit waarop de streefwaarde rust" : "rust op " + Form.CouncilDecision),
            ("Realistisch", !string.IsNullOrWhiteSpace(Form.Rationale), string.IsNullOrWhiteSpace(Form.Rationale) ? "er is geen onderbouwing" : "onderbouwd"),
            ("Tijdgebonden", hasDeadline && deadline >= nowQuarter,
                !hasDeadline ? "er is geen deadline" : deadline < nowQuarter ? $"de deadline {deadline} ligt in het verleden: een streefwaarde hoort vooraf vast te liggen" : $"deadline {deadline}"),
        ];
    }

    private AuditLogEntry Audit(string code, string action, string result, KpiTarget target) => new()
    {
        Timestamp = clock.GetUtcNow(),
        Actor = User.Identity!.Name!,
        Action = action,
        Object = $"kpi:{code}",
        Result = result,
        Origin = HttpContext.Origin(),
        Details = JsonSerializer.Serialize(new TargetAuditDetails(
            target.Version, target.TargetValue, target.DeadlineYear, target.DeadlineQuarter, target.BaselineValue, target.BaselineYear,
            target.BaselineQuarter, target.ToleranceOnTrackPercent, target.ToleranceAttentionPercent, target.Rationale, target.CouncilDecision,
            target.ChangeReason)),
    };

    /// <summary>
    /// Numbers are bound as text and parsed like the importer does ("7,0" and "7.0" both mean 7), so a
    /// decimal point typed in a Dutch form never turns 7.0 into 70.
    /// </summary>
    public sealed class TargetForm
    {
        public string? BaselineValue { get; set; }

        public string? BaselinePeriod { get; set; }

        public string? TargetValue { get; set; }

        public string? Deadline { get; set; }

        public string? ToleranceOnTrack { get; set; }

        public string? ToleranceAttention { get; set; }

        public string? Rationale { get; set; }

        public string? CouncilDecision { get; set; }

        public string? ChangeReason { get; set; }

        public uint RowVersion { get; set; }

        public static TargetForm From(KpiTarget t) => new()
        {
            BaselineValue = Format(t.BaselineValue),
            BaselinePeriod = t.BaselineYear is { } by ? new Period(by, t.BaselineQuarter).ToString() : null,
            TargetValue = Format(t.TargetValue),
            Deadline = t.DeadlineYear is { } dy ? new Period(dy, t.DeadlineQuarter).ToString() : null,
            ToleranceOnTrack = Format(t.ToleranceOnTrackPercent),
            ToleranceAttention = Format(t.ToleranceAttentionPercent),
            Rationale = t.Rationale,
            CouncilDecision = t.CouncilDecision,
        };

        private static string? Format(decimal? value) => value?.ToString("0.####", CultureInfo.GetCultureInfo("nl-NL"));
    }
}

/// <summary>The audit details of a target change: everything needed to replay it.</summary>
public sealed record TargetAuditDetails(
    int Version,
    decimal TargetValue,
    int? DeadlineYear,
    int? DeadlineQuarter,
    decimal? BaselineValue,
    int? BaselineYear,
    int? BaselineQuarter,
    decimal? ToleranceOnTrack,
    decimal? ToleranceAttention,
    string? Rationale,
    string? CouncilDecision,
    string? ChangeReason);
