using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.Audit;
using SocialDomain.Web.Import;
using SocialDomain.Web.Security;
using SocialDomain.Web.Tests.Infrastructure;
using SocialDomain.Web.Tests.Reliability;
using Xunit.Abstractions;

namespace SocialDomain.Web.Tests.Security;

/// <summary>
/// Issue 16, "Done when": the fixed, versioned corpus (Security/hostile-corpus.v1.json) against the app as each role.
/// Per request: never a 5xx nor internals; a refused request writes nothing (row counts of every table before and after,
/// apart from refusal rows in the audit log); an accepted write has exactly one audit row. The figures are printed
/// (docs/operations.md, "Vijandige invoer"). Concurrent imports and edits are separate tests.
/// </summary>
public class HostileInputTests(TestDatabase database, ITestOutputHelper output) : DatabaseTest(database)
{
    private const string Corpus = "hostile-corpus.v1.json";

    private static readonly string[] RefusalResults = [AuditResults.Refused, AuditResults.Conflict, AuditResults.LockedOut, AuditResults.SecondFactorRequired];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
    }

    private sealed record Template(string[] Roles, string Method, string Path, Dictionary<string, string>? Form, Dictionary<string, string>? Files, string? ContentType, string? Body);

    [Fact]
    public async Task Corpus_AsEveryRole_GivesNo500_RefusalsWriteNothing_AndEveryAcceptedWriteHasOneAuditRow()
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Security", Corpus)));
        var values = json.RootElement.GetProperty("values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => Expand(v.GetString()!)).ToArray());
        var templates = json.RootElement.GetProperty("requests").EnumerateArray().Select(e => Read(e, raw: false))
            .Concat(json.RootElement.GetProperty("raw").EnumerateArray().Select(e => Read(e, raw: true))).ToList();

        await using var factory = new DashboardFactory(Database.ConnectionString);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = Accounts.Client(factory) };
        foreach (var role in Roles.All)
        {
            var name = "corpus." + role.ToLowerInvariant();
            await Accounts.CreateAsync(factory, name, role);
            clients[role] = Accounts.Client(factory);
            (await Accounts.LoginAsync(clients[role], name)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var tokens = new Dictionary<string, string>();
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        int sent = 0, refused = 0, accepted = 0, auditRows = 0;
        foreach (var template in templates)
        {
            var categories = values.Keys.Where(c => Mentions(template, "{" + c + "}")).ToList();
            var count = categories.Count == 0 ? 1 : categories.Max(c => values[c].Length);
            foreach (var role in template.Roles)
            {
                var client = clients[role];
                for (var i = 0; i < count; i++)
                {
                    string Fill(string text) => categories.Aggregate(text, (t, c) => t.Replace("{" + c + "}", values[c][i % values[c].Length], StringComparison.Ordinal));
                    var path = template.Path.Split('?') is var parts && parts.Length == 2
                        ? Fill(parts[0]) + "?" + string.Join('&', parts[1].Split('&').Select(kv => kv.Split('=', 2)).Select(kv => kv[0] + "=" + Uri.EscapeDataString(Fill(kv[1]))))
                        : Fill(template.Path);
                    if (path.Split('?')[0].Any(char.IsControl))
                    {
                        continue; // a control character in the path never reaches the app: Kestrel refuses it (TestServer throws instead)
                    }

                    path = path.Split('?') is [var p, var q] ? EscapePath(p) + "?" + q : EscapePath(path);
                    var request = new HttpRequestMessage(new HttpMethod(template.Method), new Uri(path, UriKind.Relative));
                    if (template.Form is { } form)
                    {
                        if (!tokens.TryGetValue(role, out var token))
                        {
                            tokens[role] = token = await Accounts.AntiforgeryTokenAsync(client, TokenPage(role));
                        }

                        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
                        foreach (var (key, value) in form)
                        {
                            fields.Add(new(key, value.StartsWith("$field:", StringComparison.Ordinal) ? await FieldAsync(client, value) : Fill(value)));
                        }

                        request.Content = new FormUrlEncodedContent(fields);
                    }
                    else if (template.Files is { } files)
                    {
                        if (!tokens.TryGetValue(role, out var token))
                        {
                            tokens[role] = token = await Accounts.AntiforgeryTokenAsync(client, TokenPage(role));
                        }

                        var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
                        foreach (var (name, content) in files)
                        {
                            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Fill(content)));
                            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                            multipart.Add(file, "Files", name);
                        }

                        request.Content = multipart;
                    }
                    else if (template.Body is { } body)
                    {
                        request.Content = new StringContent(Fill(body));
                        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(template.ContentType!);
                    }

                    var shown = $"{role} {template.Method} {Shorten(path)} [{i}]";
                    var before = await TableChecksums.RowCountsAsync(Database.ConnectionString);
                    using var response = await client.SendAsync(request);
                    var html = await response.Content.ReadAsStringAsync();
                    var after = await TableChecksums.RowCountsAsync(Database.ConnectionString);
                    var newAudit = await AuditSinceAsync(before["audit_log"]);
                    sent++;
                    auditRows += newAudit.Count;
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    var changed = after.Where(t => t.Key != "audit_log" && before[t.Key] != t.Value).Select(t => t.Key).ToList();
                    var succeeded = newAudit.Count(a => a.Result == AuditResults.Succeeded);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{shown} → {(int)response.StatusCode}");
                    }
                    else if (ReliabilitySupport.ShowsInternals(html))
                    {
                        failures.Add($"{shown} → internals in the body");
                    }

                    if (succeeded == 0)
                    {
                        refused += template.Method == "GET" ? 0 : 1;
                        // An upload's preview writes only its pending draft (import_drafts), which is not data.
                        changed.Remove("import_drafts");
                        if (changed.Count > 0 || newAudit.Any(a => !RefusalResults.Contains(a.Result) && a.Action != AuditActions.ExportDownloaded))
                        {
                            failures.Add($"{shown} → refused, but wrote {string.Join(", ", changed)} {string.Join(", ", newAudit.Select(a => a.Action + "/" + a.Result))}");
                        }
                    }
                    else
                    {
                        accepted++;
                        if (newAudit.Count(a => a.Result == AuditResults.Succeeded) != 1)
                        {
                            failures.Add($"{shown} → accepted with {succeeded} audit rows");
                        }
                    }
                }
            }
        }

        output.WriteLine($"Corpus {Corpus}: {templates.Count} templates, {sent} requests sent");
        output.WriteLine("Per status: " + string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}")));
        output.WriteLine($"Refused writes: {refused}; accepted writes: {accepted}; audit rows written: {auditRows}");
        output.WriteLine($"Failures: {failures.Count}");
        foreach (var failure in failures.Take(60))
        {
            output.WriteLine("  " + failure);
        }

        failures.Should().BeEmpty();
        statuses.Keys.Should().NotContain(k => k >= 500);
    }

    [Fact]
    public async Task TwentyConcurrentImports_AreSerialised_OrRefusedInDutch_NeverA500_AndEverySuccessIsAudited()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);

        // Twenty controllers each preview an upload (a preview writes only its draft), then all confirm at the same moment.
        var previews = new List<(HttpClient Client, string Html)>();
        for (var i = 0; i < 20; i++)
        {
            var name = $"controller{i}";
            await Accounts.CreateAsync(factory, name, Roles.Controller);
            var client = Accounts.Client(factory);
            await Accounts.LoginAsync(client, name);
            var upload = await Import.ImportPage.UploadAsync(client, "measurements.csv",
                $"kpi_code;period;value;status;source_document;source_section;note\nSP_SCORE;2021;{6 + (i / 10m)};provisional;kto;gelijktijdig {i};\n");
            previews.Add((client, await Import.ImportPage.HtmlAsync(upload)));
        }

        await using var before = Database.CreateContext();
        var importAudits = await before.AuditLog.CountAsync(a => a.Action == AuditActions.FiguresImported);

        var responses = await Task.WhenAll(previews.Select(async p =>
        {
            using var response = await Import.ImportPage.PressAsync(p.Client, p.Html);
            return ((int)response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }));

        var succeeded = responses.Count(r => r.Item1 == 302);
        var busy = responses.Count(r => r.Item1 == 422 && r.Item2.Contains(DatasetImporter.AlreadyRunning, StringComparison.Ordinal));
        output.WriteLine($"20 concurrent imports: {succeeded} stored, {busy} refused with 'er loopt al een import', statuses {string.Join(", ", responses.GroupBy(r => r.Item1).Select(g => $"{g.Key} × {g.Count()}"))}");
        responses.Should().OnlyContain(r => r.Item1 == 302 || r.Item1 == 422);
        (succeeded + busy).Should().Be(20);
        succeeded.Should().BeGreaterThanOrEqualTo(1);
        await using var db = Database.CreateContext();
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.FiguresImported && a.Result == AuditResults.Succeeded)).Should().Be(succeeded);
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.FiguresImported)).Should().Be(importAudits + 20, "a refused import is audited too");
        foreach (var preview in previews)
        {
            preview.Client.Dispose();
        }
    }

    [Fact]
    public async Task TwentyConcurrentTargetEdits_HaveExactlyOneWinner_TheOthersAreAuditedConflicts_NeverA500()
    {
        const string page = "/beheer/streefwaarde/SP_SCORE";
        await using var factory = new DashboardFactory(Database.ConnectionString);
        var clients = new List<(HttpClient Client, string Token, string RowVersion)>();
        for (var i = 0; i < 20; i++)
        {
            await Accounts.CreateAsync(factory, $"adviseur{i}", Roles.PolicyAdvisor);
            var client = Accounts.Client(factory);
            await Accounts.LoginAsync(client, $"adviseur{i}");
            clients.Add((client, await Accounts.AntiforgeryTokenAsync(client, page), await Accounts.FormValueAsync(client, page, "Form.RowVersion")));
        }

        await using var before = Database.CreateContext();
        var versions = await before.KpiTargets.CountAsync(t => t.Kpi!.Code == "SP_SCORE");

        var statuses = await Task.WhenAll(clients.Select(async (c, i) =>
        {
            using var response = await c.Client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = c.Token, ["Form.RowVersion"] = c.RowVersion, ["Form.BaselineValue"] = "6,4", ["Form.BaselinePeriod"] = "2016",
                ["Form.TargetValue"] = $"7,{i % 10}", ["Form.Deadline"] = "2030", ["Form.Rationale"] = "Gelijktijdig", ["Form.ChangeReason"] = $"Gelijktijdig {i}",
                ["Form.ValidFrom"] = "2017",
            }));
            return (int)response.StatusCode;
        }));

        output.WriteLine($"20 concurrent target edits: statuses {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} × {g.Count()}"))}");
        statuses.Count(s => s == 302).Should().Be(1);
        statuses.Should().OnlyContain(s => s == 302 || s == 200 || s == 409);
        await using var db = Database.CreateContext();
        (await db.KpiTargets.CountAsync(t => t.Kpi!.Code == "SP_SCORE")).Should().Be(versions + 1);
        (await db.AuditLog.CountAsync(a => a.Object == "kpi:SP_SCORE" && a.Result == AuditResults.Succeeded)).Should().Be(1);
        (await db.AuditLog.CountAsync(a => a.Object == "kpi:SP_SCORE" && a.Result == AuditResults.Conflict)).Should().Be(19);
        foreach (var client in clients)
        {
            client.Client.Dispose();
        }
    }

    /// <summary>A page with a form for the role (an antiforgery token is valid on every page for the same user).</summary>
    private static string TokenPage(string role) => role switch
    {
        Roles.PolicyAdvisor => "/beheer/streefwaarde/SP_SCORE",
        Roles.Controller => "/beheer/import",
        Roles.Administrator => "/beheer/gebruikers",
        _ => "/account/inloggen",
    };

    private static Template Read(JsonElement e, bool raw) => new(
        e.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray(),
        e.GetProperty("method").GetString()!,
        e.GetProperty("path").GetString()!,
        e.TryGetProperty("form", out var form) ? form.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!) : null,
        e.TryGetProperty("files", out var files) ? files.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!) : null,
        raw && e.TryGetProperty("contentType", out var type) ? type.GetString() : null,
        raw && e.TryGetProperty("body", out var body) ? body.GetString() : null);

    private static bool Mentions(Template t, string placeholder) =>
        t.Path.Contains(placeholder, StringComparison.Ordinal) || (t.Body?.Contains(placeholder, StringComparison.Ordinal) ?? false)
        || (t.Form?.Values.Any(v => v.Contains(placeholder, StringComparison.Ordinal)) ?? false)
        || (t.Files?.Values.Any(v => v.Contains(placeholder, StringComparison.Ordinal)) ?? false);

    /// <summary>"$repeat:x:5000" → 5000 × "x"; anything else as written.</summary>
    private static string Expand(string value) =>
        value.StartsWith("$repeat:", StringComparison.Ordinal) && value.Split(':') is [_, var text, var times]
            ? string.Concat(Enumerable.Repeat(text, int.Parse(times, System.Globalization.CultureInfo.InvariantCulture)))
            : value;

    private static async Task<string> FieldAsync(HttpClient client, string spec)
    {
        var (name, path) = (spec["$field:".Length..].Split('@')[0], spec.Split('@', 2)[1]);
        try
        {
            return await Accounts.FormValueAsync(client, path, name);
        }
        catch (InvalidOperationException)
        {
            return "0";
        }
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private async Task<List<(string Action, string Result)>> AuditSinceAsync(long countBefore)
    {
        await using var db = Database.CreateContext();
        return (await db.AuditLog.OrderBy(a => a.Id).Skip((int)countBefore).Select(a => new { a.Action, a.Result }).ToListAsync())
            .Select(a => (a.Action, a.Result)).ToList();
    }
}
