namespace SocialDomain.Web.Import;

/// <summary>Outcome of an import: problems (then nothing was written) or counts per dataset.</summary>
public sealed class ImportReport
{
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Rows read per dataset.</summary>
    public SortedDictionary<string, int> RowsRead { get; } = new(StringComparer.Ordinal);

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Findings { get; set; }

    /// <summary>Why nothing was read or written (a seed load into a database that already holds data); null otherwise.</summary>
    public string? SkippedBecause { get; init; }

    public bool Succeeded => Problems.Count == 0;
}
