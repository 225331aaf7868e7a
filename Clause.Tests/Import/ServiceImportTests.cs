using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Import;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Import;

/// <summary>
/// The import applied to the domain on a real SQLite database (issue 11): a valid workbook written in one go, the same
/// workbook again changing nothing, one cell changed updating one record (audited with the import as origin), and each kind
/// of error — a cell, a reference, a rule of the domain — reported at its sheet, row and column with nothing written.
/// </summary>
public sealed class ServiceImportTests : IDisposable
{
    private readonly BaseDeTest _base = new();
    private readonly Guid _utilisateur = Guid.NewGuid();

    public void Dispose() => _base.Dispose();

    private async Task<StructureId> StructureAsync()
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using var systeme = _base.Systeme();
        systeme.Structures.Add(structure);
        await systeme.SaveChangesAsync();
        return structure.Id;
    }

    private async Task<RapportImport> ImporterAsync(StructureId structure, ClasseurDeTest classeur, bool aBlanc = false, bool facilitateur = true)
    {
        await using var db = _base.Pour(structure, "Camille Facilitatrice", _utilisateur);
        var service = new ServiceImport(db, _base.Horloge);
        return await service.ImporterAsync(classeur, [], "reprise.xlsx", new Auteur(_utilisateur, "Camille Facilitatrice", facilitateur), aBlanc);
    }

    private static (string, int, string)[] Positions(RapportImport rapport) => rapport.Erreurs.Select(e => (e.Feuille, e.Ligne, e.Colonne)).ToArray();

    private async Task RienEcritAsync(StructureId structure)
    {
        await using var db = _base.Pour(structure);
        Assert.Equal(0, await db.DonneursOrdre.CountAsync());
        Assert.Equal(0, await db.Entreprises.CountAsync());
        Assert.Equal(0, await db.Participants.CountAsync());
        Assert.Equal(0, await db.Contrats.CountAsync());
        Assert.Equal(0, await db.DeclarationsHeures.CountAsync());
        Assert.Equal(0, await db.LiensImport.CountAsync());
        Assert.Equal(0, await db.MoisSales.CountAsync());
        Assert.Equal(ResultatImport.Refuse, (await db.JournauxImport.SingleAsync()).Resultat);
    }

    private async Task<(string, int, string)[]> ErreursAsync(ClasseurDeTest classeur)
    {
        var structure = await StructureAsync();
        var rapport = await ImporterAsync(structure, classeur);
        Assert.False(rapport.Valide);
        Assert.All(rapport.Erreurs, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        await RienEcritAsync(structure);
        return Positions(rapport);
    }

    [Fact]
    public async Task Un_classeur_valide_est_importe_en_une_fois_avec_ses_compteurs_et_les_totaux_du_lot()
    {
        var structure = await StructureAsync();

        var rapport = await ImporterAsync(structure, ClasseurDeTest.Valide());

        Assert.True(rapport.Valide, string.Join("\n", rapport.Erreurs));
        Assert.Equal(FormatImport.Feuilles.Select(f => f.Nom), rapport.Compteurs.Keys);
        Assert.Equal(new CompteursFeuille(1, 0, 0), rapport.Compteurs["DonneursOrdre"]);
        Assert.Equal(new CompteursFeuille(2, 0, 0), rapport.Compteurs["Entreprises"]);
        Assert.Equal(new CompteursFeuille(1, 0, 0), rapport.Compteurs["Attributions"]);
        Assert.Equal(new CompteursFeuille(2, 0, 0), rapport.Compteurs["Heures"]);
        await using var db = _base.Pour(structure);
        var lot = await db.Lots.SingleAsync();
        Assert.Equal(Duree.Heures(833), lot.HeuresDues);
        var bilan = await new RequetesHeures(db, _base.Horloge).BilanAsync(lot.Id);
        Assert.Equal(100 * 60 + 9_100, bilan!.RealiseesMinutes);
        var contrat = await db.Contrats.SingleAsync();
        Assert.Equal(StatutContrat.Valide, contrat.Statut);
        Assert.True(contrat.EligibiliteValide);
        var decision = await db.DecisionsEligibilite.SingleAsync();
        Assert.Equal(_utilisateur, decision.ValideParId);
        Assert.Equal(Clause.Domain.Operations.StatutOperation.EnExecution, (await db.Operations.SingleAsync()).Statut);
        // The months touched are marked for recompilation (MarquageMoisSales, in the same save).
        Assert.Equal([202502, 202503], (await db.MoisSales.Select(m => m.Mois).ToListAsync()).Select(m => m.Code).Order());
        var journal = await db.JournauxImport.SingleAsync();
        Assert.Equal((ResultatImport.Importe, "reprise.xlsx", "Camille Facilitatrice"), (journal.Resultat, journal.NomFichier, journal.NomUtilisateur));
        Assert.Equal(rapport.Compteurs, ServiceImport.LireCompteurs(journal));
    }

    [Fact]
    public async Task Le_meme_classeur_importe_deux_fois_ne_cree_rien_et_compte_tout_inchange()
    {
        var structure = await StructureAsync();
        Assert.True((await ImporterAsync(structure, ClasseurDeTest.Valide())).Valide);

        var second = await ImporterAsync(structure, ClasseurDeTest.Valide());

        Assert.True(second.Valide, string.Join("\n", second.Erreurs));
        Assert.All(second.Compteurs, c => Assert.Equal(0, c.Value.Crees + c.Value.Modifies));
        Assert.Equal(1, second.Compteurs["Lots"].Inchanges);
        Assert.Equal(2, second.Compteurs["Heures"].Inchanges);
        await using var db = _base.Pour(structure);
        Assert.Equal(1, await db.DonneursOrdre.CountAsync());
        Assert.Equal(1, await db.Lots.CountAsync());
        Assert.Equal(1, await db.ObligationsInsertion.CountAsync());
        Assert.Equal(2, await db.Entreprises.CountAsync());
        Assert.Equal(1, await db.Attributions.CountAsync());
        Assert.Equal(1, await db.Participants.CountAsync());
        Assert.Equal(1, await db.DecisionsEligibilite.CountAsync());
        Assert.Equal(1, await db.Contrats.CountAsync());
        Assert.Equal(2, await db.VersionsDeclaration.CountAsync());
    }

    [Fact]
    public async Task Une_cellule_changee_modifie_un_seul_enregistrement_et_l_audit_nomme_l_import()
    {
        var structure = await StructureAsync();
        Assert.True((await ImporterAsync(structure, ClasseurDeTest.Valide())).Valide);

        var rapport = await ImporterAsync(structure, ClasseurDeTest.Valide().Changer(FormatImport.Entreprises, 2, "RaisonSociale", "BTP Centre Val de Loire"));

        Assert.True(rapport.Valide, string.Join("\n", rapport.Erreurs));
        Assert.Equal(1, rapport.Compteurs.Values.Sum(c => c.Modifies));
        Assert.Equal(new CompteursFeuille(0, 1, 1), rapport.Compteurs["Entreprises"]);
        await using var db = _base.Pour(structure);
        var entreprise = await db.Entreprises.SingleAsync(e => e.Siret == ClasseurDeTest.SiretBtp);
        Assert.Equal("BTP Centre Val de Loire", entreprise.RaisonSociale);
        var audit = await db.JournalAudit.Where(j => j.EntiteId == entreprise.Id.Valeur && j.Action == ActionAudit.Modification).SingleAsync();
        Assert.Equal(rapport.JournalId, audit.ImportId);
        Assert.Contains("BTP Centre Val de Loire", audit.Changements, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Des_heures_changees_font_une_nouvelle_version_de_la_meme_ligne()
    {
        var structure = await StructureAsync();
        Assert.True((await ImporterAsync(structure, ClasseurDeTest.Valide())).Valide);

        var rapport = await ImporterAsync(structure, ClasseurDeTest.Valide().Changer(FormatImport.Heures, 3, "Heures", "120"));

        Assert.Equal(new CompteursFeuille(0, 1, 1), rapport.Compteurs["Heures"]);
        await using var db = _base.Pour(structure);
        var ligne = await db.DeclarationsHeures.SingleAsync(d => d.Mois == new Mois(2025, 3));
        Assert.Equal(120 * 60, ligne.Minutes);
        Assert.Equal(2, ligne.VersionCourante);
    }

    [Fact]
    public async Task A_blanc_le_rapport_est_le_meme_et_rien_n_est_ecrit()
    {
        var structure = await StructureAsync();

        var rapport = await ImporterAsync(structure, ClasseurDeTest.Valide(), aBlanc: true);

        Assert.True(rapport.Valide);
        Assert.False(rapport.Ecrit);
        Assert.Equal(new CompteursFeuille(2, 0, 0), rapport.Compteurs["Heures"]);
        await using var db = _base.Pour(structure);
        Assert.Equal(0, await db.DonneursOrdre.CountAsync());
        Assert.Equal(0, await db.LiensImport.CountAsync());
        Assert.Equal(ResultatImport.Verifie, (await db.JournauxImport.SingleAsync()).Resultat);
    }

    [Fact]
    public async Task Un_code_inconnu_est_signale_a_sa_cellule()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.DonneursOrdre, 2, "Type", "Mairie"));
        Assert.Equal([("DonneursOrdre", 2, "Type")], positions);
    }

    [Fact]
    public async Task Une_date_illisible_est_signalee_a_sa_cellule()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.Marches, 2, "DebutExecution", "01/01/2025"));
        Assert.Equal([("Marches", 2, "DebutExecution")], positions);
    }

    [Fact]
    public async Task Un_mois_illisible_est_signale_a_sa_cellule()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.Heures, 2, "Mois", "2025-13"));
        Assert.Equal([("Heures", 2, "Mois")], positions);
    }

    [Fact]
    public async Task Des_heures_a_trois_decimales_sont_refusees()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.Heures, 3, "Heures", "10,125"));
        Assert.Equal([("Heures", 3, "Heures")], positions);
    }

    [Fact]
    public async Task Une_reference_vers_une_ligne_inexistante_est_signalee()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.Contrats, 2, "Lot", "L9"));
        Assert.Equal([("Contrats", 2, "Lot")], positions);
    }

    [Fact]
    public async Task Une_reference_dupliquee_dans_sa_feuille_est_signalee()
    {
        var classeur = ClasseurDeTest.Valide()
            .Ligne(FormatImport.Entreprises, ("Ref", "e1"), ("RaisonSociale", "Autre"), ("Siret", "35600000049837"), ("Type", "Classique"));
        var positions = await ErreursAsync(classeur);
        Assert.Equal([("Entreprises", 4, "Ref")], positions);
    }

    [Fact]
    public async Task Une_reference_vers_une_autre_feuille_est_signalee()
    {
        var structure = await StructureAsync();
        var rapport = await ImporterAsync(structure, ClasseurDeTest.Valide().Changer(FormatImport.Contrats, 2, "Employeur", "P1"));
        Assert.Equal([("Contrats", 2, "Employeur")], Positions(rapport));
        Assert.Contains("« Participants »", rapport.Erreurs[0].Message, StringComparison.Ordinal);
        await RienEcritAsync(structure);
    }

    [Fact]
    public async Task Un_contrat_hors_fenetre_d_eligibilite_sans_derogation_est_refuse()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.Participants, 2, "DateValidationEligibilite", "2022-01-10"));
        Assert.Equal([("Contrats", 2, "DateDebut")], positions);
    }

    [Fact]
    public async Task Un_contrat_hors_fenetre_avec_derogation_est_importe_et_compte()
    {
        var structure = await StructureAsync();
        var rapport = await ImporterAsync(structure, ClasseurDeTest.Valide()
            .Changer(FormatImport.Participants, 2, "DateValidationEligibilite", "2022-01-10")
            .Changer(FormatImport.Contrats, 2, "Derogation", "Parcours suivi sans interruption depuis 2022."));
        Assert.True(rapport.Valide, string.Join("\n", rapport.Erreurs));
        await using var db = _base.Pour(structure);
        var contrat = await db.Contrats.SingleAsync();
        Assert.True(contrat.AvecDerogation);
        Assert.True(contrat.EligibiliteValide);
    }

    [Fact]
    public async Task Un_employeur_qui_ne_convient_pas_a_la_modalite_est_refuse()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.Contrats, 2, "Employeur", "E2"));
        Assert.Equal([("Contrats", 2, "Employeur")], positions);
    }

    [Fact]
    public async Task Le_maximum_mensuel_d_un_participant_vaut_sur_tous_ses_lots()
    {
        var classeur = ClasseurDeTest.Valide()
            .Ligne(FormatImport.Lots, ("Ref", "L2"), ("Marche", "M1"), ("Numero", "2"), ("Libelle", "Second œuvre"), ("MontantHT", "300000"),
                ("DebutExecution", "2025-01-01"), ("FinExecution", "2026-12-31"), ("Fondement", "ConditionExecution"), ("Methode", "F3"), ("HeuresDues", "200"))
            .Ligne(FormatImport.Attributions, ("Lot", "L2"), ("Entreprise", "E1"), ("Role", "Attributaire"))
            .Ligne(FormatImport.Contrats, ("Ref", "C2"), ("Participant", "P1"), ("Lot", "L2"), ("Employeur", "E1"), ("Modalite", "EmbaucheDirecte"),
                ("TypeContrat", "CDD"), ("DateDebut", "2025-02-01"), ("DateFin", "2025-12-31"))
            .Changer(FormatImport.Heures, 2, "Heures", "200")
            .Ligne(FormatImport.Heures, ("Contrat", "C2"), ("Mois", "2025-02"), ("Heures", "100"));
        var positions = await ErreursAsync(classeur);
        Assert.Equal([("Heures", 4, "Heures")], positions);
    }

    [Fact]
    public async Task Un_lot_reserve_a_la_fois_aux_SIAE_et_aux_EA_est_refuse()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.Lots, 2, "Fondement", "MarcheReserveSiae+MarcheReserveEaEsat"));
        Assert.Equal([("Lots", 2, "Fondement")], positions);
    }

    [Fact]
    public async Task Un_SIRET_invalide_est_refuse()
    {
        var positions = await ErreursAsync(ClasseurDeTest.Valide().Changer(FormatImport.Entreprises, 2, "Siret", "73282932000075"));
        Assert.Equal([("Entreprises", 2, "Siret")], positions);
    }

    [Fact]
    public async Task Des_heures_dues_F1_differentes_du_calcul_sont_signalees()
    {
        var structure = await StructureAsync();
        var rapport = await ImporterAsync(structure, ClasseurDeTest.Valide().Changer(FormatImport.Lots, 2, "HeuresDues", "800"));
        Assert.Equal([("Lots", 2, "HeuresDues")], Positions(rapport));
        Assert.Contains("833", rapport.Erreurs[0].Message, StringComparison.Ordinal);
        await RienEcritAsync(structure);
    }

    [Fact]
    public async Task Les_dates_Excel_reelles_valent_les_dates_texte()
    {
        var structure = await StructureAsync();
        var classeur = ClasseurDeTest.Valide();
        var naissance = new DateTime(1990, 5, 1).ToOADate();
        classeur = ClasseurDeTest.Valide();
        var lignes = classeur.Lignes(FormatImport.Participants, []).ToList();
        var cellules = lignes[0].Cellules.ToDictionary(c => c.Key, c => c.Value);
        cellules["DateNaissance"] = new CelluleLue(naissance.ToString(System.Globalization.CultureInfo.InvariantCulture), naissance);
        var remplace = new ClasseurDeTest();
        foreach (var feuille in FormatImport.Feuilles)
            foreach (var ligne in classeur.Lignes(feuille, []))
                remplace.Ligne(feuille, (feuille == FormatImport.Participants ? cellules : ligne.Cellules).Select(c => (c.Key, (object)c.Value)).ToArray());

        var rapport = await ImporterAsync(structure, remplace);

        Assert.True(rapport.Valide, string.Join("\n", rapport.Erreurs));
        await using var db = _base.Pour(structure);
        Assert.Equal(new DateOnly(1990, 5, 1), (await db.Participants.SingleAsync()).DateNaissance);
    }

    [Fact]
    public async Task Le_meme_classeur_dans_une_autre_structure_ne_touche_pas_la_premiere()
    {
        var a = await StructureAsync();
        var b = await StructureAsync();
        Assert.True((await ImporterAsync(a, ClasseurDeTest.Valide())).Valide);

        var rapportB = await ImporterAsync(b, ClasseurDeTest.Valide().Changer(FormatImport.Entreprises, 2, "RaisonSociale", "Autre nom"));

        // B's links are B's own: everything is created in B, nothing of A is read or changed.
        Assert.True(rapportB.Valide, string.Join("\n", rapportB.Erreurs));
        Assert.Equal(new CompteursFeuille(2, 0, 0), rapportB.Compteurs["Entreprises"]);
        await using var dbA = _base.Pour(a);
        Assert.Equal("BTP Centre", (await dbA.Entreprises.SingleAsync(e => e.Siret == ClasseurDeTest.SiretBtp)).RaisonSociale);
        Assert.Equal(8, await dbA.LiensImport.CountAsync());
    }

    [Fact]
    public async Task Une_heure_hors_periode_est_gardee_et_signalee()
    {
        var structure = await StructureAsync();
        var rapport = await ImporterAsync(structure, ClasseurDeTest.Valide().Ligne(FormatImport.Heures, ("Contrat", "C1"), ("Mois", "2026-01"), ("Heures", "10")));
        Assert.True(rapport.Valide, string.Join("\n", rapport.Erreurs));
        Assert.Equal([("Heures", 4, "Mois")], rapport.Avertissements.Select(e => (e.Feuille, e.Ligne, e.Colonne)).ToArray());
        await using var db = _base.Pour(structure);
        Assert.True((await db.DeclarationsHeures.SingleAsync(d => d.Mois == new Mois(2026, 1))).HorsPeriode);
    }

    [Fact]
    public async Task Les_erreurs_de_version_du_lecteur_refusent_le_classeur()
    {
        var structure = await StructureAsync();
        await using var db = _base.Pour(structure, "Camille Facilitatrice", _utilisateur);
        var rapport = await new ServiceImport(db, _base.Horloge).ImporterAsync(ClasseurDeTest.Valide(),
            [new ErreurImport(FormatImport.FeuilleVersion, 1, "A", "La feuille « Version » est absente.")], "x.xlsx",
            new Auteur(_utilisateur, "Camille Facilitatrice", true), aBlanc: false);
        Assert.False(rapport.Valide);
        Assert.Equal(0, await db.DonneursOrdre.CountAsync());
    }
}
