using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using MimeKit;
using netDumbster.smtp;

namespace Clause.Tests.EndToEnd;

/// <summary>The app sending its mails through MailKit to an in-process SMTP server (netDumbster), whose messages the test reads.</summary>
public sealed class FabriqueSmtp(int port) : FabriqueClause
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Hote", "localhost");
        builder.UseSetting("Mail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Securite", "Aucune");
    }
}

/// <summary>The real app on Kestrel with a real SMTP server beside it; one Chromium.</summary>
public sealed class NavigateurSmtpFixture : NavigateurFixture
{
    public NavigateurSmtpFixture() : this(SimpleSmtpServer.Start()) { }

    private NavigateurSmtpFixture(SimpleSmtpServer serveur) : base(new FabriqueSmtp(serveur.Configuration.Port)) => Serveur = serveur;

    public SimpleSmtpServer Serveur { get; }

    /// <summary>The mails received for <paramref name="adresse"/>, parsed, once the outbox has been sent (the job's work, fired here).</summary>
    public async Task<IReadOnlyList<MimeMessage>> MailsPourAsync(string adresse)
    {
        await App.EnvoyerMailsAsync();
        return Serveur.ReceivedEmail
            .Where(m => m.ToAddresses.Any(a => string.Equals(a.Address, adresse, StringComparison.OrdinalIgnoreCase)))
            .Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))
            .ToList();
    }
}

/// <summary>
/// Issue 9, the whole portal on a phone (375 × 740): the facilitateur invites a company contact, the invitation mail is
/// caught by the SMTP server, the contact sets a password on the phone, declares a month with a proof, the facilitateur
/// validates the whole submission at once, and the company sees the month validated.
/// </summary>
public sealed class PortailTelephoneNavigateurTests(NavigateurSmtpFixture fixture) : ParcoursNavigateur<NavigateurSmtpFixture>(fixture), IClassFixture<NavigateurSmtpFixture>
{
    private const string EmailContact = "sophie.bernard@batiments-du-val.fr";

