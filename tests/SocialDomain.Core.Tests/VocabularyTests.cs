using System.Reflection;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>One table per enumeration (token and Dutch label per value): every value is covered.</summary>
public class VocabularyTests
{
    private static readonly string[] TableNames = typeof(Vocabulary).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name).ToArray();

    public static TheoryData<string> Tables => new(TableNames);

    private static (Type Enum, IReadOnlyList<(object Value, string Token, string Label)> Rows) Read(string table)
    {
        var property = typeof(Vocabulary).GetProperty(table)!;
        var enumType = property.PropertyType.GetGenericArguments()[0];
        var entries = (System.Collections.IEnumerable)property.PropertyType.GetProperty("Entries")!.GetValue(property.GetValue(null))!;
        var rows = entries.Cast<object>().Select(e => (
            e.GetType().GetProperty("Value")!.GetValue(e)!,
            (string)e.GetType().GetProperty("Token")!.GetValue(e)!,
            (string)e.GetType().GetProperty("Label")!.GetValue(e)!)).ToList();
        return (enumType, rows);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryEnumValue_HasExactlyOneRow_WithATokenAndADutchLabel(string table)
    {
        var (enumType, rows) = Read(table);

        rows.Select(r => r.Value).Should().BeEquivalentTo(Enum.GetValues(enumType).Cast<object>(), table).And.OnlyHaveUniqueItems();
        rows.Select(r => r.Token).Should().OnlyHaveUniqueItems().And.OnlyContain(t => t.Length > 0 && t == t.ToLowerInvariant() && !t.Contains(' '));
        rows.Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r.Label));
    }

    [Fact]
    public void EveryEnumerationOfTheDomain_HasATable()
    {
        var covered = TableNames.Select(t => Read(t).Enum).ToHashSet();

        typeof(Vocabulary).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && t.Namespace == typeof(Vocabulary).Namespace)
            .Should().OnlyContain(t => covered.Contains(t));
    }

    [Fact]
    public void Lookups_AreDerivedFromTheTable()
    {
        Vocabulary.Domains.Token(SocialDomainArea.WerkInkomen).Should().Be("werk_inkomen");
        Vocabulary.Domains.Label(SocialDomainArea.WerkInkomen).Should().Be("Werk en inkomen");
        Vocabulary.Domains.ByToken["werk_inkomen"].Should().Be(SocialDomainArea.WerkInkomen);
        Vocabulary.MeasurementStatuses.ByToken.Keys.Should().Equal("final", "provisional");
        Vocabulary.Units.Find((KpiUnit)99).Should().BeNull();
        FluentActions.Invoking(() => Vocabulary.Units.Token((KpiUnit)99)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
