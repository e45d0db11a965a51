namespace SocialDomain.Web.Import;

/// <summary>Outcome of an import: problems (then nothing was written) or counts per dataset.</summary>
public sealed class ImportReport
{
    public ImportProblems Problems { get; } = new();

    /// <summary>Rows read per dataset.</summary>
    public SortedDictionary<string, int> RowsRead { get; } = new(StringComparer.Ordinal);

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Findings { get; set; }

    /// <summary>How many changed rows the report (and the audit row) describes value by value.</summary>
    public const int ChangesListed = 100;

    /// <summary>Per dataset: rows that are (or would be, in a preview) new and changed.</summary>
    public SortedDictionary<string, DatasetChangeCount> Datasets { get; } = new(StringComparer.Ordinal);

    /// <summary>The first <see cref="ChangesListed"/> changed rows with their values before and after.</summary>
    public List<RowChange> Changes { get; } = [];

    /// <summary>Every changed row, also those not described.</summary>
    public int ChangeCount { get; set; }

    /// <summary>Why nothing was read or written (a seed load into a database that already holds data); null otherwise.</summary>
    public string? SkippedBecause { get; init; }

    public bool Succeeded => Problems.Count == 0;

    /// <summary>Rows read but not stored on purpose, each with file and line (e.g. a taakveld outside the sociaal domein).</summary>
    public List<string> Notices { get; } = [];
}
