namespace SocialDomain.Web.Import;

/// <summary>One thing wrong with an import file: where (file, line, column) and what, in Dutch.</summary>
public sealed record ImportProblem(string File, int Line, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"{File}, regel {Line}: {Message}" : $"{File}, regel {Line}, kolom '{Column}': {Message}";
}
