using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Heures;

/// <summary>
/// A company's portal submission in the facilitateur's queue (issue 9 item 5): its lines still waiting, each validated or
/// rejected with a reason on its own (/Heures/Decision), or « Valider toute la déclaration » at once
/// (<see cref="ServiceSoumissions.ValiderSoumissionAsync"/>). Another structure's submission: 404.
/// </summary>
public sealed class DecisionSoumissionModel(ClauseDbContext db, ServiceSoumissions service, Clause.Infrastructure.Pieces.RequetesPieces requetesPieces) : PageAction(db)
{
    public SoumissionAValider Soumission { get; private set; } = null!;

    public IReadOnlyList<LigneAValider> Lignes { get; private set; } = [];

    public bool Gestion { get; private set; }

    /// <summary>The company's proofs of that month (issue 9 item 6): what the facilitateur checks before deciding.</summary>
    public Pages.Pieces.ListePieces Pieces { get; private set; } = new([], Portail: false);

    public async Task<IActionResult> OnGetAsync(SoumissionId soumissionId, CancellationToken annulation)
    {
        if (!await ChargerAsync(soumissionId, annulation)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostValiderAsync(SoumissionId soumissionId, CancellationToken annulation)
    {
        if (!await ChargerAsync(soumissionId, annulation)) return NotFound();
        var validees = 0;
        if (!await AppliquerAsync(async () => validees = await service.ValiderSoumissionAsync(soumissionId, Auteurs.Courant(Db, User), annulation))) return Page();
        return await EnregistrerAsync($"La déclaration de {Soumission.Entreprise} pour {Soumission.MoisTexte} est validée : "
            + (validees == 1 ? "1 ligne compte" : $"{validees} lignes comptent") + " dans les lots.", "/Heures/AValider", annulation);
    }

    private async Task<bool> ChargerAsync(SoumissionId soumissionId, CancellationToken annulation)
    {
        Gestion = Droits.Peut(User, Politiques.GestionClause);
        var structureId = Db.Contexte.StructureId;
        var soumission = await (from s in Db.SoumissionsHeures.AsNoTracking()
                                join e in Db.Entreprises on s.EntrepriseId equals e.Id
                                where s.Id == soumissionId && s.StructureId == structureId && s.Statut == StatutSoumission.Soumise
                                select new { s.Id, s.EntrepriseId, e.RaisonSociale, s.Mois, s.SoumiseLe, s.SoumiseParNom })
            .FirstOrDefaultAsync(annulation);
        if (soumission is null) return false;
        Lignes = await AValiderModel.EnAttente(Db, soumissionId).ToListAsync(annulation);
        Pieces = new Pages.Pieces.ListePieces(await requetesPieces.DuMoisAsync(soumission.EntrepriseId, soumission.Mois, annulation), Portail: false);
        Soumission = new SoumissionAValider(soumission.Id, soumission.RaisonSociale, soumission.Mois, soumission.SoumiseLe!.Value,
            soumission.SoumiseParNom ?? string.Empty, Lignes.Count, Lignes.Sum(l => l.Minutes));
        return true;
    }
}
