using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>/beheer/programmas: create, rename and archive programmes and assign advisors to them (<see cref="CatalogueEditor"/>).</summary>
[Authorize(Policy = Policies.ManageDefinitions)]
public class ProgrammasModel(SocialDomainDbContext db, TimeProvider clock) : CatalogueFormPage
{
    private readonly CatalogueEditor _editor = new(db, clock);

    public IReadOnlyList<ProgrammeRow> Rows { get; private set; } = [];

    public IReadOnlyList<AdvisorOption> Advisors { get; private set; } = [];

    protected override string Path => "/beheer/programmas";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostNieuwAsync(CancellationToken ct) =>
        await CreatedAsync(await _editor.CreateProgrammeAsync(Form, Actor(), ct), $"Programma {Form.Code?.Trim()} is aangemaakt.", ct);

    public async Task<IActionResult> OnPostWijzigenAsync(CancellationToken ct) =>
        await ChangedAsync(await _editor.ChangeProgrammeAsync(Form.Code ?? string.Empty, Form, Actor(), ct), $"Programma {Form.Code} is opgeslagen.", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Rows = await _editor.ProgrammesAsync(ct);
        Advisors = await _editor.AdvisorsAsync(ct);
    }
}
