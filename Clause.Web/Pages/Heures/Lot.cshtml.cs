using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Heures;

/// <summary>
/// The monthly entry grid of a lot (DOMAIN.md §7): one row per contrat running during the window (refused ones left
/// out; a contrat outside it shows when it holds a line in it), one column per month
/// over a window of <see cref="NombreMois"/> months ending by default at the current month (Europe/Paris), or at the lot's
/// last month when its execution is over. Direction
/// reads it; a facilitateur saves every changed cell in one POST through <see cref="ServiceHeures.SaisirGrilleAsync"/>
/// (one domain operation and one save: declares, or corrects the month's line; an entry of hers is validated at once).
/// All or nothing: the cells are written in one transaction; when one cell is refused, every refusal is shown beside
/// its cell, naming the participant and the month, and nothing is written (« rien n'a été enregistré »).
/// Sous-/co-traitance rows carry a second input per month for the invoiced amount HT, converted with the lot's
/// labour share and hourly cost (§7.4); another share or cost is typed on the contrat's page (/Heures/Saisir).
/// </summary>
// Direction reads the grid (read-only); saving it stays the folder's write policy (Facilitateur).
[OuverteEnLecture]
[RequestFormLimits(ValueCountLimit = 20_000)]
public sealed class LotModel(ClauseDbContext db, ServiceHeures service, TimeProvider horloge) : PageAction(db)
{
    public const int NombreMois = 6;

    /// <summary>The typed cells, by key « {contratId:N}-{yyyymm} » (<see cref="Cle"/>).</summary>
    [BindProperty]
    public Dictionary<string, CelluleGrille> Cellules { get; set; } = new(StringComparer.Ordinal);

    public EnteteLotHeures Lot { get; private set; } = null!;

    public IReadOnlyList<Mois> Mois { get; private set; } = [];

    public IReadOnlyList<LigneGrille> Lignes { get; private set; } = [];

    public Mois Debut { get; private set; }

    public Mois? Precedent { get; private set; }

    public Mois? Suivant { get; private set; }

    public bool Gestion { get; private set; }

    public static string Cle(ContratId contratId, Mois mois) => $"{contratId:N}-{mois.Code}";

    /// <summary>The name an input posts under; its id is derived from it (Html.GenerateIdFromName) for the error links.</summary>
    public static string NomChamp(string cle, string champ) => $"{nameof(Cellules)}[{cle}].{champ}";

