using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Heures;

/// <summary>
/// Declares the hours of one month of a contrat, or corrects its line when the month already has one (a new version,
/// with an optional reason; the history stays). Sous-/co-traitance: hours, or the invoiced amount HT converted with the
/// labour share and hourly cost typed here, else the lot's (§7.4). A facilitateur's entry is validated at once.
/// </summary>
public sealed class SaisirModel(ClauseDbContext db, ServiceHeures service, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisieHeuresMois Saisie { get; set; } = new();

    public EnteteContrat Contrat { get; private set; } = null!;

    /// <summary>The month's current line when the form was opened on a declared month (a correction).</summary>
    public (Duree Heures, StatutDeclaration Statut)? Existante { get; private set; }

    public async Task<IActionResult> OnGetAsync(ContratId contratId, string? mois, CancellationToken annulation)
    {
        if (!await ChargerAsync(contratId, annulation)) return NotFound();
        var choisi = AccesHeures.TryLireMois(mois, out var m) ? m : Mois.De(Affichage.Aujourdhui(horloge));
        Saisie = new SaisieHeuresMois { Mois = AccesHeures.Code(choisi) };
        var ligne = await Db.DeclarationsHeures.AsNoTracking()
            .Where(d => d.ContratId == contratId && d.Mois == choisi)
            .Select(d => new { d.Minutes, d.Statut })
            .FirstOrDefaultAsync(annulation);
        if (ligne is not null)
        {
            Existante = (new Duree(ligne.Minutes), ligne.Statut);
            Saisie.Heures = AccesHeures.EnSaisie(ligne.Minutes);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(ContratId contratId, CancellationToken annulation)
    {
        if (!await ChargerAsync(contratId, annulation)) return NotFound();
        var lecture = new LectureSaisie(ModelState);
        Mois mois = default;
        if (string.IsNullOrWhiteSpace(Saisie.Mois)) lecture.Erreur(nameof(Saisie.Mois), "Mois", "Le champ « Mois » est obligatoire.");
        else if (!AccesHeures.TryLireMois(Saisie.Mois, out mois))
            lecture.Erreur(nameof(Saisie.Mois), "Mois", "Le champ « Mois » doit être un mois écrit sous la forme aaaa-mm (exemple : 2026-03).");
        var heures = lecture.Heures(Saisie.Heures, nameof(Saisie.Heures), "Heures");
        Montant? montant = null;
        Taux? part = null;
        Montant? cout = null;
        if (Contrat.AccepteMontant)
        {
            montant = lecture.Montant(Saisie.MontantFacture, nameof(Saisie.MontantFacture), "Montant facturé HT");
            part = lecture.Taux(Saisie.PartMainOeuvre, nameof(Saisie.PartMainOeuvre), "Part de main-d'œuvre");
            cout = lecture.Montant(Saisie.CoutHoraire, nameof(Saisie.CoutHoraire), "Coût horaire de référence");
        }
        // Without a month read there is no line to check. Otherwise the service is called even when a field is in error, in
        // check-only mode then (nothing written): the domain's refusals show with the form's own (every error in one pass;
        // a value not read is passed as none and keeps its own error).
        if (Invalide("Saisie.Mois")) return Page();
        var saisie = new SaisieHeures(heures, montant, part, cout);
        var verifierSeulement = !ModelState.IsValid;
        // One call: the service declares the month, or corrects its line with the reason when one exists.
        if (!await AppliquerAsync(() => service.SaisirAsync(contratId, mois, saisie, Saisie.MotifCorrection, Auteurs.Courant(Db, User), verifierSeulement,
                annulation)) || verifierSeulement)
            return Page();
        // Written but never counted (§7.2): the domain flagged the line HorsPeriode; the user is told.
        if (await Db.DeclarationsHeures.AnyAsync(d => d.ContratId == contratId && d.Mois == mois && d.HorsPeriode, annulation))
            Avertir(AccesHeures.AvertissementHorsPeriode([$"{Contrat.Participant} en {AccesHeures.Texte(mois)}"]));
        return await EnregistrerAsync($"Les heures de {Contrat.Participant} en {AccesHeures.Texte(mois)} sont enregistrées.", "/Heures/Contrat",
            new { contratId }, annulation);
    }

    private async Task<bool> ChargerAsync(ContratId contratId, CancellationToken annulation)
    {
        var contrat = await EnteteContrat.ChargerAsync(Db, contratId, annulation);
        if (contrat is null) return false;
        Contrat = contrat;
        return true;
    }
}

/// <summary>What is typed for one month of a contrat (numbers as text, parsed with the value objects' parsers).</summary>
public sealed class SaisieHeuresMois
{
    [Display(Name = "Mois")]
    public string? Mois { get; set; }

    [Display(Name = "Heures")]
    public string? Heures { get; set; }

    [Display(Name = "Montant facturé HT")]
    public string? MontantFacture { get; set; }

    [Display(Name = "Part de main-d'œuvre")]
    public string? PartMainOeuvre { get; set; }

    [Display(Name = "Coût horaire de référence")]
    public string? CoutHoraire { get; set; }

    [Display(Name = "Motif de la correction")]
    [StringLength(DeclarationHeures.MotifLongueurMax, ErrorMessage = "Le motif de la correction ne doit pas dépasser {1} caractères.")]
    [DataType(DataType.MultilineText)]
    public string? MotifCorrection { get; set; }
}
