using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>
/// A company's declaration of a month (ServiceSoumissions over GrilleHeures, real SQLite): all or nothing with every
/// refused line named, the month declared → rejected → corrected → validated with its versions and the lot's totals,
/// each « Bad input » of issue 9 on the hours, the draft, and the company scope.
/// </summary>
public sealed class SoumissionsServiceTests : IDisposable
{
    private static readonly Mois Mars = new(2026, 3);
    private static readonly Guid ContactId = Guid.Parse("0193a000-0000-7000-8000-00000000c0a1");

    private readonly BaseDeTest _base = new();
    private readonly FakeTimeProvider _horloge = new(SituationsContrats.Maintenant);

    public void Dispose() => _base.Dispose();

    /// <summary>
    /// Lot A (s.Lot, 2026) held by the titulaire with Léa Martin (contrat A1) and Paul Bernard (A2); lot B held by the same
    /// company with Léa too (B1); a SIAE sous-traitant on lot A employing Nina Petit (ST, sous-traitance: amounts allowed).
    /// </summary>
    private sealed record Situation(SituationsContrats S, Lot LotB, Entreprise SousTraitant, Contrat A1, Contrat A2, Contrat B1, Contrat ST);

    private async Task<Situation> SituationAsync(DateOnly? finA1 = null)
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        var lotB = s.Marches.UnMarche("2026-002").Lots[0];
        lotB.Attribuer(s.Titulaire, RoleAttribution.Attributaire, null);
        var sousTraitant = s.UnEmployeur(TypeEmployeur.ACI, "Régie Sanitas");
        s.Lot.Attribuer(sousTraitant, RoleAttribution.SousTraitant, null);
        var paul = s.UnParticipantEligible("Bernard");
        var nina = s.UnParticipantEligible("Petit");
        var a1 = s.UnContratValide(fin: finA1);
        var a2 = s.UnContratValide(participant: paul);
        var b1 = s.UnContratValide(participant: s.Participant, lot: lotB);
        var st = s.UnContratValide(ModaliteContrat.SousTraitanceSiae, sousTraitant, nina);
        await using var db = _base.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
        db.Operations.Add(s.Marches.Operation);
        db.Entreprises.AddRange(s.Titulaire, sousTraitant);
        db.Marches.AddRange(s.Lot.Marche, lotB.Marche);
        db.Participants.AddRange(s.Participant, paul, nina);
        db.Contrats.AddRange(a1, a2, b1, st);
        await db.SaveChangesAsync();
        return new Situation(s, lotB, sousTraitant, a1, a2, b1, st);
    }

    /// <summary>A context acting as a contact of <paramref name="entreprise"/> (or as a facilitateur of the structure).</summary>
    private SqliteClauseDbContext Contexte(StructureId structureId, EntrepriseId? entreprise)
    {
        var contexte = new ContexteExecution();
        contexte.DefinirUtilisateur(entreprise is null ? ParticipantsDeTest.FacilitateurId : ContactId, "Test", structureId, entreprise, null);
        return _base.Avec(contexte);
    }

    private ServiceSoumissions Service(ClauseDbContext db) =>
        new(db, new ServiceHeures(db, new RequetesHeures(db), _horloge), new BoiteEnvoi(db, _horloge), _horloge);

    private async Task<ResultatSoumission> SoumettreAsync(Situation x, Mois mois, params LigneSoumise[] lignes)
    {
        await using var db = Contexte(x.S.StructureId, x.S.Titulaire.Id);
        return await Service(db).SoumettreAsync(x.S.Titulaire.Id, mois, lignes, SituationsContrats.Entreprise, "chef.chantier@batiments-val.fr");
    }

    private static LigneSoumise Heures(Contrat contrat, long heures) => new(contrat.Id, Duree.Heures(heures), null);

    private async Task<(int Lignes, int Versions, int Soumises)> CompterAsync()
    {
        await using var db = _base.Systeme();
        return (await db.DeclarationsHeures.CountAsync(), await db.VersionsDeclaration.CountAsync(),
            await db.SoumissionsHeures.CountAsync(s => s.Statut == StatutSoumission.Soumise));
    }

    private async Task<BilanHeures> BilanAsync(Situation x)
    {
        await using var db = _base.Pour(x.S.StructureId);
        return (await new RequetesHeures(db).BilanAsync(x.S.Lot.Id))!;
    }

    private async Task<IReadOnlyList<ContratDuMois>> GrilleAsync(Situation x, Mois mois, EntrepriseId? entreprise = null)
    {
        await using var db = Contexte(x.S.StructureId, entreprise ?? x.S.Titulaire.Id);
        return await new RequetesPortail(db).ContratsDuMoisAsync(entreprise ?? x.S.Titulaire.Id, mois);
    }

    [Fact]
    public async Task La_grille_du_mois_liste_les_contrats_valides_de_l_employeur_par_lot_puis_participant()
    {
        var x = await SituationAsync();

        var grille = await GrilleAsync(x, Mars);

        Assert.Equal([x.A2.Id, x.A1.Id, x.B1.Id], grille.Select(c => c.ContratId));
        Assert.EndsWith(" Bernard", grille[0].Participant, StringComparison.Ordinal);
        Assert.Equal("Lot 1 — Gros œuvre", $"Lot {grille[0].LotNumero} — {grille[0].LotLibelle}");
        Assert.All(grille, c => Assert.Null(c.Ligne));
        Assert.All(grille, c => Assert.False(c.AccepteMontant));
        // The sous-traitant sees only its own contrat, declarable as an amount (§7.4).
        var sousTraitance = Assert.Single(await GrilleAsync(x, Mars, x.SousTraitant.Id));
        Assert.Equal(x.ST.Id, sousTraitance.ContratId);
        Assert.True(sousTraitance.AccepteMontant);
        // A contact asking for another company's month: nothing.
        await using var db = Contexte(x.S.StructureId, x.SousTraitant.Id);
        Assert.Empty(await new RequetesPortail(db).ContratsDuMoisAsync(x.S.Titulaire.Id, Mars));
    }

    [Fact]
    public async Task La_grille_ne_garde_pas_un_contrat_termine_avant_le_mois()
    {
        var x = await SituationAsync(finA1: new DateOnly(2026, 2, 28));

        Assert.DoesNotContain(await GrilleAsync(x, Mars), c => c.ContratId == x.A1.Id);
        Assert.Contains(await GrilleAsync(x, new Mois(2026, 2)), c => c.ContratId == x.A1.Id);
    }

    [Fact]
    public async Task Une_soumission_ecrit_chaque_ligne_declaree_avec_son_identifiant()
    {
        var x = await SituationAsync();

        var resultat = await SoumettreAsync(x, Mars, Heures(x.A1, 35), Heures(x.A2, 70), new LigneSoumise(x.B1.Id, null, null));

        Assert.Empty(resultat.Refus);
        Assert.NotNull(resultat.Id);
        var grille = await GrilleAsync(x, Mars);
        Assert.Equal(StatutDeclaration.Declaree, grille.Single(c => c.ContratId == x.A1.Id).Ligne!.Statut);
        Assert.Equal(70 * 60, grille.Single(c => c.ContratId == x.A2.Id).Ligne!.Minutes);
        Assert.Null(grille.Single(c => c.ContratId == x.B1.Id).Ligne);
        await using var db = _base.Systeme();
        Assert.All(await db.VersionsDeclaration.ToListAsync(), v => Assert.Equal(resultat.Id, v.SoumissionId));
        var soumission = await db.SoumissionsHeures.Include(s => s.Lignes).SingleAsync();
        Assert.Equal(StatutSoumission.Soumise, soumission.Statut);
        Assert.Equal("chef.chantier@batiments-val.fr", soumission.SoumiseParEmail);
        Assert.Equal(2, soumission.Lignes.Count);
        Assert.Equal(Duree.Heures(105), (await BilanAsync(x)).EnAttente);
    }

    [Fact]
    public async Task Une_ligne_refusee_parmi_des_bonnes_n_ecrit_rien_et_chaque_refus_est_nomme()
    {
        var x = await SituationAsync();

        var resultat = await SoumettreAsync(x, Mars, Heures(x.A1, 35), Heures(x.A2, 0), Heures(x.B1, 20), Heures(x.ST, 10));

        Assert.Null(resultat.Id);
        Assert.Collection(resultat.Refus,
            r =>
            {
                Assert.Equal(1, r.Index);
                Assert.Equal(x.A2.Id, r.ContratId);
                Assert.Equal("Heures", r.Champ);
                Assert.Contains("supérieures à 0", r.Message, StringComparison.Ordinal);
            },
            r =>
            {
                // Another company's contrat (the sous-traitant's) posted in the grid.
                Assert.Equal(3, r.Index);
                Assert.Equal(x.ST.Id, r.ContratId);
                Assert.Contains("n'est pas un contrat validé de votre entreprise", r.Message, StringComparison.Ordinal);
            });
        Assert.Equal((0, 0, 0), await CompterAsync());
        await using var db = _base.Systeme();
        Assert.Equal(0, await db.SoumissionsHeures.CountAsync());
    }

    [Fact]
    public async Task Un_mois_declare_rejete_corrige_puis_valide_garde_ses_versions_et_les_totaux_du_lot()
    {
        var x = await SituationAsync();
        var avant = await BilanAsync(x);

        var premiere = await SoumettreAsync(x, Mars, Heures(x.A1, 35));
        var declare = await BilanAsync(x);
        Assert.Equal(avant.Realisees, declare.Realisees);
        Assert.Equal(Duree.Heures(35), declare.EnAttente);

        var ligne = (await GrilleAsync(x, Mars)).Single(c => c.ContratId == x.A1.Id).Ligne!;
        await using (var db = Contexte(x.S.StructureId, null))
            await Service(db).RejeterAsync(ligne.DeclarationId, "Le relevé indique 32 heures.", SituationsContrats.Facilitateur, m => $"https://clause.test/Portail/Heures/Mois/{m.Code}");
        var rejete = await BilanAsync(x);
        Assert.Equal(Duree.Heures(0), rejete.EnAttente);
        Assert.Equal(avant.Realisees, rejete.Realisees);
        // The notice is in the outbox, written with the rejection, keyed by the line and its rejected version.
        MessageSortant mail;
        await using (var boite = _base.Systeme())
            mail = Assert.Single(await boite.MessagesSortants.AsNoTracking().ToListAsync());
        Assert.Equal($"rejet:{ligne.DeclarationId.Valeur:N}:1", mail.CleIdempotence);
        Assert.Equal(x.S.StructureId, mail.StructureId);
        Assert.Equal(StatutMessage.EnAttente, mail.Statut);
        Assert.Equal("chef.chantier@batiments-val.fr", mail.Destinataire);
        Assert.Contains("Le relevé indique 32 heures.", mail.Texte, StringComparison.Ordinal);
        Assert.Contains("Léa Martin", mail.Texte, StringComparison.Ordinal);
        Assert.Contains("https://clause.test/Portail/Heures/Mois/202603", mail.Html, StringComparison.Ordinal);
        var rejetee = (await GrilleAsync(x, Mars)).Single(c => c.ContratId == x.A1.Id).Ligne!;
        Assert.Equal(StatutDeclaration.Rejetee, rejetee.Statut);
        Assert.Equal("Le relevé indique 32 heures.", rejetee.MotifRejet);

        var correction = await SoumettreAsync(x, Mars, Heures(x.A1, 32));
        Assert.NotEqual(premiere.Id, correction.Id);
        Assert.Equal(Duree.Heures(32), (await BilanAsync(x)).EnAttente);

        await using (var db = Contexte(x.S.StructureId, null))
            Assert.Equal(1, await Service(db).ValiderSoumissionAsync(correction.Id!.Value, SituationsContrats.Facilitateur));
        var valide = await BilanAsync(x);
        Assert.Equal(Duree.Heures(0), valide.EnAttente);
        Assert.Equal(avant.Realisees + Duree.Heures(32), valide.Realisees);

        await using var lecture = _base.Systeme();
        var versions = await lecture.VersionsDeclaration.OrderBy(v => v.Numero).ToListAsync();
        Assert.Collection(versions,
            v =>
            {
                Assert.Equal(StatutDeclaration.Rejetee, v.Statut);
                Assert.Equal(35 * 60, v.Minutes);
                Assert.Equal(premiere.Id, v.SoumissionId);
            },
            v =>
            {
                Assert.Equal(StatutDeclaration.Validee, v.Statut);
                Assert.Equal(32 * 60, v.Minutes);
                Assert.Equal(correction.Id, v.SoumissionId);
            });
        Assert.Equal(1, await lecture.DeclarationsHeures.CountAsync());
        Assert.Equal(2, await lecture.SoumissionsHeures.CountAsync(s => s.Statut == StatutSoumission.Soumise));
    }

    [Fact]
    public async Task Un_mois_valide_est_verrouille_pour_l_entreprise()
    {
        var x = await SituationAsync();
        var premiere = await SoumettreAsync(x, Mars, Heures(x.A1, 35));
        await using (var db = Contexte(x.S.StructureId, null))
            await Service(db).ValiderSoumissionAsync(premiere.Id!.Value, SituationsContrats.Facilitateur);
        var avant = await CompterAsync();

        var resultat = await SoumettreAsync(x, Mars, Heures(x.A1, 40), Heures(x.A2, 10));

        var refus = Assert.Single(resultat.Refus);
        Assert.Equal(0, refus.Index);
        Assert.Contains("validées par le facilitateur", refus.Message, StringComparison.Ordinal);
        Assert.Equal(avant, await CompterAsync());
    }

    [Fact]
    public async Task Un_mois_a_venir_est_refuse()
    {
        var x = await SituationAsync();

        var resultat = await SoumettreAsync(x, new Mois(2027, 1), Heures(x.A1, 35));

        // The contrat ends on 31/12/2026: January 2027 is both to come and outside the contrat; the first rule met is named.
        Assert.Equal("Mois", Assert.Single(resultat.Refus).Champ);
        Assert.Equal((0, 0, 0), await CompterAsync());
    }

    [Fact]
    public async Task Un_mois_hors_du_contrat_est_refuse()
    {
        var x = await SituationAsync(finA1: new DateOnly(2026, 2, 28));

        var resultat = await SoumettreAsync(x, Mars, Heures(x.A1, 35), Heures(x.A2, 35));

        var refus = Assert.Single(resultat.Refus);
        Assert.Equal(0, refus.Index);
        Assert.Equal("Mois", refus.Champ);
        Assert.Contains("en dehors des dates du contrat ou de l'exécution du lot", refus.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CompterAsync());
    }

    [Fact]
    public async Task Un_mois_hors_de_l_execution_du_lot_est_refuse()
    {
        var x = await SituationAsync(finA1: new DateOnly(2027, 6, 30));
        _horloge.SetUtcNow(new DateTimeOffset(2027, 3, 15, 9, 0, 0, TimeSpan.Zero));

        var resultat = await SoumettreAsync(x, new Mois(2027, 2), Heures(x.A1, 35));

        Assert.Contains("exécution du lot", Assert.Single(resultat.Refus).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await GrilleAsync(x, new Mois(2027, 2)), c => c.ContratId == x.A1.Id);
        Assert.Equal((0, 0, 0), await CompterAsync());
    }

    [Theory]
    [InlineData(0, "supérieures à 0")]
    [InlineData(-5, "supérieures à 0")]
    [InlineData(251, "maximum de 250,00 h")]
    public async Task Des_heures_nulles_negatives_ou_au_dela_du_maximum_sont_refusees(long heures, string message)
    {
        var x = await SituationAsync();

        var resultat = await SoumettreAsync(x, Mars, Heures(x.A2, 10), Heures(x.A1, heures));

        var refus = Assert.Single(resultat.Refus);
        Assert.Equal(1, refus.Index);
        Assert.Contains(message, refus.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CompterAsync());
    }

    [Fact]
    public async Task Le_maximum_mensuel_se_lit_sur_tous_les_lots_du_participant()
    {
        var x = await SituationAsync();

        // Léa: 150 h on lot A and 150 h on lot B in the same month = 300 h > 250 h.
        var ensemble = await SoumettreAsync(x, Mars, Heures(x.A1, 150), Heures(x.B1, 150));
        Assert.Equal(1, Assert.Single(ensemble.Refus).Index);
        Assert.Contains("tous lots confondus", ensemble.Refus[0].Message, StringComparison.Ordinal);

        // The same across two submissions: the first line, now declared, weighs on the second.
        Assert.Empty((await SoumettreAsync(x, Mars, Heures(x.A1, 150))).Refus);
        var seconde = await SoumettreAsync(x, Mars, Heures(x.B1, 150));
        Assert.Contains("tous lots confondus", Assert.Single(seconde.Refus).Message, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1), await CompterAsync());
    }

    [Fact]
    public async Task Un_montant_facture_se_convertit_en_sous_traitance_et_se_refuse_ailleurs()
    {
        var x = await SituationAsync();
        await using (var db = Contexte(x.S.StructureId, x.S.Titulaire.Id))
        {
            var refuse = await Service(db).SoumettreAsync(x.S.Titulaire.Id, Mars, [new LigneSoumise(x.A1.Id, null, Montant.Euros(1000))],
                SituationsContrats.Entreprise, null);
            Assert.Equal("MontantFacture", Assert.Single(refuse.Refus).Champ);
        }
        Assert.Equal((0, 0, 0), await CompterAsync());

        await using (var db = Contexte(x.S.StructureId, x.SousTraitant.Id))
        {
            var accepte = await Service(db).SoumettreAsync(x.SousTraitant.Id, Mars, [new LigneSoumise(x.ST.Id, null, Montant.Euros(3000))],
                SituationsContrats.Entreprise, null);
            Assert.Empty(accepte.Refus);
        }
        var ligne = Assert.Single(await GrilleAsync(x, Mars, x.SousTraitant.Id)).Ligne!;
        Assert.True(ligne.Converti);
        Assert.Equal(300_000, ligne.MontantFactureCentimes);
        await using var lecture = _base.Pour(x.S.StructureId);
        var lot = await lecture.Lots.SingleAsync(l => l.Id == x.S.Lot.Id);
        var reglages = await lecture.Reglages.SingleAsync();
        Assert.Equal(DeclarationHeures.Convertir(Montant.Euros(3000), new Taux(lot.PartMainOeuvrePdb), lot.CoutHoraireEffectif(reglages)).Minutes,
            ligne.Minutes);
    }

    [Fact]
    public async Task Un_contact_qui_soumet_pour_une_autre_entreprise_ne_la_trouve_pas()
    {
        var x = await SituationAsync();

        await using var db = Contexte(x.S.StructureId, x.SousTraitant.Id);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Service(db).SoumettreAsync(x.S.Titulaire.Id, Mars, [Heures(x.A1, 35)],
            SituationsContrats.Entreprise, null));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Service(db).EnregistrerBrouillonAsync(x.S.Titulaire.Id, Mars, [Heures(x.A1, 35)],
            SituationsContrats.Entreprise));
        Assert.Equal((0, 0, 0), await CompterAsync());
    }

    [Fact]
    public async Task Une_entreprise_d_une_autre_structure_n_existe_pas()
    {
        var x = await SituationAsync();
        var autre = await SituationAsync();

        await using var db = Contexte(autre.S.StructureId, null);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Service(db).SoumettreAsync(x.S.Titulaire.Id, Mars, [Heures(x.A1, 35)],
            SituationsContrats.Facilitateur, null));
        Assert.Equal((0, 0, 0), await CompterAsync());
    }

    [Fact]
    public async Task Le_brouillon_garde_la_saisie_sans_ecrire_d_heures_puis_devient_la_soumission()
    {
        var x = await SituationAsync();
        IReadOnlyList<RefusLigne> refus;
        await using (var db = Contexte(x.S.StructureId, x.S.Titulaire.Id))
            refus = await Service(db).EnregistrerBrouillonAsync(x.S.Titulaire.Id, Mars, [Heures(x.A1, 35), new LigneSoumise(x.A2.Id, null, null)],
                SituationsContrats.Entreprise);
        Assert.Empty(refus);
        await using (var db = Contexte(x.S.StructureId, x.S.Titulaire.Id))
            refus = await Service(db).EnregistrerBrouillonAsync(x.S.Titulaire.Id, Mars, [Heures(x.A1, 30), Heures(x.A2, 12)], SituationsContrats.Entreprise);
        Assert.Empty(refus);
        // A bad line: refused by the same rules, the draft keeps what it held.
        await using (var db = Contexte(x.S.StructureId, x.S.Titulaire.Id))
            refus = await Service(db).EnregistrerBrouillonAsync(x.S.Titulaire.Id, Mars, [Heures(x.A1, 300)], SituationsContrats.Entreprise);
        Assert.Equal(0, Assert.Single(refus).Index);

        SoumissionHeures brouillon;
        await using (var lecture = _base.Systeme())
        {
            brouillon = await lecture.SoumissionsHeures.Include(s => s.Lignes).SingleAsync();
            Assert.Equal(StatutSoumission.Brouillon, brouillon.Statut);
            Assert.Equal([30 * 60L, 12 * 60L], brouillon.Lignes.Select(l => l.Minutes!.Value));
            Assert.Equal(0, await lecture.DeclarationsHeures.CountAsync());
        }

        var soumise = await SoumettreAsync(x, Mars, Heures(x.A1, 30), Heures(x.A2, 12));
        Assert.Equal(brouillon.Id, soumise.Id);
        Assert.Equal((2, 2, 1), await CompterAsync());
    }

    [Fact]
    public async Task Soumettre_sans_rien_de_nouveau_est_refuse()
    {
        var x = await SituationAsync();
        await SoumettreAsync(x, Mars, Heures(x.A1, 35));

        var vide = await Assert.ThrowsAsync<RegleMetierException>(() => SoumettreAsync(x, Mars, new LigneSoumise(x.A1.Id, null, null)));
        Assert.Contains("Aucune heure", vide.Message, StringComparison.Ordinal);
        var inchange = await Assert.ThrowsAsync<RegleMetierException>(() => SoumettreAsync(x, Mars, Heures(x.A1, 35)));
        Assert.Contains("Rien n'a changé", inchange.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1), await CompterAsync());
    }

    [Fact]
    public async Task Valider_toute_la_declaration_ne_valide_que_ses_lignes_encore_declarees()
    {
        var x = await SituationAsync();
        var soumission = await SoumettreAsync(x, Mars, Heures(x.A1, 35), Heures(x.A2, 20));
        var a2 = (await GrilleAsync(x, Mars)).Single(c => c.ContratId == x.A2.Id).Ligne!;
        await using (var db = Contexte(x.S.StructureId, null))
            await Service(db).RejeterAsync(a2.DeclarationId, "Pas de relevé.", SituationsContrats.Facilitateur);

        await using (var db = Contexte(x.S.StructureId, null))
            Assert.Equal(1, await Service(db).ValiderSoumissionAsync(soumission.Id!.Value, SituationsContrats.Facilitateur));

        var grille = await GrilleAsync(x, Mars);
        Assert.Equal(StatutDeclaration.Validee, grille.Single(c => c.ContratId == x.A1.Id).Ligne!.Statut);
        Assert.Equal(StatutDeclaration.Rejetee, grille.Single(c => c.ContratId == x.A2.Id).Ligne!.Statut);
        await using (var db = Contexte(x.S.StructureId, null))
        {
            await Assert.ThrowsAsync<RegleMetierException>(() => Service(db).ValiderSoumissionAsync(soumission.Id!.Value, SituationsContrats.Facilitateur));
            await Assert.ThrowsAsync<KeyNotFoundException>(() => Service(db).ValiderSoumissionAsync(SoumissionId.De(Guid.NewGuid()), SituationsContrats.Facilitateur));
        }
        // Only a facilitateur validates.
        var autre = await SoumettreAsync(x, Mars, Heures(x.A2, 21));
        await using (var db = Contexte(x.S.StructureId, x.S.Titulaire.Id))
            await Assert.ThrowsAsync<RegleMetierException>(() => Service(db).ValiderSoumissionAsync(autre.Id!.Value, SituationsContrats.Entreprise));
    }

    [Fact]
    public async Task Un_rejet_d_une_saisie_du_facilitateur_n_envoie_pas_de_mail()
    {
        var x = await SituationAsync();
        var ligne = x.S.Declarer(x.A1, Mars, 35);
        await using (var db = _base.Pour(x.S.StructureId))
        {
            db.DeclarationsHeures.Add(ligne);
            await db.SaveChangesAsync();
        }

        await using (var db = Contexte(x.S.StructureId, null))
            await Service(db).RejeterAsync(ligne.Id, "Doublon.", SituationsContrats.Facilitateur);

        await using var lecture = _base.Systeme();
        Assert.Empty(await lecture.MessagesSortants.AsNoTracking().ToListAsync());
        Assert.Equal(StatutDeclaration.Rejetee, (await lecture.DeclarationsHeures.AsNoTracking().SingleAsync(d => d.Id == ligne.Id)).Statut);
    }
}
