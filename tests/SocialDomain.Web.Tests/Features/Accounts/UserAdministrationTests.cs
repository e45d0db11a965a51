using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Tests.Features.Accounts;

/// <summary>The new-account rules without database or browser.</summary>
public class UserAdministrationTests
{
    [Fact]
    public void EveryFormField_IsAPropertyOfTheForm_SoItsMessageLandsAtItsInput()
    {
        foreach (var field in Enum.GetValues<NewUserField>())
        {
            typeof(NewUser).GetProperty(field.ToString()).Should().NotBeNull($"{field} is reported as Input.{field}");
        }
    }

    [Fact]
    public void Validate_NeedsAUserNameAndAKnownRole()
    {
        UserAdministration.Validate(new NewUser { UserName = " ", Roles = ["Hacker"] }).Should().Equal(
            new NewUserProblem(NewUserField.UserName, "Vul een gebruikersnaam in."),
            new NewUserProblem(NewUserField.Roles, "Kies minstens één rol."));
        UserAdministration.Validate(new NewUser { UserName = "adviseur", Roles = [Roles.PolicyAdvisor, "Hacker"] }).Should().BeEmpty();
    }

    [Fact]
    public void KnownRoles_IgnoresRolesThatDoNotExist() =>
        UserAdministration.KnownRoles(["Hacker", Roles.Controller, Roles.Administrator]).Should().Equal(Roles.Controller, Roles.Administrator);
}
