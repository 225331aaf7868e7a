using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// "Mon compte", for every signed-in user: who I am (name, e-mail, role, structure / company / buyer), a link to change
/// my password, and — for the roles that may hold one (<see cref="JetonsAcces.RolesAutorises"/>) — my personal access
/// tokens: the list, the creation form, revocation; my open sessions, each of which I may close. A new token's secret is written in the POST's own response, once,
/// not cached: never in TempData, a cookie, a log or an address.
/// </summary>
[ConnexionRequise]
public sealed class MonCompteModel(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, SignInManager<Utilisateur> connexion, JetonsAcces jetons,
    TimeProvider horloge) : PageModel
{
    /// <summary>The list is bounded: the most recent tokens first; older ones are counted, not shown.</summary>
    public const int JetonsAffiches = 50;

    [BindProperty]
    public SaisieJeton Saisie { get; set; } = new();

    public ProfilCompte Profil { get; private set; } = null!;

    /// <summary>False for the Administrateur and the Referent: no token section at all.</summary>
    public bool PeutAvoirDesJetons { get; private set; }

    public IReadOnlyList<LigneJeton> Jetons { get; private set; } = [];

    public int NombreJetons { get; private set; }

    /// <summary>The token just created, with its secret: set only in the creation's POST response.</summary>
    public JetonCree? Cree { get; private set; }

    public DateTimeOffset Maintenant { get; private set; }

    /// <summary>My open sessions (server-side, <see cref="MagasinSessions"/>), the most recently active first.</summary>
    public IReadOnlyList<LigneSession> Sessions { get; private set; } = [];

    /// <summary>The session of this request (marked « cette session »).</summary>
    public Guid? SessionCourante { get; private set; }

    public DateOnly ExpirationMax { get; private set; }

    /// <summary>Whether my account signs in with a second factor (DoubleFacteurInscription, DoubleFacteurCodes).</summary>
    public bool DoubleFacteurActif { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (await CompteAsync() is not { } compte) return Challenge();
        await PreparerAsync(compte, annulation);
        Saisie.ExpireLe = jetons.ExpirationParDefaut();
        return Page();
    }

    public async Task<IActionResult> OnPostCreerAsync(CancellationToken annulation)
    {
        if (await CompteAsync() is not { } compte) return Challenge();
        // Both fields are judged in one pass (the service's own rules), so every error shows at once.
        if (JetonsAcces.RefusNom(Saisie.Nom) is { } refusNom) ModelState.AjouterErreur(refusNom);
        if (Saisie.ExpireLe is { } expireLe && jetons.RefusExpiration(expireLe) is { } refusExpiration) ModelState.AjouterErreur(refusExpiration);
        if (ModelState.IsValid)
        {
            try
            {
                Cree = await jetons.CreerAsync(compte, Saisie.Nom, Saisie.ExpireLe!.Value, annulation);
            }
            catch (RegleMetierException ex)
            {
                ModelState.AjouterErreur(ex);
            }
        }
        await PreparerAsync(compte, annulation);
        if (Cree is not null)
        {
            // The secret is in this response only (antiforgery already sends Cache-Control: no-store on every page
            // with a form, the header's sign-out included: no cache keeps it); the form starts afresh.
            ModelState.Clear();
            Saisie = new SaisieJeton { ExpireLe = jetons.ExpirationParDefaut() };
        }
        return Page();
    }

    /// <summary>
    /// Closes one of my sessions: its row is deleted, so its cookie stops at its next request. Closing this very session
    /// signs out. Another account's session, or one already closed, answers 404.
    /// </summary>
    public async Task<IActionResult> OnPostFermerSessionAsync(Guid session, CancellationToken annulation)
    {
        if (await CompteAsync() is not { } compte) return Challenge();
        var fermees = await db.SessionsConnexion.Where(s => s.Id == session && s.UtilisateurId == compte.Id).ExecuteDeleteAsync(annulation);
        if (fermees == 0) return NotFound();
        if (HttpContext.Items[MagasinSessions.CleSessionCourante] is Guid courante && courante == session)
        {
            await connexion.SignOutAsync();
            return RedirectToPage("/Compte/Connexion");
        }
        TempData["Succes"] = "La session est fermée.";
        return RedirectToPage();
    }

    private async Task<Utilisateur?> CompteAsync() => await utilisateurs.GetUserAsync(User);

    private async Task PreparerAsync(Utilisateur compte, CancellationToken annulation)
    {
        Maintenant = horloge.GetUtcNow();
        DoubleFacteurActif = compte.TwoFactorEnabled;
        ExpirationMax = DateOnly.FromDateTime(Maintenant.UtcDateTime).AddYears(1);
        var role = Droits.Role(User);
        Profil = new ProfilCompte(
            compte.NomComplet,
            compte.Email ?? string.Empty,
            role is null ? "—" : Roles.Libelle(role),
            compte.StructureId is { } s ? await db.Structures.AsNoTracking().Where(x => x.Id == s).Select(x => x.Nom).FirstOrDefaultAsync(annulation) : null,
            compte.EntrepriseId is { } e ? await db.Entreprises.AsNoTracking().Where(x => x.Id == e).Select(x => x.RaisonSociale).FirstOrDefaultAsync(annulation) : null,
            compte.DonneurOrdreId is { } d ? await db.DonneursOrdre.AsNoTracking().Where(x => x.Id == d).Select(x => x.RaisonSociale).FirstOrDefaultAsync(annulation) : null);

        SessionCourante = HttpContext.Items[MagasinSessions.CleSessionCourante] as Guid?;
        // Bounded by the account's own open sessions (ended ones are deleted when it signs in again); idle ones are left out here.
        var sessions = await db.SessionsConnexion.AsNoTracking().Where(s => s.UtilisateurId == compte.Id && s.ExpireLe > Maintenant)
            .Select(s => new LigneSession(s.Id, s.Navigateur, s.CreeLe, s.DerniereActiviteLe, s.ExpireLe, s.InactiviteMinutes))
            .ToListAsync(annulation);
        Sessions = [.. sessions.Where(s => SessionConnexion.Ouverte(s.DerniereActiviteLe, s.ExpireLe, s.InactiviteMinutes, Maintenant))
            .OrderByDescending(s => s.DerniereActiviteLe).ThenBy(s => s.Id)];

        PeutAvoirDesJetons = role is not null && JetonsAcces.RolesAutorises.Contains(role);
        if (!PeutAvoirDesJetons) return;
        var structureId = db.Contexte.StructureId;
        var mesJetons = db.JetonsAcces.AsNoTracking().Where(j => j.StructureId == structureId && j.UtilisateurId == compte.Id);
        NombreJetons = await mesJetons.CountAsync(annulation);
        Jetons = await mesJetons.OrderByDescending(j => j.CreeLe).ThenByDescending(j => j.Id)
            .Take(JetonsAffiches).Select(LigneJeton.Projection).ToListAsync(annulation);
    }
}

/// <summary>One open session as « Mon compte » lists it (browser family, never the User-Agent text or an address).</summary>
public sealed record LigneSession(Guid Id, string Navigateur, DateTimeOffset CreeLe, DateTimeOffset DerniereActiviteLe, DateTimeOffset ExpireLe, int InactiviteMinutes);

public sealed record ProfilCompte(string Nom, string Email, string Role, string? Structure, string? Entreprise, string? DonneurOrdre);

/// <summary>The token creation form: a name and a last day of validity (90 days by default, one year at most).</summary>
public sealed record SaisieJeton
{
    [Display(Name = "Nom du jeton")]
    public string? Nom { get; set; }

    [Required(ErrorMessage = "Le champ « Date d'expiration » est obligatoire.")]
    [Display(Name = "Date d'expiration")]
    public DateOnly? ExpireLe { get; set; }
}
