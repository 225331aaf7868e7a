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
public sealed class ContactModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieContact Saisie { get; set; } = new();

    public DonneurOrdreId DonneurOrdreId { get; private set; }

    public string RaisonSociale { get; private set; } = string.Empty;

    public Guid? ContactId { get; private set; }

    public bool ConfirmationRetrait { get; private set; }

    public async Task<IActionResult> OnGetAsync(DonneurOrdreId id, Guid? contactId, string? retrait, CancellationToken annulation)
    {
        if (await ChargerAsync(id, contactId, annulation) is not { } donneur) return NotFound();
        if (contactId is { } cid)
        {
            var contact = donneur.Contacts.FirstOrDefault(c => c.Id == cid);
            if (contact is null) return NotFound();
            Saisie = new SaisieContact { Nom = contact.Nom, Role = contact.Role, Email = contact.Email, Telephone = contact.Telephone };
            ConfirmationRetrait = retrait == "confirmer";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(DonneurOrdreId id, Guid? contactId, CancellationToken annulation)
    {
        if (await ChargerAsync(id, contactId, annulation) is not { } donneur) return NotFound();
        if (contactId is { } cid && donneur.Contacts.All(c => c.Id != cid)) return NotFound();
        // No early return: the domain checks the other fields too (a field already in error keeps its own message).
        // One form, two domain methods: the route says which one (a contactId changes that contact, none adds one).
        if (!Appliquer(() =>
            {
                if (contactId is { } existant) donneur.ModifierContact(existant, Saisie.Nom, Saisie.Role ?? default, Saisie.Email, Saisie.Telephone);
                else donneur.AjouterContact(Saisie.Nom, Saisie.Role ?? default, Saisie.Email, Saisie.Telephone);
            }))
            return Page();
        return await EnregistrerAsync(contactId is null ? $"Le contact « {Saisie.Nom?.Trim()} » est ajouté." : "Le contact est modifié.",
            "/DonneursOrdre/Details", new { id }, annulation);
    }

    public async Task<IActionResult> OnPostRetirerAsync(DonneurOrdreId id, Guid? contactId, CancellationToken annulation)
    {
        if (await ChargerAsync(id, contactId, annulation) is not { } donneur || contactId is not { } cid) return NotFound();
        var contact = donneur.Contacts.FirstOrDefault(c => c.Id == cid);
        if (contact is null) return NotFound();
        donneur.RetirerContact(cid);
        return await EnregistrerAsync($"Le contact « {contact.Nom} » est retiré.", "/DonneursOrdre/Details", new { id }, annulation);
    }

    private async Task<DonneurOrdre?> ChargerAsync(DonneurOrdreId id, Guid? contactId, CancellationToken annulation)
    {
        var donneur = await Db.DonneursOrdre.Include(d => d.Contacts).DeLaStructureAsync(Db, id, annulation);
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
    [AdresseEmail]
    public string? Email { get; set; }

    [StringLength(ContactDonneurOrdre.TelephoneLongueurMax, ErrorMessage = "Le champ « Téléphone » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Téléphone")]
    public string? Telephone { get; set; }
}
