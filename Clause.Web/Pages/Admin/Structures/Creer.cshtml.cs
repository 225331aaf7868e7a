using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.Structures;

/// <summary>
/// Creates a structure with its default settings (Reglages) in one save. The administrator belongs to
/// no structure: the audit interceptor lets a save write the first rows of a structure it creates.
/// </summary>
public sealed class CreerModel(ClauseDbContext db) : PageModel
{
    public const string MessageNomPris = "Une structure porte déjà ce nom.";

    [BindProperty]
    public SaisieStructure Saisie { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        // No early return: the domain checks every field and the name is looked up even when another field is in error
        // (a field already in error keeps its own message).
        // The name taken is found in the same pass as the domain's refusals of the other fields.
        Structure? structure = null;
        try
        {
            structure = Structure.Creer(Saisie.Nom, Saisie.Type ?? default, Saisie.Commune);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
        }
        var nom = structure?.Nom ?? Saisie.Nom?.Trim();
        if (!ModelState.EnErreur("Saisie.Nom") && !string.IsNullOrEmpty(nom) && await NomPrisAsync(nom, annulation))
            ModelState.AjouterErreur(new RegleMetierException(nameof(Saisie.Nom), MessageNomPris));
        if (structure is null || !ModelState.IsValid) return Page();
        db.Structures.Add(structure);
        db.Reglages.Add(Clause.Domain.Structures.Reglages.ParDefaut(structure.Id));
        try
        {
            await db.SaveChangesAsync(annulation);
        }
        catch (DbUpdateException)
        {
            // Created by another administrator in between: the unique index refused it.
            if (!await NomPrisAsync(structure.Nom, annulation)) throw;
            ModelState.AddModelError("Saisie.Nom", MessageNomPris);
            return Page();
        }
        TempData["Succes"] = $"La structure « {structure.Nom} » est créée avec les réglages par défaut. Invitez maintenant ses utilisateurs.";
        return RedirectToPage("/Admin/Structures/Index");
    }

    private Task<bool> NomPrisAsync(string nom, CancellationToken annulation) =>
        db.Structures.AsNoTracking().AnyAsync(s => s.Nom == nom, annulation);
}

public sealed record SaisieStructure
{
    [Required(ErrorMessage = "Le champ « Nom » est obligatoire.")]
    [StringLength(Structure.NomLongueurMax, ErrorMessage = "Le champ « Nom » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Nom")]
    public string? Nom { get; set; }

    [Required(ErrorMessage = "Le champ « Type » est obligatoire.")]
    [Display(Name = "Type")]
    public TypeStructure? Type { get; set; }

    [StringLength(Structure.CommuneLongueurMax, ErrorMessage = "Le champ « Commune » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Commune")]
    public string? Commune { get; set; }
}
