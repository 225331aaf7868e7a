using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Embauches;

/// <summary>
/// Hire proposals against the real app ("today" 15/03/2026), posting the real forms. One structure: A (attributaire) and
/// B (an ACI, sous-traitant) on lot 1, A alone on lot 2, B alone on lot 3, D an ordinary company holding nothing; a
/// participant « Léa Martin » born 01/06/1990 already followed. A company proposes, sees « en attente », « validé » or
/// « refusé (motif) » and nothing else; the facilitateur is offered the match, links, registers, validates or refuses.
/// </summary>
public class EmbauchesPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private sealed record Situation(StructureId StructureId, LotDeTest Lot1, LotDeTest Lot2, LotDeTest Lot3, Entreprise A, Entreprise B, Entreprise D,
        Participant Lea);

    private async Task<Situation> SituationAsync()
    {
        var structure = await app.CreerStructureAsync();
        var lot1 = await app.SemerLotAsync(structure.Id, enExecution: true, numero: "2026-001");
        var a = lot1.Titulaire;
        var b = await app.CreerEntrepriseAsync(structure.Id, "Jardins de Loire", AcheteursDeTest.NouveauSiret(), TypeEmployeur.ACI);
        var d = await app.CreerEntrepriseAsync(structure.Id, "Loire Peinture et Décoration", AcheteursDeTest.NouveauSiret());
        await app.EcrireAsync(async db =>
        {
            var lot = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == lot1.Lot.Id);
            lot.Attribuer(await db.Entreprises.SingleAsync(e => e.Id == b.Id), RoleAttribution.SousTraitant, new DateOnly(2026, 1, 2));
        });
        var lot2 = await app.SemerLotAsync(structure.Id, SituationsMarches.LotF1("Charpente"), enExecution: true, marches: lot1.Marches, numero: "2026-002", titulaire: a);
        var lot3 = await app.SemerLotAsync(structure.Id, SituationsMarches.LotF1("Espaces verts"), enExecution: true, marches: lot1.Marches, numero: "2026-003", titulaire: b);
        var lea = await app.SemerParticipantAsync(structure.Id, "Martin", "Léa");
        return new Situation(structure.Id, lot1, lot2, lot3, a, b, d, lea);
    }

    private async Task<HttpClient> EntrepriseAsync(StructureId structureId, EntrepriseId entrepriseId) =>
        await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Entreprise, structureId, entrepriseId)).Email!);

    private async Task<HttpClient> FacilitateurAsync(StructureId structureId) =>
        await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Facilitateur, structureId)).Email!);

    private static Dictionary<string, string> Champs(LotId lot, EntrepriseId employeur, string nom = "MARTIN", string prenom = "lea",
        string naissance = "1990-06-01", string email = "lea.martin@exemple.fr", string telephone = "", string debut = "2026-04-01", string fin = "2026-09-30",
        string modalite = nameof(ModaliteContrat.EmbaucheDirecte)) => new()
        {
            ["Saisie.LotId"] = lot.ToString(),
            ["Saisie.Nom"] = nom,
            ["Saisie.Prenom"] = prenom,
            ["Saisie.DateNaissance"] = naissance,
            ["Saisie.Email"] = email,
            ["Saisie.Telephone"] = telephone,
            ["Saisie.Poste"] = "Maçon VRD",
            ["Saisie.TypeContrat"] = nameof(TypeContrat.CDDI),
            ["Saisie.DateDebut"] = debut,
            ["Saisie.FinPrevue"] = fin,
            ["Saisie.HeuresHebdo"] = "35",
            ["Saisie.Modalite"] = modalite,
            ["Saisie.EmployeurId"] = employeur.ToString(),
        };

    private static Task<HttpResponseMessage> ProposerAsync(HttpClient client, Dictionary<string, string> champs) =>
        FabriqueClause.PosterAsync(client, "/Portail/Embauches/Proposer", champs);

    private Task<List<PropositionEmbauche>> PropositionsAsync(StructureId structureId) =>
        app.LireBaseAsync(db => db.PropositionsEmbauche.IgnoreQueryFilters().AsNoTracking().Where(p => p.StructureId == structureId).ToListAsync());

    private async Task<PropositionEmbauche> ProposeeAsync(Situation s, HttpClient entreprise, Dictionary<string, string>? champs = null)
    {
        var reponse = await ProposerAsync(entreprise, champs ?? Champs(s.Lot1.Lot.Id, s.A.Id));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return (await PropositionsAsync(s.StructureId)).OrderByDescending(p => p.ProposeeLe).ThenByDescending(p => p.Id.Valeur).First();
    }

    private static void Redirige(HttpResponseMessage reponse, string vers)
    {
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith(vers, reponse.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_proposition_liee_a_un_participant_existant_puis_validee_et_l_entreprise_le_voit()
    {
        var s = await SituationAsync();
        var entreprise = await EntrepriseAsync(s.StructureId, s.A.Id);
        var facilitateur = await FacilitateurAsync(s.StructureId);

        var reponse = await ProposerAsync(entreprise, Champs(s.Lot1.Lot.Id, s.A.Id));
        Redirige(reponse, "/Portail/Embauches");
        var proposition = Assert.Single(await PropositionsAsync(s.StructureId));
        Assert.Equal((StatutProposition.EnAttente, "MARTIN", "lea"), (proposition.Statut, proposition.Nom, proposition.Prenom));
        Assert.Contains("en attente", (await entreprise.PageAsync("/Portail/Embauches")).Texte($"#proposition-{proposition.Id}"), StringComparison.Ordinal);

        // The queue lists it; the facilitateur's home counts it.
        Assert.NotNull((await facilitateur.PageAsync("/Embauches")).GetElementById($"proposition-{proposition.Id}"));
        Assert.Contains("1 proposition d'embauche attend une décision.", (await facilitateur.PageAsync("/")).Texte("#accueil-propositions"), StringComparison.Ordinal);

        var lier = await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Lier/{proposition.Id}", new() { ["Saisie.ParticipantId"] = s.Lea.Id.ToString() });
        Redirige(lier, $"/Embauches/Details/{proposition.Id}");
        var liee = Assert.Single(await PropositionsAsync(s.StructureId));
        Assert.Equal((StatutProposition.Liee, (ParticipantId?)s.Lea.Id), (liee.Statut, liee.ParticipantId));
        var contrat = await app.LireBaseAsync(db => db.Contrats.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == liee.ContratId));
        Assert.Equal((StatutContrat.Propose, OrigineProposition.Entreprise, s.A.Id, s.Lot1.Lot.Id), (contrat.Statut, contrat.Origine, contrat.EmployeurId, contrat.LotId));
        Assert.Contains("en attente", (await entreprise.PageAsync("/Portail/Embauches")).Texte(), StringComparison.Ordinal);

        var valider = await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Valider/{proposition.Id}", new() { ["Saisie.MotifDerogation"] = "" });
        Redirige(valider, $"/Embauches/Details/{proposition.Id}");

        Assert.Equal(StatutProposition.Validee, Assert.Single(await PropositionsAsync(s.StructureId)).Statut);
        Assert.Equal(StatutContrat.Valide, (await app.LireBaseAsync(db => db.Contrats.IgnoreQueryFilters().SingleAsync(c => c.Id == liee.ContratId))).Statut);
        var vue = await entreprise.PageAsync($"/Portail/Embauches/Details/{proposition.Id}");
        Assert.Equal("validé", vue.Texte(".statut-proposition"));
        Assert.Null((await facilitateur.PageAsync("/Embauches")).GetElementById($"proposition-{proposition.Id}"));
    }

    [Fact]
    public async Task La_correspondance_est_proposee_au_facilitateur_jamais_appliquee()
    {
        var s = await SituationAsync();
        var proposition = await ProposeeAsync(s, await EntrepriseAsync(s.StructureId, s.A.Id));
        var facilitateur = await FacilitateurAsync(s.StructureId);

        var page = await facilitateur.PageAsync($"/Embauches/Details/{proposition.Id}");

        // « MARTIN lea » matches « Léa Martin », same birth date: offered with its own button…
        Assert.NotNull(page.GetElementById($"correspondance-{s.Lea.Id}"));
        Assert.Contains("Lier à Léa Martin", page.Texte($"#correspondance-{s.Lea.Id}"), StringComparison.Ordinal);
        // …and nothing was linked nor created by reading it.
        var relue = Assert.Single(await PropositionsAsync(s.StructureId));
        Assert.Equal(StatutProposition.EnAttente, relue.Statut);
        Assert.Null(relue.ParticipantId);
        Assert.Equal(0, await app.LireBaseAsync(db => db.Contrats.IgnoreQueryFilters().CountAsync(c => c.LotId == s.Lot1.Lot.Id)));
    }

    [Fact]
    public async Task Sans_participant_correspondant_aucune_correspondance_n_est_proposee()
    {
        var s = await SituationAsync();
        var proposition = await ProposeeAsync(s, await EntrepriseAsync(s.StructureId, s.A.Id), Champs(s.Lot1.Lot.Id, s.A.Id, naissance: "1990-06-02"));

        var page = await (await FacilitateurAsync(s.StructureId)).PageAsync($"/Embauches/Details/{proposition.Id}");

        Assert.NotNull(page.GetElementById("aucune-correspondance"));
        Assert.Null(page.GetElementById($"correspondance-{s.Lea.Id}"));
    }

    [Fact]
    public async Task Une_proposition_refusee_avec_un_motif_l_entreprise_lit_refuse_et_le_motif()
    {
        var s = await SituationAsync();
        var entreprise = await EntrepriseAsync(s.StructureId, s.A.Id);
        var proposition = await ProposeeAsync(s, entreprise);
        var facilitateur = await FacilitateurAsync(s.StructureId);

        var sansMotif = await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Refuser/{proposition.Id}", new() { ["Saisie.MotifRefus"] = "" });
        Assert.Equal(HttpStatusCode.OK, sansMotif.StatusCode);
        Assert.Contains("Motif du refus", (await AcheteursDeTest.DocumentAsync(sansMotif)).ErreurDuChamp("Saisie.MotifRefus"), StringComparison.Ordinal);
        Assert.Equal(StatutProposition.EnAttente, Assert.Single(await PropositionsAsync(s.StructureId)).Statut);

        var refus = await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Refuser/{proposition.Id}", new() { ["Saisie.MotifRefus"] = "Poste déjà pourvu." });
        Redirige(refus, $"/Embauches/Details/{proposition.Id}");

        Assert.Equal(StatutProposition.Refusee, Assert.Single(await PropositionsAsync(s.StructureId)).Statut);
        var liste = await entreprise.PageAsync("/Portail/Embauches");
        Assert.Equal("refusé (Poste déjà pourvu.)", liste.Texte($"#proposition-{proposition.Id} .statut-proposition"));
    }

    [Fact]
    public async Task Une_proposition_liee_a_un_participant_nouvellement_inscrit_puis_validee_apres_son_eligibilite()
    {
        var s = await SituationAsync();
        var entreprise = await EntrepriseAsync(s.StructureId, s.A.Id);
        var proposition = await ProposeeAsync(s, entreprise, Champs(s.Lot1.Lot.Id, s.A.Id, nom: "Nouvelle", prenom: "Inès", naissance: "1995-03-02"));
        var facilitateur = await FacilitateurAsync(s.StructureId);

        // The participant's own form, prefilled from the proposal.
        var formulaire = FabriqueClause.ChampsDuFormulaire(await facilitateur.GetStringAsync($"/Embauches/Inscrire/{proposition.Id}"));
        Assert.Equal(("Nouvelle", "Inès", "1995-03-02"), (formulaire["Saisie.Nom"], formulaire["Saisie.Prenom"], formulaire["Saisie.DateNaissance"]));
        formulaire["Saisie.Sexe"] = nameof(Sexe.F);
        formulaire["Saisie.CodePostal"] = "37000";
        formulaire["Saisie.Commune"] = "Tours";
        formulaire["Saisie.NiveauQualification"] = nameof(NiveauQualification.Niveau3);
        formulaire["Saisie.ResidentQpv"] = "false";

        var reponse = await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Inscrire/{proposition.Id}", formulaire);
        Redirige(reponse, $"/Embauches/Details/{proposition.Id}");

        var liee = Assert.Single(await PropositionsAsync(s.StructureId));
        Assert.Equal(StatutProposition.Liee, liee.Statut);
        var inscrite = await app.LireBaseAsync(db => db.Participants.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == liee.ParticipantId));
        Assert.Equal(("Nouvelle", "Inès", new DateOnly(1995, 3, 2), "Tours"), (inscrite.Nom, inscrite.Prenom, inscrite.DateNaissance, inscrite.Commune));
        // No eligibility yet: the page says so and the validation is refused, nothing changes.
        Assert.NotNull((await facilitateur.PageAsync($"/Embauches/Details/{proposition.Id}")).GetElementById("avertissement-eligibilite"));
        var refusee = await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Valider/{proposition.Id}", new() { ["Saisie.MotifDerogation"] = "" });
        Assert.Equal(HttpStatusCode.OK, refusee.StatusCode);
        Assert.Contains("aucune décision d'éligibilité", (await AcheteursDeTest.DocumentAsync(refusee)).ErreurDuChamp("Saisie.DateDebut"), StringComparison.Ordinal);
        Assert.Equal(StatutProposition.Liee, Assert.Single(await PropositionsAsync(s.StructureId)).Statut);

        await app.EcrireAsync(async db =>
        {
            var p = await db.Participants.Include(x => x.Decisions).SingleAsync(x => x.Id == liee.ParticipantId);
            p.Valider(new DateOnly(2026, 3, 1), CategorieEligibilite.RSA);
        });
        Redirige(await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Valider/{proposition.Id}", new() { ["Saisie.MotifDerogation"] = "" }),
            $"/Embauches/Details/{proposition.Id}");

        Assert.Equal(StatutProposition.Validee, Assert.Single(await PropositionsAsync(s.StructureId)).Statut);
        Assert.Equal("validé", (await entreprise.PageAsync($"/Portail/Embauches/Details/{proposition.Id}")).Texte(".statut-proposition"));
    }

    [Fact]
    public async Task La_vue_de_l_entreprise_montre_les_statuts_et_jamais_une_categorie()
    {
        var s = await SituationAsync();
        var entreprise = await EntrepriseAsync(s.StructureId, s.A.Id);
        var facilitateur = await FacilitateurAsync(s.StructureId);
        var enAttente = await ProposeeAsync(s, entreprise, Champs(s.Lot1.Lot.Id, s.A.Id, nom: "Durand", prenom: "Paul", naissance: "1988-01-01"));
        var validee = await ProposeeAsync(s, entreprise);
        await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Lier/{validee.Id}", new() { ["Saisie.ParticipantId"] = s.Lea.Id.ToString() });
        await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Valider/{validee.Id}", new() { ["Saisie.MotifDerogation"] = "" });
        var refusee = await ProposeeAsync(s, entreprise, Champs(s.Lot2.Lot.Id, s.A.Id, nom: "Petit", prenom: "Rose", naissance: "1992-02-02"));
        await FabriqueClause.PosterAsync(facilitateur, $"/Embauches/Refuser/{refusee.Id}", new() { ["Saisie.MotifRefus"] = "La personne a décliné l'offre." });

        var page = await entreprise.PageAsync("/Portail/Embauches");

        Assert.Equal("en attente", page.Texte($"#proposition-{enAttente.Id} .statut-proposition"));
        Assert.Equal("validé", page.Texte($"#proposition-{validee.Id} .statut-proposition"));
        Assert.Equal("refusé (La personne a décliné l'offre.)", page.Texte($"#proposition-{refusee.Id} .statut-proposition"));
        // Léa Martin's eligibility (RSA) never reaches the company, nor any word of it.
        foreach (var url in new[] { "/Portail/Embauches", $"/Portail/Embauches/Details/{validee.Id}" })
        {
            var texte = (await entreprise.PageAsync(url)).Texte();
            Assert.DoesNotContain("RSA", texte, StringComparison.Ordinal);
            Assert.DoesNotContain("éligib", texte, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("catégor", texte, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("01/06/1990", texte, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string> MauvaisesSaisies() => new()
    {
        { "nom", "Saisie.Nom", "« Nom »" },
        { "joignable", "Saisie.Email", "un e-mail ou un téléphone" },
        { "naissance", "Saisie.DateNaissance", "futur" },
        { "fin", "Saisie.FinPrevue", "fin prévue" },
        { "modalite", "Saisie.EmployeurId", "une ETTI" },
        { "lot", "Saisie.LotId", "vos lots" },
        { "employeur", "Saisie.EmployeurId", "l'employeur dans la liste" },
        { "heures", "Saisie.HeuresHebdo", "Heures hebdomadaires" },
    };

    [Theory]
    [MemberData(nameof(MauvaisesSaisies))]
    public async Task Une_mauvaise_saisie_est_refusee_en_francais_sur_son_champ_et_rien_n_est_ecrit(string cas, string champ, string extrait)
    {
        var s = await SituationAsync();
        var entreprise = await EntrepriseAsync(s.StructureId, s.A.Id);
        var champs = Champs(s.Lot1.Lot.Id, s.A.Id);
        switch (cas)
        {
            case "nom": champs["Saisie.Nom"] = " "; break;
            case "joignable": champs["Saisie.Email"] = ""; champs["Saisie.Telephone"] = ""; break;
            case "naissance": champs["Saisie.DateNaissance"] = "2026-03-16"; break;
            case "fin": champs["Saisie.FinPrevue"] = "2026-03-31"; break;
            case "modalite": champs["Saisie.Modalite"] = nameof(ModaliteContrat.MiseADispositionEtti); break;
            case "lot": champs["Saisie.LotId"] = s.Lot3.Lot.Id.ToString(); break;
            case "employeur": champs["Saisie.EmployeurId"] = s.D.Id.ToString(); break;
            case "heures": champs["Saisie.HeuresHebdo"] = "trente-cinq"; break;
        }

        var reponse = await ProposerAsync(entreprise, champs);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var erreur = SituationsMarches.Espaces((await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp(champ));
        Assert.Contains(extrait, erreur, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await PropositionsAsync(s.StructureId));
    }

    [Fact]
    public async Task L_entreprise_ne_choisit_que_ses_lots_et_les_employeurs_permis_jamais_toutes_les_entreprises()
    {
        var s = await SituationAsync();

        var page = await (await EntrepriseAsync(s.StructureId, s.A.Id)).PageAsync("/Portail/Embauches/Proposer");

        var lots = page.QuerySelectorAll("#Saisie_LotId option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        Assert.Equal(new[] { s.Lot1.Lot.Id.ToString(), s.Lot2.Lot.Id.ToString() }.Order(), lots.Order());
        var employeurs = page.QuerySelectorAll("#Saisie_EmployeurId option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        Assert.Contains(s.A.Id.ToString(), employeurs);
        Assert.Contains(s.B.Id.ToString(), employeurs);
        Assert.DoesNotContain(s.D.Id.ToString(), employeurs);
        Assert.DoesNotContain("Siret", page.Texte(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Un_sous_traitant_du_lot_propose_avec_son_propre_employeur_en_sous_traitance()
    {
        var s = await SituationAsync();
        var b = await EntrepriseAsync(s.StructureId, s.B.Id);

        var reponse = await ProposerAsync(b, Champs(s.Lot1.Lot.Id, s.B.Id, modalite: nameof(ModaliteContrat.SousTraitanceSiae)));

        Redirige(reponse, "/Portail/Embauches");
        var p = Assert.Single(await PropositionsAsync(s.StructureId));
        Assert.Equal((s.B.Id, s.B.Id), (p.EntrepriseId, p.EmployeurId));
    }

    [Fact]
    public async Task Les_propositions_de_l_entreprise_A_repondent_404_aux_autres_entreprises()
    {
        var s = await SituationAsync();
        var proposition = await ProposeeAsync(s, await EntrepriseAsync(s.StructureId, s.A.Id));
        var autre = await app.CreerStructureAsync();
        var c = await app.CreerEntrepriseAsync(autre.Id, "Bâtiments de l'Indre", AcheteursDeTest.NouveauSiret());
        var b3 = await app.CreerEntrepriseAsync(s.StructureId, "Espaces Verts du Cher", AcheteursDeTest.NouveauSiret());
        await app.EcrireAsync(async db =>
        {
            var lot = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == s.Lot3.Lot.Id);
            lot.Attribuer(await db.Entreprises.SingleAsync(e => e.Id == b3.Id), RoleAttribution.CoTraitant, new DateOnly(2026, 1, 2));
        });

        // B: sous-traitant on the same lot; b3: on another lot only; c: another structure's company.
        foreach (var (structureId, entrepriseId) in new[] { (s.StructureId, s.B.Id), (s.StructureId, b3.Id), (autre.Id, c.Id) })
        {
            var client = await EntrepriseAsync(structureId, entrepriseId);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Portail/Embauches/Details/{proposition.Id}")).StatusCode);
            Assert.Null((await client.PageAsync("/Portail/Embauches")).GetElementById($"proposition-{proposition.Id}"));
            Assert.DoesNotContain("MARTIN", (await client.PageAsync("/Portail/Embauches")).Texte(), StringComparison.Ordinal);
        }
        // A lot of another company, named in the address, is a 404 too.
        var a = await EntrepriseAsync(s.StructureId, s.A.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/Portail/Embauches/Proposer?lotId={s.Lot3.Lot.Id}")).StatusCode);
        // Another structure's facilitateur: 404 on every page of the proposal.
        var ailleurs = await FacilitateurAsync(autre.Id);
        foreach (var page in new[] { "Details", "Lier", "Inscrire", "Valider", "Refuser" })
            Assert.Equal(HttpStatusCode.NotFound, (await ailleurs.GetAsync($"/Embauches/{page}/{proposition.Id}")).StatusCode);
        var refus = await FabriqueClause.PosterAsync(ailleurs, $"/Embauches/Refuser/{proposition.Id}", new() { ["Saisie.MotifRefus"] = "Forgé." },
            urlFormulaire: "/Embauches");
        Assert.Equal(HttpStatusCode.NotFound, refus.StatusCode);
        Assert.Equal(StatutProposition.EnAttente, Assert.Single(await PropositionsAsync(s.StructureId)).Statut);
    }

    [Theory]
    [InlineData(Roles.DonneurOrdre)]
    [InlineData(Roles.Referent)]
    public async Task Un_acheteur_ou_un_referent_n_a_aucun_acces_au_portail_ni_a_la_file(string role)
    {
        var s = await SituationAsync();
        var proposition = await ProposeeAsync(s, await EntrepriseAsync(s.StructureId, s.A.Id));
        var utilisateur = await app.CreerUtilisateurAsync(role, s.StructureId,
            donneurOrdreId: role == Roles.DonneurOrdre ? s.Lot1.Marches.DonneurOrdre.Id : null);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        foreach (var url in new[] { "/Portail/Embauches", "/Portail/Embauches/Proposer", $"/Portail/Embauches/Details/{proposition.Id}", "/Embauches",
                     $"/Embauches/Details/{proposition.Id}" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Une_entreprise_n_atteint_pas_la_file_du_facilitateur()
    {
        var s = await SituationAsync();
        var entreprise = await EntrepriseAsync(s.StructureId, s.A.Id);
        var proposition = await ProposeeAsync(s, entreprise);

        foreach (var url in new[] { "/Embauches", $"/Embauches/Details/{proposition.Id}", $"/Embauches/Lier/{proposition.Id}" })
            Assert.StartsWith("/Compte/AccesRefuse", (await entreprise.GetAsync(url)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
