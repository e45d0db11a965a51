using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>What an advisor asks for with a commentary text: keep it as a draft, or publish it.</summary>
public enum CommentaryAction
{
    SaveDraft,
    Publish,
}

/// <summary>What a save does to the versions of a quarter's commentary.</summary>
public enum CommentaryRevisionKind
{
    /// <summary>Nothing to store: the text is already the newest version (with the asked status).</summary>
    Unchanged,

    /// <summary>A new draft version is appended.</summary>
    AppendDraft,

    /// <summary>A new version is appended and published at once.</summary>
    AppendPublished,

    /// <summary>The newest version, a draft with exactly this text, is published.</summary>
    PublishLatestDraft,
}

/// <summary>A stored version as far as the rule goes: its number, status and text.</summary>
public sealed record CommentaryVersionState(int Version, CommentaryStatus Status, string Text);

/// <summary>
/// The outcome of <see cref="CommentaryRevision.Plan"/>: what happens to the versions (<see cref="Kind"/>, the version
/// number stored or published), and whether the head row (what readers see) takes the text, with which status.
/// </summary>
public sealed record CommentaryRevisionPlan(CommentaryRevisionKind Kind, int Version, bool HeadTakesText, CommentaryStatus HeadStatus);

/// <summary>The outcome of <see cref="CommentaryRevision.Normalize"/>: the text to store, or the Dutch problem.</summary>
public sealed record CommentaryTextCheck(string? Text, string? Problem);

/// <summary>
/// The versions of a quarter's commentary (docs/time-model.md, "Toelichtingen en hun versies"). Nothing is
/// overwritten: every save that changes something appends a version, except publishing the newest draft as it is,
/// which marks that draft published. Readers see the head row: once a text is published, a later draft leaves it alone
/// until that draft (or another text) is published; a commentary never published shows its newest draft to staff.
/// </summary>
public static class CommentaryRevision
{
    /// <summary>The longest commentary (the database column's length).</summary>
    public const int MaxLength = 8000;

    /// <summary>
    /// The text as stored (line ends as \n, no surrounding white space), or a Dutch message when it is empty or longer
    /// than <see cref="MaxLength"/> characters.
    /// </summary>
    public static CommentaryTextCheck Normalize(string? text)
    {
        var normalized = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (normalized.Length == 0)
        {
            return new(null, "Schrijf de toelichting: wat is het verhaal achter de cijfers?");
        }

        return normalized.Length > MaxLength
            ? new(null, $"De toelichting is te lang ({normalized.Length} tekens; maximaal {MaxLength}).")
            : TextLimits.HasControlCharacter(normalized)
                ? new(null, "De toelichting bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen.")
                : new(normalized, null);
    }

    /// <param name="versions">Every stored version of the commentary (any order; empty for a new commentary).</param>
    /// <param name="text">The normalized text (<see cref="Normalize"/>).</param>
    public static CommentaryRevisionPlan Plan(IReadOnlyCollection<CommentaryVersionState> versions, string text, CommentaryAction action)
    {
        var latest = versions.MaxBy(v => v.Version);
        var everPublished = versions.Any(v => v.Status == CommentaryStatus.Published);
        var next = (latest?.Version ?? 0) + 1;
        var sameText = latest is not null && string.Equals(latest.Text, text, StringComparison.Ordinal);
        var headStatus = everPublished ? CommentaryStatus.Published : CommentaryStatus.Draft;
        if (action == CommentaryAction.SaveDraft)
        {
            return sameText
                ? new(CommentaryRevisionKind.Unchanged, latest!.Version, HeadTakesText: false, headStatus)
                : new(CommentaryRevisionKind.AppendDraft, next, HeadTakesText: !everPublished, headStatus);
        }

        if (sameText && latest!.Status == CommentaryStatus.Published)
        {
            return new(CommentaryRevisionKind.Unchanged, latest.Version, HeadTakesText: false, CommentaryStatus.Published);
        }

        return sameText
            ? new(CommentaryRevisionKind.PublishLatestDraft, latest!.Version, HeadTakesText: true, CommentaryStatus.Published)
            : new(CommentaryRevisionKind.AppendPublished, next, HeadTakesText: true, CommentaryStatus.Published);
    }
}
