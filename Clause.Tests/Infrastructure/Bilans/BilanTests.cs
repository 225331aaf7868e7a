using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Totaux;
using Clause.Tests.Support;
using static Clause.Tests.Infrastructure.Bilans.ScenarioBilan;

namespace Clause.Tests.Infrastructure.Bilans;

/// <summary>
/// The bilan query (DOMAIN.md §9, issue 10 item 1) on a real SQLite database and the fixed dataset of
/// <see cref="ScenarioBilan"/>: every figure computed by hand for two ranges, one inside the execution (March–June 2026)
/// and one across it (October 2025–March 2027); the same figures once the months are compiled; the scope rules (another
/// structure's, another buyer's → null).
/// </summary>
public sealed class BilanTests : IDisposable
{
    private static readonly PeriodeBilan Dedans = new(M(3), M(6));
    private static readonly PeriodeBilan AuTravers = new(new Mois(2025, 10), new Mois(2027, 3));

    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private static long H(long heures) => heures * 60;

    private async Task<Bilan?> BilanAsync(ScenarioBilan sc, PerimetreBilan perimetre, PeriodeBilan periode, Clause.Domain.Commun.DonneurOrdreId? acheteur = null)
    {
        await using var db = _base.Pour(sc.StructureId);
        return await new RequetesBilans(db, new RequetesHeures(db, _base.Horloge)).BilanAsync(perimetre, periode, acheteur);
    }

    private static PerimetreBilan Operation(ScenarioBilan sc) => new(Perimetre.Operation, sc.S.Marches.Operation.Id.Valeur);

    [Fact]
    public async Task Dans_l_execution_chaque_chiffre_est_celui_calcule_a_la_main()
    {
        var sc = await SemerAsync(_base);
        var b = (await BilanAsync(sc, Operation(sc), Dedans))!;

        // Dues: A1 only — B1 (September–December) is not active in March–June, B2 has no clause.
        Assert.Equal(H(833), b.HeuresDuesMinutes);
        // Realised: M1 120 + 80, D1 70 + 30, Bernard 35 on the lot without clause (counted, left out of the rates).
        Assert.Equal(H(335), b.RealiseesMinutes);
        // Cumul at the end of June: A1 300 + 140, B2 35.
        Assert.Equal(H(475), b.CumulMinutes);
        Assert.Equal(H(440), b.CumulAuTauxMinutes);
        Assert.Equal(H(440), b.CumulPlafonneMinutes);
        Assert.Equal(new Taux(5280), b.TauxRealisation); // 440 / 833 = 52,82 % → 52,8 %
        Assert.Equal(new Taux(5280), b.TauxRealisationPlafonne);
        Assert.Equal(H(60), b.EnAttenteMinutes);          // M1 June, declared
        Assert.Equal(0, b.HorsPeriodeLignes);              // D1 July is outside the range
        Assert.Equal(new Dictionary<ModaliteContrat, long> { [ModaliteContrat.EmbaucheDirecte] = H(235), [ModaliteContrat.SousTraitanceSiae] = H(100) }, b.ParModalite);
        Assert.Equal(new Dictionary<TypeContrat, long> { [TypeContrat.CDDI] = H(300), [TypeContrat.CDI] = H(35) }, b.ParTypeContrat);
        Assert.Equal(
            new[] { new PointSerie(M(3), H(190), H(330)), new PointSerie(M(4), H(115), H(445)), new PointSerie(M(5), H(30), H(475)), new PointSerie(M(6), 0, H(475)) },
            b.Mensuel);
        Assert.Equal(3, b.Participants);
        Assert.Equal(3, b.Contrats);
        Assert.Equal(new Dictionary<TypeContrat, int> { [TypeContrat.CDDI] = 2, [TypeContrat.CDI] = 1 }, b.ContratsParType);
        // Roles on A1 (the only active clause lot) + employers of counted contrats (Bureau d'études employs Bernard);
        // Peintres Réunis holds B1, not active, and employs nobody counted in the range.
        Assert.Equal(new EntreprisesBilan(4, 1, 1, 1, 1), b.Entreprises);
        Profil(b, DimensionsProfil.Sexe, ("F", 2), ("M", 1));
        Profil(b, DimensionsProfil.TrancheAge, ("<26", 2), ("26-49", 0), (">=50", 1));
        Profil(b, DimensionsProfil.Qpv, ("Oui", 1), ("Non", 2));
        Profil(b, DimensionsProfil.Niveau, ("Infra3", 1), ("Niveau3", 1), ("Niveau4", 1));
        Profil(b, DimensionsProfil.Categorie, ("DELD12", 1), ("RSA", 2), ("Jeune26", 1), ("Senior50", 1));
        Assert.Equal([("EmploiDurable", 1)], NonNuls(b.Situations));
        // ANRU: Dubois 100 h of the 335 h worked = 29,85 % → 29,9 %, objective 5 %.
        Assert.Equal(new PartQpvBilan("Rénovation du quartier Sanitas", H(100), H(335), new Taux(500)), b.PartQpv);
        Assert.Equal(new Taux(2990), b.PartQpv!.Part);
        Assert.True(b.PartQpv.Atteint);
        Assert.Equal("Opération Rénovation du quartier Sanitas", b.Libelle);
        Assert.Equal("Ville de Tours", b.DonneurOrdre);
        Assert.Equal("PLIE du Val", b.Structure);
    }

