using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Import;

/// <summary>
/// The findings on the demo data (issue 17 items 7 and 8): the G40 percentages are compared with the interval the
/// rounding of the printed averages allows, and every dataset is checked (docs/data-sources/checks.md).
/// </summary>
public class FindingsOnEveryDatasetTests(TestDatabase database) : DatabaseTest(database)
{
    /// <summary>The three real errors in the G40 appendices (003).</summary>
    private static readonly string[] RealG40Errors =
    [
        "average/G40/jeugd/totaal/2020/Budget", // −280,3 counts Lelystad's "-" as 0 (regel 380)
        "summary/G40/jeugd/BudgetDeficit/2019-AnnualAccounts/2020-Budget", // −7,1 % follows from that average (regel 382)
        "summary/G4/wmo/Growth/2017-AnnualAccounts/2018-AnnualAccounts", // 11,8 % where the averages give −4,95 % (regel 905)
    ];

    /// <summary>The five Wmo percentages that only the rounding of the printed averages separates from the recomputed ones.</summary>
    private static readonly string[] FormerFalseAlarms =
    [
        "summary/G40/wmo/Growth/2018-AnnualAccounts/2019-AnnualAccounts", // 13,06 %
        "summary/G40/wmo/BudgetDeficit/2019-AnnualAccounts/2020-Budget", // −1,98 %
        "summary/G4/wmo/Growth/2018-AnnualAccounts/2019-AnnualAccounts", // 3,54 %
        "summary/G4/wmo/BudgetDeficit/2018-AnnualAccounts/2019-Budget", // −12,09 %
        "summary/G4/wmo/BudgetDeficit/2019-AnnualAccounts/2020-Budget", // −4,23 %
    ];

    /// <summary>Seven of the eight inconsistencies in docs/data-sources/hilversum.md (the eighth, "realisatie boven
    /// begroting op alle percelen", needs the 2019 realisation per lot and is the lead's row).</summary>
    private static readonly string[] DocumentedInconsistencies =
    [
        "check/MARKETING_2017", // 1: € 25.000 in the text, 75.000 in the plan
        "check/RESERVE_MAXIMUM", // 2: € 8,2 mln against 8.310.000
        "check/JEUGD_KOSTEN_PER_CLIENT", // 3: circa € 7.200 against € 6.047
        "check/JEUGD_AANDEEL_20", // 4: 384 of 2.304 is 16,7 %, not 20 %
        "check/JEUGD_AANDEEL_80", // 4: 1.920 of 2.304 is 83,3 %, not 80 %
        "check/WMO_PER_10000", // 5: 690 per 10.000 against ≈ 290
        "check/PERCEEL_MVZ_WMO_2019_2022", // 6: −3 % without decimal (rounding only)
        "check/REALISATIE_BOVEN_BEGROTING", // 7: "hogere realisatie dan begroting" on all lots, but Toegang 1.853 < 1.897 and GZ 18- 2.929 < 3.913
        "check/UITSTROOM_25_PROCENT", // 8: 267 / 1,25 = 213,6 (rounding only)
    ];

    private static readonly string[] Plausibility =
    [
        "plausibility/OutsideOwnYears/GM0935/jeugd/6.82/2018/AnnualAccounts",
        "plausibility/OutsideOwnYears/GM0935/jeugd/6.82/2019/AnnualAccounts",
        "plausibility/OutsideOwnYears/GM0935/wmo/6.6/2017/AnnualAccounts",
        "plausibility/OutsideOwnYears/GM0935/wmo/6.6/2020/Budget",
        "plausibility/SwappedTaskFields/GM0599/jeugd/6.72/2019/Budget",
        "plausibility/SwappedTaskFields/GM0599/jeugd/6.72/2020/Budget",
        "plausibility/SwappedTaskFields/GM0606/wmo/6.6/2019/AnnualAccounts",
    ];

    /// <summary>The stated G40 averages of 2020 begroting whose members lack Lelystad (consistent or not).</summary>
    private static readonly string[] MissingLelystad =
    [
        "average/G40/jeugd/6.72/2020/Budget", "average/G40/jeugd/6.82/2020/Budget",
        "average/G40/voorveld/6.1/2020/Budget", "average/G40/voorveld/6.2/2020/Budget", "average/G40/voorveld/totaal/2020/Budget",
        "average/G40/wmo/6.6/2020/Budget", "average/G40/wmo/6.71/2020/Budget", "average/G40/wmo/totaal/2020/Budget",
    ];

