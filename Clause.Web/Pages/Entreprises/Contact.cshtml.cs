using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>Adds a contact to a company (no contactId), edits one, or removes it (handler Retirer).</summary>
public sealed class ContactModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieContact Saisie { get; set; } = new();

    public EntrepriseId EntrepriseId { get; private set; }

    public Guid? ContactId { get; private set; }

    public string RaisonSociale { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(EntrepriseId entrepriseId, Guid? contactId, CancellationToken annulation)
    {
        var structureId = Db.Contexte.StructureId;
        var raisonSociale = await Db.Entreprises.AsNoTracking()
            .Where(e => e.Id == entrepriseId && e.StructureId == structureId)
            .Select(e => e.RaisonSociale)
            .FirstOrDefaultAsync(annulation);
        if (raisonSociale is null) return NotFound();
        if (contactId is { } id)
        {
            var saisie = await Db.Entreprises.AsNoTracking()
                .Where(e => e.Id == entrepriseId && e.StructureId == structureId)
                .SelectMany(e => e.Contacts)
                .Where(c => c.Id == id)
                .Select(c => new SaisieContact { Nom = c.Nom, Role = c.Role, Email = c.Email, Telephone = c.Telephone })
                .FirstOrDefaultAsync(annulation);
            if (saisie is null) return NotFound();
            Saisie = saisie;
        }
        Renseigner(entrepriseId, contactId, raisonSociale);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(EntrepriseId entrepriseId, Guid? contactId, CancellationToken annulation)
    {
        var entreprise = await ChargerAsync(entrepriseId, annulation);
        if (entreprise is null || (contactId is { } id && entreprise.Contacts.All(c => c.Id != id))) return NotFound();
        Renseigner(entrepriseId, contactId, entreprise.RaisonSociale);
        // No early return: the domain checks the other fields too (a field already in error keeps its own message).
        // One form, two domain methods: the route says which one (a contactId changes that contact, none adds one).
        if (!Appliquer(() =>
            {
                if (contactId is { } existant) entreprise.ModifierContact(existant, Saisie.Nom, Saisie.Role ?? default, Saisie.Email, Saisie.Telephone);
                else entreprise.AjouterContact(Saisie.Nom, Saisie.Role ?? default, Saisie.Email, Saisie.Telephone);
            }))
            return Page();
        return await EnregistrerAsync(contactId is null
            ? $"Le contact « {Saisie.Nom?.Trim()} » a été ajouté."
            : $"Le contact « {Saisie.Nom?.Trim()} » a été modifié.", "/Entreprises/Details", new { id = entrepriseId }, annulation);
    }

    public async Task<IActionResult> OnPostRetirerAsync(EntrepriseId entrepriseId, Guid? contactId, CancellationToken annulation)
    {
        var entreprise = await ChargerAsync(entrepriseId, annulation);
        var contact = entreprise?.Contacts.FirstOrDefault(c => c.Id == contactId);
        if (entreprise is null || contact is null) return NotFound();
        entreprise.RetirerContact(contact.Id);
        return await EnregistrerAsync($"Le contact « {contact.Nom} » a été retiré.", "/Entreprises/Details", new { id = entrepriseId }, annulation);
    }

    private Task<Entreprise?> ChargerAsync(EntrepriseId entrepriseId, CancellationToken annulation) =>
        Db.Entreprises.Include(e => e.Contacts).DeLaStructureAsync(Db, entrepriseId, annulation);

    private void Renseigner(EntrepriseId entrepriseId, Guid? contactId, string raisonSociale)
    {
        EntrepriseId = entrepriseId;
        ContactId = contactId;
        RaisonSociale = raisonSociale;
    }
}

public sealed record SaisieContact
{
    [Display(Name = "Nom et prénom")]
    [Required(ErrorMessage = "Le champ « Nom et prénom » est obligatoire.")]
    [StringLength(ContactEntreprise.NomLongueurMax, ErrorMessage = "Le champ « Nom et prénom » ne doit pas dépasser {1} caractères.")]
    public string? Nom { get; set; }

    [Display(Name = "Rôle")]
    [Required(ErrorMessage = "Le champ « Rôle » est obligatoire.")]
    public RoleContactEntreprise? Role { get; set; }

    [Display(Name = "E-mail")]
    [StringLength(ContactEntreprise.EmailLongueurMax, ErrorMessage = "Le champ « E-mail » ne doit pas dépasser {1} caractères.")]
    [AdresseEmail]
    public string? Email { get; set; }

    [Display(Name = "Téléphone")]
    [StringLength(ContactEntreprise.TelephoneLongueurMax, ErrorMessage = "Le champ « Téléphone » ne doit pas dépasser {1} caractères.")]
    public string? Telephone { get; set; }
}