    [Fact]
    public async Task Au_travers_de_l_execution_chaque_chiffre_est_celui_calcule_a_la_main()
    {
        var sc = await SemerAsync(_base);
        var b = (await BilanAsync(sc, Operation(sc), AuTravers))!;

        Assert.Equal(H(933), b.HeuresDuesMinutes);       // A1 833 + B1 100
        Assert.Equal(H(720), b.RealiseesMinutes);
        Assert.Equal(H(720), b.CumulMinutes);
        Assert.Equal(H(640), b.CumulAuTauxMinutes);      // A1 490 + B1 150
        Assert.Equal(H(590), b.CumulPlafonneMinutes);    // A1 490 + min(150, 100)
        Assert.Equal(new Taux(6860), b.TauxRealisation);  // 640 / 933 = 68,60 %
        Assert.Equal(new Taux(6320), b.TauxRealisationPlafonne); // 590 / 933 = 63,24 %
        Assert.Equal(H(60), b.EnAttenteMinutes);
        Assert.Equal(H(20), b.HorsPeriodeMinutes);       // D1 July: listed apart, never pending
        Assert.Equal(1, b.HorsPeriodeLignes);
        Assert.Equal(new Dictionary<ModaliteContrat, long> { [ModaliteContrat.EmbaucheDirecte] = H(580), [ModaliteContrat.SousTraitanceSiae] = H(140) }, b.ParModalite);
        Assert.Equal(new Dictionary<TypeContrat, long> { [TypeContrat.CDI] = H(80), [TypeContrat.CDD] = H(150), [TypeContrat.CDDI] = H(490) }, b.ParTypeContrat);
        Assert.Equal(18, b.Mensuel.Count);
        long[] mensuel = [0, 0, 0, 100, 40, 190, 115, 30, 0, 0, 0, 90, 105, 50, 0, 0, 0, 0];
        Assert.Equal(mensuel.Select(H), b.Mensuel.Select(p => p.Minutes));
        Assert.Equal(mensuel.Select((_, i) => H(mensuel.Take(i + 1).Sum())), b.Mensuel.Select(p => p.CumulMinutes));
        // Martin: two contrats on two lots, one participant.
        Assert.Equal(3, b.Participants);
        Assert.Equal(4, b.Contrats);
        Assert.Equal(new Dictionary<TypeContrat, int> { [TypeContrat.CDI] = 1, [TypeContrat.CDD] = 1, [TypeContrat.CDDI] = 2 }, b.ContratsParType);
        Assert.Equal(new EntreprisesBilan(5, 2, 1, 1, 1), b.Entreprises);
        // Martin's band is taken at his earliest contrat (M1, 25 years old), not at M2 (26).
        Profil(b, DimensionsProfil.TrancheAge, ("<26", 2), ("26-49", 0), (">=50", 1));
        Profil(b, DimensionsProfil.Categorie, ("DELD12", 1), ("RSA", 2), ("Jeune26", 1), ("Senior50", 1));
        // Ended by March 2027: D1 (EmploiDurable), M1 and M2 (nothing recorded → Inconnu); Bernard's CDI runs on.
        Assert.Equal([("EmploiDurable", 1), ("Inconnu", 2)], NonNuls(b.Situations));
        Assert.Equal(H(140), b.PartQpv!.MinutesQpv);     // Dubois 40 + 70 + 30
        Assert.Equal(H(720), b.PartQpv.MinutesTravaillees);
        Assert.Equal(new Taux(1940), b.PartQpv.Part); // 140 / 720 = 19,44 %
    }

