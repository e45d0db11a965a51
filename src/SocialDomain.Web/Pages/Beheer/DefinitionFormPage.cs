using SocialDomain.Web.Features.Definitions;

namespace SocialDomain.Web.Pages.Beheer;

/// <summary>What the shared definition fields (_DefinitionFields) need of their page.</summary>
public interface IDefinitionFormPage
{
    DefinitionForm Form { get; }

    IReadOnlyList<CatalogueOption> Programmes { get; }

    IReadOnlyList<CatalogueOption> TaskFields { get; }
}
