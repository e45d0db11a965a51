using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Due;

/// <summary>One step of the quarterly routine with how far it is: "2 van 5 cijfers nog te bevestigen".</summary>
public sealed record RoutineStep(int Number, string Name, string State, bool Done, string Link, string LinkText);

/// <summary>
/// The quarterly routine on the staff overview (/beheer): enter → confirm → comment → publish, for the last ended
/// quarter, each step with what is still open (issue 15 item 4 and "Done when": the routine in Dutch-facing terms).
/// </summary>
public sealed record QuarterRoutine(Period Quarter, DeliveryReport Delivery, IReadOnlyList<RoutineStep> Steps)
{
    /// <summary>The delivery list and the publication preview of the quarter the due list opens with (the last ended one).</summary>
    public static async Task<QuarterRoutine> LoadAsync(SocialDomainDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DutchText.Today(clock);
        var (quarter, _) = DeliveryReport.ChooseQuarter(null, today);
        var delivery = DeliveryReport.Build(await DeliveryQuery.LoadAsync(db, quarter, cancellationToken), quarter, today);
        var preview = await PublicationPreview.LoadAsync(db, quarter, cancellationToken);
        return Build(delivery, preview);
    }

    /// <summary>Pure: the four steps from the delivery list and the publication preview of the same quarter.</summary>
    public static QuarterRoutine Build(DeliveryReport delivery, PublicationPreview preview)
    {
        var quarter = delivery.Quarter;
        var due = delivery.Rows.Count();
        var open = delivery.Count(DeliveryState.Missing) + delivery.Count(DeliveryState.Late);
        var provisional = delivery.Rows.Count(r => r.Value is { Status: MeasurementStatus.Provisional });
        var withoutCommentary = preview.WithoutCommentary.Count;
        var drafts = preview.DraftCommentary.Count;
        var published = preview.Versions.Count > 0;
        return new QuarterRoutine(quarter, delivery,
        [
            new(1, "Invoeren", open == 0
                    ? $"alle {due} te leveren cijfers zijn ingevoerd"
                    : $"{open} van {due} te leveren cijfers {DutchPlural.Form(open, "ontbreekt", "ontbreken")} nog, waarvan {delivery.Count(DeliveryState.Late)} te laat",
                open == 0, $"/beheer/invoer?kwartaal={quarter}", "Cijfers invoeren"),
            new(2, "Bevestigen", provisional == 0
                    ? "geen voorlopige cijfers meer"
                    : $"{DutchPlural.Count(provisional, "cijfer is", "cijfers zijn")} nog voorlopig en {DutchPlural.Form(provisional, "wacht", "wachten")} op bevestiging door een controller",
                provisional == 0, $"/beheer/te-leveren?kwartaal={quarter}", "Te leveren cijfers"),
            new(3, "Toelichten", withoutCommentary + drafts == 0
                    ? "elke KPI heeft een gepubliceerde toelichting"
                    : $"{DutchPlural.Count(withoutCommentary, "KPI", "KPI's")} zonder toelichting, {drafts} met een toelichting in concept",
                withoutCommentary + drafts == 0, "/beheer/toelichting", "Toelichting schrijven"),
            new(4, "Publiceren", published
                    ? $"gepubliceerd ({string.Join(", ", preview.Versions.Select(v => v.Label))})"
                    : "nog niet gepubliceerd",
                published, $"/beheer/publiceren?kwartaal={quarter}", "Voorbeeld en publiceren"),
        ]);
    }
}
