using Clause.Domain.Commun;
using Clause.Domain.Pieces;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Clause.Web.Pages.Pieces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Pieces;

/// <summary>What the upload form sends.</summary>
public sealed class SaisiePiece
{
    /// <summary>Required: the domain says so with the other refusals (PieceJustificative.Deposer).</summary>
    public NaturePiece? Nature { get; set; }

    /// <summary>« 2026-02 » (input type month); optional when a contrat is chosen.</summary>
    public string? Mois { get; set; }

    public ContratId? ContratId { get; set; }

    public IFormFile? Fichier { get; set; }
}

/// <summary>
/// A company contact uploads a proof, attached to a month, to one of the company's contrats, or to both. The request
/// limits are above the file's 5 Mo so that a too-big file gets the domain's French message (<see cref="LimitesDepot"/>);
/// the file goes to disk through <see cref="ServicePieces.DeposerAsync"/>, which checks its real type from its first
/// bytes. Refused: nothing is stored, every message is beside its field (all at once: the month, the nature, the contrat and
/// the file).
/// </summary>
[RequestSizeLimit(LimitesDepot.TailleRequeteMax)]
[RequestFormLimits(MultipartBodyLengthLimit = LimitesDepot.TailleRequeteMax)]
[FormulaireDepot]
public sealed class DeposerModel(ClauseDbContext db, ServicePieces service, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisiePiece Saisie { get; set; } = new();

    public IReadOnlyList<SelectListItem> Contrats { get; private set; } = [];

    public async Task OnGetAsync(string? mois, ContratId? contrat, CancellationToken annulation)
    {
        // From a contrat, the month is left to choose; otherwise last month, the one usually declared.
        Saisie.Mois = AccesHeures.TryLireMois(mois, out var m) ? m.ToString()
            : contrat is null ? Domain.Commun.Mois.De(Affichage.Aujourdhui(horloge).AddMonths(-1)).ToString() : null;
        Saisie.ContratId = contrat;
        if (TempData[FormulaireDepotAttribute.CleErreur] is string erreur) ModelState.AddModelError("Saisie.Fichier", erreur);
        await PreparerAsync(annulation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        Mois? mois = null;
        if (!string.IsNullOrWhiteSpace(Saisie.Mois))
        {
            if (AccesHeures.TryLireMois(Saisie.Mois, out var m)) mois = m;
            else ModelState.AddModelError("Saisie.Mois", "Le champ « Mois » doit être un mois écrit aaaa-mm (exemple : 2026-02).");
        }
        if (Db.Contexte.EntrepriseId is not { } entrepriseId)
        {
            await PreparerAsync(annulation);
            return Page();
        }
        // Every error in one pass (issue 15 item 5): the domain checks the nature, the attachment and the file even when the
        // month could not be read or no file was chosen (then nothing is kept: the received file is deleted, no row written).
        var depot = new DepotPiece(entrepriseId, Saisie.ContratId, mois, Saisie.Nature, Saisie.Fichier?.FileName);
        var par = Auteurs.Courant(Db, User);
        PieceJustificative? piece = null;
        await using (var flux = Saisie.Fichier?.OpenReadStream())
        {
            var verifie = ModelState.IsValid && flux is not null
                ? await AppliquerAsync(async () => piece = await service.DeposerAsync(depot, flux, par, annulation))
                : await AppliquerAsync(() => service.VerifierDepotAsync(depot, flux, par, annulation));
            if (!verifie || !ModelState.IsValid || piece is null)
            {
                await PreparerAsync(annulation);
                return Page();
            }
        }
        TempData["Succes"] = $"La pièce « {piece.NomOriginal} » est déposée.";
        return LocalRedirect(IndexModel.AdresseDe(piece.Mois, piece.ContratId));
    }

    private async Task PreparerAsync(CancellationToken annulation)
    {
        var contrats = await ContratsPortail.DeLEntreprise(Db).ToListAsync(annulation);
        Contrats = contrats.Select(c => new SelectListItem(c.Libelle, c.Id.ToString(), c.Id == Saisie.ContratId)).ToList();
    }
}
