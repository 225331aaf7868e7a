using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Tests.Support;

namespace Clause.Tests.Web.Accueil;

/// <summary>
/// Each role lands somewhere useful (issue 15 item 8), « today » 15/03/2026: the Direction's key figures on a fixed set,
/// the référent's contrats ending soon and hours of the month (his or her participants only), companies and buyers sent
/// to their portals.
/// </summary>
public class AccueilRolesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Fevrier = new(2026, 2);
    private static readonly Mois Mars = new(2026, 3);

    [Fact]
    public async Task L_accueil_de_la_direction_donne_les_chiffres_cles_exacts_de_la_structure()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        // Three lots of 833 h: 2026-001 in execution without hours (behind schedule), 2026-002 in execution with 200 h
        // counted in January and 40 h declared in March (pending), 2026-LONG « À notifier ». Two participants, one in a
        // validated contrat running today (05/01/2026 → 31/12/2026).
        var a = await app.SemerLotAsync(structure.Id, enExecution: true, numero: "2026-001");
        var b = await app.SemerLotAsync(structure.Id, enExecution: true, marches: a.Marches, numero: "2026-002", titulaire: a.Titulaire);
        var martin = await app.SemerParticipantAsync(structure.Id, "Martin");
        await app.SemerParticipantAsync(structure.Id, "Durand");
        var contrat = await app.SemerContratAsync(b, martin);
        await app.SemerHeuresAsync(b, contrat, SituationsContrats.Facilitateur, (Janvier, 200));
        await app.SemerHeuresAsync(b, contrat, null, (Mars, 40));
        var autre = new SituationsMarches(structure.Id, AcheteursDeTest.NouveauSiret());
        var c = autre.UnMarcheLong(SituationsMarches.LotF1("Peinture"));
        await app.EcrireAsync(db =>
        {
            db.DonneursOrdre.Add(autre.DonneurOrdre);
            db.Operations.Add(autre.Operation);
            db.Marches.Add(c.Marche);
        });

        var accueil = await client.PageAsync("/");

        Assert.Equal("200,00 h réalisées sur 2 499 h dues (3 lots)", Net(accueil.Texte("#chiffre-heures")));
        // 200 h / 2 499 h = 8,003 % → 8 %.
        Assert.Equal("8 %, taux plafonné 8 %", Net(accueil.Texte("#chiffre-taux")));
        Assert.Equal("1 lot en retard", Net(accueil.Texte("#chiffre-retard")));
        Assert.Equal("/Lots?enRetard=true&tri=retard&ordre=desc", accueil.QuerySelector("#chiffre-retard a")!.GetAttribute("href"));
        Assert.Equal("1 ligne en attente de validation", Net(accueil.Texte("#chiffre-attente")));
        Assert.Equal("2 participants suivis, dont 1 en contrat aujourd'hui (file active)", Net(accueil.Texte("#chiffre-participants")));
    }

    [Fact]
    public async Task Le_facilitateur_n_a_pas_les_chiffres_de_la_direction()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var accueil = await client.PageAsync("/");

        Assert.Null(accueil.QuerySelector("#chiffres-cles"));
        Assert.NotNull(accueil.QuerySelector("#titre-lots-execution"));
    }

    [Fact]
    public async Task L_accueil_du_referent_liste_les_contrats_de_ses_participants_qui_finissent_et_leurs_heures_du_mois()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        var sien = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Martin", prenom: "Léa", referentId: referent.Id);
        sien.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        var autre = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Durand", prenom: "Paul");
        autre.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        await app.EcrireAsync(db => db.Participants.AddRange(sien, autre));
        // Both contrats end on 01/04/2026, within 30 days of 15/03/2026; only the référent's participant is listed.
        var contrat = await app.SemerContratAsync(lot, sien, fin: new DateOnly(2026, 4, 1));
        var contratAutre = await app.SemerContratAsync(lot, autre, fin: new DateOnly(2026, 4, 1));
        await app.SemerHeuresAsync(lot, contrat, SituationsContrats.Facilitateur, (Fevrier, 20));
        await app.SemerHeuresAsync(lot, contrat, null, (Mars, 40));
        await app.SemerHeuresAsync(lot, contratAutre, null, (Mars, 10));
        var client = await app.ConnecterAsync(referent.Email!);

        var accueil = await client.PageAsync("/");

        var contrats = accueil.QuerySelectorAll("#referent-contrats li").Select(li => Net(SituationsMarches.Espaces(li.TextContent))).ToList();
        var ligne = Assert.Single(contrats);
        Assert.StartsWith("Léa Martin — fin prévue le 01/04/2026", ligne, StringComparison.Ordinal);
        var mois = accueil.QuerySelectorAll("#referent-heures tbody tr").Select(tr => Net(SituationsMarches.Espaces(tr.TextContent))).ToList();
        Assert.Equal(["mars 2026 0,00 h 40,00 h", "février 2026 20,00 h 0,00 h"], mois);
    }

    [Fact]
    public async Task Un_referent_sans_participant_voit_qu_aucun_contrat_ne_finit()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Referent);

        var accueil = await client.PageAsync("/");

        Assert.Contains("Aucun contrat validé de vos participants", accueil.Texte("#referent-aucun-contrat"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Entreprise, "/Portail")]
    [InlineData(Roles.DonneurOrdre, "/Acheteur")]
    public async Task Entreprises_et_acheteurs_arrivent_sur_leur_portail(string role, string portail)
    {
        var structure = await app.CreerStructureAsync();
        var s = new SituationsMarches(structure.Id);
        var entreprise = s.UneEntreprise();
        await app.EcrireAsync(db =>
        {
            db.DonneursOrdre.Add(s.DonneurOrdre);
            db.Entreprises.Add(entreprise);
        });
        var utilisateur = await app.CreerUtilisateurAsync(role, structure.Id,
            entrepriseId: role == Roles.Entreprise ? entreprise.Id : null, donneurOrdreId: role == Roles.DonneurOrdre ? s.DonneurOrdre.Id : null);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var reponse = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(portail, reponse.Headers.Location!.OriginalString);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(portail)).StatusCode);
    }

    /// <summary>Whitespace runs (the page's line breaks) as one space.</summary>
    private static string Net(string texte) => System.Text.RegularExpressions.Regex.Replace(texte, @"\s+", " ").Trim();
}
