using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Formatting;

/// <summary>Issue 18 item 7: no English default validation or binding message ("The UserName field is required.").</summary>
public class DutchValidationTests(TestDatabase database) : DatabaseTest(database)
{
    private sealed class Sample
    {
        // Non-nullable: MVC adds an implicit [Required] without a message.
        public string UserName { get; set; } = string.Empty;
    }

    [Theory]
    [InlineData("required", "Gebruikersnaam: vul dit veld in.")]
    [InlineData("pattern", "Gebruikersnaam: deze invoer heeft niet de juiste vorm.")]
    [InlineData("length", "Gebruikersnaam: hoogstens 20 tekens.")]
    [InlineData("range", "Gebruikersnaam: kies een waarde van 1 tot en met 10.")]
    [InlineData("compare", "Gebruikersnaam: deze invoer is ongeldig.")]
    public void AttributesWithoutAMessage_GetADutchOne(string kind, string expected)
    {
        ValidationAttribute attribute = kind switch
        {
            "required" => new RequiredAttribute(),
            "pattern" => new RegularExpressionAttribute("^a$"),
            "length" => new StringLengthAttribute(20),
            "range" => new RangeAttribute(1, 10),
            _ => new CompareAttribute("Other"),
        };
        var message = DutchValidation.DefaultMessage(attribute);

        attribute.ErrorMessage = message;
        attribute.FormatErrorMessage("Gebruikersnaam").Should().Be(expected);
    }

    [Fact]
    public void AnAttributeWithItsOwnMessage_KeepsIt() =>
        DutchValidation.DefaultMessage(new RequiredAttribute { ErrorMessage = "Vul uw gebruikersnaam in." }).Should().BeNull();

    [Fact]
    public async Task TheAppsMvcPipeline_GivesDutchRequiredAndBindingMessages()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        var options = factory.Services.GetRequiredService<IOptions<MvcOptions>>().Value;
        var metadata = factory.Services.GetRequiredService<IModelMetadataProvider>().GetMetadataForProperty(typeof(Sample), nameof(Sample.UserName));
        var required = metadata.ValidatorMetadata.OfType<RequiredAttribute>().Single();

        required.FormatErrorMessage(metadata.GetDisplayName()).Should().Be("UserName: vul dit veld in.").And.NotContain("The ");
        options.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor("abc", "Waarde").Should().Be("Waarde: 'abc' is geen geldige waarde.");
        options.ModelBindingMessageProvider.ValueMustBeANumberAccessor("Waarde").Should().Be("Waarde: vul een getal in.");
        options.ModelBindingMessageProvider.MissingBindRequiredValueAccessor("Waarde").Should().Be("Waarde: vul dit veld in.");
        options.ModelBindingMessageProvider.ValueMustNotBeNullAccessor("x").Should().Be("Vul dit veld in.");
    }
}
