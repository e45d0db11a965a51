using System.Collections.Frozen;

namespace SocialDomain.Core.Domain;

/// <summary>One value of an enumeration with its code (the token the CSV formats, exports and API use) and its Dutch label.</summary>
public sealed record EnumEntry<T>(T Value, string Token, string Label)
    where T : struct, Enum;

/// <summary>
/// The one table for an enumeration: for each value its token and its Dutch label, in the order the tokens are listed to
/// users ("kies uit: …"). Every lookup (token → value, value → token, value → label) is derived from it.
/// </summary>
public sealed class EnumTable<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<T, EnumEntry<T>> _byValue;

    public EnumTable(params (T Value, string Token, string Label)[] entries)
    {
        Entries = entries.Select(e => new EnumEntry<T>(e.Value, e.Token, e.Label)).ToList();
        _byValue = Entries.ToFrozenDictionary(e => e.Value);

        // A Dictionary keeps insertion order while nothing is removed: the tokens are listed in table order.
        var byToken = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            byToken.Add(entry.Token, entry.Value);
        }

        ByToken = byToken;
    }

    /// <summary>The table in declaration order.</summary>
    public IReadOnlyList<EnumEntry<T>> Entries { get; }

    /// <summary>Token → value, case-sensitive (ordinal), enumerated in table order.</summary>
    public IReadOnlyDictionary<string, T> ByToken { get; }

    /// <summary>The entry of <paramref name="value"/>, or null for a value that is not in the table.</summary>
    public EnumEntry<T>? Find(T value) => _byValue.GetValueOrDefault(value);

    /// <summary>The token ("jeugd", "percent", …).</summary>
    public string Token(T value) => Get(value).Token;

    /// <summary>The Dutch label ("Jeugd", "%", …).</summary>
    public string Label(T value) => Get(value).Label;

    private EnumEntry<T> Get(T value) =>
        _byValue.TryGetValue(value, out var entry) ? entry : throw new ArgumentOutOfRangeException(nameof(value), value, $"No {typeof(T).Name} entry.");
}