    [Fact]
    public async Task Le_perimetre_d_un_lot_d_un_marche_et_de_la_structure()
    {
        var sc = await SemerAsync(_base);
        var lotB1 = (await BilanAsync(sc, new PerimetreBilan(Perimetre.Lot, sc.B1.Id.Valeur), AuTravers))!;
        Assert.Equal(H(100), lotB1.HeuresDuesMinutes);
        Assert.Equal(H(150), lotB1.CumulMinutes);
        Assert.Equal(new Taux(15000), lotB1.TauxRealisation);
        Assert.Equal(new Taux(10000), lotB1.TauxRealisationPlafonne);
        // On B1 alone Martin's earliest contrat is M2: 26 years old.
        Profil(lotB1, DimensionsProfil.TrancheAge, ("<26", 0), ("26-49", 1), (">=50", 0));
        Assert.Equal(new EntreprisesBilan(1, 1, 0, 0, 0), lotB1.Entreprises);

        // The lot without clause: its hours count, no hours due, no rate.
        var lotB2 = (await BilanAsync(sc, new PerimetreBilan(Perimetre.Lot, sc.B2.Id.Valeur), AuTravers))!;
        Assert.Equal(0, lotB2.HeuresDuesMinutes);
        Assert.Equal(H(80), lotB2.RealiseesMinutes);
        Assert.Null(lotB2.TauxRealisation);
        Assert.Null(lotB2.TauxRealisationPlafonne);
        // Bureau d'études holds a lot without clause: counted only as the employer of Bernard.
        Assert.Equal(new EntreprisesBilan(1, 0, 0, 0, 0), lotB2.Entreprises);

        var marcheB = (await BilanAsync(sc, new PerimetreBilan(Perimetre.Marche, sc.B1.MarcheId.Valeur), Dedans))!;
        Assert.Equal(0, marcheB.HeuresDuesMinutes);
        Assert.Equal(H(35), marcheB.RealiseesMinutes);
        Assert.Equal([sc.B1.Id, sc.B2.Id], marcheB.Lots.Select(l => l.Id));
        Assert.False(marcheB.Lots[0].Actif);

        var structure = (await BilanAsync(sc, PerimetreBilan.Structure, AuTravers))!;
        var operation = (await BilanAsync(sc, Operation(sc), AuTravers))!;
        Assert.Null(structure.PartQpv);
        Assert.Null(structure.DonneurOrdre);
        Assert.Equal("PLIE du Val", structure.Libelle);
        // The structure holds only this opération: the same figures.
        Assert.Equal((operation.HeuresDuesMinutes, operation.RealiseesMinutes, operation.CumulMinutes, operation.CumulPlafonneMinutes, operation.EnAttenteMinutes, operation.Participants, operation.Contrats, operation.Entreprises),
            (structure.HeuresDuesMinutes, structure.RealiseesMinutes, structure.CumulMinutes, structure.CumulPlafonneMinutes, structure.EnAttenteMinutes, structure.Participants, structure.Contrats, structure.Entreprises));
        Assert.Equal(operation.Mensuel, structure.Mensuel);
        Assert.Equal(operation.Lots, structure.Lots);
    }

