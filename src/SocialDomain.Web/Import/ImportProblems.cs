using System.Collections;

namespace SocialDomain.Web.Import;

/// <summary>
/// The problems of an import: the first <see cref="Limit"/> are kept to be listed, the rest are only counted, so a
/// file of a million bad rows gives a short page ("… en nog 1.734.211 problemen") and stays small in memory.
/// </summary>
public sealed class ImportProblems : IEnumerable<ImportProblem>
{
    /// <summary>How many problems an import lists.</summary>
    public const int Limit = 200;

    private readonly List<ImportProblem> _listed = [];

    /// <summary>Every problem found, also those not kept.</summary>
    public int Count { get; private set; }

    /// <summary>Problems found but not listed.</summary>
    public int NotListed => Count - _listed.Count;

    /// <summary>True once the list is full: the import is refused anyway and further problems are only counted.</summary>
    public bool Full => _listed.Count >= Limit;

    public void Add(ImportProblem problem)
    {
        Count++;
        if (!Full)
        {
            _listed.Add(problem);
        }
    }

    public IEnumerator<ImportProblem> GetEnumerator() => _listed.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
