using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Pages;

/// <summary>
/// Kwartaaloverzicht: every KPI at the chosen quarter, grouped by programme and domain. The public
/// and council members see published quarters only, frozen as published; staff also see the
/// quarters that are not published yet.
/// </summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class IndexModel(SocialDomainDbContext db) : PageModel
{
    /// <summary>The requested quarter, e.g. "2020-K3"; empty = the latest available quarter.</summary>
    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Quarter { get; set; }

    /// <summary>?stand=2020-03-15: the dashboard as published at the end of that day.</summary>
    [BindProperty(SupportsGet = true, Name = "stand")]
    public string? Stand { get; set; }

    /// <summary>?versie=1: an older publication of the quarter.</summary>
    [BindProperty(SupportsGet = true, Name = "versie")]
    public string? Version { get; set; }

    /// <summary>?programma=2 (or "geen", "alle"): the programme whose KPI rows are shown (<see cref="OverviewSection"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "programma")]
    public string? Programme { get; set; }

    /// <summary>?domein=wmo: only this domain's KPI rows.</summary>
    [BindProperty(SupportsGet = true, Name = "domein")]
    public string? Domain { get; set; }

    public OverviewReport Report { get; private set; } = null!;

    /// <summary>Whose KPI rows are shown.</summary>
    public OverviewSection Section => Report.ShownSection;

    /// <summary>Why a requested stand or version is not shown, with what is shown instead.</summary>
    public string? PublicationMessage => Report.PublicationProblem is { } problem
        ? problem + (Report.Stand is null && Stand is not null ? "; het dashboard zoals het nu is gepubliceerd wordt getoond." : "; de nieuwste publicatie wordt getoond.")
        : null;

    public Period? SelectedQuarter => Report.SelectedQuarter;

    public IReadOnlyList<Period> Quarters => Report.Selection.Quarters;

    public IReadOnlyList<ProgrammeGroup> Programmes => Report.Programmes;

    public Period? LatestMeasurement => Report.LatestMeasurement;

    public int MeasuredInQuarter => Report.MeasuredInQuarter;

    public int KpiCount => Report.KpiCount;

    public string? QuarterMessage => Report.Selection.PageMessage;

    public bool HasSyntheticData => Report.HasSyntheticData;

    /// <summary>When the selected quarter was published; null while it is a draft (staff only).</summary>
    public DateTimeOffset? PublishedAt => Report.PublishedAt;

    public bool ShowsUnpublished => Report.ShowsUnpublished;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var showsUnpublished = Visibility.MaySeeUnpublished(User);
        Report = OverviewReport.Build(await OverviewQuery.LoadAsync(db, Quarter, showsUnpublished, cancellationToken, Stand, Version,
            section: new OverviewSectionRequest(Programme, Domain)), showsUnpublished);
    }

    /// <summary>
    /// The link to a programme's or domain's rows: an anchor when this page shows them, otherwise this page for that
    /// section (same quarter, stand and version), at the anchor.
    /// </summary>
    public string SectionUrl(ProgrammeGroup programme, DomainGroup? domain)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var anchor = "#" + (domain is null ? programme.Anchor : programme.AnchorOf(domain) + "-kop");
        if (domain?.Shown ?? programme.Shown)
        {
            return anchor;
        }

        return PageQuery(("programma", programme.Token), ("domein", domain is null ? null : Vocabulary.Domains.Token(domain.Domain))) + anchor;
    }

    /// <summary>This page with every KPI row (large KPI sets show one programme or domain at a time).</summary>
    public string AllRowsUrl => PageQuery(("programma", OverviewSection.AllProgrammes), ("domein", null));

    private string PageQuery(params (string Name, string? Value)[] section) =>
        "/" + QueryString.Create(new (string Name, string? Value)[]
            {
                ("kwartaal", SelectedQuarter?.ToString()),
                ("stand", Report.Stand is { } stand ? stand.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null),
                ("versie", string.IsNullOrWhiteSpace(Version) ? null : Version.Trim()),
            }
            .Concat(section)
            .Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Name, p.Value)));
}
