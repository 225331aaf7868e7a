using Clause.Infrastructure.Identite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Clause.Web.Infrastructure;

/// <summary>
/// An account that must use a second factor and has not enrolled (<see cref="RevendicationsClause.DoubleFacteurAInscrire"/>,
/// set at sign-in by <see cref="FabriqueRevendications"/>) can do nothing but enrol or sign out: every other page, GET or
/// POST, redirects it to <c>/Compte/DoubleFacteurInscription</c>. Pages only: the API (personal access tokens) never
/// carries the claim and is not a Razor page.
/// </summary>
public sealed class FiltreDoubleFacteur : IAsyncPageFilter
{
    public const string PageInscription = "/Compte/DoubleFacteurInscription";

    /// <summary>The pages left open to an account that must enrol.</summary>
    public static readonly IReadOnlySet<string> PagesOuvertes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        PageInscription, "/Compte/Deconnexion", "/Erreur",
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var utilisateur = context.HttpContext.User;
        if (utilisateur.HasClaim(c => c.Type == RevendicationsClause.DoubleFacteurAInscrire)
            && !PagesOuvertes.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectResult(PageInscription);
            return Task.CompletedTask;
        }
        return next();
    }
}
