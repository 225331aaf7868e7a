using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Heures;

/// <summary>
/// The bulk decision of « Heures à valider » (issue 15 item 3), in two steps without JavaScript. The list posts the lines
/// checked (or « toutes les lignes du filtre », resolved here with the list's own query) and the decision: this page runs
/// every check of the decision without writing (<see cref="ServiceHeures.ValiderEnMasseAsync"/> with verifierSeulement)
/// and shows how many lines and how many hours will be validated or rejected. « Confirmer » posts the same lines again
/// (handler Confirmer): each goes through the line's own domain method, all in one transaction — all or nothing. An id of
/// another structure, a line already decided, a rejection without reason: a French error, nothing written.
/// </summary>
[RequestFormLimits(ValueCountLimit = 5_000)]
public sealed class DecisionMasseModel(ClauseDbContext db, ServiceHeures heures, ServiceSoumissions soumissions, IConfiguration configuration)
    : PageAction(db)
{
    [BindProperty]
    public SaisieDecisionMasse Saisie { get; set; } = new();

    /// <summary>What the decision takes, when every check passed (the confirmation is then offered).</summary>
    public ResumeDecision? Resume { get; private set; }

    public FiltreAValider Filtre { get; private set; } = FiltreAValider.Aucun;

    /// <summary>The list, with its filter, to go back to.</summary>
    public string Retour => QueryString.Create(Filtre.Parametres().Where(p => p.Value is not null)) is var q && q.HasValue
        ? "/Heures/AValider" + q.Value
        : "/Heures/AValider";

    public bool Rejet => Saisie.Decision == DecisionEnMasse.Rejeter;

    /// <summary>Nothing to show without a selection posted: back to the list.</summary>
    public IActionResult OnGet() => RedirectToPage("/Heures/AValider");

    /// <summary>Step 1: the selection checked, counted and summed; nothing written.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        Filtre = FiltreAValider.Lire(Saisie.Lot, Saisie.Entreprise, Saisie.Mois, Saisie.Participant, ModelState, "Saisie.Mois");
        if (Saisie.ToutLeFiltre)
        {
            // Every line of the filter, not only the page shown: the list's own query (one past the maximum, to refuse a wider one).
            Saisie.Ids = await AValiderModel.DeclarationsEnAttente(Db, filtre: Filtre).OrderBy(d => d.Id).Select(d => d.Id)
                .Take(ServiceHeures.DecisionEnMasseMax + 1).ToListAsync(annulation);
            Saisie.ToutLeFiltre = false;
        }
        await DeciderAsync(verifierSeulement: true, annulation);
        return Page();
    }

    /// <summary>Step 2: the confirmed lines decided, all or nothing.</summary>
    public async Task<IActionResult> OnPostConfirmerAsync(CancellationToken annulation)
    {
        Filtre = FiltreAValider.Lire(Saisie.Lot, Saisie.Entreprise, Saisie.Mois, Saisie.Participant, ModelState, "Saisie.Mois");
        // The hours confirmed are those decided: a line corrected in between is shown again before anything is written;
        // a selection whose total was not shown yet (a reason missing at the first step) is shown first.
        await DeciderAsync(verifierSeulement: true, annulation);
        if (!ModelState.IsValid || Resume is not { } verifie) return Page();
        if (verifie.Minutes != Saisie.MinutesConfirmees)
        {
            if (Saisie.MinutesConfirmees != 0)
                ModelState.AddModelError(string.Empty, "Les heures de la sélection ont changé depuis l'affichage de la confirmation : vérifiez-les puis confirmez à nouveau.");
            Saisie.MinutesConfirmees = verifie.Minutes;
            return Page();
        }
        await DeciderAsync(verifierSeulement: false, annulation);
        if (Resume is not { } fait) return Page();
        var lignes = fait.Lignes == 1 ? "1 ligne d'heures" : $"{fait.Lignes} lignes d'heures";
        return await EnregistrerAsync(Rejet
                ? $"{lignes} ({new Duree(fait.Minutes)}) {(fait.Lignes == 1 ? "est rejetée" : "sont rejetées")}."
                : $"{lignes} ({new Duree(fait.Minutes)}) {(fait.Lignes == 1 ? "est validée : elle compte" : "sont validées : elles comptent")} dans les lots.",
            Retour, annulation);
    }

    /// <summary>One call of the service for the decision chosen; its refusals go beside the fields they name.</summary>
    private async Task DeciderAsync(bool verifierSeulement, CancellationToken annulation)
    {
        Resume = null;
        if (Saisie.Decision is not { } decision)
        {
            ModelState.AddModelError("Saisie.Decision", "Choisissez « Valider la sélection » ou « Rejeter la sélection ».");
            return;
        }
        ResumeDecision? resume = null;
        var par = Auteurs.Courant(Db, User);
        var reussi = await AppliquerAsync(async () => resume = decision == DecisionEnMasse.Valider
            ? await heures.ValiderEnMasseAsync(Saisie.Ids, par, verifierSeulement, annulation)
            : await soumissions.RejeterEnMasseAsync(Saisie.Ids, Saisie.MotifRejet, par,
                mois => DecisionModel.LienDuMoisPortail(Request, configuration, mois), verifierSeulement, annulation));
        if (reussi && ModelState.IsValid) Resume = resume;
        if (verifierSeulement && Resume is { } r && Saisie.MinutesConfirmees == 0) Saisie.MinutesConfirmees = r.Minutes;
    }

    /// <summary>The confirmation is offered when a decision and lines were given and the selection itself was not refused.</summary>
    public bool PeutConfirmer => Saisie.Decision is not null && Saisie.Ids.Count > 0
        && !ModelState.Any(e => e.Value!.Errors.Count > 0 && (e.Key.StartsWith("Saisie.Ids", StringComparison.Ordinal) || e.Key == "Saisie.Decision"));
}

/// <summary>The two decisions a selection may take.</summary>
public enum DecisionEnMasse
{
    Valider,
    Rejeter,
}

/// <summary>The bulk form: the lines checked (or the whole filter), the decision, the one reason of a rejection, and the list's filter.</summary>
public sealed class SaisieDecisionMasse
{
    [Display(Name = "Lignes choisies")]
    public List<DeclarationId> Ids { get; set; } = [];

    [Display(Name = "Toutes les lignes du filtre")]
    public bool ToutLeFiltre { get; set; }

    [Display(Name = "Décision")]
    public DecisionEnMasse? Decision { get; set; }

    [Display(Name = "Motif du rejet")]
    [DataType(DataType.MultilineText)]
    public string? MotifRejet { get; set; }

    /// <summary>The minutes shown on the confirmation (checked again when confirmed).</summary>
    public long MinutesConfirmees { get; set; }

    [Display(Name = "Lot")]
    public LotId? Lot { get; set; }

    [Display(Name = "Entreprise")]
    public EntrepriseId? Entreprise { get; set; }

    [Display(Name = "Mois")]
    public string? Mois { get; set; }

    [Display(Name = "Participant")]
    public ParticipantId? Participant { get; set; }
}