    public async Task<IActionResult> OnGetAsync(LotId lotId, string? debut, CancellationToken annulation)
    {
        if (!await ChargerAsync(lotId, debut, annulation)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(LotId lotId, string? debut, CancellationToken annulation)
    {
        // The grid is read by Direction; only a facilitateur writes (GestionClause).
        if (!await ChargerAsync(lotId, debut, annulation)) return NotFound();

        // A posted key that is not a cell of this grid (a contrat of another lot or structure) is forged: 404, nothing written.
        var cles = Lignes.SelectMany(l => l.Cases).Select(c => c.Cle).ToHashSet(StringComparer.Ordinal);
        if (Cellules.Keys.Any(cle => !cles.Contains(cle))) return NotFound();

        var aEcrire = new List<(CaseGrille Case, LigneGrille Ligne, SaisieHeures Saisie)>();
        foreach (var ligne in Lignes)
        {
            foreach (var c in ligne.Cases)
            {
                if (!Cellules.TryGetValue(c.Cle, out var cellule)) continue;
                var saisie = Lire(ligne, c, cellule);
                if (saisie is not null) aEcrire.Add((c, ligne, saisie));
            }
        }
        if (aEcrire.Count == 0 && ModelState.IsValid)
            return await EnregistrerAsync("Aucune case n'a changé : rien à enregistrer.", "/Heures/Lot", new { lotId, debut = AccesHeures.Code(Debut) }, annulation);

        // One domain operation, one save: every refusal is named beside its cell and nothing is written. When some cells
        // could not be read, the others are still checked by the domain (and nothing is written): every error in one pass.
        var refus = aEcrire.Count == 0 ? [] : await service.SaisirGrilleAsync(lotId,
            aEcrire.Select(x => new CelluleAEcrire(x.Ligne.ContratId, x.Case.Mois, x.Saisie)).ToList(), Auteurs.Courant(Db, User),
            verifierSeulement: !ModelState.IsValid, annulation);
        // Every refusal of a cell (its month, its value, its amount's share…), each beside its input of that cell.
        foreach (var r in refus)
        {
            var (c, ligne, _) = aEcrire.First(x => x.Ligne.ContratId == r.ContratId && x.Case.Mois == r.Mois);
            foreach (var une in r.Erreur.Toutes)
            {
                var champ = AccesHeures.ConcerneLeMontant(une.Champ) && ligne.AccepteMontant ? nameof(CelluleGrille.Montant) : nameof(CelluleGrille.Heures);
                ModelState.AddModelError(NomChamp(c.Cle, champ), $"{ligne.Participant} en {AccesHeures.Texte(c.Mois)} : {une.Message}");
            }
        }
        if (!ModelState.IsValid) return Refuser();
        // Written but never counted (§7.2): the domain flagged them HorsPeriode; the user is told which.
        var ecrits = aEcrire.Select(x => x.Case.Cle).ToHashSet(StringComparer.Ordinal);
        var idsContrats = aEcrire.Select(x => x.Ligne.ContratId).Distinct().ToList();
        var (premier, dernier) = (Mois[0], Mois[^1]);
        var horsPeriode = (await Db.DeclarationsHeures.AsNoTracking()
                .Where(d => d.LotId == lotId && idsContrats.Contains(d.ContratId) && d.Mois >= premier && d.Mois <= dernier && d.HorsPeriode)
                .Select(d => new { d.ContratId, d.Mois })
                .ToListAsync(annulation))
            .Where(d => ecrits.Contains(Cle(d.ContratId, d.Mois)))
            .Select(d => $"{Lignes.First(l => l.ContratId == d.ContratId).Participant} en {AccesHeures.Texte(d.Mois)}")
            .ToList();
        if (horsPeriode.Count > 0) Avertir(AccesHeures.AvertissementHorsPeriode(horsPeriode));
        return await EnregistrerAsync(aEcrire.Count == 1 ? "1 case enregistrée." : $"{aEcrire.Count} cases enregistrées.", "/Heures/Lot",
            new { lotId, debut = AccesHeures.Code(Debut) }, annulation);
    }

    /// <summary>Re-renders the grid with the typed values and the errors; nothing was written.</summary>
    private PageResult Refuser()
    {
        ModelState.AddModelError(string.Empty, "Rien n'a été enregistré : corrigez les cases signalées puis enregistrez à nouveau.");
        return Page();
    }

    /// <summary>
    /// What a cell asks to write, or null when it did not change. A cell is compared with the value the grid showed,
    /// so an untouched cell (even a converted one) writes nothing. Parsing errors go beside the cell.
    /// </summary>
    private SaisieHeures? Lire(LigneGrille ligne, CaseGrille c, CelluleGrille cellule)
    {
        var heures = cellule.Heures?.Trim() ?? string.Empty;
        var montant = cellule.Montant?.Trim() ?? string.Empty;
        var heuresChangees = !string.Equals(heures, c.Heures, StringComparison.Ordinal);
        var montantChange = ligne.AccepteMontant && montant.Length > 0 && !string.Equals(montant, c.Montant ?? string.Empty, StringComparison.Ordinal);
        if (!heuresChangees && !montantChange) return null;
        var qui = $"{ligne.Participant} en {AccesHeures.Texte(c.Mois)}";

        Montant? facture = null;
        if (montantChange)
        {
            if (!Domain.Commun.Montant.TryParse(montant, out var m))
            {
                ModelState.AddModelError(NomChamp(c.Cle, nameof(CelluleGrille.Montant)),
                    $"{qui} : le montant facturé « {montant} » {LectureSaisie.ConsigneMontant}.");
                return null;
            }
            facture = m;
        }
        Duree? duree = null;
        // The hours are read only when they changed: when only the amount is typed, the shown hours are not an entry.
        if (heuresChangees && heures.Length > 0)
        {
            if (!Duree.TryParseHeures(heures, out var d))
            {
                ModelState.AddModelError(NomChamp(c.Cle, nameof(CelluleGrille.Heures)),
                    $"{qui} : la valeur « {heures} » {LectureSaisie.ConsigneHeures}.");
                return null;
            }
            duree = d;
        }
        try
        {
            return SaisieHeures.DepuisGrille(duree, heuresChangees, facture, montantChange);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AddModelError(NomChamp(c.Cle, nameof(CelluleGrille.Heures)), $"{qui} : {ex.Message}");
            return null;
        }
    }

    private async Task<bool> ChargerAsync(LotId lotId, string? debut, CancellationToken annulation)
    {
        var structureId = Db.Contexte.StructureId;
        var lot = await Db.Lots.AsNoTracking()
            .Where(l => l.Id == lotId && l.StructureId == structureId)
            .Select(l => new EnteteLotHeures(l.Id, l.Numero, l.Libelle, l.MarcheId, l.Marche.Numero, l.DebutExecution, l.FinExecution))
            .FirstOrDefaultAsync(annulation);
        if (lot is null) return false;
        Lot = lot;
        Gestion = Droits.Peut(User, Politiques.GestionClause);

        // By default the window ends at the current month, or at the lot's last month when its execution is over.
        var courant = Domain.Commun.Mois.De(Affichage.Aujourdhui(horloge));
        var finLot = Domain.Commun.Mois.De(lot.FinExecution);
        var dernierPossible = Decaler(courant, -(NombreMois - 1));
        var parDefaut = Decaler(finLot < courant ? finLot : courant, -(NombreMois - 1));
        Debut = AccesHeures.TryLireMois(debut, out var demande) && demande <= dernierPossible ? demande : parDefaut;
        Mois = Enumerable.Range(0, NombreMois).Select(i => Decaler(Debut, i)).ToList();
        Precedent = Mois[0] > Domain.Commun.Mois.De(lot.DebutExecution.AddMonths(-1)) ? Decaler(Debut, -NombreMois) : null;
        var suivant = Decaler(Debut, NombreMois);
        Suivant = Mois[^1] >= courant ? null : suivant > dernierPossible ? dernierPossible : suivant;

        var premier = Mois[0];
        var dernier = Mois[^1];
        var du = Mois[0].Premier;
        var au = Mois[^1].Dernier;
        // The contrats running during the window, and any other holding a line in it (a month flagged « hors période »).
        var contrats = await (from c in Db.Contrats.AsNoTracking()
                              join p in Db.Participants on c.ParticipantId equals p.Id
                              join e in Db.Entreprises on c.EmployeurId equals e.Id
                              where c.LotId == lotId && c.StructureId == structureId && c.Statut != StatutContrat.Refuse
                                    && ((c.DateDebut <= au && ((c.FinReelle ?? c.FinPrevue) == null || (c.FinReelle ?? c.FinPrevue) >= du))
                                        || Db.DeclarationsHeures.Any(d => d.ContratId == c.Id && d.Mois >= premier && d.Mois <= dernier))
                              orderby p.Nom, p.Prenom, c.DateDebut
                              select new { c.Id, p.Prenom, p.Nom, Employeur = e.RaisonSociale, c.Modalite, c.Statut, c.DateDebut, c.FinPrevue, c.FinReelle })
            .ToListAsync(annulation);
        var lignes = await (from d in Db.DeclarationsHeures.AsNoTracking()
                            join v in Db.VersionsDeclaration on new { Id = d.Id, Numero = d.VersionCourante } equals new { Id = v.DeclarationId, v.Numero }
                            where d.LotId == lotId && d.StructureId == structureId && d.Mois >= premier && d.Mois <= dernier
                            select new { d.Id, d.ContratId, d.Mois, d.Minutes, d.Statut, d.Converti, d.HorsPeriode, v.MontantFactureCentimes, v.MotifRejet })
            .ToListAsync(annulation);
        var parCle = lignes.ToDictionary(l => Cle(l.ContratId, l.Mois), StringComparer.Ordinal);
        // A month outside the contrat or the lot's execution (+ tolerance) is kept but never counts (§7.2): the domain's rule.
        var tolerance = (await ReglagesDesStructures.PourAsync(Db, structureId!.Value, annulation)).ToleranceApresFinJours;
        var execution = new Periode(lot.DebutExecution, lot.FinExecution);

        Lignes = contrats.Select(c =>
        {
            var periode = new Periode(c.DateDebut, c.FinReelle ?? c.FinPrevue ?? DateOnly.MaxValue);
            var cases = Mois.Select(m =>
            {
                var cle = Cle(c.Id, m);
                var dansLaPeriode = DeclarationHeures.EstDansLaPeriode(m, periode, execution, tolerance);
                return parCle.TryGetValue(cle, out var l)
                    ? new CaseGrille(m, cle, l.Id, AccesHeures.EnSaisie(l.Minutes), l.MontantFactureCentimes is { } cts ? AccesHeures.EnSaisie(new Montant(cts)) : null,
                        l.Statut, l.Converti, l.HorsPeriode, l.MotifRejet, dansLaPeriode, l.Minutes)
                    : new CaseGrille(m, cle, null, string.Empty, null, null, false, false, null, dansLaPeriode, 0);
            }).ToList();
            return new LigneGrille(c.Id, AccesHeures.Nom(c.Prenom, c.Nom), c.Employeur, c.Modalite, c.Statut, periode, c.Modalite.AccepteMontantFacture(), cases);
        }).ToList();
        return true;
    }

    private static Mois Decaler(Mois mois, int nombre) => Domain.Commun.Mois.De(mois.Premier.AddMonths(nombre));

    /// <summary>The value an input shows: what was typed when the grid comes back with errors, else the saved value.</summary>
    public string Valeur(CaseGrille c, bool montant)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (Cellules.TryGetValue(c.Cle, out var saisie)) return (montant ? saisie.Montant : saisie.Heures) ?? string.Empty;
        return (montant ? c.Montant : c.Heures) ?? string.Empty;
    }
}

/// <summary>One posted cell: hours, and for sous-/co-traitance the invoiced amount HT.</summary>
public sealed class CelluleGrille
{
    public string? Heures { get; set; }