    [Fact]
    public async Task Invitation_mot_de_passe_declaration_avec_piece_validation_entiere_puis_mois_valide()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var facilitateur = await Fixture.App.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var lot = await Fixture.App.SemerLotAsync(structure.Id, enExecution: true);
        await Fixture.App.EcrireAsync(async db =>
        {
            var entreprise = await db.Entreprises.FindAsync(lot.Titulaire.Id);
            entreprise!.AjouterContact("Sophie Bernard", RoleContactEntreprise.RH, EmailContact, null);
        });
        var participant = await Fixture.App.SemerParticipantAsync(structure.Id, nom: "Moreau", prenom: "Inès");
        await Fixture.App.SemerContratAsync(lot, participant, debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 8, 31));
        var fevrier = new Mois(2026, 2);

        // 1. The facilitateur invites the contact from the company's page (desktop).
        var bureau = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(bureau, facilitateur.Email!);
        await Fixture.AllerAsync(bureau, $"/Entreprises/Details/{lot.Titulaire.Id}");
        await NavigateurFixture.NaviguerAsync(bureau, () => bureau.GetByRole(AriaRole.Link, new() { Name = "Inviter au portail Sophie Bernard" }).ClickAsync());
        await NavigateurFixture.EnvoyerAsync(bureau, "Oui, envoyer l'invitation");

        // 2. The mail reaches the SMTP server; its link is valid 7 days.
        var invitation = Assert.Single(await Fixture.MailsPourAsync(EmailContact));
        Assert.Equal("Votre accès à Clause", invitation.Subject);
        var lien = Regex.Match(invitation.TextBody ?? string.Empty, @"https?://\S+/Compte/Invitation\S+").Value;
        Assert.NotEmpty(lien);
        var chemin = new Uri(lien).PathAndQuery;

        // 3. On the phone: set the password, sign in, reach the portal.
        var telephone = await Fixture.NouvellePageAsync(375, 740);
        await Fixture.AllerAsync(telephone, chemin);
        await Assertions.Expect(telephone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choisir mon mot de passe");
        const string motDePasse = "un-mot-de-passe-solide-2026";
        await telephone.GetByLabel("Nouveau mot de passe").FillAsync(motDePasse);
        await telephone.GetByLabel("Confirmez le mot de passe").FillAsync(motDePasse);
        await NavigateurFixture.EnvoyerAsync(telephone, "Enregistrer mon mot de passe");
        if (!telephone.Url.Contains("/Portail", StringComparison.Ordinal)) await Fixture.ConnecterAsync(telephone, EmailContact, motDePasse);
        await Fixture.AllerAsync(telephone, "/");
        Assert.Contains("/Portail", telephone.Url, StringComparison.Ordinal);
        await AucunDefilementHorizontalAsync(telephone);

        // 4. Declare February: the grid of the month, one card per person.
        await Fixture.AllerAsync(telephone, $"/Portail/Heures/Mois/{fevrier}");
        // Past the 10th of March with nobody declared: the month is late.
        await Assertions.Expect(telephone.Locator("#echeance-mois")).ToContainTextAsync("en retard");
        await telephone.GetByLabel("Heures de février 2026 — Inès Moreau").FillAsync("120");
        await AucunDefilementHorizontalAsync(telephone);
        await NavigateurFixture.EnvoyerAsync(telephone, "Soumettre");
        await Assertions.Expect(telephone.Locator("main")).ToContainTextAsync(new Regex("déclarée", RegexOptions.IgnoreCase));

        // 5. A proof for the month (a small real PDF).
        await Fixture.AllerAsync(telephone, $"/Portail/Heures/Mois/{fevrier}");
        await NavigateurFixture.NaviguerAsync(telephone, () => telephone.GetByRole(AriaRole.Link, new() { Name = "Ajouter une pièce justificative pour février 2026" }).ClickAsync());
        await telephone.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload
        {
            Name = "releve-fevrier.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
        });
        await telephone.GetByLabel("Nature de la pièce").SelectOptionAsync(new SelectOptionValue { Label = "Relevé d'heures" });
        await NavigateurFixture.EnvoyerAsync(telephone, "Déposer la pièce");
        await Assertions.Expect(telephone.Locator("main")).ToContainTextAsync("releve-fevrier.pdf");
        await telephone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "portail-telephone-piece.png"), FullPage = true });

        // 6. The facilitateur sees the submission with its proof and validates it at once.
        await Fixture.AllerAsync(bureau, "/Heures/AValider");
        var soumissions = bureau.Locator("#soumissions-a-valider");
        await Assertions.Expect(soumissions).ToContainTextAsync(lot.Titulaire.RaisonSociale);
        await Assertions.Expect(soumissions).ToContainTextAsync("1 pièce justificative");
        await NavigateurFixture.EnvoyerAsync(bureau, $"Valider toute la déclaration de {lot.Titulaire.RaisonSociale} pour février 2026");

        // 7. The company sees the month validated.
        await Fixture.AllerAsync(telephone, $"/Portail/Heures/Mois/{fevrier}");
        await Assertions.Expect(telephone.Locator("main")).ToContainTextAsync(new Regex("validée", RegexOptions.IgnoreCase));
        // Everyone is declared: no longer « en retard ».
        await Assertions.Expect(telephone.Locator("#echeance-mois")).ToHaveTextAsync("Toutes les personnes du mois sont déclarées (date limite : 10/03/2026).");
        await AucunDefilementHorizontalAsync(telephone);
        await telephone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "portail-telephone-valide.png"), FullPage = true });
    }

    /// <summary>Readable at 375 px: the page does not scroll sideways.</summary>
    private static async Task AucunDefilementHorizontalAsync(IPage page)
    {
        var debord = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(debord <= 0, $"La page {page.Url} déborde de {debord} px à 375 px de large.");
    }
}
