using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.DonneesDemo;

public sealed partial class SemeurDemo
{
    /// <summary>
    /// Issue 9: the demo company submitted last month for ONE of its contrats on a lot in execution, through the same
    /// domain path as the portal (a submission, then DeclarationHeures.Declarer with its id): it waits in the
    /// facilitateur's « Heures à valider » by company and month. Its other months to declare and its rejected line
    /// (SemeurDemo.Contrats) stay as they were. After every random draw: the rest of the demo does not move.
    /// </summary>
    private async Task SemerSoumissionsAsync(StructureId structureId, CancellationToken annulation)
    {
        if (_entrepriseDemo is not { } entreprise) return;
        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().Date);
        var mois = Mois.De(aujourdhui.AddMonths(-1));
        var maintenant = horloge.GetUtcNow();
        var reglages = await db.Reglages.AsNoTracking().SingleAsync(r => r.StructureId == structureId, annulation).ConfigureAwait(false);
        var candidats = await (from c in db.Contrats
                               join l in db.Lots on c.LotId equals l.Id
                               where c.StructureId == structureId && c.EmployeurId == entreprise && c.Statut == StatutContrat.Valide
                                     && l.Statut == StatutLot.EnExecution
                                     && !db.DeclarationsHeures.Any(d => d.ContratId == c.Id && d.Mois == mois)
                               select c)
            .ToListAsync(annulation).ConfigureAwait(false);
        var lots = await db.Lots.Where(l => l.StructureId == structureId && l.Statut == StatutLot.EnExecution).ToListAsync(annulation).ConfigureAwait(false);
        var contrat = candidats.OrderBy(c => c.DateDebut).ThenBy(c => c.Id.Valeur)
            .FirstOrDefault(c => DeclarationHeures.EstDansLaPeriode(mois, c, lots.Single(l => l.Id == c.LotId), reglages));
        if (contrat is null) return;
        var lot = lots.Single(l => l.Id == contrat.LotId);

        var compte = await utilisateurs.FindByEmailAsync($"entreprise@{Domaine}").ConfigureAwait(false);
        var par = new Auteur(compte?.Id ?? Guid.Parse("0193a000-0000-7000-8000-0000000000e1"), compte?.NomComplet ?? "Service RH", false);
        var autres = await db.DeclarationsHeures.Where(d => d.ParticipantId == contrat.ParticipantId && d.Mois == mois)
            .Where(Comptage.PeseSurLeMaximumMensuel).SumAsync(d => d.Minutes, annulation).ConfigureAwait(false);
        var minutes = Math.Min(reglages.MaxMinutesParMois - autres, 140 * 60);
        if (minutes <= 0) return;

        var soumission = SoumissionHeures.Creer(structureId, entreprise, mois, par, maintenant);
        soumission.RemplacerLignes([new SaisieBrouillon(contrat.Id, minutes, null)], maintenant);
        soumission.Soumettre(par, compte?.Email, maintenant);
        var ligne = DeclarationHeures.Declarer(contrat, lot, mois, SaisieHeures.EnHeures(new Duree(minutes)), new SituationMois(autres), reglages, par,
            maintenant, soumission.Id);
        db.SoumissionsHeures.Add(soumission);
        db.DeclarationsHeures.Add(ligne);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }
}
