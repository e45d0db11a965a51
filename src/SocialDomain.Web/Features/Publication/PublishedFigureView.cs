using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Publication;

/// <summary>What changed after a publication.</summary>
public enum ChangeKind
{
    Value,
    Target,
    Status,
    Definition,
    Commentary,
}

/// <summary>
/// One later difference with what a publication showed: "Streefwaarde gewijzigd na publicatie: nu 80% (versie 2), bij
/// publicatie 95% (versie 1); vastgelegd op 05-01-2021". <see cref="ChangedAt"/> is null when the database does not
/// know when (<see cref="DateNote"/> then says why).
/// </summary>
public sealed record ChangeMark(ChangeKind Kind, string Subject, string Now, string AtPublication, DateTimeOffset? ChangedAt, string DateNote)
{
    public const string DateUnknown = "datum van de wijziging onbekend";

    public string Text => $"{Subject} gewijzigd na publicatie: nu {Now}, bij publicatie {AtPublication}; {DateText}";

    public string DateText => ChangedAt is { } at ? $"{DateNote} {DutchText.ShortDate(at)}" : DateNote;
}

/// <summary>Commentary published after its quarter's publication, shown next to the frozen one: "Aanvulling na publicatie (12-03-2021): …".</summary>
public sealed record CommentaryAddendum(string Text, DateTimeOffset? PublishedAt)
{
    public string Label => $"Aanvulling na publicatie ({(PublishedAt is { } at ? DutchText.ShortDate(at) : "datum onbekend")})";
}

