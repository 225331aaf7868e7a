using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>What the create and edit forms bind (never the entity itself).</summary>
public sealed record SaisieEntreprise
{
    [Display(Name = "Raison sociale")]
    [Required(ErrorMessage = "Le champ « Raison sociale » est obligatoire.")]
    [StringLength(Entreprise.RaisonSocialeLongueurMax, ErrorMessage = "Le champ « Raison sociale » ne doit pas dépasser {1} caractères.")]
    public string? RaisonSociale { get; set; }

    [Display(Name = "SIRET")]
    [Required(ErrorMessage = "Le champ « SIRET » est obligatoire.")]
    public string? Siret { get; set; }

    [Display(Name = "Type d'employeur")]
    [Required(ErrorMessage = "Le champ « Type d'employeur » est obligatoire.")]
    public TypeEmployeur? TypeEmployeur { get; set; } = Domain.Entreprises.TypeEmployeur.Classique;

    [Display(Name = "Code NAF")]
    public string? CodeNaf { get; set; }

    [Display(Name = "Tranche d'effectif")]
    public TrancheEffectif? TrancheEffectif { get; set; }

    [Display(Name = "Adresse")]
    [StringLength(Entreprise.AdresseLongueurMax, ErrorMessage = "Le champ « Adresse » ne doit pas dépasser {1} caractères.")]
    public string? Adresse { get; set; }

    [Display(Name = "Code postal")]
    public string? CodePostal { get; set; }

    [Display(Name = "Commune")]
    [StringLength(Entreprise.CommuneLongueurMax, ErrorMessage = "Le champ « Commune » ne doit pas dépasser {1} caractères.")]
    public string? Commune { get; set; }
}

/// <summary>One company per SIRET in a structure (DOMAIN.md §4): checked before saving, and by the unique index.</summary>
public static class UniciteSiret
{
    /// <summary>The name of the other company of the current structure that already has this SIRET, or null.</summary>
    public static Task<string?> AutreEntrepriseAsync(ClauseDbContext db, string siret, EntrepriseId entrepriseId, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        return db.Entreprises.AsNoTracking()
            .Where(e => e.StructureId == structureId && e.Siret == siret && e.Id != entrepriseId)
            .Select(e => e.RaisonSociale)
            .FirstOrDefaultAsync(annulation);
    }

    /// <summary>
    /// The French message of the SIRET field when the unique index (StructureId, Siret) refused a save of
    /// <paramref name="entreprise"/>, or null when the refusal was something else (the index is the rule).
    /// </summary>
    public static async Task<string?> ConflitAsync(ClauseDbContext db, Domain.Entreprises.Entreprise entreprise, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(entreprise);
        return await AutreEntrepriseAsync(db, entreprise.Siret, entreprise.Id, annulation) is { } autre ? Message(autre) : null;
    }

    public static string Message(string autre) =>
        $"Ce SIRET est déjà celui de l'entreprise « {autre} » dans votre structure : une entreprise ne peut être enregistrée qu'une fois.";
}
