using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Expressions;
using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Base of every action page (a form that changes one record): the handler loads its record through the folder's
/// loader (null → <c>NotFound()</c>), calls ONE domain method through <see cref="Appliquer"/> — a
/// <see cref="RegleMetierException"/> becomes the error beside the field it names and nothing is saved — then
/// <see cref="EnregistrerAsync"/> saves and redirects (PRG). Written once so that a new page cannot forget a step.
/// See docs/architecture.md, « Ajouter une page d'action ».
/// </summary>
public abstract class PageAction(ClauseDbContext db) : PageModel
{
    protected ClauseDbContext Db => db;

    /// <summary>
    /// The way back from a combobox's search page to this form (no-JavaScript path): the search page sends the user to the
    /// form's GET with every value of the form in the address (<c>Saisie.DateDebut=…&amp;Saisie.LotId=…</c>). The GET calls
    /// this to fill its input record from them, so nothing typed is lost; the form is shown without errors (nothing has
    /// been submitted yet). Without such values in the address it does nothing.
    /// </summary>
    protected async Task RestaurerApresRechercheAsync<T>(T saisie, string prefixe = "Saisie") where T : class
    {
        ArgumentNullException.ThrowIfNull(saisie);
        if (!Request.Query.Keys.Any(k => k.StartsWith(prefixe + ".", StringComparison.Ordinal))) return;
        await TryUpdateModelAsync(saisie, prefixe, new QueryStringValueProvider(BindingSource.Query, Request.Query, CultureInfo.InvariantCulture));
        ModelState.Clear();
    }

    /// <summary>
    /// Calls the handler's one domain method. False when the domain refused: its messages are put beside the fields they
    /// name (renamed through <paramref name="renommages"/> when the input record names it differently) and the handler
    /// re-renders the form without saving. Every error in one pass (issue 15 item 5): the handler calls this even when
    /// the form already has errors (a value that did not parse, a [Required]) — the domain then checks every other field,
    /// a field already in error keeps its own message — and false is returned while any error remains, so that nothing
    /// is saved. The domain only changes the record once all its checks pass (<see cref="Verification"/>).
    /// </summary>
    protected bool Appliquer(Action appelDomaine, IReadOnlyDictionary<string, string>? renommages = null)
    {
        ArgumentNullException.ThrowIfNull(appelDomaine);
        try
        {
            appelDomaine();
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, renommages);
            return false;
        }
        return ModelState.IsValid;
    }

    /// <summary>
    /// The same for a service that loads, calls the domain and saves in one operation (the hours: ServiceHeures): its
    /// <see cref="RegleMetierException"/> goes beside the field it names and nothing was saved. A service that saves is
    /// not called on a form already in error, unless it offers a check-only run (ServiceHeures.SaisirGrilleAsync,
    /// ValiderEnMasseAsync: verifierSeulement) that the handler calls first.
    /// </summary>
    protected async Task<bool> AppliquerAsync(Func<Task> appelService, IReadOnlyDictionary<string, string>? renommages = null)
    {
        ArgumentNullException.ThrowIfNull(appelService);
        try
        {
            await appelService();
            return true;
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, renommages);
            return false;
        }
    }

    /// <summary>
    /// True when the field <paramref name="cle"/> (« Saisie.LotId ») is already in error: a handler that calls the domain on
    /// a form in error (every error in one pass) does not pass it a value that was not read, nor a record it could not load.
    /// </summary>
    protected bool Invalide(string cle) => ModelState.EnErreur(cle);

    /// <summary>The same for a creation: the domain factory's record, or false (and null) when it refused.</summary>
    protected bool Appliquer<T>(Func<T> creation, [NotNullWhen(true)] out T? cree, IReadOnlyDictionary<string, string>? renommages = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(creation);
        T? resultat = null;
        var reussi = Appliquer(() => resultat = creation(), renommages);
        cree = resultat;
        return reussi && cree is not null;
    }

    /// <summary>A warning shown on the next page beside the success message (something saved that the user must know about).</summary>
    protected void Avertir(string avertissement) => TempData["Avertissement"] = avertissement;

    /// <summary>Saves what the domain changed, shows <paramref name="succes"/> on the next page and redirects to it (PRG).</summary>
    protected async Task<IActionResult> EnregistrerAsync(string succes, string page, object? route, CancellationToken annulation)
    {
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = succes;
        return RedirectToPage(page, route);
    }

    /// <summary>Same, back to a local address the page was given (a list that posts inline and wants to be shown again).</summary>
    protected async Task<IActionResult> EnregistrerAsync(string succes, string adresseLocale, CancellationToken annulation)
    {
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = succes;
        return LocalRedirect(adresseLocale);
    }

    /// <summary>
    /// Same, for a save that a unique index may refuse (a number or SIRET saved by someone else in between): when
    /// <paramref name="conflit"/> then finds the duplicate, its French message goes beside <paramref name="champ"/> and
    /// the form is re-rendered; any other failure is rethrown. The index is the rule; this is its one translation.
    /// </summary>
    protected async Task<IActionResult> EnregistrerAsync(string succes, string page, object? route, string champ, Func<Task<string?>> conflit,
        CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(conflit);
        try
        {
            await db.SaveChangesAsync(annulation);
        }
        catch (DbUpdateException)
        {
            if (await conflit() is not { } message) throw;
            ModelState.AddModelError($"Saisie.{champ}", message);
            return Page();
        }
        TempData["Succes"] = succes;
        return RedirectToPage(page, route);
    }
}

/// <summary>The loading half of the convention: one record of the current structure, tracked for a change.</summary>
public static class Chargement
{
    /// <summary>
    /// The record <paramref name="id"/> of the current structure, or null (→ 404) when it does not exist or belongs to
    /// another structure. The structure is compared explicitly, not only through the tenant filter.
    /// </summary>
    public static Task<T?> DeLaStructureAsync<T>(this IQueryable<T> source, ClauseDbContext db, Guid id, CancellationToken annulation)
        where T : EntiteGuid, IAppartientStructure
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        return source.FirstOrDefaultAsync(e => e.Id == id && e.StructureId == structureId, annulation);
    }

    /// <summary>The same for an aggregate root with a typed id (<see cref="Racine{TId}"/>): a LotId loads a lot, nothing else.</summary>
    public static Task<T?> DeLaStructureAsync<T, TId>(this IQueryable<T> source, ClauseDbContext db, TId id, CancellationToken annulation)
        where T : Racine<TId>, IAppartientStructure
        where TId : struct, IIdentifiant<TId>
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        return source.Where(MemeId<T, TId>(id)).FirstOrDefaultAsync(e => e.StructureId == structureId, annulation);
    }

    // C# has no == on an unconstrained TId: the expression uses the record struct's own operator, which EF translates
    // through the value converter (WHERE Id = @id on the GUID column). The id is read from a closure: a SQL parameter.
    private static Expression<Func<T, bool>> MemeId<T, TId>(TId id)
        where T : Racine<TId>
        where TId : struct, IIdentifiant<TId>
    {
        var e = Expression.Parameter(typeof(T), "e");
        var valeur = Expression.Property(Expression.Constant(new Boite<TId>(id)), nameof(Boite<TId>.Valeur));
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(Expression.Property(e, nameof(Racine<TId>.Id)), valeur), e);
    }

    private sealed record Boite<TId>(TId Valeur);
}
