using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>
/// The monthly grid saved as one operation (ServiceHeures.SaisirGrilleAsync over GrilleHeures): the queries do not grow
/// with the number of cells, the participant's month across lots is kept up to date between the cells of one save, and a
/// refused cell writes nothing.
/// </summary>
public sealed class GrilleHeuresPersistanceTests : IDisposable
{
    private readonly BaseDeTest _base = new();
    private readonly FakeTimeProvider _horloge = new(SituationsContrats.Maintenant);

    public void Dispose() => _base.Dispose();

    /// <summary>The lot with <paramref name="nombre"/> validated contrats, each of its own participant.</summary>
    private async Task<(SituationsContrats S, List<Contrat> Contrats)> SituationAsync(int nombre)
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        var participants = Enumerable.Range(0, nombre).Select(i => s.UnParticipantEligible("Martin" + i)).ToList();
        var contrats = participants.Select(p => s.UnContratValide(participant: p)).ToList();
        await using var db = _base.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
        db.Operations.Add(s.Marches.Operation);
        db.Entreprises.Add(s.Titulaire);
        db.Marches.Add(s.Lot.Marche);
        db.Participants.AddRange(participants);
        db.Contrats.AddRange(contrats);
        await db.SaveChangesAsync();
        return (s, contrats);
    }

    private static List<CelluleAEcrire> Cellules(IEnumerable<Contrat> contrats, int mois, long heures) =>
        contrats.SelectMany(c => Enumerable.Range(1, mois).Select(m => new CelluleAEcrire(c.Id, new Mois(2026, m), SaisieHeures.EnHeures(Duree.Heures(heures)))))
            .ToList();

    private async Task<(int Requetes, IReadOnlyList<RefusCellule> Refus)> SaisirAsync(SituationsContrats s, List<CelluleAEcrire> cellules)
    {
        var compteur = new CompteurCommandes();
        await using var db = _base.Pour(s.StructureId, intercepteurs: compteur);
        var service = new ServiceHeures(db, new RequetesHeures(db), _horloge);
        var refus = await service.SaisirGrilleAsync(s.Lot.Id, cellules, SituationsContrats.Facilitateur);
        return (compteur.Requetes, refus);
    }

    [Fact]
    public async Task Les_requetes_d_une_grille_ne_croissent_pas_avec_le_nombre_de_cases()
    {
        var (peu, contratsPeu) = await SituationAsync(1);
        var (beaucoup, contratsBeaucoup) = await SituationAsync(6);

        var (requetesPeu, refusPeu) = await SaisirAsync(peu, Cellules(contratsPeu, 2, 35));
        var (requetesBeaucoup, refusBeaucoup) = await SaisirAsync(beaucoup, Cellules(contratsBeaucoup, 6, 35));
        // Corrections too: the existing lines are read with the others, not one by one.
        var (requetesCorrections, _) = await SaisirAsync(beaucoup, Cellules(contratsBeaucoup, 6, 40));

        Assert.Empty(refusPeu);
        Assert.Empty(refusBeaucoup);
        Assert.Equal(requetesPeu, requetesBeaucoup);
        Assert.Equal(requetesPeu, requetesCorrections);
        await using var lecture = _base.Pour(beaucoup.StructureId);
        Assert.Equal(36, await lecture.DeclarationsHeures.CountAsync(d => d.Minutes == 40 * 60 && d.VersionCourante == 2));
    }

    [Fact]
    public async Task Deux_cases_du_meme_participant_le_meme_mois_partagent_le_maximum_mensuel()
    {
        var (s, contrats) = await SituationAsync(1);
        Contrat second;
        var participant = contrats[0].ParticipantId;
        await using (var db = _base.Pour(s.StructureId))
        {
            var p = await db.Participants.Include(x => x.Decisions).SingleAsync(x => x.Id == participant);
            var deuxieme = s.UnContratValide(participant: p, debut: new DateOnly(2026, 2, 1));
            db.Contrats.Add(deuxieme);
            await db.SaveChangesAsync();
            second = deuxieme;
        }
        var mars = new Mois(2026, 3);

        var (_, refus) = await SaisirAsync(s, [
            new CelluleAEcrire(contrats[0].Id, mars, SaisieHeures.EnHeures(Duree.Heures(150))),
            new CelluleAEcrire(second.Id, mars, SaisieHeures.EnHeures(Duree.Heures(120))),
        ]);

        var seul = Assert.Single(refus);
        Assert.Equal(second.Id, seul.ContratId);
        Assert.Contains("tous lots confondus", seul.Erreur.Message, StringComparison.Ordinal);
        await using var lecture = _base.Pour(s.StructureId);
        Assert.Equal(0, await lecture.DeclarationsHeures.CountAsync());
    }

    [Fact]
    public async Task Une_case_d_un_contrat_d_une_autre_structure_est_refusee_en_la_nommant_et_rien_n_est_ecrit()
    {
        var (s, contrats) = await SituationAsync(1);
        var (_, autres) = await SituationAsync(1);
        var mars = new Mois(2026, 3);

        var (_, refus) = await SaisirAsync(s, [
            new CelluleAEcrire(contrats[0].Id, mars, SaisieHeures.EnHeures(Duree.Heures(10))),
            new CelluleAEcrire(autres[0].Id, mars, SaisieHeures.EnHeures(Duree.Heures(20))),
        ]);

        var seul = Assert.Single(refus);
        Assert.Equal(autres[0].Id, seul.ContratId);
        Assert.Equal("La case de mars 2026 désigne un contrat qui n'appartient pas à ce lot : elle n'est pas enregistrée.", seul.Erreur.Message);
        await using var lecture = _base.Systeme();
        Assert.Equal(0, await lecture.DeclarationsHeures.CountAsync());
    }
}
