using System.Text;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Participants;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Heures;
using Clause.Tests.Support;
using static Clause.Tests.Infrastructure.Bilans.ScenarioBilan;

namespace Clause.Tests.Infrastructure.Bilans;

/// <summary>
/// The yearly consolidation (issue 10 item 7, docs/domain.md « Consolidation annuelle ») on a real SQLite database and a
/// small fixed dataset over two years, every figure computed by hand below, then the CSV read back for the same figures.
/// 2026 is <see cref="ScenarioBilan"/> (lots A1, B1, B2 of « Ville de Tours »); 2025 is added here:
/// <code>
/// « Tours Habitat » (département), opération « Résidence des Fontaines » 2025, marché 2025-001, lot C1 « Menuiseries »
///   F3 200 h, 01/03/2025–31/12/2025; attributaire Menuiseries de Loire (Classique), sous-traitant Insertion Loire (EI).
/// Martin   (F, born 01/05/2000, not QPV) CM on C1 embauche directe CDD 01/03–31/10/2025 (Menuiseries de Loire);
/// Lefèvre  (M, born 01/06/1980, QPV, Niveau4, DELD12) CL on C1 sous-traitance SIAE CDI from 01/04/2025 (Insertion Loire).
///          2025-03   2025-04   2025-06   2025-09        2025-11
/// CM         80                  70        50 déclarée
/// CL                  100                                 160
/// </code>
/// <para><b>2025</b> — hours: counted lines only (the declared September line is pending): 80 + 70 + 100 + 160 = 410 h.
/// Contrats with counted hours: CM, CL = 2. Participants: Martin, Lefèvre = 2. Active in 2025 (§8): lot C1 only, so
/// 1 maître d'ouvrage (Tours Habitat), 1 opération, 1 marché; companies: the roles on C1 and the employers = Menuiseries de
/// Loire, Insertion Loire = 2. Sexe: F 1 (Martin), M 1 (Lefèvre). Age at the contrat's start: Martin 24 on 01/03/2025
/// (&lt;26), Lefèvre 44 on 01/04/2025 (26-49). QPV: Oui 1, Non 1.</para>
/// <para><b>2026</b> (ScenarioBilan, January–December, counted lines only: M1 June pending and D1 July out of period left
/// out) — hours: M1 100 + 120 + 80 + 50, D1 40 + 70 + 30, Bernard 35 + 45, M2 90 + 60 = 720 h. Contrats: M1, M2, D1, B = 4.
/// Participants: Martin (two contrats, once), Dubois, Bernard = 3. Active in 2026: A1, B1 (and B2, no clause) — 1 maître
/// d'ouvrage (Ville de Tours), 1 opération, 2 marchés (2026-001, 2026-002); nothing of 2025 (C1 ended 31/12/2025).
/// Companies: roles on A1 (Bâtiments du Val, Cotraitants Réunis, Chantier d'insertion) and B1 (Peintres Réunis), employer
/// Bureau d'études (Bernard) = 5. Sexe: F 2 (Martin, Bernard), M 1. Age: Martin 25 on 05/01/2026, Dubois 23 (&lt;26 : 2),
/// Bernard 56 (&gt;=50 : 1), 26-49 : 0. QPV: Oui 1 (Dubois), Non 2.</para>
/// <para><b>Change on 2025</b>, (2026 − 2025) / 2025 rounded half-up once to a tenth of a percent: hours 310 / 410 =
/// 75,6097… % → +75,6 %; contrats +100,0 %; participants +50,0 %; maîtres d'ouvrage and opérations 0,0 %; marchés +100,0 %;
/// companies 3 / 2 → +150,0 %; Femme +100,0 %, Homme 0,0 %; &lt;26 +100,0 %, 26-49 −100,0 %, &gt;=50 none (0 in 2025).</para>
/// </summary>
public sealed class ConsolidationCalculeeALaMainTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private async Task<ScenarioBilan> SemerDeuxAnsAsync()
    {
        var sc = await SemerAsync(_base);
        var s = sc.S;
        var f = SituationsContrats.Facilitateur;
        var bailleur = DonneurOrdre.Creer(s.StructureId, "Tours Habitat", TypeDonneurOrdre.Departement, Siret.AvecCle(Siret.AvecCle("38012986") + "0001"), null, "37000", "Tours");
        var operation = Operation.Creer(bailleur, "Résidence des Fontaines", "Joué-lès-Tours", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            ProgrammeRenouvellement.Aucun, false, null, null);
        var marche = Marche.Creer(operation, "2025-001", "Remplacement des menuiseries", TypeMarche.Ordinaire, new DateOnly(2025, 1, 15),
            new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31), Montant.Euros(300_000),
            [new NouveauLot(1, "Menuiseries", Montant.Euros(300_000), new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31),
                Fondement.ConditionExecution, ParametresObligation.F3(Duree.Heures(200)))], s.Reglages, s.Marches.Horloge);
        var c1 = marche.Lots[0];
        var menuiseries = s.Marches.UneEntreprise("Menuiseries de Loire");
        var insertion = s.Marches.UneEntreprise("Insertion Loire", TypeEmployeur.EI);
        c1.Attribuer(menuiseries, RoleAttribution.Attributaire, new DateOnly(2025, 2, 1));
        c1.Attribuer(insertion, RoleAttribution.SousTraitant, new DateOnly(2025, 2, 1));
        var lefevre = Personne(s, "Lefèvre", Sexe.M, new DateOnly(1980, 6, 1), true, NiveauQualification.Niveau4, CategorieEligibilite.DELD12);
        var cm = Contrat_(s, sc.Martin, c1, menuiseries, ModaliteContrat.EmbaucheDirecte, TypeContrat.CDD, new DateOnly(2025, 3, 1), new DateOnly(2025, 10, 31));
        var cl = Contrat_(s, lefevre, c1, insertion, ModaliteContrat.SousTraitanceSiae, TypeContrat.CDI, new DateOnly(2025, 4, 1), null);

        await using var db = _base.Pour(sc.StructureId);
        db.DonneursOrdre.Add(bailleur);
        db.Operations.Add(operation);
        db.Marches.Add(marche);
        db.Entreprises.AddRange(menuiseries, insertion);
        db.Participants.Add(lefevre);
        db.Contrats.AddRange(cm, cl);
        db.DeclarationsHeures.AddRange(
            s.Declarer(cm, new Mois(2025, 3), 80, par: f, lot: c1),
            s.Declarer(cm, new Mois(2025, 6), 70, par: f, lot: c1),
            s.Declarer(cm, new Mois(2025, 9), 50, lot: c1),
            s.Declarer(cl, new Mois(2025, 4), 100, par: f, lot: c1),
            s.Declarer(cl, new Mois(2025, 11), 160, par: f, lot: c1));
        await db.SaveChangesAsync();
        return sc;
    }

    private async Task<ConsolidationAnnuelle> ConsolidationAsync(ScenarioBilan sc, int annee)
    {
        await using var db = _base.Pour(sc.StructureId);
        return await new RequetesConsolidation(db, new RequetesBilans(db, new RequetesHeures(db, _base.Horloge))).ConsolidationAsync(annee);
    }

    private static IndicateurConsolidation Ligne(ConsolidationAnnuelle c, string rubrique, string libelle) =>
        c.Indicateurs.Single(l => l.Rubrique == rubrique && l.Libelle == libelle);

    [Fact]
    public async Task Chaque_chiffre_des_deux_annees_et_chaque_evolution_sont_ceux_calcules_a_la_main()
    {
        var sc = await SemerDeuxAnsAsync();
        var c = await ConsolidationAsync(sc, 2026);

        Assert.Equal((2026, 720 * 60L, 4, 3, 1, 1, 2, 5), (c.Chiffres.Annee, c.Chiffres.HeuresMinutes, c.Chiffres.Contrats, c.Chiffres.Participants,
            c.Chiffres.MaitresOuvrage, c.Chiffres.Operations, c.Chiffres.Marches, c.Chiffres.Entreprises));
        Assert.Equal((2025, 410 * 60L, 2, 2, 1, 1, 1, 2), (c.Precedente.Annee, c.Precedente.HeuresMinutes, c.Precedente.Contrats, c.Precedente.Participants,
            c.Precedente.MaitresOuvrage, c.Precedente.Operations, c.Precedente.Marches, c.Precedente.Entreprises));

        const string cles = ConsolidationAnnuelle.RubriqueChiffres;
        Assert.Equal(new Taux(7_560), Ligne(c, cles, "Heures d'insertion réalisées").Evolution); // 310 / 410 = 75,6097… % → 75,6 %
        Assert.Equal(new Taux(10_000), Ligne(c, cles, "Contrats").Evolution);
        Assert.Equal(new Taux(5_000), Ligne(c, cles, "Participants distincts").Evolution);
        Assert.Equal(new Taux(0), Ligne(c, cles, "Maîtres d'ouvrage (donneurs d'ordre)").Evolution);
        Assert.Equal(new Taux(0), Ligne(c, cles, "Opérations").Evolution);
        Assert.Equal(new Taux(10_000), Ligne(c, cles, "Marchés").Evolution);
        Assert.Equal(new Taux(15_000), Ligne(c, cles, "Entreprises").Evolution);

        Assert.Equal((2L, 1L, new Taux(10_000)), Profil(c, "Sexe", "Femme"));
        Assert.Equal((1L, 1L, new Taux(0)), Profil(c, "Sexe", "Homme"));
        const string age = "Âge au début du contrat";
        Assert.Equal((2L, 1L, new Taux(10_000)), Profil(c, age, "Moins de 26 ans"));
        Assert.Equal((0L, 1L, new Taux(-10_000)), Profil(c, age, "De 26 à 49 ans"));
        Assert.Equal((1L, 0L, (Taux?)null), Profil(c, age, "50 ans et plus"));
        const string qpv = "Résident d'un quartier prioritaire (QPV)";
        Assert.Equal((1L, 1L, new Taux(0)), Profil(c, qpv, "Oui"));
        Assert.Equal((2L, 1L, new Taux(10_000)), Profil(c, qpv, "Non"));

        // 2025 seen from 2025: the year before (2024) has nothing, so no change anywhere.
        var c2025 = await ConsolidationAsync(sc, 2025);
        Assert.Equal((410 * 60L, 2, 2, 2), (c2025.Chiffres.HeuresMinutes, c2025.Chiffres.Contrats, c2025.Chiffres.Participants, c2025.Chiffres.Entreprises));
        Assert.All(c2025.Indicateurs, l => Assert.Null(l.Evolution));
    }

    private static (long Valeur, long Precedente, Taux? Evolution) Profil(ConsolidationAnnuelle c, string rubrique, string libelle)
    {
        var ligne = Ligne(c, rubrique, libelle);
        return (ligne.Valeur, ligne.ValeurPrecedente, ligne.Evolution);
    }

    [Fact]
    public async Task Le_csv_relu_donne_les_memes_chiffres()
    {
        var sc = await SemerDeuxAnsAsync();
        var octets = ExportsConsolidation.Csv(await ConsolidationAsync(sc, 2026));
        var lignes = Encoding.UTF8.GetString(octets[3..]).Split("\r\n");

        Assert.Equal("Structure;Rubrique;Indicateur;2026;2025;Évolution (%)", lignes[0]);
        Assert.Equal(
        [
            "PLIE du Val;Chiffres clés;Heures d'insertion réalisées;720,00;410,00;75,6",
            "PLIE du Val;Chiffres clés;Contrats;4;2;100,0",
            "PLIE du Val;Chiffres clés;Participants distincts;3;2;50,0",
            "PLIE du Val;Chiffres clés;Maîtres d'ouvrage (donneurs d'ordre);1;1;0,0",
            "PLIE du Val;Chiffres clés;Opérations;1;1;0,0",
            "PLIE du Val;Chiffres clés;Marchés;2;1;100,0",
            "PLIE du Val;Chiffres clés;Entreprises;5;2;150,0",
            "PLIE du Val;Sexe;Femme;2;1;100,0",
            "PLIE du Val;Sexe;Homme;1;1;0,0",
            "PLIE du Val;Âge au début du contrat;Moins de 26 ans;2;1;100,0",
            "PLIE du Val;Âge au début du contrat;De 26 à 49 ans;0;1;-100,0",
            "PLIE du Val;Âge au début du contrat;50 ans et plus;1;0;",
            "PLIE du Val;Résident d'un quartier prioritaire (QPV);Oui;1;1;0,0",
            "PLIE du Val;Résident d'un quartier prioritaire (QPV);Non;2;1;100,0",
        ], lignes[1..15]);
        // Every line read back: five fields after the structure, the figures as numbers again.
        var relues = lignes[1..^1].Select(l => l.Split(';')).ToList();
        Assert.All(relues, champs => Assert.Equal(6, champs.Length));
        var heures = relues.Single(ch => ch[2] == "Heures d'insertion réalisées");
        Assert.Equal((720m, 410m), (decimal.Parse(heures[3], FormatFrancais.Culture), decimal.Parse(heures[4], FormatFrancais.Culture)));
    }
}
