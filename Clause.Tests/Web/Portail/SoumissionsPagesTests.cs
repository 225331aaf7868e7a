using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Clause.Tests.Web.Portail;

/// <summary>
/// The company declares a month on the portal and the facilitateur decides, against the real app ("today" 15/03/2026):
/// company A (attributaire of lot 1, Léa Martin from 05/01/2026), company B (an ACI sous-traitant on lot 1, Paul Durand,
/// sous-traitance). Real forms posted: draft, submit, text in an hour cell, another company's contrat in the grid; the
/// facilitateur validates a whole submission and rejects a line with a reason (the mail caught in the drop folder);
/// company B, a buyer and another structure get nothing of A's.
/// </summary>
public class SoumissionsPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Fevrier = "2026-02";
    private const string PageFevrier = "/Portail/Heures/Mois/" + Fevrier;

    private sealed record Situation(StructureId StructureId, LotDeTest Lot1, Entreprise A, Entreprise B, Contrat ContratA, Contrat ContratB,
        HttpClient ClientA, string EmailA);

    private async Task<Situation> SituationAsync()
    {
        var structure = await app.CreerStructureAsync();
        var lot1 = await app.SemerLotAsync(structure.Id, enExecution: true);
        var b = await app.CreerEntrepriseAsync(structure.Id, "Jardins de Loire", AcheteursDeTest.NouveauSiret(), TypeEmployeur.ACI);
        await app.EcrireAsync(async db =>
        {
            var lot = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == lot1.Lot.Id);
            lot.Attribuer(await db.Entreprises.SingleAsync(e => e.Id == b.Id), RoleAttribution.SousTraitant, new DateOnly(2026, 1, 2));
        });
        var lea = await app.SemerParticipantAsync(structure.Id, "Martin", "Léa");
        var contratA = await app.SemerContratAsync(lot1, lea);
        var paul = await app.SemerParticipantAsync(structure.Id, "Durand", "Paul");
        var contratB = Contrat.Proposer(paul, lot1.Lot, b, SituationsContrats.Donnees(ModaliteContrat.SousTraitanceSiae, new DateOnly(2026, 1, 5)),
            lot1.Marches.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        contratB.Valider(paul, lot1.Marches.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await app.EcrireAsync(db => db.Contrats.Add(contratB));
        var email = $"chef-{Guid.NewGuid():N}@batiments-val.fr";
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id, lot1.Titulaire.Id, email: email);
        return new Situation(structure.Id, lot1, lot1.Titulaire, b, contratA, contratB, await app.ConnecterAsync(utilisateur.Email!), email);
    }

    private async Task<HttpClient> ConnecterAsync(string role, StructureId structureId, EntrepriseId? entreprise = null, DonneurOrdreId? donneur = null) =>
        await app.ConnecterAsync((await app.CreerUtilisateurAsync(role, structureId, entreprise, donneur)).Email!);

    private static async Task<HttpResponseMessage> PosterMoisAsync(HttpClient client, string handler, Dictionary<string, string> saisies)
    {
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync(PageFevrier));
        foreach (var (cle, valeur) in saisies) champs[cle] = valeur;
        return await FabriqueClause.PosterAsync(client, $"{PageFevrier}?handler={handler}", champs, PageFevrier);
    }

    private Task<List<DeclarationHeures>> LignesAsync(Situation s) =>
        app.LireBaseAsync(db => db.DeclarationsHeures.IgnoreQueryFilters().AsNoTracking().Include(d => d.Versions)
            .Where(d => d.LotId == s.Lot1.Lot.Id).ToListAsync());

    private Task<SoumissionId> SoumissionAsync(Situation s) =>
        app.LireBaseAsync(db => db.SoumissionsHeures.IgnoreQueryFilters().Where(x => x.EntrepriseId == s.A.Id && x.Statut == StatutSoumission.Soumise)
            .OrderByDescending(x => x.SoumiseLe).Select(x => x.Id).FirstAsync());

    [Fact]
    public async Task L_entreprise_voit_ses_mois_a_declarer_et_la_grille_de_ses_seuls_contrats()
    {
        var s = await SituationAsync();

        var accueil = await s.ClientA.PageAsync("/Portail");
        Assert.NotNull(accueil.QuerySelector($"a[href='{PageFevrier}']"));
        var mois = await s.ClientA.PageAsync("/Portail/Heures");
        var fevrier = mois.QuerySelector($"#mois-a-declarer a[href='{PageFevrier}']");
        Assert.NotNull(fevrier);
        Assert.Contains("10/03/2026", mois.QuerySelector("#mois-a-declarer")!.TextContent, StringComparison.Ordinal);

        var page = await s.ClientA.PageAsync(PageFevrier);
        var carte = Assert.Single(page.QuerySelectorAll("li.carte-heures"));
        Assert.Contains("Léa Martin", carte.TextContent, StringComparison.Ordinal);
        Assert.Contains("à déclarer", carte.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Heures de février 2026 — ", page.QuerySelector("label[for='Lignes_0__Heures']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#Lignes_0__Montant"));
        Assert.DoesNotContain("Durand", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lot 1", page.QuerySelector("section h2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_sous_traitant_declare_un_montant_avec_la_conversion_affichee()
    {
        var s = await SituationAsync();
        var clientB = await ConnecterAsync(Roles.Entreprise, s.StructureId, s.B.Id);

        var page = await clientB.PageAsync(PageFevrier);
        Assert.Contains("montant HT ×", page.QuerySelector(".conversion")!.TextContent, StringComparison.Ordinal);
        var reponse = await PosterMoisAsync(clientB, "Soumettre", new() { ["Lignes[0].Montant"] = "3000" });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var ligne = Assert.Single(await LignesAsync(s));
        Assert.True(ligne.Converti);
        Assert.Equal(s.ContratB.Id, ligne.ContratId);
        Assert.Contains("converties depuis 3 000,00 €", (await clientB.PageAsync(PageFevrier)).QuerySelector("li.carte-heures")!.TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' '),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_brouillon_garde_la_saisie_sans_rien_transmettre_puis_la_soumission_declare()
    {
        var s = await SituationAsync();

        var brouillon = await PosterMoisAsync(s.ClientA, "Brouillon", new() { ["Lignes[0].Heures"] = "35" });
        Assert.Equal(HttpStatusCode.Redirect, brouillon.StatusCode);
        Assert.Empty(await LignesAsync(s));
        var page = await s.ClientA.PageAsync(PageFevrier);
        Assert.NotNull(page.QuerySelector("#brouillon-en-cours"));
        Assert.Equal("35", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Lignes_0__Heures")!).Value);

        var soumise = await PosterMoisAsync(s.ClientA, "Soumettre", []);
        Assert.Equal(HttpStatusCode.Redirect, soumise.StatusCode);
        var ligne = Assert.Single(await LignesAsync(s));
        Assert.Equal(35 * 60, ligne.Minutes);
        Assert.Equal(StatutDeclaration.Declaree, ligne.Statut);
        var apres = await s.ClientA.PageAsync(PageFevrier);
        Assert.Null(apres.QuerySelector("#brouillon-en-cours"));
        Assert.Contains("déclarée", apres.QuerySelector(".statut-ligne")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(apres.QuerySelector("#soumissions-du-mois a"));
    }

    [Theory]
    [InlineData("trente-cinq", "la valeur « trente-cinq » doit être un nombre d'heures")]
    [InlineData("0", "supérieures à 0")]
    [InlineData("251", "maximum de 250,00 h")]
    public async Task Une_valeur_refusee_est_nommee_et_rien_n_est_ecrit(string saisie, string message)
    {
        var s = await SituationAsync();

        var reponse = await PosterMoisAsync(s.ClientA, "Soumettre", new() { ["Lignes[0].Heures"] = saisie });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var erreur = (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Lignes[0].Heures");
        Assert.StartsWith("Léa Martin :", erreur, StringComparison.Ordinal);
        Assert.Contains(message, erreur, StringComparison.Ordinal);
        Assert.Empty(await LignesAsync(s));
        Assert.Equal(0, await app.LireBaseAsync(db => db.SoumissionsHeures.IgnoreQueryFilters().CountAsync(x => x.EntrepriseId == s.A.Id)));
    }

    [Fact]
    public async Task Le_contrat_d_une_autre_entreprise_poste_dans_la_grille_est_refuse_et_rien_n_est_ecrit()
    {
        var s = await SituationAsync();

        var reponse = await PosterMoisAsync(s.ClientA, "Soumettre", new() { ["Lignes[0].ContratId"] = s.ContratB.Id.ToString(), ["Lignes[0].Heures"] = "35" });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("n'est pas un contrat validé de votre entreprise", (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Lignes[0].Heures"),
            StringComparison.Ordinal);
        Assert.Empty(await LignesAsync(s));
    }

    [Fact]
    public async Task Un_mois_a_venir_n_offre_pas_de_saisie_et_un_mois_illisible_n_existe_pas()
    {
        var s = await SituationAsync();

        var avril = await s.ClientA.PageAsync("/Portail/Heures/Mois/2026-04");
        Assert.NotNull(avril.QuerySelector("#mois-a-venir"));
        Assert.Null(avril.QuerySelector("#Lignes_0__Heures"));
        Assert.Equal(HttpStatusCode.NotFound, (await s.ClientA.GetAsync("/Portail/Heures/Mois/pas-un-mois")).StatusCode);
    }

    [Fact]
    public async Task Le_facilitateur_valide_toute_la_declaration_et_la_ligne_est_verrouillee()
    {
        var s = await SituationAsync();
        await PosterMoisAsync(s.ClientA, "Soumettre", new() { ["Lignes[0].Heures"] = "35" });
        var id = await SoumissionAsync(s);
        var facilitateur = await ConnecterAsync(Roles.Facilitateur, s.StructureId);

        var file = await facilitateur.PageAsync("/Heures/AValider");
        var carte = file.QuerySelector($"#soumission-{id}")!;
        Assert.Contains("Bâtiments du Val SARL — février 2026", carte.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 ligne en attente", carte.TextContent, StringComparison.Ordinal);
        var reponse = await FabriqueClause.PosterAsync(facilitateur, $"/Heures/DecisionSoumission/{id}?handler=Valider", [], "/Heures/AValider");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(StatutDeclaration.Validee, Assert.Single(await LignesAsync(s)).Statut);
        Assert.Null((await facilitateur.PageAsync("/Heures/AValider")).QuerySelector($"#soumission-{id}"));
        var page = await s.ClientA.PageAsync(PageFevrier);
        Assert.Contains("validée", page.QuerySelector(".statut-ligne")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#Lignes_0__Heures"));
        Assert.NotNull(page.QuerySelector(".ligne-verrouillee"));
    }

    [Fact]
    public async Task Un_rejet_avec_motif_previent_le_contact_par_mail_puis_la_correction_est_une_nouvelle_version()
    {
        var s = await SituationAsync();
        await PosterMoisAsync(s.ClientA, "Soumettre", new() { ["Lignes[0].Heures"] = "35" });
        var id = await SoumissionAsync(s);
        var ligne = Assert.Single(await LignesAsync(s));
        var facilitateur = await ConnecterAsync(Roles.Facilitateur, s.StructureId);
        var detail = await facilitateur.PageAsync($"/Heures/DecisionSoumission/{id}");
        Assert.Contains("Léa Martin", detail.QuerySelector("#lignes-soumission")!.TextContent, StringComparison.Ordinal);

        var reponse = await FabriqueClause.PosterAsync(facilitateur, $"/Heures/Decision/{ligne.Id}?handler=Rejeter&retour=/Heures/DecisionSoumission/{id}",
            new() { ["Saisie.MotifRejet"] = "Le relevé signé indique 32 heures." }, $"/Heures/DecisionSoumission/{id}");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var mail = Assert.Single(await MailsAsync(s.EmailA));
        Assert.Contains("février 2026", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Le relevé signé indique 32 heures.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Léa Martin", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(PageFevrier, mail.TextBody, StringComparison.Ordinal);

        var page = await s.ClientA.PageAsync(PageFevrier);
        Assert.Contains("rejetée", page.QuerySelector(".statut-ligne")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Le relevé signé indique 32 heures.", page.QuerySelector(".motif-rejet")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PosterMoisAsync(s.ClientA, "Soumettre", new() { ["Lignes[0].Heures"] = "32" })).StatusCode);
        var corrigee = Assert.Single(await LignesAsync(s));
        Assert.Equal([StatutDeclaration.Rejetee, StatutDeclaration.Declaree], corrigee.Versions.Select(v => v.Statut));
        Assert.Equal(32 * 60, corrigee.Minutes);
    }

    [Fact]
    public async Task Une_autre_entreprise_un_acheteur_et_une_autre_structure_n_ont_rien_de_la_declaration_de_A()
    {
        var s = await SituationAsync();
        await PosterMoisAsync(s.ClientA, "Soumettre", new() { ["Lignes[0].Heures"] = "35" });
        var id = await SoumissionAsync(s);
        Assert.Equal(HttpStatusCode.OK, (await s.ClientA.GetAsync($"/Portail/Heures/Soumission/{id}")).StatusCode);

        // Company B, sous-traitant on the same lot: A's submission is not found, its month page shows B's contrat only.
        var clientB = await ConnecterAsync(Roles.Entreprise, s.StructureId, s.B.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/Portail/Heures/Soumission/{id}")).StatusCode);
        var moisB = await clientB.PageAsync(PageFevrier);
        Assert.DoesNotContain("Léa Martin", moisB.Body!.TextContent, StringComparison.Ordinal);
        // A company of another structure, and that structure's facilitateur.
        var autre = await app.CreerStructureAsync();
        var c = await app.CreerEntrepriseAsync(autre.Id, "Autre SARL", AcheteursDeTest.NouveauSiret());
        var clientC = await ConnecterAsync(Roles.Entreprise, autre.Id, c.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await clientC.GetAsync($"/Portail/Heures/Soumission/{id}")).StatusCode);
        Assert.DoesNotContain("Léa Martin", (await clientC.PageAsync(PageFevrier)).Body!.TextContent, StringComparison.Ordinal);
        var facilitateurAutre = await ConnecterAsync(Roles.Facilitateur, autre.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitateurAutre.GetAsync($"/Heures/DecisionSoumission/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await FabriqueClause.PosterAsync(facilitateurAutre, $"/Heures/DecisionSoumission/{id}?handler=Valider", [], "/Heures/AValider")).StatusCode);
        // A buyer: no portal at all (the folder's policy).
        var acheteur = await ConnecterAsync(Roles.DonneurOrdre, s.StructureId, donneur: s.Lot1.Marches.DonneurOrdre.Id);
        foreach (var url in new[] { PageFevrier, $"/Portail/Heures/Soumission/{id}", "/Portail/Heures" })
        {
            var reponse = await acheteur.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(await LignesAsync(s)).Statut);
    }

    private async Task<List<MimeMessage>> MailsAsync(string email)
    {
        var mails = new List<MimeMessage>();
        await app.EnvoyerMailsAsync();
        if (!Directory.Exists(app.DossierMails)) return mails;
        foreach (var fichier in Directory.EnumerateFiles(app.DossierMails, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(fichier);
            if (message.To.Mailboxes.Any(m => m.Address == email)) mails.Add(message);
        }
        return mails;
    }
}
