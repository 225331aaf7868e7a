using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Embauches;

/// <summary>A participant who may be the proposed person (same nom, prénom and birth date, accents and case aside).</summary>
public sealed record Correspondance(ParticipantId Id, string Nom, string Prenom, DateOnly DateNaissance, string Commune);

/// <summary>Where the contrat created by the link stands (eligibility in the facilitateur's words; the company never reads it).</summary>
public sealed record EtatContrat(ContratId Id, StatutContrat Statut, string? Avertissement, string? MotifRefus);

/// <summary>
/// One proposal, for the facilitateur: the person and the contrat proposed; before the link, the participants that may be
/// this person (offered, never applied: the facilitateur chooses), the other participants, or a new registration; after
/// it, the contrat's eligibility and the validation or the refusal. Read-only here: each action has its page.
/// </summary>
public sealed class DetailsModel(ClauseDbContext db) : PageActionProposition(db)
{
    public IReadOnlyList<Correspondance> Correspondances { get; private set; } = [];

    public EtatContrat? Contrat { get; private set; }

    public int FenetreMois { get; private set; }

    public bool PeutDecider => Droits.Peut(User, Politiques.GestionClause);

    public async Task<IActionResult> OnGetAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } proposition) return NotFound();
        FenetreMois = (await ReglagesStructure.LireAsync(Db, annulation)).FenetreEligibiliteMois;
        if (proposition.Statut == StatutProposition.EnAttente)
            Correspondances = await CorrespondancesAsync(Db, proposition, annulation);
        if (proposition.ContratId is { } contratId)
        {
            var contrat = await Db.Contrats.AsNoTracking().FirstAsync(c => c.Id == contratId, annulation);
            Contrat = new EtatContrat(contrat.Id, contrat.Statut, contrat.AvertissementEligibilite, contrat.MotifRefus);
        }
        return Page();
    }

    /// <summary>
    /// The structure's participants born on the proposal's date (one query on the structure's index), then compared by
    /// name without accents or case in memory (the database cannot): the proposal's own rule, <see cref="PropositionEmbauche.Correspond"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Correspondance>> CorrespondancesAsync(ClauseDbContext db, PropositionEmbauche proposition, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposition);
        var structureId = db.Contexte.StructureId;
        var naissance = proposition.DateNaissance;
        var memeNaissance = await db.Participants.AsNoTracking()
            .Where(p => p.StructureId == structureId && p.DateNaissance == naissance)
            .OrderBy(p => p.Nom).ThenBy(p => p.Prenom).ThenBy(p => p.Id)
            .Select(p => new Correspondance(p.Id, p.Nom, p.Prenom, p.DateNaissance, p.Commune))
            .ToListAsync(annulation);
        return proposition.Correspondances(memeNaissance, c => (c.Nom, c.Prenom, c.DateNaissance));
    }
}
