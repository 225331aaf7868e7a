using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>
/// §7.3 « counted » and « pending », one test per clause of <see cref="Comptage.Comptee"/> and
/// <see cref="Comptage.EnAttente"/>: each situation is saved in a real SQLite database next to a reference line that
/// does count (100 h) or is pending (20 h), then read three ways — the lot's figures (RequetesHeures.BilanAsync), the
/// per-month figures of the participant's and contrat's pages (RequetesHeures.ParMoisAsync) and the in-memory path on the
/// loaded entities (Comptage.Bilan). Removing the clause a test is named for makes the excluded line count, so it fails.
/// </summary>
public sealed class RegleComptageTests : IDisposable
{
    private const long Reference = 100 * 60;
    private const long ReferenceEnAttente = 20 * 60;
    private const long Exclue = 7 * 60;

    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    [Fact]
    public async Task Ligne_rejetee_ne_compte_pas()
    {
        var s = await SituationAsync();
        var contrat = s.UnContratValide();
        var rejetee = s.Declarer(contrat, new Mois(2026, 2), 7);
        rejetee.Rejeter("Relevé d'heures non signé.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        await AssertCompteesAsync(s, Reference, contrat, rejetee);
    }

    [Fact]
    public async Task Ligne_declaree_ne_compte_pas_tant_qu_elle_n_est_pas_validee()
    {
        var s = await SituationAsync();
        var contrat = s.UnContratValide();
        var declaree = s.Declarer(contrat, new Mois(2026, 2), 7);

        await AssertCompteesAsync(s, Reference, contrat, declaree);
    }

    [Fact]
    public async Task Ligne_validee_hors_periode_ne_compte_pas()
    {
        var s = await SituationAsync();
        var contrat = s.UnContratValide(fin: new DateOnly(2026, 4, 30));
        var horsPeriode = s.Declarer(contrat, new Mois(2026, 6), 7, par: SituationsContrats.Facilitateur);
        Assert.True(horsPeriode.HorsPeriode);
        Assert.Equal(StatutDeclaration.Validee, horsPeriode.Statut);

        await AssertCompteesAsync(s, Reference, contrat, horsPeriode);
    }

    [Fact]
    public async Task Ligne_validee_d_un_contrat_propose_ne_compte_pas()
    {
        var s = await SituationAsync();
        var leroy = s.UnParticipantEligible("Leroy");
        var propose = s.UnContratPropose(participant: leroy);
        var ligne = s.Declarer(propose, new Mois(2026, 3), 7, par: SituationsContrats.Facilitateur);
        Assert.Equal(StatutDeclaration.Validee, ligne.Statut);

        await AssertCompteesAsync(s, Reference, propose, ligne, leroy);
    }

    [Fact]
    public async Task Ligne_validee_d_un_contrat_refuse_ne_compte_pas()
    {
        var s = await SituationAsync();
        var leroy = s.UnParticipantEligible("Leroy");
        var refuse = s.UnContratPropose(participant: leroy);
        var ligne = s.Declarer(refuse, new Mois(2026, 3), 7, par: SituationsContrats.Facilitateur);
        refuse.Refuser("Le participant n'a finalement pas été embauché.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        await AssertCompteesAsync(s, Reference, refuse, ligne, leroy);
    }

    [Fact]
    public async Task Ligne_validee_d_un_contrat_dont_l_eligibilite_a_echoue_ne_compte_pas()
    {
        var s = await SituationAsync();
        // Eligibility validated on 10/01/2024: a window of 24 months closes on 10/01/2026.
        var ancien = s.UnParticipantEligible("Petit", new DateOnly(2024, 1, 10));
        var contrat = s.UnContratValide(participant: ancien, debut: new DateOnly(2026, 1, 5));
        var ligne = s.Declarer(contrat, new Mois(2026, 3), 7, par: SituationsContrats.Facilitateur);
        contrat.Modifier(SituationsContrats.Donnees(debut: new DateOnly(2026, 2, 1)), s.Lot, s.Titulaire, ancien, s.Reglages);
        Assert.Equal(StatutContrat.Valide, contrat.Statut);
        Assert.False(contrat.EligibiliteValide);

        await AssertCompteesAsync(s, Reference, contrat, ligne, ancien);
    }

    [Fact]
    public async Task Ligne_declaree_dans_la_periode_est_en_attente()
    {
        var s = await SituationAsync();
        var contrat = s.UnContratValide();
        var declaree = s.Declarer(contrat, new Mois(2026, 2), 7);

        await AssertEnAttenteAsync(s, ReferenceEnAttente + Exclue, contrat, declaree);
    }

    [Fact]
    public async Task Ligne_rejetee_n_est_pas_en_attente()
    {
        var s = await SituationAsync();
        var contrat = s.UnContratValide();
        var rejetee = s.Declarer(contrat, new Mois(2026, 2), 7);
        rejetee.Rejeter("Relevé d'heures non signé.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        await AssertEnAttenteAsync(s, ReferenceEnAttente, contrat, rejetee);
    }

    [Fact]
    public async Task Ligne_declaree_hors_periode_n_est_pas_en_attente()
    {
        var s = await SituationAsync();
        var contrat = s.UnContratValide(fin: new DateOnly(2026, 4, 30));
        var horsPeriode = s.Declarer(contrat, new Mois(2026, 6), 7);
        Assert.True(horsPeriode.HorsPeriode);

        await AssertEnAttenteAsync(s, ReferenceEnAttente, contrat, horsPeriode);
    }

    [Fact]
    public async Task Ligne_declaree_d_un_contrat_refuse_n_est_pas_en_attente()
    {
        var s = await SituationAsync();
        var leroy = s.UnParticipantEligible("Leroy");
        var refuse = s.UnContratPropose(participant: leroy);
        var declaree = s.Declarer(refuse, new Mois(2026, 3), 7);
        refuse.Refuser("Le participant n'a finalement pas été embauché.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        await AssertEnAttenteAsync(s, ReferenceEnAttente, refuse, declaree, leroy);
    }

    /// <summary>A structure with the lot of <see cref="SituationsContrats"/>, its participant and a reference contrat.</summary>
    private async Task<SituationsContrats> SituationAsync()
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        await using var db = _base.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
        db.Operations.Add(s.Marches.Operation);
        db.Entreprises.Add(s.Titulaire);
        db.Marches.Add(s.Lot.Marche);
        db.Participants.Add(s.Participant);
        await db.SaveChangesAsync();
        return s;
    }

    /// <summary>
    /// Saves the line under test with its contrat, next to a reference contrat of another participant holding a validated
    /// line of 100 h and a declared line of 20 h in March.
    /// </summary>
    private async Task EnregistrerAsync(SituationsContrats s, Contrat contrat, DeclarationHeures ligne, params object[] autres)
    {
        var temoin = s.UnParticipantEligible("Témoin");
        var reference = s.UnContratValide(participant: temoin);
        var comptee = s.Declarer(reference, new Mois(2026, 3), 100, par: SituationsContrats.Facilitateur);
        var enAttente = s.Declarer(reference, new Mois(2026, 4), 20);
        await using var db = _base.Pour(s.StructureId);
        db.AddRange(autres);
        db.Participants.Add(temoin);
        db.Contrats.AddRange(reference, contrat);
        db.DeclarationsHeures.AddRange(comptee, enAttente, ligne);
        await db.SaveChangesAsync();
    }

    private async Task<(long Comptees, long EnAttente)[]> LireAsync(SituationsContrats s, ContratId contratId, ParticipantId participantId)
    {
        await using var db = _base.Pour(s.StructureId);
        var requetes = new RequetesHeures(db);
        var bilan = (await requetes.BilanAsync(s.Lot.Id))!;
        var parLot = await requetes.ParMoisAsync(db.DeclarationsHeures.Where(d => d.LotId == s.Lot.Id));
        var duContrat = await requetes.ParMoisAsync(db.DeclarationsHeures.Where(d => d.ContratId == contratId));
        var duParticipant = await requetes.ParMoisAsync(db.DeclarationsHeures.Where(d => d.ParticipantId == participantId));
        var contrats = await db.Contrats.ToDictionaryAsync(c => c.Id);
        var lignes = (await db.DeclarationsHeures.ToListAsync()).Select(d => LigneComptage.De(d, contrats[d.ContratId])).ToList();
        var enMemoire = Comptage.Bilan(ParametresComptage.De(s.Lot), lignes);
        var duContratEnMemoire = lignes.Where(l => l.Ligne.ContratId == contratId).ToList();
        return
        [
            (bilan.RealiseesMinutes, bilan.EnAttenteMinutes),
            (parLot.Sum(m => m.CompteesMinutes), parLot.Sum(m => m.EnAttenteMinutes)),
            (enMemoire.RealiseesMinutes, enMemoire.EnAttenteMinutes),
            // The line under test alone, on its contrat's and its participant's pages: nothing of it counts or waits.
            (duContrat.Sum(m => m.CompteesMinutes) + Reference, duContrat.Sum(m => m.EnAttenteMinutes) + ReferenceEnAttente),
            (duParticipant.Sum(m => m.CompteesMinutes) + Reference, duParticipant.Sum(m => m.EnAttenteMinutes) + ReferenceEnAttente),
            (duContratEnMemoire.Where(Comptage.EstComptee).Sum(l => l.Ligne.Minutes) + Reference,
                duContratEnMemoire.Where(Comptage.EstEnAttente).Sum(l => l.Ligne.Minutes) + ReferenceEnAttente),
        ];
    }

    private async Task AssertCompteesAsync(SituationsContrats s, long attendues, Contrat contrat, DeclarationHeures ligne, params object[] autres)
    {
        await EnregistrerAsync(s, contrat, ligne, autres);
        var lectures = await LireAsync(s, contrat.Id, contrat.ParticipantId);
        Assert.All(lectures, l => Assert.Equal(attendues, l.Comptees));
    }

    private async Task AssertEnAttenteAsync(SituationsContrats s, long attendues, Contrat contrat, DeclarationHeures ligne, params object[] autres)
    {
        await EnregistrerAsync(s, contrat, ligne, autres);
        var lectures = await LireAsync(s, contrat.Id, contrat.ParticipantId);
        Assert.All(lectures, l => Assert.Equal(attendues, l.EnAttente));
    }
}
