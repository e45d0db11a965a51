using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialDomain.Core.Calculations;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>
/// /beheer/begroting: the budget cycle of a year per taakveld — add an amount (IV3 structure and sign) or correct a line
/// (a new row replaces it; the old row and its history stay). Same rules as the IV3 import (<see cref="BudgetCycleEditor"/>).
/// </summary>
[Authorize(Policy = Policies.EnterFigures)]
public class BegrotingModel(SocialDomainDbContext db, TimeProvider clock) : PageModel
{
    private readonly BudgetCycleEditor _editor = new(db, clock);

    [BindProperty(SupportsGet = true, Name = "jaar")]
    public int? Jaar { get; set; }

    /// <summary>The line whose correction form is open (?corrigeer=id).</summary>
    [BindProperty(SupportsGet = true, Name = "corrigeer")]
    public int? Corrigeer { get; set; }

    [BindProperty]
    public BudgetEntryForm Form { get; set; } = new();

    [BindProperty]
    public BudgetCorrectionForm Correction { get; set; } = new();

    public BudgetMaintenanceData Data { get; private set; } = null!;

    /// <summary>The problems of the form that was sent, per field.</summary>
    public IReadOnlyList<BudgetCycleProblem> Problems { get; private set; } = [];

    /// <summary>The line being corrected, when the correction form is open.</summary>
    public BudgetLineView? Correcting => Data.Lines.FirstOrDefault(l => l.Line.Id == Corrigeer);

    public string? ProblemOf(BudgetCycleField field) =>
        string.Join(" ", Problems.Where(p => p.Field == field).Select(p => p.Message)) is { Length: > 0 } m ? m : null;

    public async Task OnGetAsync(CancellationToken ct) => Data = await _editor.LoadAsync(Jaar, Corrigeer, ct);

    public async Task<IActionResult> OnPostToevoegenAsync(CancellationToken ct)
    {
        Corrigeer = null;
        var problems = await _editor.AddAsync(Form, Actor(), ct);
        var year = int.TryParse(Form.Year, out var y) ? y : (int?)null;
        return await DoneOrAgainAsync(problems, year, $"Het bedrag voor taakveld {Form.TaskField?.Trim()} is opgeslagen.", ct);
    }

    public async Task<IActionResult> OnPostCorrigerenAsync(CancellationToken ct)
    {
        Corrigeer = Correction.Id;
        if (await _editor.CorrectAsync(Correction, Actor(), ct) is not { } problems)
        {
            return NotFound();
        }

        return await DoneOrAgainAsync(problems, Jaar, "De correctie is opgeslagen; de oude regel blijft in de geschiedenis.", ct);
    }

    private async Task<IActionResult> DoneOrAgainAsync(IReadOnlyList<BudgetCycleProblem> problems, int? year, string done, CancellationToken ct)
    {
        if (problems.Count == 0)
        {
            await DashboardOutputCache.EvictAsync(HttpContext, ct);
            TempData[StatusMessage.Key] = done;
            return Redirect(year is { } j ? $"/beheer/begroting?jaar={j}" : "/beheer/begroting");
        }

        Problems = problems;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Data = await _editor.LoadAsync(Jaar ?? year, Corrigeer, ct);
        return Page();
    }

    private BudgetActor Actor() => new(User.Identity!.Name!, HttpContext.Origin());
}