/// <summary>
/// One KPI of a published quarter as its publication showed it, read only from the frozen snapshot, with every later
/// difference marked (<see cref="Changes"/>) and later commentary as an addendum. The one home of these rules for the
/// overview, the KPI page, the CSV exports and the API.
/// </summary>
public sealed record PublishedFigureView(
    KpiUnit Unit,
    TargetVersion? Target,
    KpiEvaluationResult Evaluation,
    KpiStatus? Status,
    string StatusReason,
    bool? LegalNormMet,
    PublishedCommentary? Commentary,
    CommentaryAddendum? Addendum,
    IReadOnlyList<ChangeMark> Changes)
{
    /// <summary>The changes of one kind.</summary>
    public IEnumerable<ChangeMark> ChangesOf(ChangeKind kind) => Changes.Where(c => c.Kind == kind);

    /// <summary>Every change as one text ("; " between them, " | " between changes); null when nothing changed.</summary>
    public string? ChangesText => Changes.Count == 0 ? null : string.Join(" | ", Changes.Select(c => c.Text));

    /// <summary>
    /// Pure: the KPI at <paramref name="quarter"/> as <paramref name="publication"/> froze it (<paramref name="frozen"/>;
    /// null when the KPI did not exist then), compared with what the database says now, or at the end of the
    /// <paramref name="stand"/> day. Changes the database cannot date (measurements, definitions) are not shown at a stand.
    /// </summary>
    public static PublishedFigureView Build(
        KpiDefinition kpi,
        IReadOnlyList<TargetVersion> targets,
        IReadOnlyList<MeasurementPoint> series,
        Period quarter,
        PublicationHeader publication,
        FrozenFigure? frozen,
        PublishedCommentary? commentaryNow,
        Stand? stand,
        IReadOnlyDictionary<Period, DateTimeOffset>? valueChangedAt = null)
    {
        frozen ??= new FrozenFigure { KpiId = kpi.Id, StatusReason = KpiEvaluation.NoMeasurement };
        var rule = FrozenRule(frozen, kpi);
        var target = FrozenTarget(frozen, kpi, targets);
        var frozenSeries = FrozenSeries(frozen, series);
        var evaluation = KpiEvaluation.Evaluate(rule, target?.Terms, frozenSeries, quarter);

        // Old publications froze no status: it is the frozen value judged against the frozen target and definition.
        var status = frozen.IsLegacy ? evaluation.Status : frozen.Status;
        var reason = frozen.IsLegacy ? evaluation.StatusReason : frozen.StatusReason!;
        var legalNormMet = frozen.IsLegacy ? evaluation.LegalNorm?.MeetsNorm : frozen.LegalNormMet;

        var changes = new List<ChangeMark>();
        var datable = stand is null;
        var unit = rule.Unit;

        // The value, dated by its latest version when the caller read the value history (the KPI page does).
        var liveNow = KpiEvaluation.Evaluate(kpi.Rule, null, series, quarter).Current;
        if (datable && Visibility.IsChangedSincePublication(liveNow, frozen.MeasurementPeriod, frozen.Value))
        {
            DateTimeOffset? changedAt = valueChangedAt is not null && valueChangedAt.TryGetValue(liveNow!.Period, out var at) ? at : null;
            changes.Add(new ChangeMark(ChangeKind.Value, "Waarde", $"{DutchFormat.Value(liveNow!.Value, kpi.Unit)} ({liveNow.Period})",
                frozen.Value is { } v ? DutchFormat.Value(v, unit) : "geen meting", changedAt, changedAt is null ? ChangeMark.DateUnknown : "gewijzigd op"));
        }

        // The target in force in the quarter now (at a stand: among the versions recorded by then).
        var targetNow = TargetVersion.InForce(targets.Where(t => stand is null || stand.Includes(t.ChangedAt)), quarter);
        if (targetNow?.Version != target?.Version || targetNow?.TargetValue != target?.TargetValue)
        {
            changes.Add(new ChangeMark(ChangeKind.Target, "Streefwaarde", TargetText(targetNow, kpi.Unit), TargetText(target, unit),
                targetNow?.ChangedAt, targetNow is null ? ChangeMark.DateUnknown : "vastgelegd op"));
        }

        // The definition fields that change a status.
        var ruleNow = datable ? kpi.Rule : rule;
        if (!frozen.IsLegacy && frozen.Unit is not null)
        {
            AddDefinitionChange(changes, "Eenheid", DutchText.Unit(ruleNow.Unit), DutchText.Unit(rule.Unit));
            AddDefinitionChange(changes, "Richting", DutchText.Direction(ruleNow.Direction), DutchText.Direction(rule.Direction));
            AddDefinitionChange(changes, "Bandbreedte", BandText(ruleNow), BandText(rule));
            AddDefinitionChange(changes, "Wettelijke norm", NormText(ruleNow.LegalNorm, ruleNow.Unit), NormText(rule.LegalNorm, rule.Unit));
        }

        // The status and legal-norm judgement that follow from these now.
        var evaluationNow = KpiEvaluation.Evaluate(ruleNow, targetNow?.Terms, datable ? series : frozenSeries, quarter);
        if (evaluationNow.Status != status)
        {
            changes.Add(new ChangeMark(ChangeKind.Status, "Status", evaluationNow.Status.ToDutchLabel(), status.ToDutchLabel(), null, "gevolg van de wijzigingen hierboven"));
        }

        if (evaluationNow.LegalNorm?.MeetsNorm != legalNormMet)
        {
            changes.Add(new ChangeMark(ChangeKind.Status, "Oordeel wettelijke norm", NormJudgement(evaluationNow.LegalNorm?.MeetsNorm), NormJudgement(legalNormMet),
                null, "gevolg van de wijzigingen hierboven"));
        }

        // The commentary: the frozen text stays; later published text is an addendum next to it.
        var frozenCommentary = frozen.Commentary is { } text ? new PublishedCommentary(text, frozen.CommentaryVersion, null) : null;
        CommentaryAddendum? addendum = null;
        if (commentaryNow is not null && commentaryNow.Text != frozen.Commentary)
        {
            addendum = new CommentaryAddendum(commentaryNow.Text, commentaryNow.PublishedAt);
            changes.Add(new ChangeMark(ChangeKind.Commentary, "Toelichting", CommentaryText(commentaryNow, "een aanvulling"),
                frozenCommentary is null ? "geen toelichting" : CommentaryText(frozenCommentary, "de tekst hierboven"),
                commentaryNow.PublishedAt, commentaryNow.PublishedAt is null ? ChangeMark.DateUnknown : "gepubliceerd op"));
        }

        return new PublishedFigureView(unit, target, evaluation, status, reason, legalNormMet, frozenCommentary, addendum, changes);

        void AddDefinitionChange(List<ChangeMark> list, string subject, string now, string then)
        {
            if (now != then)
            {
                list.Add(new ChangeMark(ChangeKind.Definition, subject, now, then, null, ChangeMark.DateUnknown));
            }
        }
    }

    /// <summary>The definition as frozen; an old publication froze none, and is judged by the definition of now.</summary>
    public static KpiRule FrozenRule(FrozenFigure frozen, KpiDefinition kpi) =>
        frozen.Unit is { } unit
            ? new KpiRule(unit, frozen.Direction ?? kpi.Direction, frozen.BandLow, frozen.BandHigh, frozen.LegalNorm)
            : kpi.Rule;

    /// <summary>
    /// The target version as frozen (its terms as stored); an old publication froze only the version number, whose
    /// terms never change (target versions are append-only).
    /// </summary>
    public static TargetVersion? FrozenTarget(FrozenFigure frozen, KpiDefinition kpi, IReadOnlyList<TargetVersion> targets)
    {
        if (frozen.TargetVersion is not { } number)
        {
            return null;
        }

        var stored = targets.FirstOrDefault(t => t.Version == number)
            ?? new TargetVersion { KpiCode = kpi.Code, KpiName = kpi.Name, Unit = kpi.Unit, Direction = kpi.Direction, Version = number };
        return frozen.TargetValue is { } value
            ? stored with
            {
                TargetValue = value,
                DeadlineYear = frozen.TargetDeadlineYear,
                DeadlineQuarter = frozen.TargetDeadlineQuarter,
                ValidFromYear = frozen.TargetValidFromYear ?? stored.ValidFromYear,
                ValidFromQuarter = frozen.TargetValidFromYear is null ? stored.ValidFromQuarter : frozen.TargetValidFromQuarter,
                ToleranceOnTrackPercent = frozen.ToleranceOnTrackPercent,
                ToleranceAttentionPercent = frozen.ToleranceAttentionPercent,
            }
            : stored;
    }

    /// <summary>The series as published: the frozen measurement in place of the stored one of its period; none when nothing was shown.</summary>
    public static IReadOnlyList<MeasurementPoint> FrozenSeries(FrozenFigure frozen, IReadOnlyList<MeasurementPoint> series)
    {
        if (frozen.Value is not { } value || frozen.MeasurementPeriod is not { } period)
        {
            return [];
        }

        var original = series.FirstOrDefault(m => m.Period == period);
        return series.Where(m => m.Period != period)
            .Append(new MeasurementPoint(period, value, original?.Status ?? MeasurementStatus.Final, original?.IsSynthetic ?? false))
            .ToList();
    }

    /// <summary>
    /// The published commentary at the end of the <paramref name="stand"/> day (or now): the newest published version
    /// by then, or, for commentary without versions, the published head text.
    /// </summary>
    public static PublishedCommentary? CommentaryAt(string? headText, DateTimeOffset? headPublishedAt, IReadOnlyList<PublishedCommentaryText> publishedVersions, Stand? stand)
    {
        if (publishedVersions.Count > 0)
        {
            var latest = publishedVersions.Where(v => stand is null || (v.PublishedAt is { } at && stand.Includes(at))).MaxBy(v => v.Version);
            return latest is null ? null : new PublishedCommentary(latest.Text, latest.Version, latest.PublishedAt);
        }

        return headText is null || (stand is not null && headPublishedAt is { } published && !stand.Includes(published))
            ? null
            : new PublishedCommentary(headText, null, headPublishedAt);
    }

    private static string TargetText(TargetVersion? target, KpiUnit unit) =>
        target is null ? "geen streefwaarde" : $"{DutchFormat.Value(target.TargetValue, unit)} (versie {target.Version})";

    private static string BandText(KpiRule rule) =>
        rule.BandLow is null && rule.BandHigh is null ? "geen" : $"{Bound(rule.BandLow, rule.Unit)} tot {Bound(rule.BandHigh, rule.Unit)}";

    private static string Bound(decimal? value, KpiUnit unit) => value is { } v ? DutchFormat.Value(v, unit) : "open";

    private static string NormText(decimal? norm, KpiUnit unit) => norm is { } n ? DutchFormat.Value(n, unit) : "geen";

    private static string NormJudgement(bool? met) => met switch { true => "gehaald", false => "niet gehaald", null => "geen oordeel" };

    private static string CommentaryText(PublishedCommentary commentary, string withoutVersion) =>
        commentary.Version is { } v ? $"versie {v}" : withoutVersion;
}
