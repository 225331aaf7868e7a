using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Heures;

/// <summary>
/// A facilitateur's decision on a declared line: validate it (it counts), or reject it with a required reason (kept, not
/// counted, until corrected). Lists post here inline (handler Valider / Rejeter, with the page to come back to); a
/// refusal — a missing reason, a line already decided — is shown here beside the field.
/// </summary>
public sealed class DecisionModel(ClauseDbContext db, ServiceHeures service, ServiceSoumissions soumissions, IConfiguration configuration) : PageAction(db)
{
    [BindProperty]
    public SaisieRejet Saisie { get; set; } = new();

    public LigneADecider Ligne { get; private set; } = null!;

    public string Retour { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(DeclarationId declarationId, string? retour, CancellationToken annulation)
    {
        if (!await ChargerAsync(declarationId, retour, annulation)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostValiderAsync(DeclarationId declarationId, string? retour, CancellationToken annulation)
    {
        if (!await ChargerAsync(declarationId, retour, annulation)) return NotFound();
        if (!await AppliquerAsync(() => service.ValiderAsync(declarationId, Auteurs.Courant(Db, User), annulation))) return Page();
        return await EnregistrerAsync($"Les heures de {Ligne.Libelle} sont validées : elles comptent dans le lot.", Retour, annulation);
    }

    public async Task<IActionResult> OnPostRejeterAsync(DeclarationId declarationId, string? retour, CancellationToken annulation)
    {
        if (!await ChargerAsync(declarationId, retour, annulation)) return NotFound();
        // A line of a portal submission: the contact who submitted is told by e-mail, with the link to the month to correct (issue 9).
        if (!await AppliquerAsync(() => soumissions.RejeterAsync(declarationId, Saisie.MotifRejet, Auteurs.Courant(Db, User), LienDuMois, annulation))) return Page();
        return await EnregistrerAsync($"Les heures de {Ligne.Libelle} sont rejetées.", Retour, annulation);
    }

    /// <summary>The portal month page as an absolute address (the public address when configured, like the invitations).</summary>
    private string LienDuMois(Domain.Commun.Mois mois) => LienDuMoisPortail(Request, configuration, mois);

    /// <summary>The same for any page that rejects lines (the bulk decision too): written once.</summary>
    public static string LienDuMoisPortail(HttpRequest requete, IConfiguration configuration, Domain.Commun.Mois mois)
    {
        ArgumentNullException.ThrowIfNull(requete);
        ArgumentNullException.ThrowIfNull(configuration);
        var chemin = $"/Portail/Heures/Mois/{AccesHeures.Code(mois)}";
        var urlPublique = configuration["Administration:UrlPublique"];
        return !string.IsNullOrWhiteSpace(urlPublique)
            ? new Uri(new Uri(urlPublique), chemin).ToString()
            : $"{requete.Scheme}://{requete.Host}{requete.PathBase}{chemin}";
    }

    private async Task<bool> ChargerAsync(DeclarationId declarationId, string? retour, CancellationToken annulation)
    {
        var structureId = Db.Contexte.StructureId;
        var ligne = await (from d in Db.DeclarationsHeures.AsNoTracking()
                           join v in Db.VersionsDeclaration on new { Id = d.Id, Numero = d.VersionCourante } equals new { Id = v.DeclarationId, v.Numero }
                           join p in Db.Participants on d.ParticipantId equals p.Id
                           join l in Db.Lots on d.LotId equals l.Id
                           where d.Id == declarationId && d.StructureId == structureId
                           select new
                           {
                               d.Id,
                               d.ContratId,
                               d.Mois,
                               d.Minutes,
                               d.Statut,
                               d.Converti,
                               d.HorsPeriode,
                               p.Prenom,
                               p.Nom,
                               LotId = l.Id,
                               l.Numero,
                               l.Libelle,
                               v.SaisieParNom,
                               v.SaisieLe,
                               v.MontantFactureCentimes
                           })
            .FirstOrDefaultAsync(annulation);
        if (ligne is null) return false;
        var mois = ligne.Mois;
        Ligne = new LigneADecider(ligne.Id, ligne.ContratId, $"{AccesHeures.Nom(ligne.Prenom, ligne.Nom)} en {AccesHeures.Texte(mois)}",
            ligne.LotId, $"Lot {ligne.Numero} — {ligne.Libelle}", new Duree(ligne.Minutes), ligne.Statut, ligne.Converti, ligne.HorsPeriode,
            ligne.MontantFactureCentimes is { } m ? new Montant(m) : null, ligne.SaisieParNom, VersionAffichee.Horodatage(ligne.SaisieLe));
        // Only a local address is followed back (never an open redirect); else the contrat's page.
        Retour = !string.IsNullOrEmpty(retour) && Url.IsLocalUrl(retour) ? retour : $"/Heures/Contrat/{ligne.ContratId}";
        return true;
    }
}

public sealed record LigneADecider(DeclarationId Id, ContratId ContratId, string Libelle, LotId LotId, string Lot, Duree Heures, StatutDeclaration Statut, bool Converti,
    bool HorsPeriode, Montant? MontantFacture, string SaisieParNom, string SaisieLe);

public sealed class SaisieRejet
{
    [Display(Name = "Motif du rejet")]
    [DataType(DataType.MultilineText)]
    public string? MotifRejet { get; set; }
}
