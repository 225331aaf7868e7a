using System.Security.Claims;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Api;

public sealed record MoiApi(Guid Id, string Nom, string Email, string? Role, StructureApi? Structure, EntrepriseApi? Entreprise,
    DonneurOrdreApi? DonneurOrdre, JetonApi? Jeton);

public sealed record StructureApi(Guid Id, string Nom);

public sealed record EntrepriseApi(Guid Id, string RaisonSociale, string Siret);

public sealed record JetonApi(string Nom, DateTimeOffset ExpireLe);

/// <summary><c>GET /api/v1/moi</c>: who the token belongs to, the role and the scope (structure, company or buyer).</summary>
public sealed class PointsMoi : IModuleApi
{
    public void Mapper(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/moi", LireAsync)
            .WithTags("Compte")
            .WithName("Moi")
            .WithSummary("Qui suis-je")
            .WithDescription("L'utilisateur à qui appartient le jeton : nom, e-mail, rôle, structure, et l'entreprise ou le donneur d'ordre "
                + "auquel il est rattaché ; le nom et l'expiration du jeton utilisé.");
    }

    public static async Task<Results<Ok<MoiApi>, ProblemHttpResult>> LireAsync(ClaimsPrincipal utilisateur, ClauseDbContext db,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        ArgumentNullException.ThrowIfNull(db);
        var contexte = db.Contexte;
        var compte = await db.Users.AsNoTracking().Where(u => u.Id == contexte.UtilisateurId)
            .Select(u => new { u.Id, u.NomComplet, u.Email }).FirstOrDefaultAsync(annulation);
        if (compte is null) return ProblemesApi.Statut(StatusCodes.Status404NotFound);
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == contexte.StructureId)
            .Select(s => new StructureApi(s.Id.Valeur, s.Nom)).FirstOrDefaultAsync(annulation);
        var entreprise = contexte.EntrepriseId is { } e
            ? await db.Entreprises.AsNoTracking().Where(x => x.Id == e).Select(x => new EntrepriseApi(x.Id.Valeur, x.RaisonSociale, x.Siret)).FirstOrDefaultAsync(annulation)
            : null;
        var donneur = contexte.DonneurOrdreId is { } d
            ? await db.DonneursOrdre.AsNoTracking().Where(x => x.Id == d).Select(x => new DonneurOrdreApi(x.Id.Valeur, x.RaisonSociale)).FirstOrDefaultAsync(annulation)
            : null;
        var jeton = await JetonAsync(utilisateur, db, annulation);
        return TypedResults.Ok(new MoiApi(compte.Id, compte.NomComplet, compte.Email ?? string.Empty, Droits.Role(utilisateur), structure, entreprise, donneur, jeton));
    }

    private static async Task<JetonApi?> JetonAsync(ClaimsPrincipal utilisateur, ClauseDbContext db, CancellationToken annulation)
    {
        if (!Guid.TryParse(utilisateur.FindFirstValue(RevendicationsClause.JetonId), out var jetonId)) return null;
        return await db.JetonsAcces.AsNoTracking().Where(j => j.Id == jetonId)
            .Select(j => new JetonApi(j.Nom, j.ExpireLe)).FirstOrDefaultAsync(annulation);
    }
}
