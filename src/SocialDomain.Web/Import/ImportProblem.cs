namespace SocialDomain.Web.Import;

/// <summary>One thing wrong with an import file: where (file, line, column) and what, in Dutch.</summary>
public sealed record ImportProblem(string File, int Line, string? Column, string Message)
{
    /// <summary>Line 0: a problem of the whole import rather than of one line.</summary>
    public override string ToString() =>
        Line == 0 ? $"{File}: {Message}" :
        Column is null ? $"{File}, regel {Line}: {Message}" : $"{File}, regel {Line}, kolom '{Column}': {Message}";
}
