using System.Text.Json;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Audit;

/// <summary>
/// What an audit row says was done (<see cref="AuditLogEntry.Action"/>). The stored words are Dutch because
/// administrators read and search them on /beheer/audit and in the audit-log export; never change a stored word.
/// </summary>
public static class AuditActions
{
    public const string Login = "inloggen";
    public const string UserCreated = "gebruiker.aanmaken";
    public const string UserRolesChanged = "gebruiker.rollen";
    public const string UserUnlocked = "gebruiker.deblokkeren";
    public const string UserDeactivated = "gebruiker.deactiveren";
    public const string UserActivated = "gebruiker.activeren";
    public const string TwoFactorEnabled = "tweestaps.aanzetten";
    public const string RecoveryCodesRenewed = "tweestaps.herstelcodes";
    public const string TargetSet = "streefwaarde.vaststellen";
    public const string TargetChanged = "streefwaarde.wijzigen";
    public const string CommentarySaved = "toelichting.opslaan";
    public const string CommentaryPublished = "toelichting.publiceren";
    public const string QuarterPublished = "kwartaal.publiceren";
    public const string FiguresImported = "cijfers.importeren";
    public const string SeedLoaded = "brondata.laden";
    public const string MeasurementEntered = "meting.invoeren";
    public const string MeasurementCorrected = "meting.corrigeren";
    public const string MeasurementWithdrawn = "meting.intrekken";
    public const string MeasurementConfirmed = "meting.bevestigen";
    public const string ExportDownloaded = "export.downloaden";
    public const string TwoFactorReset = "tweestaps.resetten";
    public const string KpiCreated = "kpi.aanmaken";
    public const string KpiChanged = "kpi.wijzigen";
    public const string KpiArchived = "kpi.archiveren";
    public const string ProgrammeCreated = "programma.aanmaken";
    public const string ProgrammeChanged = "programma.wijzigen";
    public const string ProgrammeArchived = "programma.archiveren";
    public const string TaskFieldCreated = "taakveld.aanmaken";
    public const string TaskFieldChanged = "taakveld.wijzigen";
    public const string TaskFieldArchived = "taakveld.archiveren";
    public const string PasswordReset = "wachtwoord.resetten";
    public const string PasswordChanged = "wachtwoord.wijzigen";
    public const string BudgetLineEntered = "begroting.invoeren";
    public const string BudgetLineCorrected = "begroting.corrigeren";
    public const string ExplanationThresholdsSet = "toelichtingsgrenzen.vaststellen";

    /// <summary>Every action, for documentation and tests.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Login, UserCreated, UserRolesChanged, UserUnlocked, UserDeactivated, UserActivated, TwoFactorEnabled, RecoveryCodesRenewed, TargetSet, TargetChanged,
        CommentarySaved, CommentaryPublished, QuarterPublished, FiguresImported, SeedLoaded, ExportDownloaded, MeasurementEntered, MeasurementCorrected,
        MeasurementWithdrawn, MeasurementConfirmed, TwoFactorReset, KpiCreated, KpiChanged, KpiArchived, ProgrammeCreated, ProgrammeChanged, ProgrammeArchived,
        TaskFieldCreated, TaskFieldChanged, TaskFieldArchived, PasswordReset, PasswordChanged, BudgetLineEntered, BudgetLineCorrected, ExplanationThresholdsSet,
    ];
}

/// <summary>How it ended (<see cref="AuditLogEntry.Result"/>).</summary>
public static class AuditResults
{
    public const string Succeeded = "gelukt";
    public const string Refused = "geweigerd";
    public const string LockedOut = "geblokkeerd";

    /// <summary>The password was right; the second factor is asked next (its own row follows).</summary>
    public const string SecondFactorRequired = "tweede stap";

    /// <summary>A save that lost a race with another user's save (optimistic concurrency).</summary>
    public const string Conflict = "conflict";

    public static readonly IReadOnlyList<string> All = [Succeeded, Refused, LockedOut, SecondFactorRequired, Conflict];
}

/// <summary>Creates audit rows; the caller adds the row to the same SaveChanges (transaction) as the change it describes.</summary>
public static class AuditEntry
{
    /// <summary>Actor when a request carries no user name.</summary>
    public const string UnknownActor = "onbekend";

    /// <param name="details">Serialised as JSON (the replayable details); null stores no details.</param>
    public static AuditLogEntry Create(DateTimeOffset timestamp, string actor, string action, string obj, string result, string? origin, object? details = null) => new()
    {
        Timestamp = timestamp,
        Actor = actor,
        Action = action,
        Object = obj,
        Result = result,
        Origin = origin,
        Details = details is null ? null : JsonSerializer.Serialize(details),
    };

    /// <summary>A row for the signed-in user of <paramref name="http"/>, with the request's origin.</summary>
    public static AuditLogEntry ForRequest(HttpContext http, TimeProvider clock, string action, string obj, string result, object? details = null) =>
        Create(clock.GetUtcNow(), http.User.Identity?.Name ?? UnknownActor, action, obj, result, http.Origin(), details);
}
