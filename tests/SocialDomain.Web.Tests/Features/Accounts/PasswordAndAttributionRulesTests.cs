using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Tests.Features.Accounts;

/// <summary>The pure account rules of issue 16: common passwords, the user name in a password, staff attribution, production settings.</summary>
public class PasswordAndAttributionRulesTests
{
    [Theory]
    [InlineData("aaaaaaaaaaaa", "one character repeated")]
    [InlineData("abcabcabcabc", "a short part repeated")]
    [InlineData("dragondragon", "a listed password repeated")]
    [InlineData("qwertyuiop123", "a listed password with digits after it")]
    [InlineData("Welkom2024!!!", "a listed (Dutch) password with digits and punctuation")]
    [InlineData("!!Wachtwoord!!", "a listed password between punctuation")]
    [InlineData("1qaz2wsx3edc", "a listed keyboard walk")]
    [InlineData("PASSWORD1234", "case does not matter")]
    public void CommonPasswords_AreRefused_WithADutchMessage(string password, string because)
    {
        var problem = CommonPasswordValidator.Check("adviseur", password);

        problem.Should().NotBeNull(because);
        problem!.Code.Should().Be(CommonPasswordValidator.CommonCode);
        problem.Description.Should().StartWith("Dit wachtwoord is te voorspelbaar");
    }

    [Theory]
    [InlineData("paard batterij nietje correct")]
    [InlineData("alleenkleineletters")]
    [InlineData("Zomer aan de Vecht 1987")]
    public void UncommonPasswords_Pass(string password) => CommonPasswordValidator.Check("adviseur", password).Should().BeNull();

    [Theory]
    [InlineData("beleidsmedewerker", "beleidsmedewerker")]
    [InlineData("jansen", "Jansen-en-zijn-hond-2024")]
    public void PasswordContainingTheUserName_IsRefused(string userName, string password)
    {
        var problem = CommonPasswordValidator.Check(userName, password);

        problem!.Code.Should().Be(CommonPasswordValidator.ContainsUserNameCode);
        problem.Description.Should().Be("Het wachtwoord mag de gebruikersnaam niet bevatten.");
    }

    [Fact]
    public void TheShippedList_HasTenThousandPasswords() => CommonPasswordValidator.ListSize.Should().Be(10_000);

    [Theory]
    [InlineData("j.jansen", false, "beleidsadviseur")]
    [InlineData("j.jansen", true, "j.jansen")]
    [InlineData("import", false, "import")]
    [InlineData(null, false, "beleidsadviseur")]
    public void StaffAttribution_ShowsTheRoleToThePublic_AndTheLoginNameToStaff(string? recordedBy, bool staff, string expected) =>
        StaffAttribution.For(recordedBy, staff).Should().Be(expected);

    [Theory]
    [InlineData("dashboard.gemeente.nl", "mailto:informatiebeveiliging@gemeente.nl", 0)]
    [InlineData("dashboard.gemeente.nl;localhost", "https://www.gemeente.nl/security", 0)]
    [InlineData("*", "mailto:informatiebeveiliging@gemeente.nl", 1)]
    [InlineData("", "mailto:informatiebeveiliging@gemeente.nl", 1)]
    [InlineData("dashboard.gemeente.nl", "mailto:informatiebeveiliging@gemeente.invalid", 1)]
    [InlineData("dashboard.gemeente.nl", "", 1)]
    [InlineData("dashboard.gemeente.nl", "informatiebeveiliging@gemeente.nl", 1)]
    [InlineData(null, null, 2)]
    public void ProductionSettings_NeedRealHostsAndSecurityContact(string? hosts, string? contact, int problems) =>
        ProductionSettings.Problems(hosts, contact).Should().HaveCount(problems);
}
