namespace SocialDomain.Core.Tests.SourceData;

public class SourceRowTests
{
    [Fact]
    public void Seed003Tables_HaveFortyMembersWithFifteenNumbersEach()
    {
        SourceRow.ParseAll(Seed003.JeugdSaldo).Should().HaveCount(40).And.OnlyContain(r => r.Values.Count == 15);
        SourceRow.ParseAll(Seed003.WmoSaldo).Should().HaveCount(40).And.OnlyContain(r => r.Values.Count == 15);
        SourceRow.ParseAll(Seed003.JeugdCharacteristics).Should().HaveCount(40).And.OnlyContain(r => r.Values.Count == 8);
    }

    [Fact]
    public void Parse_ReadsDutchNumbersAndDashes()
    {
        var hilversum = SourceRow.Parse(Seed003.JeugdSaldo.Single(l => l.Contains("Hilversum", StringComparison.Ordinal)));
        hilversum.Name.Should().Be("Hilversum");
        hilversum.Total(SourceRow.Jaarrekening2018).Should().Be(-191.4m);

        var lelystad = SourceRow.Parse(Seed003.JeugdSaldo.Single(l => l.Contains("Lelystad", StringComparison.Ordinal)));
        lelystad.Total(SourceRow.Begroting2020).Should().BeNull();

        SourceRow.Parse(Seed003.JeugdCharacteristics.Single(l => l.Contains("Hilversum", StringComparison.Ordinal)))
            .Values[0].Should().Be(90612m);
    }
}
