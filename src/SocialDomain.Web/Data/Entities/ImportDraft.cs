namespace SocialDomain.Web.Data.Entities;

/// <summary>
/// An uploaded import awaiting confirmation (the preview step of /beheer/import): the files as a zip archive, bound to
/// the user who uploaded them and expiring. Kept in the database so the confirmation may reach any app instance.
/// </summary>
public class ImportDraft
{
    public Guid Id { get; set; }

    /// <summary>User name of the uploader; only they can confirm it.</summary>
    public required string Owner { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The uploaded files (names and bytes) as a zip archive.</summary>
    public required byte[] Content { get; set; }
}
