using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Excel;

/// <summary>
/// The month by Excel (issue 9 item 7): download the company's pre-filled template of a month
/// (<see cref="ModeleHeuresExcel"/> over <see cref="RequetesPortail.ContratsDuMoisAsync"/>, the rows of the portal grid),
/// then upload it filled: the file is read (<see cref="ModeleHeuresExcel.Lire"/>: type, size, company, month, keys,
/// numbers, formulas), then submitted as the grid's « Soumettre » does (<see cref="ServiceSoumissions.SoumettreAsync"/>,
/// the only place of the rules). Any refusal — of the file or of a line — is listed by row and column, and nothing is
/// written. The company is the signed-in contact's, never one taken from the file.
/// </summary>
[RequestSizeLimit(TailleRequeteMax)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequeteMax)]
public sealed class IndexModel(ClauseDbContext db, RequetesPortail requetes, ServiceSoumissions soumissions, TimeProvider horloge) : PageModel
{
    /// <summary>Above the file limit, so that a slightly bigger file gets the French refusal rather than a bare 413.</summary>
    public const long TailleRequeteMax = 8 * 1024 * 1024;

    public string Entreprise { get; private set; } = string.Empty;

    public Mois Mois { get; private set; }

    /// <summary>The rows of the month (the portal grid's): the template's lines, their count on the page.</summary>
    public IReadOnlyList<ContratDuMois> Contrats { get; private set; } = [];

    /// <summary>The refusals of the last upload, by row and column: when any, nothing was written.</summary>
    public IReadOnlyList<ErreurExcel> Rapport { get; private set; } = [];

    public string? ErreurMois { get; private set; }

    public string CodeMois => AccesHeures.Code(Mois);

    public async Task<IActionResult> OnGetAsync(string? mois, CancellationToken annulation)
    {
        await PreparerAsync(mois, annulation);
        return Page();
    }

    /// <summary>The template of the month, as an attachment (never rendered by the browser).</summary>
    public async Task<IActionResult> OnGetModeleAsync(string? mois, CancellationToken annulation)
    {
        if (!await PreparerAsync(mois, annulation)) return Page();
        var entreprise = db.Contexte.EntrepriseId!.Value;
        var lignes = Contrats.Select(c => new LigneModele(c.ContratId, c.Participant, $"Lot {c.LotNumero} — {c.LotLibelle}", c.Employeur, c.AccepteMontant,
                c.Ligne?.Verrouillee ?? false, c.Ligne is { } l ? Etat(l) : null))
            .ToList();
        var fichier = ModeleHeuresExcel.Ecrire(new EnteteModele(entreprise, Entreprise, Mois), lignes);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(fichier, ModeleHeuresExcel.TypeContenu, $"heures-{CodeMois}.xlsx");
    }

