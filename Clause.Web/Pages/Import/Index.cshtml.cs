using Clause.Infrastructure.Import;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Import;

/// <summary>
/// The import of a workbook (issue 11, ../shared/IMPORT.md): upload, « Vérifier sans importer » (the same report, nothing
/// written) or « Importer » (all or nothing), the report — the errors grouped by sheet as <c>Feuille, ligne N, Colonne :
/// message</c>, then the counts per sheet — and the structure's past imports. Every rule is <see cref="ServiceImport"/>'s.
/// </summary>
[RequestSizeLimit(TailleRequeteMax)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequeteMax)]
public sealed class IndexModel(ServiceImport service, ClauseDbContext db) : PageModel
{
    /// <summary>Above the file bound, so that a slightly bigger file gets the French refusal rather than a bare 413.</summary>
    public const long TailleRequeteMax = ServiceImport.TailleFichierMax + 1024 * 1024;

    public const int ImportsAffiches = 20;

    public RapportImport? Rapport { get; private set; }

    public string? ErreurFichier { get; private set; }

    public string? NomFichier { get; private set; }

    public IReadOnlyList<JournalImport> Journal { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken annulation) => Journal = await service.JournalAsync(ImportsAffiches, annulation);

    public async Task<IActionResult> OnPostAsync(IFormFile? fichier, bool aBlanc, CancellationToken annulation)
    {
        if (fichier is null || fichier.Length == 0) ErreurFichier = "Choisissez le classeur (.xlsx) à déposer.";
        else if (fichier.Length > ServiceImport.TailleFichierMax) ErreurFichier = $"Le fichier dépasse {ServiceImport.TailleFichierMax / 1024 / 1024} Mo : découpez-le en plusieurs classeurs.";
        else
        {
            NomFichier = Path.GetFileName(fichier.FileName);
            try
            {
                await using var flux = fichier.OpenReadStream();
                Rapport = await service.ImporterFichierAsync(flux, fichier.FileName, Auteurs.Courant(db, User), aBlanc, annulation);
            }
            catch (ClasseurIllisibleException erreur)
            {
                ErreurFichier = erreur.Message;
            }
        }
        Journal = await service.JournalAsync(ImportsAffiches, annulation);
        return Page();
    }

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>When a run happened, in Europe/Paris: « 06/12/2026 21:40 ».</summary>
    public static string Quand(JournalImport journal) =>
        TimeZoneInfo.ConvertTime(journal?.Quand ?? default, Paris).ToString("dd/MM/yyyy HH:mm", Affichage.Fr);

    public static string Resultat(JournalImport journal) => journal?.Resultat switch
    {
        ResultatImport.Importe => "Importé",
        ResultatImport.Verifie => "Vérifié (rien d'écrit)",
        _ => "Refusé (rien d'écrit)",
    };
}
