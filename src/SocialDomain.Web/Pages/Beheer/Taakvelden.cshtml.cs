using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Definitions;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>/beheer/taakvelden: create, rename and archive IV3 task fields (<see cref="CatalogueEditor"/>).</summary>
[Authorize(Policy = Policies.ManageDefinitions)]
public class TaakveldenModel(SocialDomainDbContext db, TimeProvider clock) : CatalogueFormPage
{
    private readonly CatalogueEditor _editor = new(db, clock);

    public IReadOnlyList<TaskFieldRow> Rows { get; private set; } = [];

    public IReadOnlyList<CatalogueOption> Programmes { get; private set; } = [];

    protected override string Path => "/beheer/taakvelden";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostNieuwAsync(CancellationToken ct) =>
        await CreatedAsync(await _editor.CreateTaskFieldAsync(Form, Actor(), ct), $"Taakveld {Form.Code?.Trim()} is aangemaakt.", ct);

    public async Task<IActionResult> OnPostWijzigenAsync(CancellationToken ct) =>
        await ChangedAsync(await _editor.ChangeTaskFieldAsync(Form.Code ?? string.Empty, Form, Actor(), ct), $"Taakveld {Form.Code} is opgeslagen.", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Rows = await _editor.TaskFieldsAsync(ct);
        (Programmes, _) = await DefinitionQuery.OptionsAsync(db, ct);
    }
}