    public string? Montant { get; set; }
}

public sealed record EnteteLotHeures(LotId Id, int Numero, string Libelle, MarcheId MarcheId, string MarcheNumero, DateOnly DebutExecution, DateOnly FinExecution)
{
    public string Nom => $"Lot {Numero} — {Libelle} (marché {MarcheNumero})";
}

public sealed record LigneGrille(ContratId ContratId, string Participant, string Employeur, ModaliteContrat Modalite, StatutContrat Statut, Periode Periode,
    bool AccepteMontant, IReadOnlyList<CaseGrille> Cases);

/// <summary>
/// One month of one contrat: the current line when there is one (hours as typed back, amount when converted).
/// <see cref="DansLaPeriode"/>: the month is inside the contrat and the lot's execution (+ tolerance), by
/// <see cref="DeclarationHeures.EstDansLaPeriode(Mois, Periode, Periode, int)"/>; outside, hours are kept but never count.
/// </summary>
public sealed record CaseGrille(Mois Mois, string Cle, DeclarationId? DeclarationId, string Heures, string? Montant, StatutDeclaration? Statut,
    bool Converti, bool HorsPeriode, string? MotifRejet, bool DansLaPeriode, long Minutes)
{
    /// <summary>Why the cell does not count, shown beside it and, with the script, on the disabled input.</summary>
    public const string RaisonHorsPeriode = "Hors période du contrat ou du lot : ne compte pas";
}
