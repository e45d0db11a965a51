using System.Text.Json;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Formatting;

/// <summary>
/// The names of source documents, shown next to their number ("investeringsvoorstel WINST 2017 (001)"). The names are
/// data of the demo dataset (<c>SeedData/hilversum/source_documents.json</c>) and apply only while it is on; any other
/// installation shows the number as stored, so its own document 001 is never given a demo document's name.
/// </summary>
public sealed class SourceDocumentNames(IReadOnlyDictionary<string, string> names)
{
    public const string DemoFile = "hilversum/source_documents.json";

    public static readonly SourceDocumentNames None = new(new Dictionary<string, string>());

    /// <summary>The demo's names when the demo dataset is on; otherwise none.</summary>
    public static SourceDocumentNames For(DemoDataset demo) =>
        demo.Enabled ? Load(Path.Combine(Data.Seeding.SeedData.Directory, DemoFile)) : None;

    /// <summary>The names in a JSON object of number → name (keys starting with '_' are comments).</summary>
    public static SourceDocumentNames Load(string path)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        var names = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
        return new(names.Where(n => !n.Key.StartsWith('_')).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal));
    }

    /// <summary>"name (number)" for a known document, the number itself otherwise, "onbekend" without one.</summary>
    public string Name(string document) =>
        document.Length == 0 ? "onbekend" : names.TryGetValue(document, out var name) ? $"{name} ({document})" : document;
}
