using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Heures;

/// <summary>
/// The company's month (issue 9 item 4): one card per validated contrat it employs under that month, grouped by lot
/// (<see cref="RequetesPortail.ContratsDuMoisAsync"/>), « Enregistrer le brouillon » or « Soumettre » through
/// <see cref="ServiceSoumissions"/> (all or nothing, each refused line named beside its input; every error in one pass:
/// text that is not a number and the domain's refusals of the other lines shown together). A validated line is
/// shown, not editable. The company is the signed-in contact's (never a posted or routed id).
/// </summary>
public sealed class MoisModel(ClauseDbContext db, RequetesPortail requetes, ServiceSoumissions service, Clause.Infrastructure.Pieces.RequetesPieces requetesPieces,
    TimeProvider horloge) : PageAction(db)
{
    /// <summary>The editable lines, in the order of the cards (a locked line is not posted).</summary>
    [BindProperty]
    public List<SaisieLignePortail> Lignes { get; set; } = [];

    public Mois Mois { get; private set; }

    public string MoisTexte => AccesHeures.Texte(Mois);

    public DateOnly Echeance { get; private set; }

    /// <summary>Past the deadline (§7.7) with at least one person whose month is not declared yet.</summary>
    public bool EnRetard { get; private set; }

    /// <summary>Every person of the month has a line (declared, validated or rejected): nothing is missing any more.</summary>
    public bool ToutDeclare => Cartes.Count > 0 && Cartes.All(c => c.Contrat.Ligne is not null);

    /// <summary>The month has not begun: nothing to declare yet.</summary>
    public bool AVenir { get; private set; }

    public IReadOnlyList<CarteHeures> Cartes { get; private set; } = [];

    public bool ABrouillon { get; private set; }

    public IReadOnlyList<SoumissionDuMois> Soumissions { get; private set; } = [];

    /// <summary>The proofs of the company for this month (issue 9 item 6), shown and downloadable beside the grid.</summary>
    public Pages.Pieces.ListePieces Pieces { get; private set; } = new([], Portail: true);

    public async Task<IActionResult> OnGetAsync(string mois, CancellationToken annulation)
    {
        if (!await ChargerAsync(mois, annulation)) return NotFound();
        Lignes = Cartes.Where(c => c.Index is not null).Select(c => new SaisieLignePortail { ContratId = c.Contrat.ContratId, Heures = c.HeuresSaisies, Montant = c.MontantSaisi })
            .ToList();
        return Page();
    }

    public Task<IActionResult> OnPostBrouillonAsync(string mois, CancellationToken annulation) => TraiterAsync(mois, soumettre: false, annulation);

    public Task<IActionResult> OnPostSoumettreAsync(string mois, CancellationToken annulation) => TraiterAsync(mois, soumettre: true, annulation);

    private async Task<IActionResult> TraiterAsync(string mois, bool soumettre, CancellationToken annulation)
    {
        if (!await ChargerAsync(mois, annulation)) return NotFound();
        var lignes = Lire();
        var entreprise = Db.Contexte.EntrepriseId!.Value;
        var par = Auteurs.Courant(Db, User);
        IReadOnlyList<RefusLigne> refus = [];
        if (!ModelState.IsValid)
        {
            // Every error in one pass (issue 15 item 5): the lines that could be read are still checked by the domain —
            // the same checks as a draft or a submission — and nothing is written.
            refus = await service.EnregistrerBrouillonAsync(entreprise, Mois, lignes, par, verifierSeulement: true, annulation);
        }
        else if (!await AppliquerAsync(async () =>
                 {
                     if (soumettre)
                     {
                         var email = await Db.Users.AsNoTracking().Where(u => u.Id == Db.Contexte.UtilisateurId).Select(u => u.Email).FirstOrDefaultAsync(annulation);
                         refus = (await service.SoumettreAsync(entreprise, Mois, lignes, par, email, annulation)).Refus;
                     }
                     else
                     {
                         refus = await service.EnregistrerBrouillonAsync(entreprise, Mois, lignes, par, annulation: annulation);
                     }
                 }, new Dictionary<string, string> { ["Lignes"] = "Lignes" }))
        {
            return Page();
        }
        // Each refusal beside the input of its line that it names (the amount, else the hours).
        foreach (var r in refus)
        {
            var champ = AccesHeures.ConcerneLeMontant(r.Champ) ? nameof(SaisieLignePortail.Montant) : nameof(SaisieLignePortail.Heures);
            ModelState.AddModelError($"Lignes[{r.Index}].{champ}", $"{NomDe(r.ContratId, r.Index)} : {r.Message}");
        }
        if (!ModelState.IsValid) return Page();
        TempData["Succes"] = soumettre
            ? $"Votre déclaration de {MoisTexte} est soumise : le facilitateur va la vérifier. Les lignes restent « déclarées » jusqu'à sa décision."
            : $"Le brouillon de {MoisTexte} est enregistré : rien n'est transmis au facilitateur tant que vous ne soumettez pas.";
        return RedirectToPage("/Portail/Heures/Mois", new { mois = AccesHeures.Code(Mois) });
    }

    /// <summary>The posted text read as hours and amounts; text that is not a number stays an error beside its input (nothing written).</summary>
    private List<LigneSoumise> Lire()
    {
        var lignes = new List<LigneSoumise>();
        for (var i = 0; i < Lignes.Count; i++)
        {
            var saisie = Lignes[i];
            var qui = NomDe(saisie.ContratId, i);
            Duree? heures = null;
            Montant? montant = null;
            var texteHeures = saisie.Heures?.Trim() ?? string.Empty;
            var texteMontant = saisie.Montant?.Trim() ?? string.Empty;
            if (texteHeures.Length > 0)
            {
                if (Duree.TryParseHeures(texteHeures, out var d)) heures = d;
                else ModelState.AddModelError($"Lignes[{i}].Heures", $"{qui} : la valeur « {texteHeures} » {LectureSaisie.ConsigneHeures}.");
            }
            if (texteMontant.Length > 0)
            {
                if (Domain.Commun.Montant.TryParse(texteMontant, out var m)) montant = m;
                else ModelState.AddModelError($"Lignes[{i}].Montant", $"{qui} : le montant facturé « {texteMontant} » {LectureSaisie.ConsigneMontant}.");
            }
            // A line with an input that could not be read is not checked further (as a cell of the grid): its error stands.
            var lisible = (texteHeures.Length == 0 || heures is not null) && (texteMontant.Length == 0 || montant is not null);
            lignes.Add(lisible ? new LigneSoumise(saisie.ContratId, heures, montant) : new LigneSoumise(saisie.ContratId, null, null));
        }
        return lignes;
    }

    private string NomDe(ContratId contratId, int index) =>
        Cartes.FirstOrDefault(c => c.Contrat.ContratId == contratId)?.Contrat.Participant ?? $"Ligne {index + 1}";

    private async Task<bool> ChargerAsync(string texte, CancellationToken annulation)
    {
        if (!AccesHeures.TryLireMois(texte, out var mois) || Db.Contexte.EntrepriseId is not { } entreprise) return false;
        Mois = mois;
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        var aujourdhui = Affichage.Aujourdhui(horloge);
        Echeance = CalendrierDeclaration.Echeance(mois, reglages);
        var echu = CalendrierDeclaration.EnRetard(mois, reglages, aujourdhui);
        AVenir = mois.Premier > aujourdhui;
        var contrats = await requetes.ContratsDuMoisAsync(entreprise, mois, annulation);
        Pieces = new Pages.Pieces.ListePieces(await requetesPieces.DuMoisAsync(entreprise, mois, annulation), Portail: true);
        var brouillon = await Db.SoumissionsHeures.AsNoTracking().Include(s => s.Lignes)
            .FirstOrDefaultAsync(s => s.EntrepriseId == entreprise && s.Mois == mois && s.Statut == StatutSoumission.Brouillon, annulation);
        ABrouillon = brouillon is not null;
        var duBrouillon = brouillon?.Lignes.GroupBy(l => l.ContratId).ToDictionary(g => g.Key, g => g.First()) ?? [];
        // §7.4: the conversion shown beside the amount, with the lot's labour share and hourly cost.
        var idsLots = contrats.Select(c => c.LotId).Distinct().ToList();
        var lots = await Db.Lots.AsNoTracking().Where(l => idsLots.Contains(l.Id)).ToListAsync(annulation);
        var conversions = lots.ToDictionary(l => l.Id, l => new Conversion(new Taux(l.PartMainOeuvrePdb), l.CoutHoraireEffectif(reglages)));
        var index = 0;
        Cartes = contrats.Select(c =>
        {
            var verrouillee = c.Ligne?.Verrouillee == true || AVenir;
            duBrouillon.TryGetValue(c.ContratId, out var b);
            var heures = b is not null ? b.Minutes is { } bm ? AccesHeures.EnSaisie(bm) : null
                : c.Ligne is { Converti: false } l ? AccesHeures.EnSaisie(l.Minutes) : null;
            var montant = b is not null ? b.MontantFactureCentimes is { } bc ? AccesHeures.EnSaisie(new Montant(bc)) : null
                : c.Ligne?.MontantFactureCentimes is { } lc ? AccesHeures.EnSaisie(new Montant(lc)) : null;
            return new CarteHeures(c, verrouillee ? null : index++, heures, montant, b is not null, c.AccepteMontant ? conversions[c.LotId] : null);
        }).ToList();
        EnRetard = echu && !ToutDeclare;
        Soumissions = await Db.SoumissionsHeures.AsNoTracking()
            .Where(s => s.EntrepriseId == entreprise && s.Mois == mois && s.Statut == StatutSoumission.Soumise)
            .OrderByDescending(s => s.SoumiseLe)
            .Select(s => new SoumissionDuMois(s.Id, s.SoumiseLe!.Value, s.SoumiseParNom ?? string.Empty, s.Lignes.Count))
            .ToListAsync(annulation);
        return true;
    }
}

