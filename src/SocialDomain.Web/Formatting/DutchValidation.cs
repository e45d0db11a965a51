using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SocialDomain.Web.Formatting;

/// <summary>
/// Dutch messages for model binding and for DataAnnotations attributes without their own message (issue 18 item 7), so no
/// English default ("The UserName field is required.", "The value 'abc' is not valid for X.") reaches a user. Field
/// messages start with the field's display name, like the forms' own messages ("Gebruikersnaam: vul dit veld in.").
/// </summary>
public static class DutchValidation
{
    public const string Required = "{0}: vul dit veld in.";
    public const string StringLength = "{0}: hoogstens {1} tekens.";
    public const string Range = "{0}: kies een waarde van {1} tot en met {2}.";
    public const string Pattern = "{0}: deze invoer heeft niet de juiste vorm.";
    public const string Other = "{0}: deze invoer is ongeldig.";

    /// <summary>Sets the Dutch binding messages and the Dutch default for every validation attribute without a message.</summary>
    public static void UseDutchMessages(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var messages = options.ModelBindingMessageProvider;
        messages.SetMissingBindRequiredValueAccessor(field => $"{field}: vul dit veld in.");
        messages.SetMissingKeyOrValueAccessor(() => "Vul dit veld in.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier is leeg verstuurd.");
        messages.SetValueMustNotBeNullAccessor(_ => "Vul dit veld in.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}: '{value}' is geen geldige waarde.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is geen geldige waarde.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field}: deze waarde is ongeldig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde is ongeldig.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' is geen geldige waarde.");
        messages.SetValueMustBeANumberAccessor(field => $"{field}: vul een getal in.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
        options.ModelMetadataDetailsProviders.Add(new DutchAttributeMessages());
    }

    /// <summary>The Dutch message for an attribute without its own (null: the attribute keeps what it has).</summary>
    public static string? DefaultMessage(ValidationAttribute attribute) => attribute switch
    {
        // A given message, or a default of the attribute's own (such as [EmailAddress]'s): kept; every attribute in this
        // app states its Dutch message, this is for the implicit [Required] and any attribute that forgets one.
        { ErrorMessage: not null } or { ErrorMessageResourceName: not null } => null,
        RequiredAttribute => Required,
        StringLengthAttribute or MaxLengthAttribute => StringLength,
        RangeAttribute => Range,
        RegularExpressionAttribute => Pattern,
        _ => Other,
    };

    /// <summary>
    /// Runs after MVC's DataAnnotations provider, so it also reaches the implicit [Required] of non-nullable reference
    /// properties.
    /// </summary>
    private sealed class DutchAttributeMessages : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (DefaultMessage(attribute) is { } message)
                {
                    attribute.ErrorMessage = message;
                }
            }
        }
    }
}