    [Fact]
    public async Task Les_memes_chiffres_une_fois_les_mois_compiles()
    {
        var sc = await SemerAsync(_base);
        var vivant = (await BilanAsync(sc, Operation(sc), AuTravers))!;
        await using (var db = _base.Pour(sc.StructureId))
        {
            var requetes = new RequetesHeures(db, _base.Horloge);
            var compilateur = new CompilateurTotaux(db, requetes, _base.Horloge);
            for (var m = M(1); m <= M(11); m = m.Suivant) await compilateur.CompilerAsync(sc.StructureId, m);
        }
        var compile = (await BilanAsync(sc, Operation(sc), AuTravers))!;
        Assert.Equal(vivant.RealiseesMinutes, compile.RealiseesMinutes);
        Assert.Equal(vivant.CumulMinutes, compile.CumulMinutes);
        Assert.Equal(vivant.EnAttenteMinutes, compile.EnAttenteMinutes);
        Assert.Equal(vivant.ParModalite, compile.ParModalite);
        Assert.Equal(vivant.ParTypeContrat, compile.ParTypeContrat);
        Assert.Equal(vivant.Mensuel, compile.Mensuel);
        Assert.Equal(vivant.Lots, compile.Lots);
    }

    [Fact]
    public async Task Un_perimetre_d_une_autre_structure_ou_d_un_autre_acheteur_est_introuvable()
    {
        var sc = await SemerAsync(_base);
        var autre = await SemerAsync(_base, "PLIE voisin");
        Assert.Null(await BilanAsync(sc, new PerimetreBilan(Perimetre.Lot, autre.A1.Id.Valeur), Dedans));
        Assert.Null(await BilanAsync(sc, Operation(autre), Dedans));
        Assert.Null(await BilanAsync(sc, new PerimetreBilan(Perimetre.DonneurOrdre, autre.S.Marches.DonneurOrdre.Id.Valeur), Dedans));
        Assert.Null(await BilanAsync(sc, new PerimetreBilan(Perimetre.Marche, Guid.NewGuid()), Dedans));
        // Within a buyer: its own scope, never another's nor the whole structure.
        var acheteur = sc.S.Marches.DonneurOrdre.Id;
        Assert.NotNull(await BilanAsync(sc, Operation(sc), Dedans, acheteur));
        Assert.Null(await BilanAsync(sc, Operation(sc), Dedans, autre.S.Marches.DonneurOrdre.Id));
        Assert.Null(await BilanAsync(sc, PerimetreBilan.Structure, Dedans, acheteur));
        // The other structure's bilan does not see this one's lines.
        await using var db = _base.Pour(autre.StructureId);
        var sienne = await new RequetesBilans(db, new RequetesHeures(db, _base.Horloge)).BilanAsync(PerimetreBilan.Structure, AuTravers);
        Assert.Equal(H(720), sienne!.CumulMinutes);
    }

    private static void Profil(Bilan bilan, string dimension, params (string Code, int Nombre)[] attendus)
    {
        var cellules = bilan.Profils.Single(d => d.Code == dimension).Cellules;
        foreach (var (code, nombre) in attendus)
            Assert.True(cellules.Single(c => c.Code == code).Nombre == nombre, $"{dimension} {code} : {cellules.Single(c => c.Code == code).Nombre} au lieu de {nombre}");
        Assert.Equal(attendus.Sum(a => a.Nombre), cellules.Sum(c => c.Nombre));
    }

    private static List<(string, int)> NonNuls(DimensionProfil dimension) =>
        dimension.Cellules.Where(c => c.Nombre > 0).Select(c => (c.Code, c.Nombre)).ToList();
}
