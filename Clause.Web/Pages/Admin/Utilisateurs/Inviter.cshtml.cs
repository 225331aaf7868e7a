using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
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

    public IReadOnlyList<SelectListItem> OptionsStructures { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OptionsEntreprises { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OptionsDonneursOrdre { get; private set; } = [];

    public async Task OnGetAsync(StructureId? structure, CancellationToken annulation)
    {
        Saisie.StructureId = structure;
        await ChargerListesAsync(annulation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (ModelState.IsValid) await VerifierAsync(annulation);
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

        TempData["Succes"] = $"{utilisateur.NomComplet} est invité(e) : un e-mail avec un lien valable 7 jours a été envoyé à {utilisateur.Email}.";
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    /// <summary>Role and attachment rules, then that the chosen company or buyer belongs to the chosen structure.</summary>
    private async Task VerifierAsync(CancellationToken annulation)
    {
        try
        {
            Rattachement.Verifier(Saisie.Role, Saisie.StructureId, Saisie.EntrepriseId, Saisie.DonneurOrdreId);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return;
        }
        if (Saisie.StructureId is { } structureId && !await db.Structures.AnyAsync(s => s.Id == structureId && s.Active, annulation))
            ModelState.AddModelError("Saisie.StructureId", "Cette structure n'existe pas ou n'est plus active.");
        // The administrator belongs to no structure: the tenant filter would hide every company and buyer.
        if (Saisie.EntrepriseId is { } entrepriseId
            && !await db.Entreprises.IgnoreQueryFilters().AnyAsync(e => e.Id == entrepriseId && e.StructureId == Saisie.StructureId, annulation))
            ModelState.AddModelError("Saisie.EntrepriseId", "Cette entreprise n'appartient pas à la structure choisie.");
        if (Saisie.DonneurOrdreId is { } donneurOrdreId
            && !await db.DonneursOrdre.IgnoreQueryFilters().AnyAsync(d => d.Id == donneurOrdreId && d.StructureId == Saisie.StructureId, annulation))
            ModelState.AddModelError("Saisie.DonneurOrdreId", "Ce donneur d'ordre n'appartient pas à la structure choisie.");
        if (await utilisateurs.FindByEmailAsync(Saisie.Email!.Trim()) is not null)
            ModelState.AddModelError("Saisie.Email", MessageEmailPris);
    }

    private async Task ChargerListesAsync(CancellationToken annulation)
    {
        OptionsRoles = Roles.Tous.Select(r => new SelectListItem(Roles.Libelle(r), r, r == Saisie.Role)).ToList();
        OptionsStructures = await ComptesAdmin.OptionsStructuresAsync(db, Saisie.StructureId, annulation);
        var structures = await db.Structures.AsNoTracking().ToDictionaryAsync(s => s.Id, s => new SelectListGroup { Name = s.Nom }, annulation);

        // Names only, grouped by structure (optgroup): the form works without JavaScript; the POST checks membership.
        var entreprises = await db.Entreprises.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures).AsNoTracking()
            .OrderBy(e => e.RaisonSociale).Select(e => new { e.Id, e.RaisonSociale, e.StructureId }).ToListAsync(annulation);
        OptionsEntreprises = entreprises
            .OrderBy(e => structures[e.StructureId].Name, StringComparer.Create(Affichage.Fr, ignoreCase: true))
            .Select(e => new SelectListItem(e.RaisonSociale, e.Id.ToString(), e.Id == Saisie.EntrepriseId) { Group = structures[e.StructureId] })
            .ToList();
        var donneurs = await db.DonneursOrdre.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures).AsNoTracking()
            .OrderBy(d => d.RaisonSociale).Select(d => new { d.Id, d.RaisonSociale, d.StructureId }).ToListAsync(annulation);
        OptionsDonneursOrdre = donneurs
            .OrderBy(d => structures[d.StructureId].Name, StringComparer.Create(Affichage.Fr, ignoreCase: true))
            .Select(d => new SelectListItem(d.RaisonSociale, d.Id.ToString(), d.Id == Saisie.DonneurOrdreId) { Group = structures[d.StructureId] })
            .ToList();
    }
}

public sealed record SaisieInvitationCompte
{
    [Required(ErrorMessage = "Le champ « Adresse e-mail » est obligatoire.")]
    [EmailAddress(ErrorMessage = "Le champ « Adresse e-mail » doit être une adresse valide (exemple : prenom.nom@exemple.fr).")]
    [StringLength(254, ErrorMessage = "Le champ « Adresse e-mail » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Adresse e-mail")]
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
