using System.Linq.Expressions;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Features.Findings;

/// <summary>
/// A data-quality finding as a page shows it next to the figures it concerns (partial <c>_Findings</c>): the Dutch
/// message (for a source check: the statement, then "wijkt af", "alleen afronding" or "niet na te rekenen") and its source.
/// </summary>
public sealed record FindingNotice(string Subject, string Message, string SourceDocument, string SourceSection, bool RoundingOnly)
{
    /// <summary>The projection a query uses (so every page reads the same columns).</summary>
    public static readonly Expression<Func<DataQualityFinding, FindingNotice>> FromEntity =
        f => new FindingNotice(f.Subject, f.Message, f.Source.Document, f.Source.Section, f.RoundingOnly);
}
