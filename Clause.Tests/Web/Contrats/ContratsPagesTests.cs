using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Contrats;

/// <summary>
/// The contrats pages (DOMAIN.md §5 window, §6, §11): propose, validate, refuse, the eligibility enforced at validation
/// with its written override, the employer fitting the modality, dates against the lot, another structure's records,
/// the Referent's caseload, Direction reading only. "Now" is 15/03/2026; the lot runs through 2026.
/// </summary>
public class ContratsPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Derogation = "Embauche prévue en décembre, décalée par les intempéries du chantier.";

    /// <summary>A structure with a lot in execution held by « Bâtiments du Val SARL », a participant eligible since 10/01/2025.</summary>
    private sealed record Situation(StructureId StructureId, Lot Lot, Entreprise Titulaire, Participant Participant, SituationsMarches Marches);

    private async Task<Situation> SituationAsync(StructureId structureId, DateOnly? validation = null, bool sansDecision = false, Guid? referentId = null,
        string nom = "Martin")
    {
        var s = await app.SemerOperationAsync(structureId);
        var titulaire = s.UneEntreprise();
        var marche = s.UnMarche();
        var lot = marche.Lots[0];
        lot.Attribuer(titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        lot.Lancer();
        lot.MettreEnExecution();
        var participant = ParticipantsDeTest.UnParticipant(structureId, nom: nom, referentId: referentId);
        if (!sansDecision) participant.Valider(validation ?? new DateOnly(2025, 1, 10), CategorieEligibilite.RSA);
        await app.EcrireAsync(db =>
        {
            db.Entreprises.Add(titulaire);
            db.Marches.Add(marche);
            db.Participants.Add(participant);
        });
        return new Situation(structureId, lot, titulaire, participant, s);
    }

    private async Task<(HttpClient Client, Situation S)> FacilitateurAsync(DateOnly? validation = null, bool sansDecision = false)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        return (client, await SituationAsync(structure.Id, validation, sansDecision));
    }

    private static List<KeyValuePair<string, string>> Formulaire(Situation s, string debut = "2026-02-02", string fin = "2026-12-31",
        ModaliteContrat modalite = ModaliteContrat.EmbaucheDirecte, EntrepriseId? employeurId = null, bool valider = false, string motif = "",
        ParticipantId? participantId = null, LotId? lotId = null) =>
    [
        new("Saisie.ParticipantId", (participantId ?? s.Participant.Id).ToString()),
        new("Saisie.LotId", (lotId ?? s.Lot.Id).ToString()),
        new("Saisie.EmployeurId", (employeurId ?? s.Titulaire.Id).ToString()),
        new("Saisie.Modalite", modalite.ToString()),
        new("Saisie.TypeContrat", nameof(TypeContrat.CDDI)),
        new("Saisie.DateDebut", debut),
        new("Saisie.FinPrevue", fin),
        new("Saisie.HeuresHebdo", "35"),
        new("Saisie.Poste", "Maçon VRD"),
        new("Saisie.CodeRome", "f1703"),
        new("Saisie.ValiderImmediatement", valider ? "true" : "false"),
        new("Saisie.MotifDerogation", motif),
    ];

    private static Task<HttpResponseMessage> ProposerAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> champs) =>
        client.PosterChampsAsync("/Contrats/Creer", champs);

    private Task<List<Contrat>> ContratsAsync(StructureId structureId) =>
        app.LireBaseAsync(db => db.Contrats.IgnoreQueryFilters().AsNoTracking().Where(c => c.StructureId == structureId).ToListAsync());

    private static ContratId IdDansAdresse(HttpResponseMessage reponse)
    {
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return ContratId.De(Guid.Parse(reponse.Headers.Location!.OriginalString.Split('/')[^1]));
    }

    /// <summary>A contrat saved directly (proposed by the facilitateur), for the pages that act on one.</summary>
    private async Task<Contrat> ContratEnBaseAsync(Situation s, Participant? participant = null, bool valider = false)
    {
        var contrat = Contrat.Proposer(participant ?? s.Participant, s.Lot, s.Titulaire,
            new DonneesContrat(ModaliteContrat.EmbaucheDirecte, TypeContrat.CDDI, new DateOnly(2026, 2, 2), new DateOnly(2026, 12, 31)),
            s.Marches.Reglages, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        if (valider) contrat.Valider(participant ?? s.Participant, s.Marches.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await app.EcrireAsync(db => db.Contrats.Add(contrat));
        return contrat;
    }

    [Fact]
    public async Task Un_contrat_avec_quatre_champs_faux_affiche_les_quatre_erreurs_a_la_fois_et_n_ecrit_rien()
    {
        var (client, s) = await FacilitateurAsync();
        // « Heures hebdomadaires » is not read (the form); the start after the lot's end, the planned end before the start
        // and the ROME code are refused by the domain (Contrat.VerifierDonnees), all in the same answer.
        var champs = Formulaire(s, debut: "2030-01-01", fin: "2029-12-31")
            .Select(c => c.Key switch
            {
                "Saisie.HeuresHebdo" => new KeyValuePair<string, string>(c.Key, "abc"),
                "Saisie.CodeRome" => new KeyValuePair<string, string>(c.Key, "XX"),
                _ => c,
            }).ToList();

        var reponse = await ProposerAsync(client, champs);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var messages = new Dictionary<string, string>
        {
            ["Saisie_HeuresHebdo"] = "Le champ « Heures hebdomadaires » doit êt",
            ["Saisie_DateDebut"] = "Le contrat ne peut pas débuter après la fin d'exécution du lot",
            ["Saisie_FinPrevue"] = "La fin prévue doit être postérieure ou égale à la date de début.",
            ["Saisie_CodeRome"] = "Le code ROME doit comporter une lettre suivie de 4 chiffres (exemple : F1703).",
        };
        Assert.Equal(4, page.QuerySelectorAll("#resume-erreurs li").Length);
        foreach (var (id, message) in messages)
        {
            var champ = page.GetElementById(id)!;
            Assert.Equal("true", champ.GetAttribute("aria-invalid"));
            Assert.Contains(id + "-erreur", champ.GetAttribute("aria-describedby")!.Split(' '));
            Assert.Contains(message, page.GetElementById(id + "-erreur")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector($"#resume-erreurs a[href='#{id}']"));
        }
        Assert.Null(page.GetElementById("Saisie_Poste")!.GetAttribute("aria-invalid"));
        Assert.Empty(await ContratsAsync(s.StructureId));
    }

    [Fact]
    public async Task Un_contrat_propose_se_voit_sur_sa_fiche_son_lot_son_entreprise_et_son_participant()
    {
        var (client, s) = await FacilitateurAsync();

        var id = IdDansAdresse(await ProposerAsync(client, Formulaire(s)));

        var contrat = Assert.Single(await ContratsAsync(s.StructureId));
        Assert.Equal(id, contrat.Id);
        Assert.Equal(StatutContrat.Propose, contrat.Statut);
        Assert.Equal("F1703", contrat.CodeRome);
        Assert.Equal(35 * 60, contrat.HeuresHebdoMinutes);
        var fiche = await client.PageAsync($"/Contrats/Details/{id}");
        Assert.Equal("Proposé", fiche.Texte("#statut-contrat"));
        Assert.Equal("Dans la fenêtre", fiche.Texte("#eligibilite-contrat"));
        Assert.Contains("validée le 10/01/2025", fiche.Texte("#decision-couvrante"), StringComparison.Ordinal);
        Assert.Contains("au 10/01/2027", fiche.Texte("#decision-couvrante"), StringComparison.Ordinal);
        Assert.Contains("Marché 2026-001 – Lot 1 – Gros œuvre", fiche.Texte("main"), StringComparison.Ordinal);
        Assert.Contains("Aucune heure déclarée", fiche.Texte("#heures-du-contrat"), StringComparison.Ordinal);
        Assert.Contains("Création", fiche.Texte("section.historique"), StringComparison.Ordinal);

        var lot = await client.PageAsync($"/Lots/Details/{s.Lot.Id}");
        Assert.Contains("Martin Léa", lot.Texte("#contrats-lot"), StringComparison.Ordinal);
        Assert.Contains("À valider", lot.Texte("#contrats-lot"), StringComparison.Ordinal);
        Assert.NotNull(lot.QuerySelector($"#contrats-lot a[href='/Contrats/Details/{id}']"));
        Assert.NotNull(lot.QuerySelector($"#contrats-lot a[href='/Contrats/Creer?lotId={s.Lot.Id}']"));
        var entreprise = await client.PageAsync($"/Entreprises/Details/{s.Titulaire.Id}");
        Assert.Contains("Martin Léa", entreprise.Texte("#contrats-entreprise"), StringComparison.Ordinal);
        Assert.NotNull(entreprise.QuerySelector($"#contrats-entreprise a[href='/Contrats/Details/{id}']"));
        var participant = await client.PageAsync($"/Participants/Details/{s.Participant.Id}");
        Assert.Contains("Marché 2026-001 – Lot 1 – Gros œuvre", participant.Texte("#contrats-participant"), StringComparison.Ordinal);
        Assert.NotNull(participant.QuerySelector($"#contrats-participant a[href='/Contrats/Details/{id}']"));
        Assert.NotNull(participant.QuerySelector($"#contrats-participant a[href='/Contrats/Creer?participantId={s.Participant.Id}']"));
        var liste = await client.PageAsync("/Contrats?statut=Propose");
        Assert.Contains("Martin Léa", liste.Texte("#liste-contrats"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_formulaire_preselectionne_le_participant_et_montre_sa_fenetre_d_eligibilite()
    {
        var (client, s) = await FacilitateurAsync();

        var page = await client.PageAsync($"/Contrats/Creer?participantId={s.Participant.Id}&lotId={s.Lot.Id}");

        Assert.Contains("Décision du 10/01/2025 : un contrat débutant du 10/01/2025 au 10/01/2027 compte (fenêtre ouverte)",
            page.Texte("#eligibilite-participant"), StringComparison.Ordinal);
        var champs = FabriqueClause.ChampsDuFormulaire(page.DocumentElement.OuterHtml);
        Assert.Equal(s.Participant.Id.ToString(), champs["Saisie.ParticipantId"]);
        Assert.Equal(s.Lot.Id.ToString(), champs["Saisie.LotId"]);
        Assert.Equal("true", champs["Saisie.ValiderImmediatement"]);
    }

    [Fact]
    public async Task Sans_decision_d_eligibilite_la_fiche_le_dit()
    {
        var (client, s) = await FacilitateurAsync(sansDecision: true);

        var page = await client.PageAsync($"/Contrats/Creer?participantId={s.Participant.Id}");

        Assert.Contains("Aucune décision d'éligibilité", page.Texte("#eligibilite-participant"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valider_un_contrat_propose_enregistre_qui_et_quand()
    {
        var (client, s) = await FacilitateurAsync();
        var contrat = await ContratEnBaseAsync(s);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Contrats/Valider/{contrat.Id}", new() { ["Saisie.MotifDerogation"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var relu = Assert.Single(await ContratsAsync(s.StructureId));
        Assert.Equal(StatutContrat.Valide, relu.Statut);
        Assert.True(relu.EligibiliteValide);
        Assert.Equal("Facilitateur de test", relu.DecideParNom);
        var fiche = await client.PageAsync($"/Contrats/Details/{contrat.Id}");
        Assert.Equal("Validé", fiche.Texte("#statut-contrat"));
        Assert.Equal("Compte", fiche.Texte("#eligibilite-contrat"));
        Assert.Contains("Validé par", fiche.Texte("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valider_immediatement_valide_dans_le_meme_enregistrement()
    {
        var (client, s) = await FacilitateurAsync();

        IdDansAdresse(await ProposerAsync(client, Formulaire(s, valider: true)));

        var contrat = Assert.Single(await ContratsAsync(s.StructureId));
        Assert.Equal(StatutContrat.Valide, contrat.Statut);
        Assert.True(contrat.EligibiliteValide);
    }

    [Fact]
    public async Task Refuser_sans_motif_est_refuse_puis_avec_motif_le_contrat_est_refuse()
    {
        var (client, s) = await FacilitateurAsync();
        var contrat = await ContratEnBaseAsync(s);

        var sansMotif = await FabriqueClause.PosterAsync(client, $"/Contrats/Refuser/{contrat.Id}", new() { ["Saisie.MotifRefus"] = "  " });

        Assert.Equal(HttpStatusCode.OK, sansMotif.StatusCode);
        Assert.Equal("Le champ « Motif du refus » est obligatoire.", (await AcheteursDeTest.DocumentAsync(sansMotif)).ErreurDuChamp("Saisie.MotifRefus"));
        Assert.Equal(StatutContrat.Propose, Assert.Single(await ContratsAsync(s.StructureId)).Statut);

        var avecMotif = await FabriqueClause.PosterAsync(client, $"/Contrats/Refuser/{contrat.Id}",
            new() { ["Saisie.MotifRefus"] = "Le participant a trouvé un emploi ailleurs." });

        Assert.Equal(HttpStatusCode.Redirect, avecMotif.StatusCode);
        var relu = Assert.Single(await ContratsAsync(s.StructureId));
        Assert.Equal(StatutContrat.Refuse, relu.Statut);
        Assert.Equal("Le participant a trouvé un emploi ailleurs.", relu.MotifRefus);
        var fiche = await client.PageAsync($"/Contrats/Details/{contrat.Id}");
        Assert.Equal("Le participant a trouvé un emploi ailleurs.", fiche.Texte("#motif-refus"));
        Assert.Null(fiche.QuerySelector("a[href^='/Contrats/Modifier']"));
    }

    [Fact]
    public async Task Un_contrat_sans_decision_d_eligibilite_est_refuse_a_la_validation_sans_rien_ecrire()
    {
        var (client, s) = await FacilitateurAsync(sansDecision: true);

        var immediat = await ProposerAsync(client, Formulaire(s, valider: true));

        Assert.Equal(HttpStatusCode.OK, immediat.StatusCode);
        const string Message = "Ce participant n'a aucune décision d'éligibilité validée : un facilitateur doit d'abord valider son éligibilité.";
        Assert.Equal(Message, (await AcheteursDeTest.DocumentAsync(immediat)).ErreurDuChamp("Saisie.DateDebut"));
        Assert.Empty(await ContratsAsync(s.StructureId));

        // Proposed only, it waits; its validation is refused with the same message beside the start date.
        var contrat = await ContratEnBaseAsync(s);
        Assert.Equal("Éligibilité non validée", (await client.PageAsync($"/Contrats/Details/{contrat.Id}")).Texte("#eligibilite-contrat"));
        var validation = await FabriqueClause.PosterAsync(client, $"/Contrats/Valider/{contrat.Id}", new() { ["Saisie.MotifDerogation"] = "" });
        Assert.Equal(HttpStatusCode.OK, validation.StatusCode);
        Assert.Equal(Message, (await AcheteursDeTest.DocumentAsync(validation)).ErreurDuChamp("Saisie.DateDebut"));
        Assert.Equal(StatutContrat.Propose, Assert.Single(await ContratsAsync(s.StructureId)).Statut);
    }

    [Fact]
    public async Task Fenetre_de_24_mois_le_10_01_2026_compte_le_11_01_2026_demande_une_derogation()
    {
        // DOMAIN.md §5: validated 10/01/2024 → a contract starting 10/01/2026 counts; 11/01/2026 needs an override.
        var (client, s) = await FacilitateurAsync(validation: new DateOnly(2024, 1, 10));

        var dansLaFenetre = await ProposerAsync(client, Formulaire(s, debut: "2026-01-10", valider: true));
        Assert.Equal(HttpStatusCode.Redirect, dansLaFenetre.StatusCode);

        var horsFenetre = await ProposerAsync(client, Formulaire(s, debut: "2026-01-11", valider: true));
        Assert.Equal(HttpStatusCode.OK, horsFenetre.StatusCode);
        Assert.Equal("Le contrat débute le 11/01/2026, hors de la fenêtre d'éligibilité (décision du 10/01/2024, fenêtre jusqu'au 10/01/2026) : "
            + "une dérogation motivée est nécessaire.", (await AcheteursDeTest.DocumentAsync(horsFenetre)).ErreurDuChamp("Saisie.DateDebut"));
        Assert.Single(await ContratsAsync(s.StructureId));

        var id = IdDansAdresse(await ProposerAsync(client, Formulaire(s, debut: "2026-01-11", valider: true, motif: Derogation)));

        var contrat = (await ContratsAsync(s.StructureId)).Single(c => c.Id == id);
        Assert.True(contrat.EligibiliteValide);
        Assert.Equal(Derogation, contrat.MotifDerogation);
        var fiche = await client.PageAsync($"/Contrats/Details/{id}");
        Assert.Equal("Compte (avec dérogation)", fiche.Texte("#eligibilite-contrat"));
        Assert.Equal($"accordée par Facilitateur de test le 15/03/2026 à 10:00 — motif : « {Derogation} »", fiche.Texte("#derogation"));
    }

    [Fact]
    public async Task Une_derogation_a_la_validation_d_une_proposition_hors_fenetre()
    {
        var (client, s) = await FacilitateurAsync(validation: new DateOnly(2024, 1, 10));
        var id = IdDansAdresse(await ProposerAsync(client, Formulaire(s, debut: "2026-02-02")));
        Assert.Equal("Hors fenêtre : dérogation à prévoir", (await client.PageAsync($"/Contrats/Details/{id}")).Texte("#eligibilite-contrat"));

        var sans = await FabriqueClause.PosterAsync(client, $"/Contrats/Valider/{id}", new() { ["Saisie.MotifDerogation"] = "" });
        Assert.Contains("une dérogation motivée est nécessaire", (await AcheteursDeTest.DocumentAsync(sans)).ErreurDuChamp("Saisie.DateDebut"), StringComparison.Ordinal);
        var court = await FabriqueClause.PosterAsync(client, $"/Contrats/Valider/{id}", new() { ["Saisie.MotifDerogation"] = "Urgent" });
        Assert.Equal("Le motif de la dérogation doit comporter au moins 10 caractères.",
            (await AcheteursDeTest.DocumentAsync(court)).ErreurDuChamp("Saisie.MotifDerogation"));
        Assert.Equal(StatutContrat.Propose, Assert.Single(await ContratsAsync(s.StructureId)).Statut);

        var avec = await FabriqueClause.PosterAsync(client, $"/Contrats/Valider/{id}", new() { ["Saisie.MotifDerogation"] = Derogation });

        Assert.Equal(HttpStatusCode.Redirect, avec.StatusCode);
        var contrat = Assert.Single(await ContratsAsync(s.StructureId));
        Assert.True(contrat.EligibiliteValide);
        Assert.Equal("Facilitateur de test", contrat.DerogationParNom);
    }

    [Fact]
    public async Task Une_derogation_sans_motif_est_refusee_sur_son_champ_et_rien_n_est_enregistre()
    {
        // Validated 10/01/2024: the window ends 10/01/2026. Validated starting 05/01/2026, then moved to 02/02/2026: flagged.
        var (client, s) = await FacilitateurAsync(validation: new DateOnly(2024, 1, 10));
        var contrat = Contrat.Proposer(s.Participant, s.Lot, s.Titulaire,
            new DonneesContrat(ModaliteContrat.EmbaucheDirecte, TypeContrat.CDDI, new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31)),
            s.Marches.Reglages, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        contrat.Valider(s.Participant, s.Marches.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        contrat.Modifier(new DonneesContrat(ModaliteContrat.EmbaucheDirecte, TypeContrat.CDDI, new DateOnly(2026, 2, 2), new DateOnly(2026, 12, 31)),
            s.Lot, s.Titulaire, s.Participant, s.Marches.Reglages);
        Assert.False(contrat.EligibiliteValide);
        await app.EcrireAsync(db => db.Contrats.Add(contrat));

        foreach (var motif in new[] { "", "   " })
        {
            var sans = await FabriqueClause.PosterAsync(client, $"/Contrats/Deroger/{contrat.Id}", new() { ["Saisie.MotifDerogation"] = motif });

            Assert.Equal(HttpStatusCode.OK, sans.StatusCode);
            Assert.Equal("Le champ « Motif de la dérogation » est obligatoire.",
                (await AcheteursDeTest.DocumentAsync(sans)).ErreurDuChamp("Saisie.MotifDerogation"));
            var relu = Assert.Single(await ContratsAsync(s.StructureId));
            Assert.Null(relu.MotifDerogation);
            Assert.Null(relu.DerogationParNom);
            Assert.False(relu.EligibiliteValide);
        }

        var avec = await FabriqueClause.PosterAsync(client, $"/Contrats/Deroger/{contrat.Id}", new() { ["Saisie.MotifDerogation"] = Derogation });

        Assert.Equal(HttpStatusCode.Redirect, avec.StatusCode);
        var accorde = Assert.Single(await ContratsAsync(s.StructureId));
        Assert.Equal(Derogation, accorde.MotifDerogation);
        Assert.True(accorde.EligibiliteValide);
    }

    [Fact]
    public async Task Une_derogation_sur_un_contrat_dans_la_fenetre_est_refusee_au_lieu_d_etre_dite_enregistree()
    {
        var (client, s) = await FacilitateurAsync();
        var contrat = await ContratEnBaseAsync(s, valider: true);
        Assert.True(contrat.EligibiliteValide);

        var sans = await FabriqueClause.PosterAsync(client, $"/Contrats/Deroger/{contrat.Id}", new() { ["Saisie.MotifDerogation"] = "" });
        Assert.Equal("Le champ « Motif de la dérogation » est obligatoire.",
            (await AcheteursDeTest.DocumentAsync(sans)).ErreurDuChamp("Saisie.MotifDerogation"));

        var avec = await FabriqueClause.PosterAsync(client, $"/Contrats/Deroger/{contrat.Id}", new() { ["Saisie.MotifDerogation"] = Derogation });

        Assert.Equal(HttpStatusCode.OK, avec.StatusCode);
        Assert.Equal("Ce contrat débute dans la fenêtre d'éligibilité du participant : il n'a pas besoin de dérogation, rien n'est enregistré.",
            (await AcheteursDeTest.DocumentAsync(avec)).ErreurDuChamp("Saisie.MotifDerogation"));
        Assert.Null(Assert.Single(await ContratsAsync(s.StructureId)).MotifDerogation);
    }

    [Fact]
    public async Task Un_motif_de_derogation_sans_validation_immediate_est_signale_sans_rien_ecrire()
    {
        var (client, s) = await FacilitateurAsync();

        var reponse = await ProposerAsync(client, Formulaire(s, valider: false, motif: Derogation));

        Assert.Equal("Le motif de dérogation n'est utilisé qu'à la validation : cochez « Valider immédiatement » ou videz ce champ.",
            (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.MotifDerogation"));
        Assert.Empty(await ContratsAsync(s.StructureId));
    }

    [Fact]
    public async Task Une_modalite_qui_ne_convient_pas_a_l_employeur_est_refusee_sur_le_champ_employeur()
    {
        var (client, s) = await FacilitateurAsync();
        var autre = await app.SemerEntrepriseAsync(s.Marches, "Menuiseries Durand");

        var etti = await ProposerAsync(client, Formulaire(s, modalite: ModaliteContrat.MiseADispositionEtti));
        Assert.Equal("La modalité « Mise à disposition par une ETTI » demande une ETTI : « Bâtiments du Val SARL » est de type « Entreprise classique ».",
            (await AcheteursDeTest.DocumentAsync(etti)).ErreurDuChamp("Saisie.EmployeurId"));

        var directe = await ProposerAsync(client, Formulaire(s, employeurId: autre.Id));
        Assert.Equal("La modalité « Embauche directe » demande une entreprise titulaire du lot (attributaire ou co-traitante) : "
            + "« Menuiseries Durand » n'est ni attributaire ni co-traitante de ce lot.",
            (await AcheteursDeTest.DocumentAsync(directe)).ErreurDuChamp("Saisie.EmployeurId"));
        Assert.Empty(await ContratsAsync(s.StructureId));
    }

    [Theory]
    [InlineData("2025-11-30", "2026-12-31", "Saisie.DateDebut", "Le contrat ne peut pas débuter avant le 02/12/2025 : le lot commence le 01/01/2026 (anticipation de 30 jours au plus).")]
    [InlineData("2027-01-04", "2027-06-30", "Saisie.DateDebut", "Le contrat ne peut pas débuter après la fin d'exécution du lot (31/12/2026).")]
    [InlineData("2026-03-01", "2026-02-01", "Saisie.FinPrevue", "La fin prévue doit être postérieure ou égale à la date de début.")]
    [InlineData("", "2026-12-31", "Saisie.DateDebut", "Le champ « Date de début » est obligatoire.")]
    public async Task Des_dates_hors_du_lot_sont_refusees_sans_rien_ecrire(string debut, string fin, string champ, string message)
    {
        var (client, s) = await FacilitateurAsync();

        var reponse = await ProposerAsync(client, Formulaire(s, debut: debut, fin: fin));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(message, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp(champ));
        Assert.Empty(await ContratsAsync(s.StructureId));
    }

    [Fact]
    public async Task Des_heures_hebdomadaires_illisibles_sont_refusees_en_francais()
    {
        var (client, s) = await FacilitateurAsync();
        var champs = Formulaire(s).Where(c => c.Key != "Saisie.HeuresHebdo").Append(new("Saisie.HeuresHebdo", "trente-cinq"));

        var reponse = await ProposerAsync(client, champs);

        Assert.Equal("Le champ « Heures hebdomadaires » doit être un nombre d'heures écrit en chiffres, avec au plus 2 décimales (exemple : 1 500 ou 151,67).",
            (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.HeuresHebdo"));
        Assert.Empty(await ContratsAsync(s.StructureId));
    }

    [Fact]
    public async Task Participant_lot_ou_employeur_d_une_autre_structure_sont_refuses_sur_leur_champ()
    {
        var (client, s) = await FacilitateurAsync();
        var ailleurs = await SituationAsync((await app.CreerStructureAsync()).Id);

        var reponse = await ProposerAsync(client, Formulaire(s, participantId: ailleurs.Participant.Id, lotId: ailleurs.Lot.Id, employeurId: ailleurs.Titulaire.Id));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Choisissez un participant de votre structure dans la liste.", page.ErreurDuChamp("Saisie.ParticipantId"));
        Assert.StartsWith("Choisissez un lot dans la liste", page.ErreurDuChamp("Saisie.LotId"), StringComparison.Ordinal);
        Assert.Equal("Choisissez un employeur de votre structure dans la liste.", page.ErreurDuChamp("Saisie.EmployeurId"));
        Assert.Empty(await ContratsAsync(s.StructureId));
        Assert.Empty(await ContratsAsync(ailleurs.StructureId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contrats/Creer?participantId={ailleurs.Participant.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contrats/Creer?lotId={ailleurs.Lot.Id}")).StatusCode);
    }

    [Fact]
    public async Task Le_contrat_d_une_autre_structure_repond_404_en_lecture_comme_en_ecriture()
    {
        var (client, s) = await FacilitateurAsync();
        var ailleurs = await SituationAsync((await app.CreerStructureAsync()).Id);
        var contrat = await ContratEnBaseAsync(ailleurs);
        var monContrat = await ContratEnBaseAsync(s);

        foreach (var page in new[] { "Details", "Modifier", "Valider", "Refuser", "Fin", "Deroger" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contrats/{page}/{contrat.Id}")).StatusCode);
        // The antiforgery token is read on one of my own contrat's pages, then posted against the other structure's contrat.
        foreach (var (page, champ, valeur) in new[] { ("Valider", "Saisie.MotifDerogation", ""), ("Refuser", "Saisie.MotifRefus", "Motif forgé"),
                     ("Fin", "Saisie.FinReelle", "2026-06-30"), ("Deroger", "Saisie.MotifDerogation", Derogation) })
        {
            var reponse = await FabriqueClause.PosterAsync(client, $"/Contrats/{page}/{contrat.Id}", new() { [champ] = valeur },
                urlFormulaire: $"/Contrats/{page}/{monContrat.Id}");
            Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        }
        var modification = await client.PosterChampsAsync($"/Contrats/Modifier/{contrat.Id}", Formulaire(ailleurs), $"/Contrats/Modifier/{monContrat.Id}");
        Assert.Equal(HttpStatusCode.NotFound, modification.StatusCode);
        Assert.Equal(StatutContrat.Propose, Assert.Single(await ContratsAsync(ailleurs.StructureId)).Statut);
        Assert.Single((await client.PageAsync("/Contrats")).QuerySelectorAll("#liste-contrats tbody tr"));
    }

    [Fact]
    public async Task Modifier_les_dates_et_enregistrer_la_fin_reelle()
    {
        var (client, s) = await FacilitateurAsync();
        var contrat = await ContratEnBaseAsync(s, valider: true);
        var formulaire = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync($"/Contrats/Modifier/{contrat.Id}"));
        Assert.Equal("2026-02-02", formulaire["Saisie.DateDebut"]);
        formulaire["Saisie.DateDebut"] = "2026-03-02";
        formulaire["Saisie.Poste"] = "Coffreur bancheur";

        var reponse = await FabriqueClause.PosterAsync(client, $"/Contrats/Modifier/{contrat.Id}", formulaire);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var relu = Assert.Single(await ContratsAsync(s.StructureId));
        Assert.Equal(new DateOnly(2026, 3, 2), relu.DateDebut);
        Assert.Equal("Coffreur bancheur", relu.Poste);

        var avantDebut = await FabriqueClause.PosterAsync(client, $"/Contrats/Fin/{contrat.Id}", new() { ["Saisie.FinReelle"] = "2026-03-01" });
        Assert.Equal("La date de fin réelle doit être postérieure ou égale à la date de début.",
            (await AcheteursDeTest.DocumentAsync(avantDebut)).ErreurDuChamp("Saisie.FinReelle"));
        var fin = await FabriqueClause.PosterAsync(client, $"/Contrats/Fin/{contrat.Id}", new() { ["Saisie.FinReelle"] = "2026-06-30" });

        Assert.Equal(HttpStatusCode.Redirect, fin.StatusCode);
        Assert.Equal(new DateOnly(2026, 6, 30), Assert.Single(await ContratsAsync(s.StructureId)).FinReelle);
        var fiche = await client.PageAsync($"/Contrats/Details/{contrat.Id}");
        Assert.Equal("30/06/2026", fiche.Texte("#fin-reelle"));
        Assert.Contains("Fin réelle", fiche.Texte("section.historique"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_referent_ne_voit_que_les_contrats_de_ses_participants()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var s = await SituationAsync(structure.Id, referentId: referent.Id);
        var autre = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Durand", prenom: "Karim");
        autre.Valider(new DateOnly(2025, 1, 10), CategorieEligibilite.RSA);
        await app.EcrireAsync(db => db.Participants.Add(autre));
        var sien = await ContratEnBaseAsync(s);
        var pasSien = await ContratEnBaseAsync(s, autre);
        var client = await app.ConnecterAsync(referent.Email!);

        var liste = await client.PageAsync("/Contrats");

        Assert.Contains("Martin Léa", liste.Texte("#liste-contrats"), StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", liste.Texte("main"), StringComparison.Ordinal);
        Assert.Null(liste.QuerySelector("a[href^='/Lots/Details']"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Contrats/Details/{sien.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contrats/Details/{pasSien.Id}")).StatusCode);
        Assert.Contains("Marché 2026-001", (await client.PageAsync($"/Participants/Details/{s.Participant.Id}")).Texte("#contrats-participant"),
            StringComparison.Ordinal);
        var creer = await client.GetAsync("/Contrats/Creer");
        Assert.Equal(HttpStatusCode.Redirect, creer.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", creer.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_direction_lit_les_contrats_mais_ne_peut_pas_les_changer()
    {
        var structure = await app.CreerStructureAsync();
        var s = await SituationAsync(structure.Id);
        var contrat = await ContratEnBaseAsync(s);
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, structure.Id);
        var client = await app.ConnecterAsync(direction.Email!);

        var fiche = await client.PageAsync($"/Contrats/Details/{contrat.Id}");
        Assert.Null(fiche.QuerySelector("form[action*='/Contrats/Valider']"));
        Assert.Contains("Martin Léa", (await client.PageAsync("/Contrats")).Texte("#liste-contrats"), StringComparison.Ordinal);
        foreach (var page in new[] { "Creer", $"Modifier/{contrat.Id}", $"Valider/{contrat.Id}", $"Refuser/{contrat.Id}", $"Fin/{contrat.Id}" })
        {
            var reponse = await client.GetAsync($"/Contrats/{page}");
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        var validation = await FabriqueClause.PosterAsync(client, $"/Contrats/Valider/{contrat.Id}", new() { ["Saisie.MotifDerogation"] = "" },
            urlFormulaire: $"/Contrats/Details/{contrat.Id}");
        Assert.Equal(HttpStatusCode.Redirect, validation.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", validation.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(StatutContrat.Propose, Assert.Single(await ContratsAsync(structure.Id)).Statut);
    }

    [Theory]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    [InlineData(Roles.Administrateur)]
    public async Task Les_autres_roles_n_ont_pas_acces_aux_contrats(string role)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        var reponse = await client.GetAsync("/Contrats");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<SituationApresClause?> SituationEnBaseAsync(ContratId id) =>
        app.LireBaseAsync(db => db.Contrats.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id).Select(c => c.SituationApres).SingleAsync());

    private static Task<HttpResponseMessage> PosterSituationAsync(HttpClient client, ContratId id, string valeur) =>
        client.PosterChampsAsync($"/Contrats/Situation/{id}", [new("Saisie.Situation", valeur)], "/Compte/MonCompte");

    [Fact]
    public async Task La_situation_apres_la_clause_s_enregistre_et_une_saisie_invalide_est_refusee_en_nommant_le_champ_sans_rien_changer()
    {
        var (client, s) = await FacilitateurAsync();
        var contrat = await ContratEnBaseAsync(s, valider: true);

        var enregistree = await PosterSituationAsync(client, contrat.Id, nameof(SituationApresClause.EmploiDurable));
        Assert.Equal(HttpStatusCode.Redirect, enregistree.StatusCode);
        Assert.Equal(SituationApresClause.EmploiDurable, await SituationEnBaseAsync(contrat.Id));

        var refus = await PosterSituationAsync(client, contrat.Id, "Patate");
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        Assert.Contains("Le champ « Situation » n'accepte pas cette valeur.", WebUtility.HtmlDecode(await refus.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Equal(SituationApresClause.EmploiDurable, await SituationEnBaseAsync(contrat.Id));
        var horsListe = await PosterSituationAsync(client, contrat.Id, "99");
        Assert.Equal(HttpStatusCode.OK, horsListe.StatusCode);
        // A number out of the list: the same message naming the field (LiaisonEnumerations), linked to that field.
        var lien = (await AcheteursDeTest.DocumentAsync(horsListe)).QuerySelector("#resume-erreurs a[href='#Saisie_Situation']");
        Assert.Equal("Le champ « Situation » n'accepte pas cette valeur.", lien?.TextContent.Trim());
        Assert.Equal(SituationApresClause.EmploiDurable, await SituationEnBaseAsync(contrat.Id));

        var propose = await ContratEnBaseAsync(s);
        var surPropose = await PosterSituationAsync(client, propose.Id, nameof(SituationApresClause.SansSolution));
        Assert.Equal(HttpStatusCode.OK, surPropose.StatusCode);
        Assert.Equal("La situation après la clause ne s'enregistre que sur un contrat validé.",
            (await AcheteursDeTest.DocumentAsync(surPropose)).ErreurDuChamp("Saisie.SituationApres"));
        Assert.Null(await SituationEnBaseAsync(propose.Id));
    }

    [Fact]
    public async Task La_situation_d_un_contrat_d_une_autre_structure_repond_404_et_rien_ne_change()
    {
        var (client, _) = await FacilitateurAsync();
        var ailleurs = await SituationAsync((await app.CreerStructureAsync()).Id);
        var contrat = await ContratEnBaseAsync(ailleurs, valider: true);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contrats/Situation/{contrat.Id}")).StatusCode);
        var reponse = await PosterSituationAsync(client, contrat.Id, nameof(SituationApresClause.EmploiDurable));
        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Null(await SituationEnBaseAsync(contrat.Id));
    }

    [Theory]
    [InlineData(Roles.Direction)]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    public async Task Seul_le_facilitateur_enregistre_la_situation_apres_la_clause(string role)
    {
        var structure = await app.CreerStructureAsync();
        var s = await SituationAsync(structure.Id);
        var contrat = await ContratEnBaseAsync(s, valider: true);
        var utilisateur = await app.CreerUtilisateurAsync(role, structure.Id, role == Roles.Entreprise ? s.Titulaire.Id : null,
            role == Roles.DonneurOrdre ? s.Marches.DonneurOrdre.Id : null);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var page = await client.GetAsync($"/Contrats/Situation/{contrat.Id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var envoi = await FabriqueClause.PosterAsync(client, $"/Contrats/Situation/{contrat.Id}",
            new() { ["Saisie.Situation"] = nameof(SituationApresClause.EmploiDurable) }, urlFormulaire: "/Compte/MonCompte");
        Assert.NotEqual(HttpStatusCode.OK, envoi.StatusCode);
        Assert.Null(await SituationEnBaseAsync(contrat.Id));
    }
}
