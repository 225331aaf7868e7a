using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Pieces;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Pieces;

/// <summary>
/// Who reaches which proof (issue 9 items 6 and 9), the one rule both download routes and both deletion pages apply:
/// the structure's staff (Direction, Facilitateur) every proof of the structure; a company contact its company's; anyone
/// else none — so a proof of another company, another structure, or asked by a buyer or a Referent is a 404, never a
/// 403 that would tell it exists. And the download answer itself.
/// </summary>
public static class AccesPieces
{
    public static IQueryable<PieceJustificative> Visibles(ClauseDbContext db, ClaimsPrincipal utilisateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(utilisateur);
        var structureId = db.Contexte.StructureId;
        var pieces = db.PiecesJustificatives.AsNoTracking().Where(p => p.StructureId == structureId);
        if (Droits.Peut(utilisateur, Politiques.LectureClause)) return pieces;
        if (Droits.Peut(utilisateur, Politiques.PortailEntreprise) && db.Contexte.EntrepriseId is { } entrepriseId)
            return pieces.Where(p => p.EntrepriseId == entrepriseId);
        return pieces.Where(p => false);
    }

    /// <summary>
    /// Of <paramref name="liste"/> (a list's proofs), those the user is offered to delete: a facilitateur's any, a company
    /// contact's own uploads, and never a locked one (RequetesPieces.Verrouillees). A hint for the links only: the
    /// deletion itself is decided by PieceJustificative.VerifierSuppression.
    /// </summary>
    public static async Task<IReadOnlySet<PieceJustificativeId>> SupprimablesAsync(ClauseDbContext db, ClaimsPrincipal utilisateur,
        IQueryable<PieceJustificative> liste, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var candidates = liste.Where(p => p.StructureId == structureId);
        if (!Droits.Peut(utilisateur, Politiques.GestionClause))
        {
            if (!Droits.Peut(utilisateur, Politiques.PortailEntreprise)) return new HashSet<PieceJustificativeId>();
            var moi = db.Contexte.UtilisateurId ?? Guid.Empty;
            candidates = candidates.Where(p => p.DeposeeParId == moi);
        }
        var ids = await candidates.Select(p => p.Id).ToListAsync(annulation);
        var verrouillees = await RequetesPieces.Verrouillees(db, candidates).Select(p => p.Id).ToListAsync(annulation);
        return ids.Except(verrouillees).ToHashSet();
    }

    /// <summary>
    /// The file as an attachment, never shown inline: Content-Disposition attachment with the cleaned name, the detected
    /// type, nosniff (the browser may not guess another type), a sandbox policy (no script even if opened) and no caching.
    /// </summary>
    public static FileStreamResult Fichier(HttpResponse reponse, FichierPiece fichier)
    {
        ArgumentNullException.ThrowIfNull(reponse);
        ArgumentNullException.ThrowIfNull(fichier);
        reponse.Headers.XContentTypeOptions = "nosniff";
        reponse.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        reponse.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(fichier.Contenu, fichier.TypeContenu) { FileDownloadName = fichier.NomOriginal };
    }

    /// <summary>« 12 Ko », « 1,2 Mo ».</summary>
    public static string Taille(long octets) => octets < 1024 * 1024
        ? $"{Math.Max(1, (octets + 1023) / 1024)} Ko"
        : (octets / (1024m * 1024m)).ToString("0.#", Affichage.Fr) + " Mo";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Horodatage(DateTimeOffset quand) => TimeZoneInfo.ConvertTime(quand, Paris).ToString("dd/MM/yyyy à HH:mm", Affichage.Fr);
}

/// <summary>What <c>Pages/Shared/_PiecesJustificatives.cshtml</c> renders: the proofs, the portal's or the staff's links, which may be deleted.</summary>
public sealed record ListePieces(IReadOnlyList<PieceResume> Pieces, bool Portail, IReadOnlySet<PieceJustificativeId>? Supprimables = null,
    string? Retour = null)
{
    /// <summary>/Portail/Pieces for a company contact, /Pieces for the staff.</summary>
    public string Base => Portail ? "/Portail/Pieces" : "/Pieces";

    public string LienTelechargement(PieceJustificativeId id) => $"{Base}/Telecharger/{id}";

    public string LienSuppression(PieceJustificativeId id) =>
        Retour is null ? $"{Base}/Supprimer/{id}" : $"{Base}/Supprimer/{id}?retour={Uri.EscapeDataString(Retour)}";

    public bool Supprimable(PieceJustificativeId id) => Supprimables?.Contains(id) == true;
}

/// <summary>
/// On the upload page: a form larger than the page's limits (<see cref="LimitesDepot.TailleRequeteMax"/>, well above 5 Mo so
/// that an ordinary too-big file reaches the domain's French message) cannot be read; antiforgery would then answer a bare
/// 400. This filter reads the form first, between the limits (order 900) and antiforgery (1000), and sends such a request
/// back to the form with the French message instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FormulaireDepotAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string CleErreur = "ErreurFichier";

    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requete = context.HttpContext.Request;
        if (!HttpMethods.IsPost(requete.Method) || !requete.HasFormContentType) return;
        try
        {
            await requete.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            var tempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
            tempData[CleErreur] = LimitesDepot.MessageTropLourd;
            // The short-circuit skips the filter that saves TempData: saved here.
            tempData.Save();
            context.Result = new RedirectResult(requete.Path + requete.QueryString);
        }
    }
}

/// <summary>The upload request's limits: the file's 5 Mo is the domain's rule; the request may be larger so that the domain says it.</summary>
public static class LimitesDepot
{
    /// <summary>12 Mo: a 6 Mo file is read and refused in French by the domain; beyond, <see cref="FormulaireDepotAttribute"/> answers.</summary>
    public const long TailleRequeteMax = 12L * 1024 * 1024;

    public const string MessageTropLourd =
        "Fichier : le fichier envoyé dépasse largement 5 Mo et n'a pas été lu. Réduisez-le (numérisation en 150 ppp, ou une page par fichier) puis déposez-le à nouveau.";

    /// <summary>What the file input accepts (a hint for the file picker; the content is checked on the server).</summary>
    public const string Accepte = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";
}
