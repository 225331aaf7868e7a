using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Marches;

/// <summary>
/// One flow creating a marché with its lots (DOMAIN.md §3): the marché's fields and repeatable lot rows,
/// server-rendered (« Ajouter un lot » and « Retirer ce lot » re-render the form, no script needed).
/// No filled row: the domain gives the marché its single lot. Each refusal about a lot names it:
/// « Lot 2 — Montant HT : … ».
/// </summary>
public sealed partial class CreerModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    /// <summary>How many lot rows the form offers: the marché's rule.</summary>
    public const int LotsMax = Marche.LotsMax;

    [BindProperty]
    public SaisieMarche Saisie { get; set; } = new();

    public Reglages Reglages { get; private set; } = null!;

    public async Task OnGetAsync(OperationId? operationId, CancellationToken annulation)
    {
        Saisie.OperationId = operationId;
        Saisie.Lots = [new SaisieLot()];
        await RestaurerApresRechercheAsync(Saisie);
        if (Saisie.Lots.Count == 0) Saisie.Lots = [new SaisieLot()];
        await PreparerAsync(annulation);
    }

    /// <summary>Re-renders the form with one more lot row, keeping everything typed.</summary>
    public async Task<IActionResult> OnPostAjouterLotAsync(CancellationToken annulation)
    {
        ModelState.Clear();
        if (Saisie.Lots.Count < LotsMax) Saisie.Lots.Add(new SaisieLot());
        await PreparerAsync(annulation);
        return Page();
    }

    /// <summary>Re-renders the form without the row <paramref name="index"/> (0-based).</summary>
    public async Task<IActionResult> OnPostRetirerLotAsync(int index, CancellationToken annulation)
    {
        ModelState.Clear();
        if (index >= 0 && index < Saisie.Lots.Count) Saisie.Lots.RemoveAt(index);
        if (Saisie.Lots.Count == 0) Saisie.Lots.Add(new SaisieLot());
        await PreparerAsync(annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        await PreparerAsync(annulation);
        NommerLesLotsDansLesErreurs();
        var operation = Saisie.OperationId is { } operationId ? await Db.Operations.DeLaStructureAsync(Db, operationId, annulation) : null;
        if (operation is null && Saisie.OperationId is not null)
            ModelState.AddModelError("Saisie.OperationId", "Choisissez une opération dans la liste.");
        var montant = new LectureSaisie(ModelState).Montant(Saisie.MontantHT, nameof(Saisie.MontantHT), SaisieChampsMarche.LibelleMontant);
        var lots = LireLesLots();
        // No early return on other errors: the domain checks the other fields too (a field already in error keeps its own
        // message; an unread amount or date is replaced by a stand-in it refuses, beside that same field). It needs the
        // opération, though.
        if (operation is null) return Page();

        // A refusal about a lot names it « Lots[i].Champ » (i among the filled rows): it goes beside that row's field.
        Marche? marche = null;
        try
        {
            marche = Marche.Creer(operation, Saisie.Numero, Saisie.Objet, Saisie.Type ?? default, Saisie.DateNotification,
                Saisie.DebutExecution ?? default, Saisie.FinExecution ?? default, montant ?? default, lots.Select(l => l.Lot).ToList(), Reglages, horloge);
        }
        catch (RegleMetierException ex)
        {
            foreach (var une in ex.Toutes)
            {
                if (ChampDeLot().Match(une.Champ) is { Success: true } m && int.Parse(m.Groups[1].Value, Affichage.Fr) is var rang && rang < lots.Count)
                    ErreurDeLot(lots[rang].Index, m.Groups[2].Value, une.Message);
                else ModelState.AjouterErreur(une);
            }
        }
        if (!ModelState.IsValid || marche is null) return Page();
        Db.Marches.Add(marche);
        return await EnregistrerAsync(marche.Lots.Count == 1
                ? $"Le marché « {marche.Numero} » est enregistré avec un lot."
                : $"Le marché « {marche.Numero} » est enregistré avec {marche.Lots.Count} lots.",
            "/Marches/Details", new { id = marche.Id }, nameof(Saisie.Numero), () => UniciteNumeroMarche.ConflitAsync(Db, marche, annulation), annulation);
    }

    /// <summary>« Lot 2 » for the row at <paramref name="index"/>: its position in the form, as its legend says.</summary>
    public static string NomDuLot(int index) => $"Lot {index + 1}";

    /// <summary>The filled rows as domain requests (with their row index); parse and rule errors are put beside their field.</summary>
    private List<(int Index, NouveauLot Lot)> LireLesLots()
    {
        var lots = new List<(int, NouveauLot)>();
        for (var i = 0; i < Saisie.Lots.Count; i++)
        {
            var ligne = Saisie.Lots[i];
            if (ligne.EstVide) continue;
            var avant = ModelState.ErrorCount;
            var lecture = new LectureSaisie(ModelState, $"Saisie.Lots[{i}]", NomDuLot(i));
            var numero = lecture.Entier(ligne.Numero, nameof(SaisieLot.Numero), "Numéro");
            var montant = lecture.Montant(ligne.MontantHT, nameof(SaisieLot.MontantHT), "Montant HT");
            var taux = lecture.Taux(ligne.TauxInsertion, nameof(SaisieLot.TauxInsertion), "Taux d'insertion");
            var part = lecture.Taux(ligne.PartMainOeuvre, nameof(SaisieLot.PartMainOeuvre), "Part de main-d'œuvre");
            var cout = lecture.Montant(ligne.CoutHoraireReference, nameof(SaisieLot.CoutHoraireReference), "Coût horaire de référence");
            var travaillees = lecture.Heures(ligne.HeuresTravailleesEstimees, nameof(SaisieLot.HeuresTravailleesEstimees), "Heures travaillées estimées");
            var saisies = lecture.Heures(ligne.HeuresSaisies, nameof(SaisieLot.HeuresSaisies), "Heures dues (F3)");
            Fondement fondements;
            try
            {
                fondements = ReglesFondement.Combiner(ligne.Fondements);
            }
            catch (RegleMetierException ex)
            {
                ErreurDeLot(i, ex.Champ, ex.Message);
                continue;
            }
            if (ModelState.ErrorCount > avant) continue;
            try
            {
                var obligation = Obligations.Parametres(ligne.Methode, taux, travaillees, saisies);
                lots.Add((i, new NouveauLot(numero, ligne.Libelle, montant, ligne.DebutExecution, ligne.FinExecution, fondements, obligation, part, cout)));
            }
            catch (RegleMetierException ex)
            {
                ErreurDeLot(i, ex.Champ, ex.Message);
            }
        }
        return lots;
    }

    private void ErreurDeLot(int index, string champDomaine, string message)
    {
        var (champ, libelle) = ChampsDeLot.TryGetValue(champDomaine, out var trouve) ? trouve : (string.Empty, "Lot");
        new LectureSaisie(ModelState, $"Saisie.Lots[{index}]", NomDuLot(index)).Erreur(champ, libelle, message);
    }

    /// <summary>Validation messages of lot rows ("Libellé : …") get the lot's name in front.</summary>
    private void NommerLesLotsDansLesErreurs()
    {
        foreach (var (cle, entree) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!)).ToList())
        {
            if (ChampDeLot().Match(cle.StartsWith("Saisie.", StringComparison.Ordinal) ? cle["Saisie.".Length..] : cle) is not { Success: true } m) continue;
            var nom = NomDuLot(int.Parse(m.Groups[1].Value, Affichage.Fr));
            var messages = entree.Errors.Select(e => e.ErrorMessage).ToList();
            entree.Errors.Clear();
            foreach (var message in messages) entree.Errors.Add($"{nom} — {message}");
        }
    }

    /// <summary>The domain's field names of a lot → the row's input and the short label of the messages.</summary>
    private static readonly Dictionary<string, (string Champ, string Libelle)> ChampsDeLot = new()
    {
        [nameof(Lot.Numero)] = (nameof(SaisieLot.Numero), "Numéro"),
        [nameof(Lot.Libelle)] = (nameof(SaisieLot.Libelle), "Libellé"),
        [nameof(Lot.MontantHT)] = (nameof(SaisieLot.MontantHT), "Montant HT"),
        [nameof(Lot.DebutExecution)] = (nameof(SaisieLot.DebutExecution), "Début d'exécution"),
        [nameof(Lot.FinExecution)] = (nameof(SaisieLot.FinExecution), "Fin d'exécution"),
        [nameof(Lot.Fondements)] = (nameof(SaisieLot.Fondements), "Fondements de la clause"),
        ["Methode"] = (nameof(SaisieLot.Methode), "Méthode de calcul"),
        ["TauxInsertion"] = (nameof(SaisieLot.TauxInsertion), "Taux d'insertion"),
        ["HeuresTravailleesEstimees"] = (nameof(SaisieLot.HeuresTravailleesEstimees), "Heures travaillées estimées"),
        ["HeuresSaisies"] = (nameof(SaisieLot.HeuresSaisies), "Heures dues (F3)"),
        [nameof(Lot.PartMainOeuvrePdb)] = (nameof(SaisieLot.PartMainOeuvre), "Part de main-d'œuvre"),
        [nameof(Lot.CoutHoraireReferenceCentimes)] = (nameof(SaisieLot.CoutHoraireReference), "Coût horaire de référence"),
    };

    private async Task PreparerAsync(CancellationToken annulation)
    {
        Reglages = await ReglagesStructure.LireAsync(Db, annulation);
    }

    [GeneratedRegex(@"^Lots\[(\d+)\]\.?(.*)$")]
    private static partial Regex ChampDeLot();
}
