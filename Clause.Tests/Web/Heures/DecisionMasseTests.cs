using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Tests.Support;

namespace Clause.Tests.Web.Heures;

/// <summary>
/// The bulk decision of « Heures à valider » (issue 15 item 3) against the real app: the list's filters, the lines checked
/// or the whole filter, the confirmation step with the number of lines and the hours, then one confirmed post — all or
/// nothing, each line decided by its own domain method (its version records who decided and when).
/// </summary>
public class DecisionMasseTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Fevrier = new(2026, 2);
    private static readonly Mois Mars = new(2026, 3);

    private async Task<(HttpClient Client, LotDeTest Lot, Contrat Lea, Contrat Paul, Participant ParticipantLea)> SituationAsync()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id);
        var lea = await app.SemerParticipantAsync(structure.Id);
        var paul = await app.SemerParticipantAsync(structure.Id, nom: "Durand", prenom: "Paul");
        return (client, lot, await app.SemerContratAsync(lot, lea), await app.SemerContratAsync(lot, paul), lea);
    }

    [Fact]
    public async Task Une_selection_filtree_ne_valide_que_les_lignes_cochees_apres_confirmation_et_deplace_leurs_heures()
    {
        var (client, lot, lea, paul, participantLea) = await SituationAsync();
        var deLea = await app.SemerHeuresAsync(lot, lea, null, (Janvier, 100), (Fevrier, 40));
        var dePaul = await app.SemerHeuresAsync(lot, paul, null, (Janvier, 30));

        var liste = await client.PageAsync($"/Heures/AValider?participant={participantLea.Id}");
        Assert.Equal(2, liste.QuerySelectorAll("#heures-a-valider tbody tr").Length);
        var cases = liste.QuerySelectorAll("#heures-a-valider input[type=checkbox][form=decision-masse]");
        Assert.Equal(new[] { deLea[0].Id.ToString(), deLea[1].Id.ToString() }.Order(), cases.Select(c => c.GetAttribute("value")!).Order());
        Assert.Contains("2 lignes", liste.Texte("label[for=tout-le-filtre]"), StringComparison.Ordinal);
        Assert.Contains("140,00 h", SituationsMarches.Espaces(liste.Texte("label[for=tout-le-filtre]")), StringComparison.Ordinal);

        // Step 1: only January of Léa checked; nothing is decided yet.
        var confirmation = await PreparerAsync(client, liste, [deLea[0].Id], "Valider");
        Assert.Equal("Vous allez valider 1 ligne d'heures, soit 100,00 h au total.", Debut(confirmation.Texte("#resume-decision")));
        Assert.All(await app.LignesAsync(lea.Id), l => Assert.Equal(StatutDeclaration.Declaree, l.Statut));

        // Step 2: confirmed.
        var reponse = await ConfirmerAsync(client, confirmation);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal($"/Heures/AValider?participant={participantLea.Id}", reponse.Headers.Location!.OriginalString);
        var relues = await app.LignesAsync(lea.Id);
        Assert.Equal([StatutDeclaration.Validee, StatutDeclaration.Declaree], relues.Select(l => l.Statut));
        // The line's own decision: its version records who validated and when (the audit stays per line).
        Assert.NotNull(relues[0].Versions[^1].DecideLe);
        Assert.False(string.IsNullOrEmpty(relues[0].Versions[^1].DecideParNom));
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(await app.LignesAsync(paul.Id)).Statut);
        var fiche = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");
        Assert.StartsWith("100,00 h", fiche.Texte("#bilan-realisees"), StringComparison.Ordinal);
        Assert.Equal("70,00 h", fiche.Texte("#bilan-en-attente"));
        Assert.Equal(dePaul[0].Id.ToString(), (await client.PageAsync("/Heures/AValider?mois=2026-01"))
            .QuerySelector("#heures-a-valider input[form=decision-masse]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Toutes_les_lignes_du_filtre_sont_validees_au_dela_de_la_page_affichee_et_celles_hors_filtre_restent()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lotA = await app.SemerLotAsync(structure.Id);
        var lotB = await app.SemerLotAsync(structure.Id, marches: lotA.Marches, numero: "2026-002", titulaire: lotA.Titulaire);
        var contratsA = new List<Contrat>();
        for (var i = 0; i < 8; i++)
        {
            var participant = await app.SemerParticipantAsync(structure.Id, nom: $"Martin{i}");
            var contrat = await app.SemerContratAsync(lotA, participant);
            contratsA.Add(contrat);
            await app.SemerHeuresAsync(lotA, contrat, null, (Janvier, 10), (Fevrier, 10), (Mars, 10));
        }
        var horsFiltre = await app.SemerContratAsync(lotB, await app.SemerParticipantAsync(structure.Id, nom: "Autre"));
        await app.SemerHeuresAsync(lotB, horsFiltre, null, (Janvier, 20));

        var liste = await client.PageAsync($"/Heures/AValider?lot={lotA.Lot.Id}");
        Assert.Equal(20, liste.QuerySelectorAll("#heures-a-valider tbody tr").Length);
        var confirmation = await PreparerAsync(client, liste, [], "Valider", toutLeFiltre: true);
        Assert.Equal("Vous allez valider 24 lignes d'heures, soit 240,00 h au total.", Debut(confirmation.Texte("#resume-decision")));

        var reponse = await ConfirmerAsync(client, confirmation);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        foreach (var contrat in contratsA)
            Assert.All(await app.LignesAsync(contrat.Id), l => Assert.Equal(StatutDeclaration.Validee, l.Statut));
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(await app.LignesAsync(horsFiltre.Id)).Statut);
        Assert.StartsWith("240,00 h", (await client.PageAsync($"/Lots/Details/{lotA.Lot.Id}")).Texte("#bilan-realisees"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejeter_la_selection_exige_un_motif_nommant_le_champ_puis_rejette_chaque_ligne_avec_ce_motif()
    {
        var (client, lot, lea, paul, _) = await SituationAsync();
        var deLea = await app.SemerHeuresAsync(lot, lea, null, (Janvier, 100));
        var dePaul = await app.SemerHeuresAsync(lot, paul, null, (Janvier, 30));
        var liste = await client.PageAsync("/Heures/AValider");

        var sansMotif = await PreparerAsync(client, liste, [deLea[0].Id, dePaul[0].Id], "Rejeter", motif: "  ");
        Assert.Equal("Le champ « Motif du rejet » est obligatoire.", sansMotif.ErreurDuChamp("Saisie.MotifRejet"));
        Assert.Contains("Le champ « Motif du rejet » est obligatoire.", sansMotif.Texte("#resume-erreurs"), StringComparison.Ordinal);
        Assert.Null(sansMotif.QuerySelector("#resume-decision"));

        var confirmation = await PreparerAsync(client, liste, [deLea[0].Id, dePaul[0].Id], "Rejeter", motif: "Relevé illisible");
        Assert.Equal("Vous allez rejeter 2 lignes d'heures, soit 130,00 h au total.", Debut(confirmation.Texte("#resume-decision")));
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(await app.LignesAsync(lea.Id)).Statut);

        var reponse = await ConfirmerAsync(client, confirmation);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        foreach (var contrat in new[] { lea, paul })
        {
            var ligne = Assert.Single(await app.LignesAsync(contrat.Id));
            Assert.Equal(StatutDeclaration.Rejetee, ligne.Statut);
            Assert.Equal("Relevé illisible", ligne.Versions[^1].MotifRejet);
        }
    }

    [Fact]
    public async Task Une_ligne_d_une_autre_structure_ou_deja_decidee_dans_l_envoi_ne_fait_rien_valider()
    {
        var (client, lot, lea, paul, _) = await SituationAsync();
        var (_, autreLot, autreContrat, _, _) = await SituationAsync();
        var propre = (await app.SemerHeuresAsync(lot, lea, null, (Janvier, 100)))[0];
        var deja = (await app.SemerHeuresAsync(lot, paul, SituationsContrats.Facilitateur, (Janvier, 30)))[0];
        var etrangere = (await app.SemerHeuresAsync(autreLot, autreContrat, null, (Janvier, 10)))[0];
        Assert.Equal(StatutDeclaration.Validee, deja.Statut);

        var reponse = await PosterAsync(client, "/Heures/DecisionMasse?handler=Confirmer",
        [
            new("Saisie.Ids", propre.Id.ToString()), new("Saisie.Ids", deja.Id.ToString()), new("Saisie.Ids", etrangere.Id.ToString()),
            new("Saisie.Decision", "Valider"), new("Saisie.MinutesConfirmees", "8400"),
        ]);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var resume = page.Texte("#resume-erreurs");
        Assert.Contains("1 ligne de la sélection n'existe pas dans votre structure : rien n'a été validé.", resume, StringComparison.Ordinal);
        Assert.Contains("1 ligne de la sélection : Une ligne au statut « Validée » ne peut pas être validée", resume, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*=Confirmer]"));
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(await app.LignesAsync(lea.Id)).Statut);
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(await app.LignesAsync(autreContrat.Id)).Statut);

        // The same at the first step: no confirmation is offered.
        var preparation = await PreparerAsync(client, await client.PageAsync("/Heures/AValider"), [propre.Id, etrangere.Id], "Valider");
        Assert.Contains("n'existe pas dans votre structure", preparation.Texte("#resume-erreurs"), StringComparison.Ordinal);
        Assert.Null(preparation.QuerySelector("#resume-decision"));
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(await app.LignesAsync(lea.Id)).Statut);
    }

    [Fact]
    public async Task La_page_de_confirmation_respecte_les_bases_du_RGAA_et_sa_lecture_seule_renvoie_a_la_liste()
    {
        var (client, lot, lea, _, _) = await SituationAsync();
        var ligne = (await app.SemerHeuresAsync(lot, lea, null, (Janvier, 100)))[0];
        var confirmation = await PreparerAsync(client, await client.PageAsync("/Heures/AValider"), [ligne.Id], "Rejeter", motif: "Doublon");

        Assert.Equal("fr", confirmation.DocumentElement.GetAttribute("lang"));
        Assert.Single(confirmation.QuerySelectorAll("h1"));
        Assert.NotNull(confirmation.QuerySelector("label[for=Saisie_MotifRejet]"));
        Assert.Equal("Doublon", confirmation.GetElementById("Saisie_MotifRejet")!.TextContent.Trim());
        var get = await client.GetAsync("/Heures/DecisionMasse");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal("/Heures/AValider", get.Headers.Location!.OriginalString);
    }

    /// <summary>« Vous allez … au total. » (the sentence that follows explains the decision).</summary>
    private static string Debut(string texte) => SituationsMarches.Espaces(texte[..(texte.IndexOf("au total.", StringComparison.Ordinal) + "au total.".Length)]);

    /// <summary>The list's bulk form posted as a browser would: its hidden fields (the filter), the boxes checked, the button pressed.</summary>
    private static async Task<IHtmlDocument> PreparerAsync(HttpClient client, IHtmlDocument liste, IEnumerable<DeclarationId> cochees, string decision,
        string? motif = null, bool toutLeFiltre = false)
    {
        var formulaire = liste.GetElementById("decision-masse")!;
        var champs = formulaire.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(c => c.Key != "__RequestVerificationToken").ToList();
        champs.AddRange(cochees.Select(id => new KeyValuePair<string, string>("Saisie.Ids", id.ToString())));
        if (toutLeFiltre) champs.Add(new("Saisie.ToutLeFiltre", "true"));
        if (motif is not null) champs.Add(new("Saisie.MotifRejet", motif));
        champs.Add(new("Saisie.Decision", decision));
        var reponse = await PosterAsync(client, formulaire.GetAttribute("action")!, champs);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return await AcheteursDeTest.DocumentAsync(reponse);
    }

    /// <summary>The confirmation form posted as shown.</summary>
    private static Task<HttpResponseMessage> ConfirmerAsync(HttpClient client, IHtmlDocument confirmation)
    {
        var formulaire = (IHtmlFormElement)confirmation.QuerySelector("form[action*=Confirmer]")!;
        var champs = formulaire.QuerySelectorAll("input[name], textarea[name]")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e is IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? ""))
            .Where(c => c.Key != "__RequestVerificationToken").ToList();
        return PosterAsync(client, formulaire.GetAttribute("action")!, champs);
    }

    /// <summary>POSTs repeated fields (the ids) with the antiforgery token read from the list.</summary>
    private static async Task<HttpResponseMessage> PosterAsync(HttpClient client, string url, List<KeyValuePair<string, string>> champs)
    {
        var page = await client.PageAsync("/Heures/AValider");
        var jeton = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(jeton);
        champs.Add(new("__RequestVerificationToken", jeton));
        using var contenu = new FormUrlEncodedContent(champs);
        return await client.PostAsync(url, contenu);
    }
}
