using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Pages.Bench;

/// <summary>
/// Baseline page of the load benchmark, in the style of the TechEmpower "Fortunes" test: one raw Npgsql
/// query on a small table (the IV3 task fields), one row added at request time, sorted by text and rendered
/// by a minimal Razor page without layout. The benchmark divides every page's throughput by this page's.
/// Served only when <c>Benchmark:Enabled</c> is true (the load benchmark sets it); 404 otherwise.
/// </summary>
/// <remarks>
/// The query runs on the DbContext's own connection, so it uses the app's connection pool and settings
/// (time limits included) instead of a second pool. Deliberately not output-cached.
/// </remarks>
public class FortunesModel(IConfiguration configuration, SocialDomainDbContext db) : PageModel
{
    public const string SettingName = "Benchmark:Enabled";

    public const string AddedMessage = "Extra regel, toegevoegd tijdens het verzoek.";

    public IReadOnlyList<Fortune> Fortunes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(SettingName, false))
        {
            return NotFound();
        }

        var fortunes = new List<Fortune>(16);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT code, name FROM task_fields", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                fortunes.Add(new Fortune(reader.GetString(0), reader.GetString(1)));
            }
        }
        finally
        {
            await connection.CloseAsync();
        }

        fortunes.Add(new Fortune("0", AddedMessage));
        fortunes.Sort(static (a, b) => string.CompareOrdinal(a.Message, b.Message));
        Fortunes = fortunes;
        return Page();
    }

    public sealed record Fortune(string Id, string Message);
}