/// <summary>What the company types for one contrat (a form input record, never an entity).</summary>
public sealed class SaisieLignePortail
{
    public ContratId ContratId { get; set; }

    public string? Heures { get; set; }

    public string? Montant { get; set; }
}

/// <summary>The lot's labour share and hourly cost the amount is converted with (§7.4).</summary>
public sealed record Conversion(Taux PartMainOeuvre, Montant CoutHoraire)
{
    /// <summary>« montant HT × 60 % ÷ 30,00 € de l'heure ».</summary>
    public string Formule => $"montant HT × {PartMainOeuvre} ÷ {CoutHoraire} de l'heure";
}

/// <summary>
/// One card of the month: the contrat, its position among the posted lines (null when locked: validated, or a month to
/// come), what the inputs show (the draft's values, else the current line's), and the conversion of an amount.
/// </summary>
public sealed record CarteHeures(ContratDuMois Contrat, int? Index, string? HeuresSaisies, string? MontantSaisi, bool DuBrouillon, Conversion? Conversion)
{
    /// <summary>« à déclarer », « déclarée », « validée », « rejetée ».</summary>
    public string Statut => Contrat.Ligne?.Statut.Libelle().ToLowerInvariant() ?? "à déclarer";

    public string Lot => $"Lot {Contrat.LotNumero} — {Contrat.LotLibelle}";
}

/// <summary>A submission of the month, newest first.</summary>
public sealed record SoumissionDuMois(SoumissionId Id, DateTimeOffset SoumiseLe, string SoumiseParNom, int Lignes);
