using SocialDomain.Web.Features.Audit;

namespace SocialDomain.Web.Tests.Features.Audit;

/// <summary>The audit vocabulary is stored and searched: its words must never change.</summary>
public class AuditEntryTests
{
    [Fact]
    public void StoredActionsAndResults_AreTheDutchWordsAlreadyInTheLog()
    {
        AuditActions.All.Should().Equal(
            "inloggen", "gebruiker.aanmaken", "gebruiker.rollen", "gebruiker.deblokkeren", "gebruiker.deactiveren", "gebruiker.activeren",
            "tweestaps.aanzetten", "tweestaps.herstelcodes", "streefwaarde.vaststellen", "streefwaarde.wijzigen",
            "toelichting.opslaan", "toelichting.publiceren", "kwartaal.publiceren", "cijfers.importeren", "brondata.laden", "export.downloaden",
            "meting.invoeren", "meting.corrigeren", "meting.intrekken", "meting.bevestigen", "tweestaps.resetten", "kpi.aanmaken", "kpi.wijzigen", "kpi.archiveren",
            "programma.aanmaken", "programma.wijzigen", "programma.archiveren", "taakveld.aanmaken", "taakveld.wijzigen", "taakveld.archiveren",
            "wachtwoord.resetten", "wachtwoord.wijzigen", "begroting.invoeren", "begroting.corrigeren", "toelichtingsgrenzen.vaststellen");
        AuditResults.All.Should().Equal("gelukt", "geweigerd", "geblokkeerd", "tweede stap", "conflict");
    }

    [Fact]
    public void Create_StoresTheDetailsAsJson_OrNoneAtAll()
    {
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        var entry = AuditEntry.Create(at, "systeem", AuditActions.UserCreated, "gebruiker:beheer", AuditResults.Succeeded, "opdrachtregel", new { rollen = new[] { "Beheerder" } });
        var login = AuditEntry.Create(at, "x", AuditActions.Login, "gebruiker:x", AuditResults.Refused, "127.0.0.1");

        (entry.Timestamp, entry.Actor, entry.Action, entry.Object, entry.Result, entry.Origin, entry.Details).Should().Be(
            (at, "systeem", "gebruiker.aanmaken", "gebruiker:beheer", "gelukt", "opdrachtregel", """{"rollen":["Beheerder"]}"""));
        login.Details.Should().BeNull();
        AuditEntry.Create(at, "x", AuditActions.UserUnlocked, "gebruiker:x", AuditResults.Succeeded, null, new { }).Details.Should().Be("{}");
    }
}
