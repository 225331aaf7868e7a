using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Heures;

/// <summary>
/// What the company submitted (issue 9): each line as typed, and where the line stands now — « déclarée », « validée »,
/// « rejetée (motif) », or « remplacée » by a later correction. Another company's submission: 404.
/// </summary>
public sealed class SoumissionModel(ClauseDbContext db) : PageModel
{
    public Mois Mois { get; private set; }

    public string MoisTexte => AccesHeures.Texte(Mois);

    public DateTimeOffset SoumiseLe { get; private set; }

    public string SoumiseParNom { get; private set; } = string.Empty;

    public IReadOnlyList<LigneSoumiseAffichee> Lignes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(SoumissionId soumissionId, CancellationToken annulation)
    {
        var entreprise = db.Contexte.EntrepriseId;
        var soumission = await db.SoumissionsHeures.AsNoTracking()
            .Where(s => s.Id == soumissionId && s.EntrepriseId == entreprise && s.Statut == StatutSoumission.Soumise)
            .Select(s => new { s.Mois, s.SoumiseLe, s.SoumiseParNom })
            .FirstOrDefaultAsync(annulation);
        if (soumission is null) return NotFound();
        Mois = soumission.Mois;
        SoumiseLe = soumission.SoumiseLe!.Value;
        SoumiseParNom = soumission.SoumiseParNom ?? string.Empty;
        Lignes = await (from v in db.VersionsDeclaration.AsNoTracking()
                        join d in db.DeclarationsHeures on v.DeclarationId equals d.Id
                        join p in db.Participants on d.ParticipantId equals p.Id
                        join l in db.Lots on d.LotId equals l.Id
                        where v.SoumissionId == soumissionId
                        orderby l.Numero, p.Nom, p.Prenom, v.Id
                        select new LigneSoumiseAffichee(p.Prenom + " " + p.Nom, "Lot " + l.Numero + " — " + l.Libelle, v.Minutes, v.MontantFactureCentimes,
                            v.Statut, v.MotifRejet, v.Numero != d.VersionCourante))
            .ToListAsync(annulation);
        return Page();
    }
}

public sealed record LigneSoumiseAffichee(string Participant, string Lot, long Minutes, long? MontantFactureCentimes, StatutDeclaration Statut, string? MotifRejet,
    bool Remplacee)
{
    public Duree Heures => new(Minutes);

    public string Etat => Remplacee ? "remplacée par une correction" : Statut.Libelle().ToLowerInvariant();
}