    /// <summary>Uploads the filled template: read, then submitted whole; the report otherwise.</summary>
    public async Task<IActionResult> OnPostAsync(string? mois, IFormFile? fichier, CancellationToken annulation)
    {
        if (!await PreparerAsync(mois, annulation)) return Page();
        if (fichier is null)
        {
            Rapport = [new ErreurExcel(null, null, "Choisissez le fichier Excel rempli à déposer.")];
            return Page();
        }
        if (fichier.Length > ModeleHeuresExcel.TailleMax)
        {
            Rapport = [ModeleHeuresExcel.TropGros];
            return Page();
        }
        var entreprise = db.Contexte.EntrepriseId!.Value;
        var lu = ModeleHeuresExcel.Lire(await ContenuAsync(fichier, annulation), entreprise, Mois);
        if (!lu.Valide)
        {
            // Every error in one pass (issue 15 item 5): the rows that could be read are still checked by the domain, as a
            // draft would be (nothing written), and their refusals join the report in the order of the rows.
            var lisibles = lu.Lisibles;
            var refusLisibles = lisibles.Count == 0 ? [] : await soumissions.EnregistrerBrouillonAsync(entreprise, Mois,
                lisibles.Select(l => new LigneSoumise(l.ContratId, l.Heures, l.MontantFactureHT)).ToList(), Auteurs.Courant(db, User), verifierSeulement: true,
                annulation);
            Rapport = lu.Erreurs.Concat(refusLisibles.Select(r => ErreurDe(lisibles, r))).OrderBy(e => e.Rangee ?? 0).ToList();
            return Page();
        }

        var lignes = lu.Lignes.Select(l => new LigneSoumise(l.ContratId, l.Heures, l.MontantFactureHT)).ToList();
        var email = await db.Users.AsNoTracking().Where(u => u.Id == db.Contexte.UtilisateurId).Select(u => u.Email).FirstOrDefaultAsync(annulation);
        ResultatSoumission resultat;
        try
        {
            resultat = await soumissions.SoumettreAsync(entreprise, Mois, lignes, Auteurs.Courant(db, User), email, annulation);
        }
        catch (RegleMetierException erreur)
        {
            Rapport = [new ErreurExcel(null, null, erreur.Message)];
            return Page();
        }
        if (resultat.Refus.Count > 0)
        {
            Rapport = resultat.Refus.Select(r => ErreurDe(lu.Lignes, r)).ToList();
            return Page();
        }
        TempData["Succes"] = $"Vos heures de {AccesHeures.Texte(Mois)} sont soumises ({lignes.Count} ligne{(lignes.Count > 1 ? "s" : "")}) : "
            + "elles attendent la validation du facilitateur.";
        return RedirectToPage("/Portail/Excel/Index", new { mois = CodeMois });
    }

    /// <summary>A refused line in the report: its row in the sheet and the column of the field it names.</summary>
    private static ErreurExcel ErreurDe(IReadOnlyList<LigneLue> lignes, RefusLigne refus) =>
        new(lignes[refus.Index].Rangee, ModeleHeuresExcel.ColonneDuChamp(refus.Champ), refus.Message);

    private static async Task<byte[]> ContenuAsync(IFormFile fichier, CancellationToken annulation)
    {
        await using var flux = fichier.OpenReadStream();
        using var copie = new MemoryStream();
        await flux.CopyToAsync(copie, annulation);
        return copie.ToArray();
    }

    /// <summary>The company's name and the month (default: last month); a month malformed or to come is refused on the page.</summary>
    private async Task<bool> PreparerAsync(string? mois, CancellationToken annulation)
    {
        var entrepriseId = db.Contexte.EntrepriseId;
        Entreprise = await db.Entreprises.AsNoTracking().Where(e => e.Id == entrepriseId).Select(e => e.RaisonSociale).FirstOrDefaultAsync(annulation)
            ?? string.Empty;
        var courant = Mois.De(Affichage.Aujourdhui(horloge));
        Mois = Mois.De(courant.Premier.AddMonths(-1));
        if (mois is not null)
        {
            if (!AccesHeures.TryLireMois(mois, out var lu))
                ErreurMois = "Le mois doit s'écrire aaaa-mm, par exemple 2026-02.";
            else if (lu > courant)
                ErreurMois = $"Le mois demandé ({AccesHeures.Texte(lu)}) n'est pas encore commencé : choisissez le mois en cours ou un mois passé.";
            else
                Mois = lu;
        }
        if (ErreurMois is not null)
        {
            ModelState.AddModelError("mois", ErreurMois);
            return false;
        }
        Contrats = await requetes.ContratsDuMoisAsync(entrepriseId!.Value, Mois, annulation);
        return true;
    }

    private static string Etat(LigneDuMois ligne) =>
        $"{ligne.Statut.Libelle()} : {ligne.Heures}" + (ligne.MotifRejet is { } motif && ligne.Statut == StatutDeclaration.Rejetee ? $" — motif : {motif}" : "");
}
