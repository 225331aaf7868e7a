using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Bilans;

/// <summary>
/// The yearly consolidation (issue 10 item 7, docs/domain.md « Consolidation annuelle »), for the current structure: for
/// the year and the year before, the bilan of the whole structure from January to December
/// (<see cref="RequetesBilans.BilanAsync"/>: hours, contrats, participants, companies, profiles — its rules, not a copy)
/// plus what a bilan does not carry: the distinct marchés, opérations and maîtres d'ouvrage of the lots active in the
/// year, found with the bilan's own scope (<see cref="RequetesBilans.LotsDuPerimetre"/>) and §8 rule
/// (<see cref="Activite.LotActif"/>). Counts only: anonymous by construction.
/// </summary>
public sealed class RequetesConsolidation(ClauseDbContext db, RequetesBilans bilans)
{
    public async Task<ConsolidationAnnuelle> ConsolidationAsync(int annee, CancellationToken annulation = default)
    {
        var chiffres = await ChiffresAsync(annee, annulation).ConfigureAwait(false);
        var precedente = await ChiffresAsync(annee - 1, annulation).ConfigureAwait(false);
        var structure = db.Contexte.StructureId!.Value;
        var nom = await db.Structures.AsNoTracking().Where(s => s.Id == structure).Select(s => s.Nom).FirstAsync(annulation).ConfigureAwait(false);
        return new ConsolidationAnnuelle(nom, chiffres, precedente);
    }

    private async Task<ChiffresAnnee> ChiffresAsync(int annee, CancellationToken annulation)
    {
        var periode = new PeriodeBilan(new Mois(annee, 1), new Mois(annee, 12));
        var bilan = await bilans.BilanAsync(PerimetreBilan.Structure, periode, annulation: annulation).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("Le bilan de la structure courante est introuvable.");
        var actifs = bilans.LotsDuPerimetre(PerimetreBilan.Structure).Where(Activite.LotActif(periode.Dates));
        var marches = await actifs.Select(l => l.MarcheId).Distinct().CountAsync(annulation).ConfigureAwait(false);
        var operations = await actifs.Select(l => l.Marche.OperationId).Distinct().CountAsync(annulation).ConfigureAwait(false);
        var maitresOuvrage = await actifs.Select(l => l.Marche.DonneurOrdreId).Distinct().CountAsync(annulation).ConfigureAwait(false);
        return ChiffresAnnee.Depuis(annee, bilan, maitresOuvrage, operations, marches);
    }
}
