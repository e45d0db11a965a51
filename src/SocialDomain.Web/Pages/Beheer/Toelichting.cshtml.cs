using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;
using SocialDomain.Web.Features.Audit;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>Commentary per KPI per quarter: save as draft or publish; xmin prevents lost updates.</summary>
[Authorize(Policy = Policies.EditTargets)]
public class ToelichtingModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kpi")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Quarter { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public uint RowVersion { get; set; }

    public IReadOnlyList<(string Code, string Name)> Kpis { get; private set; } = [];

    public KpiCommentary? Existing { get; private set; }

    public string? KpiName { get; private set; }

    public bool Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Text = Existing?.Text;
        RowVersion = Existing?.RowVersion ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(string actie, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (KpiName is null)
        {
            ModelState.AddModelError(nameof(Code), "Kies een bestaande KPI.");
        }

        if (!Period.TryParse(Quarter, out var quarter) || !quarter.IsQuarter)
        {
            ModelState.AddModelError(nameof(Quarter), "Kies een kwartaal, bijvoorbeeld 2020-K3.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), "Schrijf de toelichting: wat is het verhaal achter de cijfers?");
        }
        else if (Text.Length > 8000)
        {
            ModelState.AddModelError(nameof(Text), $"De toelichting is te lang ({Text.Length} tekens; maximaal 8000).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var publish = actie == "publiceren";
        var now = clock.GetUtcNow();
        var kpiId = await db.Kpis.Where(k => k.Code == Code).Select(k => k.Id).SingleAsync(cancellationToken);
        var commentary = await db.KpiCommentaries.SingleOrDefaultAsync(c => c.KpiId == kpiId && c.Year == quarter.Year && c.Quarter == quarter.Quarter, cancellationToken);
        if (commentary is null)
        {
            commentary = new KpiCommentary { KpiId = kpiId, Year = quarter.Year, Quarter = quarter.Quarter!.Value, Text = Text!, Author = User.Identity!.Name! };
            db.KpiCommentaries.Add(commentary);
        }
        else
        {
            db.Entry(commentary).Property(c => c.RowVersion).OriginalValue = RowVersion;
        }

        commentary.Text = Text!.Trim();
        commentary.Author = User.Identity!.Name!;
        commentary.UpdatedAt = now;
        commentary.Status = publish ? CommentaryStatus.Published : commentary.Status == CommentaryStatus.Published ? CommentaryStatus.Published : CommentaryStatus.Draft;
        commentary.PublishedAt = publish ? now : commentary.PublishedAt;
        db.AuditLog.Add(AuditEntry.Create(now, User.Identity.Name!, publish ? AuditActions.CommentaryPublished : AuditActions.CommentarySaved,
            $"kpi:{Code}/{quarter}", AuditResults.Succeeded, HttpContext.Origin(), new { tekst = commentary.Text, status = commentary.Status.ToString() }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            Conflict = true;
            RowVersion = Existing?.RowVersion ?? 0;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await DashboardOutputCache.EvictAsync(HttpContext, cancellationToken);
        TempData["Melding"] = publish ? "De toelichting is gepubliceerd." : "De toelichting is als concept opgeslagen.";
        return Redirect($"/beheer/toelichting?kpi={Uri.EscapeDataString(Code!)}&kwartaal={quarter}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Kpis = (await db.Kpis.AsNoTracking().OrderBy(k => k.Name).Select(k => new { k.Code, k.Name }).ToListAsync(cancellationToken))
            .Select(k => (k.Code, k.Name)).ToList();
        KpiName = Kpis.FirstOrDefault(k => k.Code == Code).Name;
        if (KpiName is not null && Period.TryParse(Quarter, out var quarter) && quarter.IsQuarter)
        {
            Existing = await db.KpiCommentaries.AsNoTracking()
                .SingleOrDefaultAsync(c => c.Kpi!.Code == Code && c.Year == quarter.Year && c.Quarter == quarter.Quarter, cancellationToken);
        }
    }
}