    private async Task<List<DataQualityFinding>> SeedAndReadAsync()
    {
        await using (var seed = Database.CreateContext())
        {
            (await SeedData.LoadAsync(seed)).Succeeded.Should().BeTrue();
        }

        await using var db = Database.CreateContext();
        return await db.DataQualityFindings.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task SeedData_KeepsTheThreeRealG40Errors_AndDropsTheFiveFalseAlarms()
    {
        var subjects = (await SeedAndReadAsync()).Select(f => f.Subject).ToList();

        subjects.Should().Contain(RealG40Errors);
        subjects.Should().NotContain(FormerFalseAlarms);
    }

    [Fact]
    public async Task SeedData_PinsTheWholeSetOfFindings()
    {
        var findings = await SeedAndReadAsync();

        findings.Select(f => f.Subject).Should().BeEquivalentTo(
            [.. RealG40Errors, .. MissingLelystad, .. Plausibility, .. DocumentedInconsistencies]);
        findings.Where(f => f.RoundingOnly).Select(f => f.Subject).Should().BeEquivalentTo("check/PERCEEL_MVZ_WMO_2019_2022", "check/UITSTROOM_25_PROCENT");
        findings.Should().NotContain(f => f.Message.Contains("niet na te rekenen", StringComparison.Ordinal), "every figure a check names is stored");
    }

    [Fact]
    public async Task SeedData_StoresTheDocumentedInconsistencies_WithTheirLinksAndSources()
    {
        var findings = (await SeedAndReadAsync()).ToDictionary(f => f.Subject);

        var costPerClient = findings["check/JEUGD_KOSTEN_PER_CLIENT"];
        (costPerClient.Dataset, costPerClient.Kind, costPerClient.KpiCode, costPerClient.Year).Should().Be((SourceCheckRunner.Dataset, DataQualityCheck.Ratio, "JEUGD_COST_PER_CLIENT", 2018));
        (costPerClient.StatedValue, costPerClient.RecomputedValue).Should().Be((7200m, 6046.875m));
        costPerClient.Message.Should().Contain(": wijkt af: ").And.Contain("13.932.000 / 2.304 = 6.046,88");
        costPerClient.Source.Document.Should().Be("003");

        var reserve = findings["check/RESERVE_MAXIMUM"];
        (reserve.BudgetScope, reserve.BudgetCode, reserve.StatedValue, reserve.RecomputedValue).Should().Be(("reserve", "Bestemmingsreserve Sociaal Domein", 8_200_000m, 8_310_000m));
        reserve.Source.Section.Should().Contain("regel 773");

        var wmoLot = findings["check/PERCEEL_MVZ_WMO_2019_2022"];
        (wmoLot.BudgetScope, wmoLot.BudgetCode, wmoLot.RoundingOnly).Should().Be(("lot", "MVZ_WMO", true));
        wmoLot.Message.Should().Contain(": alleen afronding: ");
    }

    [Fact]
    public async Task ACheckWhoseFiguresAreMissing_IsStoredAsNotVerifiable_AndDropsWhenTheChecksAreImportedAgain()
    {
        await SeedAndReadAsync();
        var file = new ImportFile("source_checks.csv", Encoding.UTF8.GetBytes(
            "code;kind;stated;figures;claim;source_document;source_section\n"
            + "REALISATIE_BOVEN_BEGROTING;all_above;6;budget:lot/MVZ_WMO/2019/realisatie/lasten|budget:lot/MVZ_WMO/2019/primitieve_begroting/lasten;Realisatie boven begroting op alle percelen;003;KPMG 3.1, regel 2040\n"));

        await using (var db = Database.CreateContext())
        {
            (await new DatasetImporter(db).ImportAsync([file])).Succeeded.Should().BeTrue();
        }

        await using (var db = Database.CreateContext())
        {
            var findings = await db.DataQualityFindings.AsNoTracking().Where(f => f.Dataset == SourceCheckRunner.Dataset).ToListAsync();
            findings.Should().ContainSingle("an import of the checks re-evaluates them all; the seed's checks are no longer in it");
            findings[0].Subject.Should().Be("check/REALISATIE_BOVEN_BEGROTING");
            findings[0].Message.Should().Be("Realisatie boven begroting op alle percelen: niet na te rekenen: niet opgeslagen: budget:lot/MVZ_WMO/2019/realisatie/lasten.");
        }
    }
}
