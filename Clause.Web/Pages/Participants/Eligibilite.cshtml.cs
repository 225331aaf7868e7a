using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants;

/// <summary>
/// A facilitateur validates an eligibility decision: date, categories ticked with the proof seen for each,
/// avis motivé (prescripteur + motive) when that category is ticked. Age categories are checked by the domain.
/// </summary>
public sealed class EligibiliteModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisieEligibilite Saisie { get; set; } = new();

    public ParticipantId Id { get; private set; }

    public string NomAffiche { get; private set; } = string.Empty;

    public DateOnly DateNaissance { get; private set; }

    public DateOnly Aujourdhui { get; private set; }

    public int AgeSenior { get; private set; }

    public int FenetreMois { get; private set; }

    public async Task<IActionResult> OnGetAsync(ParticipantId id, CancellationToken annulation)
    {
        if (await AccesParticipants.ChargerAsync(Db, User, id, annulation) is not { } p) return NotFound();
        await PreparerAsync(id, $"{p.Prenom} {p.Nom}", p.DateNaissance, annulation);
        Saisie = new SaisieEligibilite
        {
            DateValidation = Aujourdhui,
            Lignes = Enum.GetValues<CategorieEligibilite>()
                .Select(c => new LigneCategorieSaisie { Categorie = c, Justificatif = c.JustificatifSuggere() }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(ParticipantId id, CancellationToken annulation)
    {
        if (await AccesParticipants.ChargerAsync(Db, User, id, annulation) is not { } participant) return NotFound();
        await PreparerAsync(id, $"{participant.Prenom} {participant.Nom}", participant.DateNaissance, annulation);
        Saisie.Lignes = Completer(Saisie.Lignes);
        // No early return: the domain checks the date and every category too, so that every error shows at once (a date
        // that could not be read is passed as none: its own error stays, « obligatoire » is not added over it).

        var cochees = Saisie.Lignes.Where(l => l.Cochee)
            .Select(l => new CategorieSaisie(l.Categorie, l.Justificatif, l.FinDroits)).ToList();
        var reglages = await Web.Infrastructure.ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => participant.ValiderEligibilite(Saisie.DateValidation, cochees, Saisie.PrescripteurAvis, Saisie.MotifAvis,
                Db.Contexte.UtilisateurId ?? Guid.Empty, Db.Contexte.NomUtilisateur, reglages, Aujourdhui)))
            return Page();
        return await EnregistrerAsync($"L'éligibilité de {participant.Prenom} {participant.Nom} est validée.", "/Participants/Details", new { id }, annulation);
    }

    private async Task PreparerAsync(ParticipantId id, string nom, DateOnly naissance, CancellationToken annulation)
    {
        Id = id;
        NomAffiche = nom;
        DateNaissance = naissance;
        Aujourdhui = Affichage.Aujourdhui(horloge);
        var reglages = await Web.Infrastructure.ReglagesStructure.LireAsync(Db, annulation);
        AgeSenior = reglages.AgeSenior;
        FenetreMois = reglages.FenetreEligibiliteMois;
    }

    /// <summary>One line per category in the enum's order, whatever was posted (unknown or repeated lines are dropped).</summary>
    private static List<LigneCategorieSaisie> Completer(List<LigneCategorieSaisie>? postees) =>
        Enum.GetValues<CategorieEligibilite>()
            .Select(c => postees?.FirstOrDefault(l => l.Categorie == c) ?? new LigneCategorieSaisie { Categorie = c, Justificatif = c.JustificatifSuggere() })
            .ToList();

    public int Age => CategoriesEligibilite.Age(DateNaissance, Aujourdhui);
}

public sealed record SaisieEligibilite
{
    [Required(ErrorMessage = "Le champ « Date de validation » est obligatoire.")]
    [Display(Name = "Date de validation")]
    public DateOnly? DateValidation { get; set; }

    public List<LigneCategorieSaisie> Lignes { get; set; } = [];

    [Display(Name = "Prescripteur de l'avis motivé")]
    public Prescripteur? PrescripteurAvis { get; set; }

    [StringLength(DecisionEligibilite.MotifAvisLongueurMax, ErrorMessage = "Le champ « {0} » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif de l'avis motivé")]
    [DataType(DataType.MultilineText)]
    public string? MotifAvis { get; set; }
}

public sealed record LigneCategorieSaisie
{
    [Required(ErrorMessage = "La catégorie est obligatoire.")]
    public CategorieEligibilite Categorie { get; set; }

    [Required(ErrorMessage = "Indiquez si la catégorie est cochée.")]
    public bool Cochee { get; set; }

    [StringLength(CategorieDecision.JustificatifLongueurMax, ErrorMessage = "Le justificatif ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Justificatif")]
    public string? Justificatif { get; set; }

    [Display(Name = "Fin des droits")]
    public DateOnly? FinDroits { get; set; }
}
