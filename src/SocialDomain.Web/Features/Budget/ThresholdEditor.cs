using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Audit;

namespace SocialDomain.Web.Features.Budget;

/// <summary>The explanation thresholds as typed on /beheer/toelichtingsgrenzen.</summary>
public sealed class ThresholdForm
{
    public string? ValidFromYear { get; set; }

    /// <summary>Euros, Dutch notation ("250.000"); empty = no absolute threshold.</summary>
    public string? Absolute { get; set; }

    /// <summary>Percent ("10" or "2,5"); empty = no relative threshold.</summary>
    public string? RelativePercent { get; set; }

    /// <summary>Token of <see cref="Vocabulary.ThresholdCombinations"/>: "en" or "of".</summary>
    public string? Combination { get; set; } = "en";

    public bool OnlyUnfavourable { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A problem with one field of <see cref="ThresholdForm"/> (the field is the form's property name).</summary>
public sealed record ThresholdFormProblem(string Field, string Message);

/// <summary>
/// Loads the versions of the explanation thresholds and stores a new one (append-only) with its audit row in the same
/// SaveChanges. The thresholds' own rules are Core's <see cref="ExplanationThresholds.Problems"/>.
/// </summary>
public sealed class ThresholdEditor(SocialDomainDbContext db, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    /// <summary>Every version, in the order they apply (valid-from year, then recorded), for the page and the report.</summary>
    public static async Task<IReadOnlyList<ThresholdVersion>> LoadAsync(SocialDomainDbContext db, CancellationToken ct) =>
        (await db.ExplanationThresholdSettings.AsNoTracking().OrderBy(s => s.ValidFromYear).ThenBy(s => s.RecordedAt).ThenBy(s => s.Id).ToListAsync(ct))
            .Select(ToVersion).ToList();

    public static ThresholdVersion ToVersion(ExplanationThresholdSetting s) =>
        new(s.ValidFromYear, new ExplanationThresholds(s.Absolute, s.RelativePercent, s.Combination, !s.OnlyUnfavourable), s.Reason, s.RecordedAt, s.RecordedBy);

    /// <summary>What is wrong with the form, per field, in Dutch; the setting to store when nothing is.</summary>
    public (IReadOnlyList<ThresholdFormProblem> Problems, ExplanationThresholdSetting? Setting) Validate(ThresholdForm form, string actor)
    {
        var problems = new List<ThresholdFormProblem>();
        int year = 0;
        if (string.IsNullOrWhiteSpace(form.ValidFromYear))
        {
            problems.Add(new(nameof(ThresholdForm.ValidFromYear), "Geldig vanaf: vul het eerste begrotingsjaar in waarvoor deze grenzen gelden (bijvoorbeeld 2020)."));
        }
        else if (!int.TryParse(form.ValidFromYear.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            || year is < 1900 or > 2200)
        {
            problems.Add(new(nameof(ThresholdForm.ValidFromYear), "Geldig vanaf: vul een jaartal tussen 1900 en 2200 in."));
        }

        var absolute = Amount(form.Absolute, nameof(ThresholdForm.Absolute), "Absolute grens", problems);
        var relative = Amount(form.RelativePercent, nameof(ThresholdForm.RelativePercent), "Relatieve grens", problems);
        if (!problems.Any(p => p.Field is nameof(ThresholdForm.Absolute) or nameof(ThresholdForm.RelativePercent)))
        {
            foreach (var problem in ExplanationThresholds.Problems(absolute, relative))
            {
                problems.Add(new(problem.Field == "relative" ? nameof(ThresholdForm.RelativePercent) : nameof(ThresholdForm.Absolute), problem.Message));
            }
        }

        if (!Codes.TryParse(Vocabulary.ThresholdCombinations.ByToken, form.Combination, out ThresholdCombination combination))
        {
            problems.Add(new(nameof(ThresholdForm.Combination), "Combinatie: kies 'én' of 'of'."));
        }

        var reason = form.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            problems.Add(new(nameof(ThresholdForm.Reason), "Reden: noem de verordening (en het artikel) of waarom deze grenzen gelden."));
        }
        else if (TextLimits.Problem("Reden", reason, MaxReasonLength) is { } tooLong)
        {
            problems.Add(new(nameof(ThresholdForm.Reason), tooLong));
        }

        return problems.Count > 0
            ? (problems, null)
            : (problems, new ExplanationThresholdSetting
            {
                ValidFromYear = year,
                Absolute = absolute,
                RelativePercent = relative,
                Combination = combination,
                OnlyUnfavourable = form.OnlyUnfavourable,
                Reason = reason!,
                RecordedAt = clock.GetUtcNow(),
                RecordedBy = actor,
            });
    }

    /// <summary>Stores a new version with its audit row in one SaveChanges; nothing is written when the form has a problem.</summary>
    public async Task<IReadOnlyList<ThresholdFormProblem>> SaveAsync(ThresholdForm form, string actor, string? origin, CancellationToken ct)
    {
        var (problems, setting) = Validate(form, actor);
        if (setting is null)
        {
            return problems;
        }

        db.ExplanationThresholdSettings.Add(setting);
        var version = ToVersion(setting);
        db.AuditLog.Add(AuditEntry.Create(setting.RecordedAt, actor, AuditActions.ExplanationThresholdsSet, $"toelichtingsgrenzen:{setting.ValidFromYear}",
            AuditResults.Succeeded, origin, new
            {
                geldigVanaf = setting.ValidFromYear,
                absoluut = setting.Absolute,
                relatiefProcent = setting.RelativePercent,
                combinatie = Vocabulary.ThresholdCombinations.Token(setting.Combination),
                alleenNadelig = setting.OnlyUnfavourable,
                omschrijving = version.Thresholds.Description,
                reden = setting.Reason,
            }));
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>A threshold typed as "€ 250.000" or "10 %": the sign and spaces are allowed; empty is null.</summary>
    private static decimal? Amount(string? text, string field, string label, List<ThresholdFormProblem> problems)
    {
        var cleaned = (text ?? string.Empty).Replace("€", string.Empty, StringComparison.Ordinal).Replace("%", string.Empty, StringComparison.Ordinal)
            .Replace('\u00A0', ' ').Trim();
        if (cleaned.Length == 0)
        {
            return null;
        }

        var reading = DutchNumber.Read(cleaned);
        if (reading.Value is not { } value)
        {
            problems.Add(new(field, $"{label}: {reading.Problem}."));
            return null;
        }

        return value;
    }
}
