using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Placement;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Placement;

/// <summary>
/// Placement against the real app (« today » 15/03/2026), posting the real forms (issue 14 items 2, 3, 5, 6). One structure:
/// lot 1 (2026, in execution) held by A (attributaire) and B (an ACI, sous-traitant); a référent R1 following « Léa Martin »
/// (eligible: decision of 10/01/2025), a référent R2 following « Omar Benali » (no eligibility decision).
/// </summary>
public class PlacementPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private sealed record Situation(StructureId StructureId, LotDeTest Lot, Entreprise A, Entreprise B, Participant Lea, Participant Omar,
        HttpClient Facilitateur, HttpClient Referent1, HttpClient Referent2, HttpClient EntrepriseA, HttpClient EntrepriseB);

    private async Task<Situation> SituationAsync()
    {
        var structure = await app.CreerStructureAsync();
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        var b = await app.CreerEntrepriseAsync(structure.Id, "Jardins de Loire", AcheteursDeTest.NouveauSiret(), TypeEmployeur.ACI);
        await app.EcrireAsync(async db =>
        {
            var l = await db.Lots.Include(x => x.Attributions).SingleAsync(x => x.Id == lot.Lot.Id);
            l.Attribuer(await db.Entreprises.SingleAsync(e => e.Id == b.Id), RoleAttribution.SousTraitant, new DateOnly(2026, 1, 2));
        });
        var r1 = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var r2 = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var lea = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Martin", prenom: "Léa", referentId: r1.Id);
        lea.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA, CategorieEligibilite.TH);
        var omar = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Benali", prenom: "Omar", referentId: r2.Id);
        await app.EcrireAsync(db => db.Participants.AddRange(lea, omar));
        return new Situation(structure.Id, lot, lot.Titulaire, b, lea, omar,
            await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id)).Email!),
            await app.ConnecterAsync(r1.Email!), await app.ConnecterAsync(r2.Email!),
            await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id, lot.Titulaire.Id)).Email!),
            await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id, b.Id)).Email!));
    }

    private static Dictionary<string, string> ChampsPoste(LotId lot, string debut = "2026-04-01", string nombre = "2", string rome = "F1703") => new()
    {
        ["Saisie.LotId"] = lot.ToString(),
        ["Saisie.Intitule"] = "Maçon VRD",
        ["Saisie.CodeRome"] = rome,
        ["Saisie.Nombre"] = nombre,
        ["Saisie.TypeContrat"] = nameof(TypeContrat.CDD),
        ["Saisie.DateDebut"] = debut,
        ["Saisie.HeuresHebdo"] = "35",
        ["Saisie.Lieu"] = "ZAC des Prés, Tours",
        ["Saisie.Exigences"] = "Permis B",
    };

    private Task<List<PosteAPourvoir>> PostesAsync(StructureId s) =>
        app.LireBaseAsync(db => db.PostesAPourvoir.IgnoreQueryFilters().AsNoTracking().Where(p => p.StructureId == s).ToListAsync());

    private Task<List<Candidature>> CandidaturesAsync(StructureId s) =>
        app.LireBaseAsync(db => db.Candidatures.IgnoreQueryFilters().AsNoTracking().Where(c => c.StructureId == s).ToListAsync());

    private static void Redirige(HttpResponseMessage reponse, string vers)
    {
        if (reponse.StatusCode == HttpStatusCode.OK)
            Assert.Fail("Pas de redirection : " + string.Join(" | ", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(reponse.Content.ReadAsStringAsync().Result)
                .QuerySelectorAll("main").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.False(reponse.Headers.Location is null);
        var adresse = reponse.Headers.Location!.IsAbsoluteUri ? reponse.Headers.Location.PathAndQuery : reponse.Headers.Location.OriginalString;
        if (!adresse.StartsWith(vers, StringComparison.Ordinal)) Assert.Fail("Redirigé vers " + reponse.Headers.Location);
    }

    /// <summary>Company A records its poste in the portal.</summary>
    private async Task<PosteAPourvoir> PosteAsync(Situation s)
    {
        var reponse = await FabriqueClause.PosterAsync(s.EntrepriseA, "/Portail/Postes/Creer", ChampsPoste(s.Lot.Lot.Id));
        Redirige(reponse, "/Portail/Postes/Details/");
        return Assert.Single(await PostesAsync(s.StructureId));
    }

    private static Task<HttpResponseMessage> ProposerAsync(HttpClient client, PosteAPourvoir poste, Participant participant, string email = "candidat@exemple.fr") =>
        FabriqueClause.PosterAsync(client, $"/Placement/Candidater/Proposer/{poste.Id}",
            new() { ["Saisie.ParticipantId"] = participant.Id.ToString(), ["Saisie.Email"] = email, ["Saisie.Telephone"] = "06 12 34 56 78" });

    /// <summary>Léa proposed by her référent, validated and presented by the facilitateur.</summary>
    private async Task<(PosteAPourvoir Poste, Candidature Candidature)> PresenteeAsync(Situation s)
    {
        var poste = await PosteAsync(s);
        Redirige(await ProposerAsync(s.Referent1, poste, s.Lea), "/Placement/Candidature/");
        var candidature = Assert.Single(await CandidaturesAsync(s.StructureId));
        Redirige(await FabriqueClause.PosterAsync(s.Facilitateur, $"/Placement/Valider/{candidature.Id}", new() { ["Saisie.MotifDerogation"] = "" }),
            $"/Placement/Poste/{poste.Id}");
        Redirige(await FabriqueClause.PosterAsync(s.Facilitateur, $"/Placement/Presenter/{poste.Id}", new() { ["Saisie.Candidatures"] = candidature.Id.ToString() }),
            $"/Placement/Poste/{poste.Id}");
        return (poste, Assert.Single(await CandidaturesAsync(s.StructureId)));
    }

    [Fact]
    public async Task Une_entreprise_enregistre_un_poste_sur_son_lot_et_le_personnel_le_voit()
    {
        var s = await SituationAsync();

        var poste = await PosteAsync(s);

        Assert.Equal((s.A.Id, s.Lot.Lot.Id, "Maçon VRD", "F1703", 2, TypeContrat.CDD, new DateOnly(2026, 4, 1), (long?)35 * 60, StatutPoste.Ouvert),
            (poste.EntrepriseId, poste.LotId, poste.Intitule, poste.CodeRome, poste.Nombre, poste.TypeContrat, poste.DateDebut, poste.HeuresHebdoMinutes, poste.Statut));
        Assert.NotNull((await s.EntrepriseA.PageAsync("/Portail/Postes")).GetElementById($"poste-{poste.Id}"));
        Assert.NotNull((await s.Facilitateur.PageAsync("/Placement")).GetElementById($"poste-{poste.Id}"));
        // Open, no candidate yet: on the facilitateur's home.
        Assert.NotNull((await s.Facilitateur.PageAsync("/")).GetElementById($"sans-candidat-{poste.Id}"));

        var pourvu = await FabriqueClause.PosterAsync(s.EntrepriseA, $"/Portail/Postes/Details/{poste.Id}?handler=Statut", new() { ["Statut"] = nameof(StatutPoste.Pourvu) },
            $"/Portail/Postes/Details/{poste.Id}");
        Redirige(pourvu, $"/Portail/Postes/Details/{poste.Id}");
        Assert.Equal(StatutPoste.Pourvu, Assert.Single(await PostesAsync(s.StructureId)).Statut);
    }

    [Fact]
    public async Task Un_poste_mal_saisi_montre_toutes_ses_erreurs_et_rien_n_est_ecrit()
    {
        var s = await SituationAsync();
        var champs = ChampsPoste(s.Lot.Lot.Id, debut: "2027-02-01", nombre: "0", rome: "123");
        champs["Saisie.EntrepriseId"] = s.A.Id.ToString();

        var reponse = await FabriqueClause.PosterAsync(s.Facilitateur, "/Placement/Creer", champs);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Contains("période d'exécution du lot", page.ErreurDuChamp("Saisie.DateDebut"), StringComparison.Ordinal);
        Assert.Contains("nombre de postes", page.ErreurDuChamp("Saisie.Nombre"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("code ROME", page.ErreurDuChamp("Saisie.CodeRome"), StringComparison.Ordinal);
        Assert.Empty(await PostesAsync(s.StructureId));

        champs = ChampsPoste(s.Lot.Lot.Id, nombre: "-3");
        champs["Saisie.EntrepriseId"] = s.A.Id.ToString();
        var negatif = await AcheteursDeTest.DocumentAsync(await FabriqueClause.PosterAsync(s.Facilitateur, "/Placement/Creer", champs));
        Assert.Contains("entre 1 et", negatif.ErreurDuChamp("Saisie.Nombre"), StringComparison.Ordinal);
        Assert.Empty(await PostesAsync(s.StructureId));
    }

    [Fact]
    public async Task Un_poste_sur_un_lot_clos_est_refuse()
    {
        var s = await SituationAsync();
        await app.EcrireAsync(async db =>
        {
            var lot = await db.Lots.SingleAsync(l => l.Id == s.Lot.Lot.Id);
            lot.DemanderCloture();
            lot.CloreConforme();
        });
        var champs = ChampsPoste(s.Lot.Lot.Id);
        champs["Saisie.EntrepriseId"] = s.A.Id.ToString();

        var page = await AcheteursDeTest.DocumentAsync(await FabriqueClause.PosterAsync(s.Facilitateur, "/Placement/Creer", champs));

        Assert.Contains("Clos conforme", page.ErreurDuChamp("Saisie.LotId"), StringComparison.Ordinal);
        Assert.Empty(await PostesAsync(s.StructureId));
        // The portal offers only open lots: the closed one is refused beside its field too.
        var portail = await AcheteursDeTest.DocumentAsync(await FabriqueClause.PosterAsync(s.EntrepriseA, "/Portail/Postes/Creer", ChampsPoste(s.Lot.Lot.Id)));
        Assert.Contains("Choisissez un de vos lots dans la liste.", portail.Texte(), StringComparison.Ordinal);
        Assert.Empty(await PostesAsync(s.StructureId));
    }

    [Fact]
    public async Task Une_candidature_sur_toute_sa_vie_jusqu_au_contrat_valide()
    {
        var s = await SituationAsync();
        var (poste, candidature) = await PresenteeAsync(s);
        Assert.Equal(StatutCandidature.Presentee, candidature.Statut);

        // The company sees name, contact details and the poste — never a category nor the eligibility.
        var detail = await s.EntrepriseA.PageAsync($"/Portail/Postes/Details/{poste.Id}");
        var carte = detail.Texte($"#candidat-{candidature.Id}");
        Assert.Contains("Léa Martin", carte, StringComparison.Ordinal);
        Assert.Contains("candidat@exemple.fr", carte, StringComparison.Ordinal);
        PasDeCategorie(detail.Texte());

        // The retain form is pre-filled from the poste.
        var formulaire = FabriqueClause.ChampsDuFormulaire(await s.EntrepriseA.GetStringAsync($"/Portail/Postes/Retenir/{candidature.Id}"));
        Assert.Equal(("CDD", "2026-04-01", "35,00", nameof(ModaliteContrat.EmbaucheDirecte), s.A.Id.ToString()),
            (formulaire["Saisie.TypeContrat"], formulaire["Saisie.DateDebut"], formulaire["Saisie.HeuresHebdo"], formulaire["Saisie.Modalite"], formulaire["Saisie.EmployeurId"]));
        PasDeCategorie(await s.EntrepriseA.GetStringAsync($"/Portail/Postes/Retenir/{candidature.Id}"));
        formulaire["Saisie.FinPrevue"] = "2026-09-30";
        Redirige(await FabriqueClause.PosterAsync(s.EntrepriseA, $"/Portail/Postes/Retenir/{candidature.Id}", formulaire), $"/Portail/Postes/Details/{poste.Id}");

        var retenue = Assert.Single(await CandidaturesAsync(s.StructureId));
        Assert.Equal(StatutCandidature.Retenue, retenue.Statut);
        var contrat = await app.LireBaseAsync(db => db.Contrats.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == retenue.ContratId));
        Assert.Equal((s.Lea.Id, s.Lot.Lot.Id, s.A.Id, ModaliteContrat.EmbaucheDirecte, TypeContrat.CDD, new DateOnly(2026, 4, 1), (DateOnly?)new DateOnly(2026, 9, 30),
                (long?)35 * 60, "Maçon VRD", "F1703", StatutContrat.Propose, OrigineProposition.Entreprise),
            (contrat.ParticipantId, contrat.LotId, contrat.EmployeurId, contrat.Modalite, contrat.TypeContrat, contrat.DateDebut, contrat.FinPrevue,
                contrat.HeuresHebdoMinutes, contrat.Poste, contrat.CodeRome, contrat.Statut, contrat.Origine));

        // The facilitateur validates the contrat on its own page (the existing path, eligibility enforced).
        Redirige(await FabriqueClause.PosterAsync(s.Facilitateur, $"/Contrats/Valider/{contrat.Id}", new() { ["Saisie.MotifDerogation"] = "" }), "/Contrats/Details/");
        Assert.Equal(StatutContrat.Valide, (await app.LireBaseAsync(db => db.Contrats.IgnoreQueryFilters().SingleAsync(c => c.Id == contrat.Id))).Statut);

        // Every decision is in the audit trail: the entry's validation, the presentation, the outcome.
        var audit = await app.LireBaseAsync(db => db.JournalAudit.IgnoreQueryFilters().AsNoTracking()
            .Where(j => j.EntiteId == candidature.Id.Valeur).OrderBy(j => j.Sequence).Select(j => j.Changements).ToListAsync());
        Assert.Equal(4, audit.Count);
        Assert.Contains(audit, a => a.Contains("\"Validee\"", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Contains("\"Presentee\"", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Contains("\"Retenue\"", StringComparison.Ordinal));
        // The contact details are masked there.
        Assert.DoesNotContain(audit, a => a.Contains("candidat@exemple.fr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Un_candidat_non_retenu_revient_a_son_referent_avec_le_motif()
    {
        var s = await SituationAsync();
        var (poste, candidature) = await PresenteeAsync(s);

        var sansMotif = await FabriqueClause.PosterAsync(s.EntrepriseA, $"/Portail/Postes/NePasRetenir/{candidature.Id}",
            new() { ["Saisie.MotifNonRetenu"] = "", ["Saisie.PrecisionNonRetenu"] = "" });
        var refus = await AcheteursDeTest.DocumentAsync(sansMotif);
        Assert.Contains("Motif", refus.ErreurDuChamp("Saisie.MotifNonRetenu"), StringComparison.Ordinal);
        Assert.Contains("Précisions", refus.ErreurDuChamp("Saisie.PrecisionNonRetenu"), StringComparison.Ordinal);
        Assert.Equal(StatutCandidature.Presentee, Assert.Single(await CandidaturesAsync(s.StructureId)).Statut);

        Redirige(await FabriqueClause.PosterAsync(s.EntrepriseA, $"/Portail/Postes/NePasRetenir/{candidature.Id}",
            new() { ["Saisie.MotifNonRetenu"] = nameof(MotifNonRetenu.AbsentEntretien), ["Saisie.PrecisionNonRetenu"] = "Pas venue au rendez-vous du 20 mars." }),
            $"/Portail/Postes/Details/{poste.Id}");
        var nonRetenue = Assert.Single(await CandidaturesAsync(s.StructureId));
        Assert.Equal((StatutCandidature.NonRetenue, (MotifNonRetenu?)MotifNonRetenu.AbsentEntretien), (nonRetenue.Statut, nonRetenue.MotifNonRetenu));

        // The task on her référent's home, with the reason; not on the other référent's; on the facilitateur's.
        var tache = (await s.Referent1.PageAsync("/")).Texte($"#non-retenu-{candidature.Id}");
        Assert.Contains("Absent à l'entretien", tache, StringComparison.Ordinal);
        Assert.Contains("Pas venue au rendez-vous du 20 mars.", tache, StringComparison.Ordinal);
        Assert.Null((await s.Referent2.PageAsync("/")).GetElementById($"non-retenu-{candidature.Id}"));
        Assert.NotNull((await s.Facilitateur.PageAsync("/")).GetElementById($"non-retenu-{candidature.Id}"));
        // The reason's code is in the audit trail.
        Assert.True(await app.LireBaseAsync(db => db.JournalAudit.IgnoreQueryFilters()
            .AnyAsync(j => j.EntiteId == candidature.Id.Valeur && j.Changements.Contains("AbsentEntretien"))));

        Redirige(await FabriqueClause.PosterAsync(s.Referent1, $"/Placement/Candidater/Suite/{candidature.Id}", new() { ["Saisie.Suite"] = "Candidature au lot 2 prévue." }),
            $"/Placement/Candidature/{candidature.Id}");
        Assert.Equal("Candidature au lot 2 prévue.", Assert.Single(await CandidaturesAsync(s.StructureId)).Suite);
        Assert.Null((await s.Referent1.PageAsync("/")).GetElementById($"non-retenu-{candidature.Id}"));
    }

    [Fact]
    public async Task Seul_un_facilitateur_valide_l_entree_d_un_candidat()
    {
        var s = await SituationAsync();
        var poste = await PosteAsync(s);
        Redirige(await ProposerAsync(s.Referent1, poste, s.Lea), "/Placement/Candidature/");
        var candidature = Assert.Single(await CandidaturesAsync(s.StructureId));
        var direction = await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Direction, s.StructureId)).Email!);

        foreach (var client in new[] { s.Referent1, direction, s.EntrepriseA })
        {
            var get = await client.GetAsync($"/Placement/Valider/{candidature.Id}");
            Redirige(get, "/Compte/AccesRefuse");
        }
        // A référent's POST with a valid antiforgery token (from a form he may open) is refused as well.
        var post = await FabriqueClause.PosterAsync(s.Referent1, $"/Placement/Valider/{candidature.Id}", new() { ["Saisie.MotifDerogation"] = "" },
            $"/Placement/Candidater/Proposer/{poste.Id}");
        Redirige(post, "/Compte/AccesRefuse");
        Assert.Equal(StatutCandidature.Proposee, Assert.Single(await CandidaturesAsync(s.StructureId)).Statut);
    }

    [Fact]
    public async Task Un_candidat_non_eligible_est_signale_au_personnel_et_son_entree_est_refusee()
    {
        var s = await SituationAsync();
        var poste = await PosteAsync(s);

        Redirige(await ProposerAsync(s.Referent2, poste, s.Omar), "/Placement/Candidature/");
        var candidature = Assert.Single(await CandidaturesAsync(s.StructureId));
        Assert.Equal(StatutEligibilite.SansDecision, candidature.Eligibilite);
        Assert.Contains("aucune décision d'éligibilité", (await s.Facilitateur.PageAsync($"/Placement/Poste/{poste.Id}")).Texte($"#candidature-{candidature.Id} .eligibilite"),
            StringComparison.Ordinal);

        var valider = await FabriqueClause.PosterAsync(s.Facilitateur, $"/Placement/Valider/{candidature.Id}", new() { ["Saisie.MotifDerogation"] = "" });
        Assert.Equal(HttpStatusCode.OK, valider.StatusCode);
        Assert.Contains("aucune décision d'éligibilité", (await AcheteursDeTest.DocumentAsync(valider)).Texte(), StringComparison.Ordinal);
        Assert.Equal(StatutCandidature.Proposee, Assert.Single(await CandidaturesAsync(s.StructureId)).Statut);
    }

    [Fact]
    public async Task Une_seconde_candidature_de_la_meme_personne_au_meme_poste_est_refusee()
    {
        var s = await SituationAsync();
        var poste = await PosteAsync(s);
        Redirige(await ProposerAsync(s.Referent1, poste, s.Lea), "/Placement/Candidature/");

        var seconde = await ProposerAsync(s.Facilitateur, poste, s.Lea, "autre@exemple.fr");

        Assert.Equal(HttpStatusCode.OK, seconde.StatusCode);
        Assert.Contains("déjà candidat", (await AcheteursDeTest.DocumentAsync(seconde)).ErreurDuChamp("Saisie.ParticipantId"), StringComparison.Ordinal);
        Assert.Single(await CandidaturesAsync(s.StructureId));
    }

    [Fact]
    public async Task Sans_moyen_de_joindre_le_candidat_la_candidature_est_refusee()
    {
        var s = await SituationAsync();
        var poste = await PosteAsync(s);

        var reponse = await FabriqueClause.PosterAsync(s.Referent1, $"/Placement/Candidater/Proposer/{poste.Id}",
            new() { ["Saisie.ParticipantId"] = s.Lea.Id.ToString(), ["Saisie.Email"] = "", ["Saisie.Telephone"] = "" });

        Assert.Contains("e-mail ou un téléphone", (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.Email"), StringComparison.Ordinal);
        Assert.Empty(await CandidaturesAsync(s.StructureId));
    }

    [Fact]
    public async Task Un_referent_ne_propose_ni_ne_voit_que_ses_participants()
    {
        var s = await SituationAsync();
        var poste = await PosteAsync(s);

        // R2 cannot propose Léa (not his participant): refused beside the field, nothing written.
        var refus = await ProposerAsync(s.Referent2, poste, s.Lea);
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        Assert.NotEmpty((await AcheteursDeTest.DocumentAsync(refus)).ErreurDuChamp("Saisie.ParticipantId"));
        Assert.Empty(await CandidaturesAsync(s.StructureId));

        Redirige(await ProposerAsync(s.Referent1, poste, s.Lea), "/Placement/Candidature/");
        var candidature = Assert.Single(await CandidaturesAsync(s.StructureId));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Referent2.GetAsync($"/Placement/Candidature/{candidature.Id}")).StatusCode);
        Assert.Null((await s.Referent2.PageAsync($"/Placement/Poste/{poste.Id}")).GetElementById($"candidature-{candidature.Id}"));
        Assert.NotNull((await s.Referent1.PageAsync($"/Placement/Poste/{poste.Id}")).GetElementById($"candidature-{candidature.Id}"));
    }

    [Fact]
    public async Task Deux_entreprises_d_un_meme_lot_ne_voient_ni_les_postes_ni_les_candidats_l_une_de_l_autre()
    {
        var s = await SituationAsync();
        var (poste, candidature) = await PresenteeAsync(s);

        Assert.Null((await s.EntrepriseB.PageAsync("/Portail/Postes")).GetElementById($"poste-{poste.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await s.EntrepriseB.GetAsync($"/Portail/Postes/Details/{poste.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.EntrepriseB.GetAsync($"/Portail/Postes/Retenir/{candidature.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.EntrepriseB.GetAsync($"/Portail/Postes/NePasRetenir/{candidature.Id}")).StatusCode);

        // B records nothing on A's candidate: a 404 with a valid token, nothing written.
        var post = await FabriqueClause.PosterAsync(s.EntrepriseB, $"/Portail/Postes/NePasRetenir/{candidature.Id}",
            new() { ["Saisie.MotifNonRetenu"] = nameof(MotifNonRetenu.Autre), ["Saisie.PrecisionNonRetenu"] = "Non." }, "/Portail/Postes/Creer");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var statut = await FabriqueClause.PosterAsync(s.EntrepriseB, $"/Portail/Postes/Details/{poste.Id}?handler=Statut",
            new() { ["Statut"] = nameof(StatutPoste.Annule) }, "/Portail/Postes/Creer");
        Assert.Equal(HttpStatusCode.NotFound, statut.StatusCode);
        Assert.Equal(StatutCandidature.Presentee, Assert.Single(await CandidaturesAsync(s.StructureId)).Statut);
        Assert.Equal(StatutPoste.Ouvert, Assert.Single(await PostesAsync(s.StructureId)).Statut);
    }

    [Fact]
    public async Task Une_liste_restreinte_sans_reponse_depuis_plus_de_dix_jours_est_sur_l_accueil_du_facilitateur()
    {
        var s = await SituationAsync();
        var poste = await PosteAsync(s);
        var maintenant = app.Horloge.GetUtcNow();
        // Two shortlists written as the facilitateur would have, 11 days and 9 days ago (the réglage: 10 days).
        await app.EcrireAsync(async db =>
        {
            var p = await db.PostesAPourvoir.SingleAsync(x => x.Id == poste.Id);
            var lea = await db.Participants.Include(x => x.Decisions).SingleAsync(x => x.Id == s.Lea.Id);
            var reglages = ParticipantsDeTest.Reglages(s.StructureId);
            var c = Candidature.Proposer(p, lea, "lea@exemple.fr", null, reglages, SituationsContrats.Facilitateur, maintenant.AddDays(-12));
            c.Valider(p, lea, reglages, null, SituationsContrats.Facilitateur, maintenant.AddDays(-12));
            Candidature.PresenterListe(p, [c], SituationsContrats.Facilitateur, maintenant.AddDays(-11));
            db.Candidatures.Add(c);
        });

        var accueil = await s.Facilitateur.PageAsync("/");

        Assert.Contains("1 candidat(s)", accueil.Texte($"#sans-reponse-{poste.Id}"), StringComparison.Ordinal);
        Assert.Null(accueil.GetElementById($"sans-candidat-{poste.Id}"));
    }

    [Fact]
    public async Task Les_pages_du_placement_respectent_les_bases_du_RGAA()
    {
        var s = await SituationAsync();
        var (poste, candidature) = await PresenteeAsync(s);
        var pages = new (HttpClient Client, string Url)[]
        {
            (s.Facilitateur, "/Placement"), (s.Facilitateur, "/Placement/Creer"), (s.Facilitateur, $"/Placement/Poste/{poste.Id}"),
            (s.Facilitateur, $"/Placement/Candidature/{candidature.Id}"), (s.Facilitateur, $"/Placement/Valider/{candidature.Id}"),
            (s.Facilitateur, $"/Placement/Presenter/{poste.Id}"), (s.Facilitateur, "/"), (s.Referent1, "/"),
            (s.Referent1, $"/Placement/Candidater/Proposer/{poste.Id}"), (s.Referent1, $"/Placement/Candidater/Suite/{candidature.Id}"),
            (s.EntrepriseA, "/Portail/Postes"), (s.EntrepriseA, "/Portail/Postes/Creer"), (s.EntrepriseA, $"/Portail/Postes/Details/{poste.Id}"),
            (s.EntrepriseA, $"/Portail/Postes/Retenir/{candidature.Id}"), (s.EntrepriseA, $"/Portail/Postes/NePasRetenir/{candidature.Id}"),
        };
        var defauts = new List<string>();
        foreach (var (client, url) in pages)
            defauts.AddRange(AccessibiliteTests.Verifier(await client.PageAsync(url)).Select(d => $"{url} : {d}"));
        Assert.True(defauts.Count == 0, string.Join(Environment.NewLine, defauts));
    }

    private static void PasDeCategorie(string texte)
    {
        foreach (var (valeur, libelle) in Libelles.Tous<CategorieEligibilite>())
        {
            Assert.DoesNotContain(libelle, texte, StringComparison.Ordinal);
            Assert.DoesNotContain($">{valeur}<", texte, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("éligib", texte, StringComparison.OrdinalIgnoreCase);
    }
}
