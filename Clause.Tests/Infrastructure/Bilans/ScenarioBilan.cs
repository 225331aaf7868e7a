using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Tests.Support;

namespace Clause.Tests.Infrastructure.Bilans;

/// <summary>
/// The small fixed dataset of the bilans (issue 10 « Tests »), with its figures computed by hand in <see cref="BilanTests"/>.
/// One opération NPNRU (objective 5 %) of « Ville de Tours »; the clock on 20/12/2026 (every month of 2026 is past).
/// <code>
/// Marché 2026-001, lot A1 « Gros œuvre »: F1 833 h, 01/01/2026–31/12/2026; attributaire Bâtiments du Val (Classique),
///   co-traitant Cotraitants Réunis, sous-traitant Chantier d'insertion (ACI).
/// Marché 2026-002, lot B1 « Peinture »: F3 100 h, 01/09/2026–31/12/2026, attributaire Peintres Réunis;
///   lot B2 « Études »: no clause (Aucun), attributaire Bureau d'études.
/// Martin  F, born 01/05/2000, not QPV, Niveau3, RSA;
///   M1 on A1 embauche directe CDDI 05/01–31/12/2026 (Bâtiments du Val); M2 on B1 embauche directe CDD 01/09–31/12/2026 (Peintres).
/// Dubois  M, born 01/03/2002, QPV, Infra3, Jeune26 + DELD12;
///   D1 on A1 sous-traitance SIAE CDDI 01/02–31/05/2026 (Chantier d'insertion), situation after: EmploiDurable.
/// Bernard F, born 15/01/1970, not QPV, Niveau4, Senior50 + RSA;
///   B on B2 embauche directe CDI from 01/03/2026 (Bureau d'études).
///          jan   fév   mar   avr   mai   jun        jul        sep   oct   nov
/// M1       100          120    80          60 décl.                         50
/// D1              40    70           30          20 décl. (hors période)
/// B                            35                                     45
/// M2                                                          90    60
/// </code>
/// Every line is validated (a facilitateur's entry) except M1 June (declared: pending) and D1 July (declared, after the
/// contrat's end: flagged out of period).
/// </summary>
public sealed class ScenarioBilan
{
    public required SituationsContrats S { get; init; }

    public required Lot A1 { get; init; }

    public required Lot B1 { get; init; }

    public required Lot B2 { get; init; }

    public required Participant Martin { get; init; }

    public required Participant Dubois { get; init; }

    public required Participant Bernard { get; init; }

    public required Entreprise Peintres { get; init; }

    public StructureId StructureId => S.StructureId;

