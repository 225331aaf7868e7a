using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Admin.Utilisateurs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>
/// The portal account of one contact of a company (issue 9 item 1): GET ?operation=… shows what will happen, the POST
/// handler of the same name does it — invite (an Entreprise account of this company and structure, a mail with a 7-day
/// link), send the invitation again, deactivate, reactivate. The company and the contact are loaded within the
/// facilitateur's structure: another structure's (or another company's contact) answers 404, in GET as in POST.
/// </summary>
public sealed class CompteModel(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole<Guid>> roles,
    Invitations invitations, JetonsAcces jetons, TimeProvider horloge) : PageModel
{
    public const string Inviter = "inviter";
    public const string Desactiver = "desactiver";
    public const string Reactiver = "reactiver";
    public const string Renvoyer = "renvoyer";

    public const string MessageSansEmail = "Ce contact n'a pas d'adresse e-mail : ajoutez-la à sa fiche avant de l'inviter.";
    public const string MessageDejaCompte = "Ce contact a déjà un compte.";

    public EntrepriseId EntrepriseId { get; private set; }

    public string RaisonSociale { get; private set; } = string.Empty;

    public string NomContact { get; private set; } = string.Empty;

    public string? EmailContact { get; private set; }

    /// <summary>The contact's account, or null when none.</summary>
    public Utilisateur? Compte { get; private set; }

    public string Operation { get; private set; } = Inviter;

    public string Etat => Compte is null ? "Aucun compte" : new CompteContact(Compte.Id, ComptesContacts.Etat(Compte), Compte.CreeLe).Libelle;

    public async Task<IActionResult> OnGetAsync(EntrepriseId entrepriseId, Guid contactId, string? operation, CancellationToken annulation)
    {
        if (!await ChargerAsync(entrepriseId, contactId, annulation)) return NotFound();
        Operation = operation switch
        {
            Desactiver or Reactiver or Renvoyer when Compte is not null => operation,
            _ when Compte is null => Inviter,
            _ => Compte.Actif ? Desactiver : Reactiver,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostInviterAsync(EntrepriseId entrepriseId, Guid contactId, CancellationToken annulation)
    {
        if (!await ChargerAsync(entrepriseId, contactId, annulation)) return NotFound();
        Operation = Inviter;
        if (EmailContact is null) return Refuser(MessageSansEmail);
        if (Compte is not null) return Refuser(MessageDejaCompte);
        if (await utilisateurs.FindByEmailAsync(EmailContact) is not null) return Refuser(InviterModel.MessageEmailPris);

        var structureId = db.Contexte.StructureId;
        Rattachement.Verifier(Roles.Entreprise, structureId, entrepriseId, null);
        var utilisateur = new Utilisateur
        {
            UserName = EmailContact,
            Email = EmailContact,
            NomComplet = NomContact,
            StructureId = structureId,
            EntrepriseId = entrepriseId,
            CreeLe = horloge.GetUtcNow(),
        };
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => s.Nom).FirstAsync(annulation);
        await using (var transaction = await db.Database.BeginTransactionAsync(annulation))
        {
            if (!Verifier(await utilisateurs.CreerInviteAsync(roles, utilisateur, Roles.Entreprise))) return Page();
            // The invitation is deposited in the outbox within this transaction: the account and its mail, or neither.
            await invitations.EnvoyerAsync(utilisateur, structure, annulation);
            await transaction.CommitAsync(annulation);
        }
        return Retour($"{NomContact} est invité(e) : un e-mail avec un lien valable 7 jours est parti dans la boîte d'envoi pour {EmailContact} (il sera envoyé dans quelques minutes).");
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(EntrepriseId entrepriseId, Guid contactId, CancellationToken annulation)
    {
        if (!await ChargerAsync(entrepriseId, contactId, annulation) || Compte is null) return NotFound();
        Operation = Renvoyer;
        if (ComptesContacts.Etat(Compte) != EtatCompteContact.InvitationEnvoyee)
            return Refuser("Ce compte n'attend pas d'invitation : il est désactivé ou son mot de passe est déjà choisi.");
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == Compte.StructureId).Select(s => s.Nom).FirstOrDefaultAsync(annulation);
        if (!Verifier(await invitations.RenvoyerAsync(Compte, structure, annulation))) return Page();
        return Retour(AccesComptes.SuccesInvitation(Compte));
    }

    public async Task<IActionResult> OnPostDesactiverAsync(EntrepriseId entrepriseId, Guid contactId, CancellationToken annulation)
    {
        if (!await ChargerAsync(entrepriseId, contactId, annulation) || Compte is null) return NotFound();
        Operation = Desactiver;
        if (!Verifier(await utilisateurs.DesactiverAsync(jetons, Compte, annulation))) return Page();
        return Retour($"Le compte de {Compte.NomComplet} est désactivé : il ne peut plus se connecter.");
    }

    public async Task<IActionResult> OnPostReactiverAsync(EntrepriseId entrepriseId, Guid contactId, CancellationToken annulation)
    {
        if (!await ChargerAsync(entrepriseId, contactId, annulation) || Compte is null) return NotFound();
        Operation = Reactiver;
        if (!Verifier(await utilisateurs.ReactiverAsync(Compte))) return Page();
        return Retour($"Le compte de {Compte.NomComplet} est réactivé.");
    }

    /// <summary>The company of the structure, its contact, and the contact's account (tracked: the operations change it).</summary>
    private async Task<bool> ChargerAsync(EntrepriseId entrepriseId, Guid contactId, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var trouve = await (from c in db.Set<ContactEntreprise>().AsNoTracking()
                            join e in db.Entreprises on c.EntrepriseId equals e.Id
                            where e.Id == entrepriseId && e.StructureId == structureId && c.Id == contactId
                            select new { e.RaisonSociale, c.Nom, c.Email })
            .FirstOrDefaultAsync(annulation);
        if (trouve is null) return false;
        EntrepriseId = entrepriseId;
        RaisonSociale = trouve.RaisonSociale;
        NomContact = trouve.Nom;
        EmailContact = string.IsNullOrWhiteSpace(trouve.Email) ? null : trouve.Email.Trim();
        if (EmailContact is not null
            && (await ComptesContacts.LireAsync(db, entrepriseId, [EmailContact], annulation)).De(EmailContact) is { } compte)
            Compte = await utilisateurs.FindByIdAsync(compte.UtilisateurId.ToString());
        return true;
    }

    private PageResult Refuser(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private RedirectResult Retour(string succes)
    {
        TempData["Succes"] = succes;
        return Redirect($"/Entreprises/Details/{EntrepriseId}#titre-contacts");
    }

    private bool Verifier(IdentityResult resultat)
    {
        foreach (var erreur in resultat.Errors)
            ModelState.AddModelError(string.Empty, erreur.Code is "DuplicateEmail" or "DuplicateUserName" ? InviterModel.MessageEmailPris : erreur.Description);
        return resultat.Succeeded;
    }
}
