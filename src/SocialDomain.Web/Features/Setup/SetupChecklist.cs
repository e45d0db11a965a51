using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Setup;

/// <summary>A link of a set-up step: an existing page or template download.</summary>
public sealed record SetupLink(string Href, string Text);

/// <summary>One step of setting up an installation without the demo dataset, and whether the database shows it done.</summary>
/// <param name="Id">Stable id of the step (also the element id on /beheer).</param>
/// <param name="Role">Who takes the step (the role whose pages the links open).</param>
public sealed record SetupStep(string Id, string Name, string Explanation, string Role, bool Done, IReadOnlyList<SetupLink> Links);

/// <summary>
/// The set-up checklist /beheer shows while the demo dataset is off (Database:DemoData=false) and the dashboard is not
/// yet filled: programmes and taakvelden, KPIs, figures through the import templates, the benchmark, a first
/// publication. Six small EXISTS queries; every link is an existing page or template.
/// </summary>
public sealed record SetupChecklist(IReadOnlyList<SetupStep> Steps)
{
    public bool Complete => Steps.All(s => s.Done);

    public static string Template(string dutchName) => $"/beheer/import?handler=Sjabloon&naam={dutchName}";

    public static async Task<SetupChecklist> LoadAsync(SocialDomainDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hasProgrammes = await db.Programmes.AnyAsync(cancellationToken);
        var hasTaskFields = await db.TaskFields.AnyAsync(cancellationToken);
        var hasKpis = await db.Kpis.AnyAsync(cancellationToken);
        var hasFigures = await db.KpiMeasurements.AnyAsync(cancellationToken) || await db.BudgetLines.AnyAsync(cancellationToken);
        var hasBenchmark = await db.BenchmarkObservations.AnyAsync(cancellationToken);
        var hasPublication = await db.QuarterPublications.AnyAsync(cancellationToken);
        return new SetupChecklist(
        [
            new("inrichten-programmas", "Programma's en taakvelden vastleggen",
                "de programma's van uw begroting en de IV3-taakvelden die erbij horen; met de hand of met de sjablonen",
                "Beleidsadviseur of Beheerder", hasProgrammes && hasTaskFields,
                [new("/beheer/programmas", "Programma's beheren"), new("/beheer/taakvelden", "Taakvelden beheren"),
                    new(Template("programmas"), "Sjabloon programma's (CSV)"), new(Template("taakvelden"), "Sjabloon taakvelden (CSV)")]),
            new("inrichten-kpis", "De eerste KPI's aanmaken",
                "definitie, eenheid, richting en eigenaar per KPI; streefwaarden volgen daarna",
                "Beleidsadviseur of Beheerder", hasKpis,
                [new("/beheer/kpis/nieuw", "Nieuwe KPI"), new("/beheer/kpis", "KPI's beheren"), new(Template("kpis"), "Sjabloon KPI's (CSV)"),
                    new(Template("streefwaarden"), "Sjabloon streefwaarden (CSV)")]),
            new("inrichten-cijfers", "Cijfers importeren",
                "metingen en begrotingsregels uit uw eigen systemen, met de sjablonen van de importpagina (eerst een voorbeeld, dan bevestigen)",
                "Controller", hasFigures,
                [new("/beheer/import", "Importeren (CSV)"), new(Template("metingen"), "Sjabloon metingen (CSV)"),
                    new(Template("begrotingen"), "Sjabloon begrotingen (CSV)")]),
            new("inrichten-benchmark", "Benchmarkgegevens importeren",
                "de gemeenten, hun kenmerken en de netto lasten per inwoner; elke gemeente in de benchmark kan de eigen gemeente zijn",
                "Controller", hasBenchmark,
                [new(Template("gemeenten"), "Sjabloon gemeenten (CSV)"), new(Template("kenmerken"), "Sjabloon kenmerken (CSV)"),
                    new(Template("benchmark"), "Sjabloon benchmark (CSV)")]),
            new("inrichten-publiceren", "Het eerste kwartaal publiceren",
                "pas na publicatie ziet het publiek de cijfers op het dashboard",
                "Beleidsadviseur", hasPublication,
                [new("/beheer/publiceren", "Een kwartaal publiceren")]),
        ]);
    }
}
