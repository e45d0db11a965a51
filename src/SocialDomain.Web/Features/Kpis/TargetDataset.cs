using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Kpis;

public sealed record TargetFilter(string? KpiCode = null, SocialDomainArea? Domain = null);

/// <summary>Targets with their full history: every version of every KPI's target.</summary>
public static class TargetDataset
{
    public const string Name = "streefwaarden";

    public static readonly ColumnSet<TargetVersion> Columns = new ColumnSet<TargetVersion>()
        .Text("KPI-code", "kpiCode", r => r.KpiCode, "Code van de KPI.")
        .Text("KPI", "kpiNaam", r => r.KpiName, "Naam van de KPI.")
        .Integer("Versie", "versie", r => r.Version, "1 voor de streefwaarde zoals eerst vastgesteld, 2 voor de eerste wijziging, enzovoort.")
        .Boolean("Huidige versie", "huidigeVersie", r => r.IsCurrent, "Ja voor de versie die in het huidige kwartaal geldt (de hoogste versie waarvan 'geldig vanaf' niet later ligt).")
        .Text("Geldig vanaf", "geldigVanaf", r => Visibility.PeriodText(r.ValidFromYear, r.ValidFromQuarter), "Eerste periode (jaar of kwartaal) waarin deze versie geldt; elk kwartaal wordt beoordeeld tegen de versie die toen gold.")
        .Date("Besloten op", "beslotenOp", r => r.DecisionDate, "Datum van het besluit waarop de versie rust; leeg = onbekend in de bronnen.")
        .Text("Besloten door", "beslotenDoor", r => r.DecidedByLabel, "Wie besloot: gemeenteraad, college van B&W of ambtelijk; leeg = onbekend.")
        .Text("Besluitdocument", "besluitdocument", r => r.DecisionDocument, "Nummer of titel van het besluit.")
        .Text("Besluit-URL", "besluitUrl", r => r.DecisionUrl, "Waar het besluit te lezen is.")
        .Number("Streefwaarde", "streefwaarde", r => r.TargetValue, "Streefwaarde in de eenheid van de KPI.")
        .Text("Eenheid-code", "eenheidCode", r => Codes.Unit(r.Unit), "Eenheid als code.")
        .Text("Richting-code", "richtingCode", r => Codes.Direction(r.Direction), "Welke kant beter is, als code.")
        .Text("Deadline", "deadline", r => r.DeadlineYear is { } y ? Visibility.PeriodText(y, r.DeadlineQuarter) : null, "Periode waarin de streefwaarde gehaald moet zijn; leeg = geen deadline (niet SMART).")
        .Number("Nulmeting", "nulmeting", r => r.BaselineValue, "Waarde bij de start.")
        .Text("Periode nulmeting", "periodeNulmeting", r => r.BaselineYear is { } y ? Visibility.PeriodText(y, r.BaselineQuarter) : null, "Periode van de nulmeting.")
        .Number("Tolerantie op koers (%)", "tolerantieOpKoersProcent", r => r.ToleranceOnTrackPercent, "Relatieve afwijking (%) die nog op koers telt; leeg = standaard 5.")
        .Number("Tolerantie aandacht (%)", "tolerantieAandachtProcent", r => r.ToleranceAttentionPercent, "Relatieve afwijking (%) tot waar de status aandacht is; leeg = standaard 15.")
        .Text("Onderbouwing", "onderbouwing", r => r.Rationale, "Waarom deze streefwaarde.")
        .Text("Raadsbesluit", "raadsbesluit", r => r.CouncilDecision, "Het besluit waarop de streefwaarde rust.")
        .Text("Reden wijziging", "redenWijziging", r => r.ChangeReason, "Waarom de streefwaarde is gewijzigd (verplicht vanaf versie 2).")
        .Text("Vastgelegd door", "vastgelegdDoor", r => r.IsImported ? r.RecordedBy : StaffAttribution.Public(r.ChangedBy), "Wie de versie in het dashboard vastlegde, als rol (beleidsadviseur), of 'ingelezen uit bron …' voor een versie uit de brondocumenten. Namen staan in het auditlog.")
        .Timestamp("Vastgelegd op", "vastgelegdOp", r => r.RecordedAt, "Wanneer een gebruiker de versie invoerde (Europe/Amsterdam); leeg voor een ingelezen versie: het moment van inlezen is geen datum van de streefwaarde.")
        .Text("Brondocument", "brondocument", r => r.SourceDocument, "Brondocument.")
        .Text("Bronsectie", "bronsectie", r => r.SourceSection, "Sectie in het brondocument.");

    /// <param name="currentQuarter">The clock's quarter: which version is "huidige versie" (<see cref="TargetVersion.IsCurrent"/>).</param>
    public static IQueryable<TargetVersion> Query(SocialDomainDbContext db, TargetFilter filter, Period currentQuarter)
    {
        var query = db.KpiTargets.AsNoTracking();
        if (filter.KpiCode is { } code)
        {
            query = query.Where(t => t.Kpi!.Code == code);
        }

        if (filter.Domain is { } domain)
        {
            query = query.Where(t => t.Kpi!.Domain == domain);
        }

        return query.OrderBy(t => t.Kpi!.Code).ThenBy(t => t.Version).Select(TargetVersion.Projection(currentQuarter));
    }
}
