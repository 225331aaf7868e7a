using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.Utilisateurs;

/// <summary>
/// Invites a user: the account is created without password, with its role and attachment (structure,
/// company or buyer of that structure), and a mail carries a 7-day link to choose the password.
/// Account, role and mail succeed or fail together.
/// </summary>
public sealed class InviterModel(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole<Guid>> roles,
    Invitations invitations, TimeProvider horloge) : PageModel
{
    public const string MessageEmailPris = "Un compte existe déjà avec cette adresse e-mail.";

    [BindProperty]
    public SaisieInvitationCompte Saisie { get; set; } = new();

    public IReadOnlyList<SelectListItem> OptionsRoles { get; private set; } = [];

    public async Task OnGetAsync(StructureId? structure, CancellationToken annulation)
    {
        Saisie.StructureId = structure;
        // Back from a combobox's search page (no JavaScript): the form's values are in the address.
        if (Request.Query.Keys.Any(k => k.StartsWith("Saisie.", StringComparison.Ordinal)))
        {
            await TryUpdateModelAsync(Saisie, "Saisie", new QueryStringValueProvider(BindingSource.Query, Request.Query, CultureInfo.InvariantCulture));
            ModelState.Clear();
        }
        await ChargerListesAsync(annulation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        // No early return (every error in one pass): the role's rules and the lookups run beside the form's own errors.
        await VerifierAsync(annulation);
        if (!ModelState.IsValid)
        {
            await ChargerListesAsync(annulation);
            return Page();
        }

        var utilisateur = new Utilisateur
        {
            UserName = Saisie.Email!.Trim(),
            Email = Saisie.Email.Trim(),
            NomComplet = Saisie.NomComplet!.Trim(),
            StructureId = Saisie.StructureId,
            EntrepriseId = Saisie.EntrepriseId,
            DonneurOrdreId = Saisie.DonneurOrdreId,
            CreeLe = horloge.GetUtcNow(),
        };
        var structure = Saisie.StructureId is { } sid
            ? await db.Structures.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Nom).FirstAsync(annulation)
            : null;

        await using (var transaction = await db.Database.BeginTransactionAsync(annulation))
        {
            var resultat = await utilisateurs.CreerInviteAsync(roles, utilisateur, Saisie.Role!);
            if (!resultat.Succeeded)
            {
                foreach (var erreur in resultat.Errors)
                    ModelState.AddModelError(erreur.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? "Saisie.Email" : string.Empty,
                        erreur.Code is "DuplicateEmail" or "DuplicateUserName" ? MessageEmailPris : erreur.Description);
                await ChargerListesAsync(annulation);
                return Page();
            }
            // The invitation is deposited in the outbox within this transaction: the account and its mail, or neither.
            await invitations.EnvoyerAsync(utilisateur, structure, annulation);
            await transaction.CommitAsync(annulation);
        }

        TempData["Succes"] = $"{utilisateur.NomComplet} est invité(e) : un e-mail avec un lien valable 7 jours est parti dans la boîte d'envoi pour {utilisateur.Email} (il sera envoyé dans quelques minutes).";
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    /// <summary>
    /// Role and attachment rules (every refusal at once), then that the chosen structure, company or buyer exists and belongs
    /// to the chosen structure, and that the address is free — each lookup only for a field not already in error (it keeps
    /// its own message).
    /// </summary>
    private async Task VerifierAsync(CancellationToken annulation)
    {
        try
        {
            Rattachement.Verifier(Saisie.Role, Saisie.StructureId, Saisie.EntrepriseId, Saisie.DonneurOrdreId);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
        }
        if (Saisie.StructureId is { } structureId && !ModelState.EnErreur("Saisie.StructureId")
            && !await Recherches.StructuresAdmin.OffreAsync(db, User, structureId, null, annulation))
            ModelState.AddModelError("Saisie.StructureId", "Cette structure n'existe pas ou n'est plus active.");
        // The administrator belongs to no structure: the tenant filter would hide every company and buyer.
        if (Saisie.EntrepriseId is { } entrepriseId && !ModelState.EnErreur("Saisie.EntrepriseId")
            && !await Recherches.EntreprisesAdmin.OffreAsync(db, User, entrepriseId, Saisie.StructureId?.ToString(), annulation))
            ModelState.AddModelError("Saisie.EntrepriseId", "Cette entreprise n'appartient pas à la structure choisie.");
        if (Saisie.DonneurOrdreId is { } donneurOrdreId && !ModelState.EnErreur("Saisie.DonneurOrdreId")
            && !await Recherches.DonneursOrdreAdmin.OffreAsync(db, User, donneurOrdreId, Saisie.StructureId?.ToString(), annulation))
            ModelState.AddModelError("Saisie.DonneurOrdreId", "Ce donneur d'ordre n'appartient pas à la structure choisie.");
        if (!string.IsNullOrWhiteSpace(Saisie.Email) && !ModelState.EnErreur("Saisie.Email") && await utilisateurs.FindByEmailAsync(Saisie.Email.Trim()) is not null)
            ModelState.AddModelError("Saisie.Email", MessageEmailPris);
    }

    /// <summary>
    /// The roles only: structures, companies and buyers are chosen with comboboxes over admin-wide searches
    /// (<see cref="Recherches.StructuresAdmin"/>, <see cref="Recherches.EntreprisesAdmin"/>,
    /// <see cref="Recherches.DonneursOrdreAdmin"/>, the last two filtered by the chosen structure) — never a list of the
    /// whole installation in the page (issue 17).
    /// </summary>
    private Task ChargerListesAsync(CancellationToken annulation)
    {
        OptionsRoles = Roles.Tous.Select(r => new SelectListItem(Roles.Libelle(r), r, r == Saisie.Role)).ToList();
        return Task.CompletedTask;
    }
}

public sealed record SaisieInvitationCompte
{
    [Required(ErrorMessage = "Le champ « Adresse e-mail » est obligatoire.")]
    [StringLength(254, ErrorMessage = "Le champ « Adresse e-mail » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Adresse e-mail")]
    [AdresseEmail]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Le champ « Nom complet » est obligatoire.")]
    [StringLength(Utilisateur.NomCompletLongueurMax, ErrorMessage = "Le champ « Nom complet » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Nom complet")]
    public string? NomComplet { get; set; }

    [Required(ErrorMessage = "Le champ « Rôle » est obligatoire.")]
    [Display(Name = "Rôle")]
    public string? Role { get; set; }

    [Display(Name = "Structure")]
    public StructureId? StructureId { get; set; }

    [Display(Name = "Entreprise")]
    public EntrepriseId? EntrepriseId { get; set; }

    [Display(Name = "Donneur d'ordre")]
    public DonneurOrdreId? DonneurOrdreId { get; set; }
}