    public static async Task<ScenarioBilan> SemerAsync(BaseDeTest b, string nomStructure = "PLIE du Val")
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Horloge.SetUtcNow(SituationsContrats.Maintenant);
        var structure = Structure.Creer(nomStructure, TypeStructure.Plie, "Tours");
        await using (var systeme = b.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        var a1 = s.Lot;
        var marcheB = s.Marches.UnMarche("2026-002", lots:
        [
            new NouveauLot(1, "Peinture", Montant.Euros(200_000), new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31),
                Fondement.ConditionExecution, ParametresObligation.F3(Duree.Heures(100))),
            new NouveauLot(2, "Études", Montant.Euros(50_000), null, null, Fondement.Aucun, null),
        ]);
        var b1 = marcheB.Lots[0];
        var b2 = marcheB.Lots[1];
        var cotraitant = s.Marches.UneEntreprise("Cotraitants Réunis");
        var aci = s.Marches.UneEntreprise("Chantier d'insertion", TypeEmployeur.ACI);
        var peintres = s.Marches.UneEntreprise("Peintres Réunis");
        var bureau = s.Marches.UneEntreprise("Bureau d'études");
        a1.Attribuer(cotraitant, RoleAttribution.CoTraitant, new DateOnly(2025, 12, 15));
        a1.Attribuer(aci, RoleAttribution.SousTraitant, new DateOnly(2025, 12, 15));
        b1.Attribuer(peintres, RoleAttribution.Attributaire, new DateOnly(2026, 8, 1));
        b2.Attribuer(bureau, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));

        var martin = Personne(s, "Martin", Sexe.F, new DateOnly(2000, 5, 1), false, NiveauQualification.Niveau3, CategorieEligibilite.RSA);
        var dubois = Personne(s, "Dubois", Sexe.M, new DateOnly(2002, 3, 1), true, NiveauQualification.Infra3, CategorieEligibilite.Jeune26, CategorieEligibilite.DELD12);
        var bernard = Personne(s, "Bernard", Sexe.F, new DateOnly(1970, 1, 15), false, NiveauQualification.Niveau4, CategorieEligibilite.Senior50, CategorieEligibilite.RSA);

        var m1 = Contrat_(s, martin, a1, s.Titulaire, ModaliteContrat.EmbaucheDirecte, TypeContrat.CDDI, new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31));
        var m2 = Contrat_(s, martin, b1, peintres, ModaliteContrat.EmbaucheDirecte, TypeContrat.CDD, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31));
        var d1 = Contrat_(s, dubois, a1, aci, ModaliteContrat.SousTraitanceSiae, TypeContrat.CDDI, new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 31));
        d1.EnregistrerSituation(SituationApresClause.EmploiDurable, SituationsContrats.Facilitateur);
        var bc = Contrat_(s, bernard, b2, bureau, ModaliteContrat.EmbaucheDirecte, TypeContrat.CDI, new DateOnly(2026, 3, 1), null);

        var f = SituationsContrats.Facilitateur;
        await using var db = b.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
        db.Operations.Add(s.Marches.Operation);
        db.Entreprises.AddRange(s.Titulaire, cotraitant, aci, peintres, bureau);
        db.Marches.AddRange(a1.Marche, marcheB);
        db.Participants.AddRange(martin, dubois, bernard);
        db.Contrats.AddRange(m1, m2, d1, bc);
        db.DeclarationsHeures.AddRange(
            s.Declarer(m1, M(1), 100, par: f, lot: a1),
            s.Declarer(m1, M(3), 120, par: f, lot: a1),
            s.Declarer(m1, M(4), 80, par: f, lot: a1),
            s.Declarer(m1, M(6), 60, lot: a1),
            s.Declarer(m1, M(11), 50, par: f, lot: a1),
            s.Declarer(d1, M(2), 40, par: f, lot: a1),
            s.Declarer(d1, M(3), 70, par: f, lot: a1),
            s.Declarer(d1, M(5), 30, par: f, lot: a1),
            s.Declarer(d1, M(7), 20, lot: a1),
            s.Declarer(bc, M(4), 35, par: f, lot: b2),
            s.Declarer(bc, M(10), 45, par: f, lot: b2),
            s.Declarer(m2, M(9), 90, par: f, lot: b1),
            s.Declarer(m2, M(10), 60, par: f, lot: b1));
        await db.SaveChangesAsync();
        return new ScenarioBilan { S = s, A1 = a1, B1 = b1, B2 = b2, Martin = martin, Dubois = dubois, Bernard = bernard, Peintres = peintres };
    }

    /// <summary>A month of 2026.</summary>
    public static Mois M(int numero) => new(2026, numero);

    internal static Participant Personne(SituationsContrats s, string nom, Sexe sexe, DateOnly naissance, bool qpv, NiveauQualification niveau, params CategorieEligibilite[] categories)
    {
        var participant = Participant.Creer(s.StructureId, new DonneesParticipant(nom, "Alex", sexe, naissance, "12 rue des Tanneurs", "37000", "Tours",
            qpv, qpv ? "QP037005" : null, niveau, Prescripteur.FranceTravail, null, null, new DateOnly(2024, 1, 5)), new DateOnly(2024, 1, 5));
        participant.Valider(SituationsContrats.ValidationEligibilite, categories);
        return participant;
    }

    internal static Contrat Contrat_(SituationsContrats s, Participant participant, Lot lot, Entreprise employeur, ModaliteContrat modalite, TypeContrat type, DateOnly debut, DateOnly? fin)
    {
        var contrat = Contrat.Proposer(participant, lot, employeur,
            new DonneesContrat(modalite, type, debut, fin, null, Duree.Heures(35), "Maçon VRD", "F1703"), s.Reglages, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        contrat.Valider(participant, s.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        return contrat;
    }
}
