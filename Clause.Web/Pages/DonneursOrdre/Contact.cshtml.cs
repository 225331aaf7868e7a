using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

/// <summary>
/// A contact of a buyer: added (no contactId), changed (contactId), or removed after a confirmation
/// step (GET ?retrait=confirmer shows it, POST handler "Retirer" removes).
/// </summary>
public sealed class ContactModel(ClauseDbContext db) : PageModel
{
    [BindProperty]
    public SaisieContact Saisie { get; set; } = new();

    public Guid DonneurOrdreId { get; private set; }

    public string RaisonSociale { get; private set; } = string.Empty;

    public Guid? ContactId { get; private set; }

    public bool ConfirmationRetrait { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? contactId, string? retrait, CancellationToken annulation)
    {
        var donneur = await TrouverAsync(id, contactId, annulation);
        if (donneur is null) return NotFound();
        if (contactId is { } cid)
        {
            var contact = donneur.Contacts.FirstOrDefault(c => c.Id == cid);
            if (contact is null) return NotFound();
            Saisie = new SaisieContact { Nom = contact.Nom, Role = contact.Role, Email = contact.Email, Telephone = contact.Telephone };
            ConfirmationRetrait = retrait == "confirmer";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? contactId, CancellationToken annulation)
    {
        var donneur = await TrouverAsync(id, contactId, annulation);
        if (donneur is null) return NotFound();
        if (contactId is { } cid && donneur.Contacts.All(c => c.Id != cid)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            if (contactId is { } existant)
                donneur.ModifierContact(existant, Saisie.Nom, Saisie.Role!.Value, Saisie.Email, Saisie.Telephone);
            else
                donneur.AjouterContact(Saisie.Nom, Saisie.Role!.Value, Saisie.Email, Saisie.Telephone);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return Page();
        }
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = contactId is null ? $"Le contact « {Saisie.Nom?.Trim()} » est ajouté." : "Le contact est modifié.";
        return RedirectToPage("/DonneursOrdre/Details", new { id });
    }

    public async Task<IActionResult> OnPostRetirerAsync(Guid id, Guid? contactId, CancellationToken annulation)
    {
        var donneur = await TrouverAsync(id, contactId, annulation);
        if (donneur is null || contactId is not { } cid) return NotFound();
        var contact = donneur.Contacts.FirstOrDefault(c => c.Id == cid);
        if (contact is null) return NotFound();
        donneur.RetirerContact(cid);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Le contact « {contact.Nom} » est retiré.";
        return RedirectToPage("/DonneursOrdre/Details", new { id });
    }

    private async Task<DonneurOrdre?> TrouverAsync(Guid id, Guid? contactId, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var donneur = await db.DonneursOrdre.Include(d => d.Contacts)
            .FirstOrDefaultAsync(d => d.Id == id && d.StructureId == structureId, annulation);
        if (donneur is not null)
        {
            DonneurOrdreId = donneur.Id;
            RaisonSociale = donneur.RaisonSociale;
            ContactId = contactId;
        }
        return donneur;
    }
}

public sealed record SaisieContact
{
    [Required(ErrorMessage = "Le champ « Nom » est obligatoire.")]
    [StringLength(ContactDonneurOrdre.NomLongueurMax, ErrorMessage = "Le champ « Nom » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Nom")]
    public string? Nom { get; set; }

    [Required(ErrorMessage = "Le champ « Rôle » est obligatoire.")]
    [Display(Name = "Rôle")]
    public RoleContactDonneurOrdre? Role { get; set; }

    [StringLength(ContactDonneurOrdre.EmailLongueurMax, ErrorMessage = "Le champ « E-mail » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [StringLength(ContactDonneurOrdre.TelephoneLongueurMax, ErrorMessage = "Le champ « Téléphone » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Téléphone")]
    public string? Telephone { get; set; }
}
