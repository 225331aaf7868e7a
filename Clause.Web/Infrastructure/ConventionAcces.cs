using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Applies the folders' <see cref="DossierPages"/> to every page: a page without a POST handler takes the folder's
/// read policy; a page with one (a form page) takes the write policy as a whole, unless it is marked
/// <see cref="OuverteEnLectureAttribute"/> (then its GET takes the read policy); and every POST handler is checked
/// against the write policy by <see cref="FiltreEcriture"/>, because Razor Pages cannot put [Authorize] on a handler.
/// A page model marked [AllowAnonymous] (the error page) is left open; one marked <see cref="ConnexionRequiseAttribute"/>
/// in an open folder (Mon compte in /Compte) needs a signed-in user. Adding a page needs no line here.
/// </summary>
public sealed class ConventionAcces : IPageApplicationModelConvention
{
    private readonly IReadOnlyList<DossierPages> _dossiers;

    public ConventionAcces(Assembly assemblage)
    {
        ArgumentNullException.ThrowIfNull(assemblage);
        _dossiers = [.. assemblage.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DossierPages)) && !t.IsAbstract)
            .Select(t => (DossierPages)Activator.CreateInstance(t)!)];
        var doublon = _dossiers.GroupBy(d => d.Chemin, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (doublon is not null)
            throw new InvalidOperationException($"Le dossier « {doublon.Key} » déclare ses droits plusieurs fois.");
    }

    public IReadOnlyList<DossierPages> Dossiers => _dossiers;

    /// <summary>The deepest declared folder holding the page; the root declaration covers only the root's own pages.</summary>
    public DossierPages? DossierDe(string cheminPage)
    {
        ArgumentNullException.ThrowIfNull(cheminPage);
        var dossier = cheminPage[..Math.Max(cheminPage.LastIndexOf('/'), 0)];
        if (dossier.Length == 0) return _dossiers.FirstOrDefault(d => d.Chemin == "/");
        for (; dossier.Length > 0; dossier = dossier[..dossier.LastIndexOf('/')])
        {
            var trouve = _dossiers.FirstOrDefault(d => string.Equals(d.Chemin, dossier, StringComparison.OrdinalIgnoreCase));
            if (trouve is not null) return trouve;
        }
        return null;
    }

    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.HandlerTypeAttributes.OfType<IAllowAnonymous>().Any()) return;
        var dossier = DossierDe(model.ViewEnginePath) ?? throw new InvalidOperationException(
            $"La page « {model.ViewEnginePath} » est dans un dossier qui ne déclare pas ses droits : ajoutez un _Dossier.cs (DossierPages) à côté de ses pages.");

        var connexionRequise = model.HandlerTypeAttributes.OfType<ConnexionRequiseAttribute>().Any();
        if (dossier.Lecture == Politiques.Anonyme)
        {
            if (connexionRequise)
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(Politiques.Connecte));
                model.Filters.Add(new FiltreEcriture(Politiques.Connecte));
                return;
            }
            model.EndpointMetadata.Add(new AllowAnonymousAttribute());
            return;
        }
        if (connexionRequise)
            throw new InvalidOperationException(
                $"La page « {model.ViewEnginePath} » porte [ConnexionRequise] dans le dossier « {dossier.Chemin} », qui n'est pas ouvert : ce marqueur ne sert qu'à fermer une page d'un dossier ouvert à tous.");
        var formulaire = model.HandlerMethods.Any(h => !EstSure(h.HttpMethod));
        var ouverte = model.HandlerTypeAttributes.OfType<OuverteEnLectureAttribute>().Any();
        model.EndpointMetadata.Add(new AuthorizeAttribute(formulaire && !ouverte ? dossier.Ecriture : dossier.Lecture));
        model.Filters.Add(new FiltreEcriture(dossier.Ecriture));
    }

    /// <summary>GET and HEAD only show; anything else changes something.</summary>
    public static bool EstSure(string methode) =>
        HttpMethods.IsGet(methode) || HttpMethods.IsHead(methode);
}

/// <summary>
/// Requires the folder's write policy before any non-GET handler runs: signed-out users are sent to sign in,
/// signed-in users without the policy get the access-denied answer (as the authorisation middleware does).
/// </summary>
public sealed class FiltreEcriture(string politique) : IAsyncPageFilter
{
    public string Politique { get; } = politique;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // No handler (a POST to a page that has none) is judged by the request's method.
        var methode = context.HandlerMethod?.HttpMethod ?? context.HttpContext.Request.Method;
        if (!ConventionAcces.EstSure(methode))
        {
            var autorisation = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            var resultat = await autorisation.AuthorizeAsync(context.HttpContext.User, Politique);
            if (!resultat.Succeeded)
            {
                context.Result = context.HttpContext.User.Identity?.IsAuthenticated == true ? new ForbidResult() : new ChallengeResult();
                return;
            }
        }
        await next();
    }
}
