using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// Everything of a lot: fields, status and transitions, the obligation with its calculation and its versions,
/// bons de commande (accords-cadres à bons), attributions, hours (filled by the hours feature), audit history.
/// Changes are made on their own pages (reserved to the facilitateur by the folder conventions).
/// </summary>
public sealed class DetailsModel(ClauseDbContext db, TimeProvider horloge) : PageModel
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public FicheLot Fiche { get; private set; } = null!;

    public Reglages Reglages { get; private set; } = null!;

    public DateOnly Aujourdhui { get; private set; }

    public IReadOnlyList<StatutLot> Transitions { get; private set; } = [];

    /// <summary>The calculation of the hours due in force: "1 000 000,00 € × 50 % × 5 % / 30,00 € = 833 h".</summary>
    public string Explication { get; private set; } = string.Empty;

    public MethodeCalcul Methode { get; private set; }

    public IReadOnlyList<LigneVersion> Versions { get; private set; } = [];

    public IReadOnlyList<LigneBon> Bons { get; private set; } = [];

    /// <summary>Accord-cadre à bons de commande: hours due so far under the structure's mode.</summary>
    public Duree HeuresDuesALaDate { get; private set; }

    public IReadOnlyList<LigneAttribution> Attributions { get; private set; } = [];

    public FormulaireAttribution? NouvelleAttribution { get; private set; }

    public FormulaireBon? NouveauBon { get; private set; }

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public bool Gestion { get; private set; }

    public async Task<IActionResult> OnGetAsync(LotId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var lot = await db.Lots.AsNoTracking()
            .Include(l => l.Obligations)
            .Include(l => l.BonsCommande)
            // One query: a lot has a few obligation versions and a few bons, the joined rows stay few (a split query cost 3).
            .AsSingleQuery()
            .FirstOrDefaultAsync(l => l.Id == id && l.StructureId == structureId, annulation);
        if (lot is null) return NotFound();
        var contexte = await (from m in db.Marches.AsNoTracking()
                              join o in db.Operations on m.OperationId equals o.Id
                              join d in db.DonneursOrdre on m.DonneurOrdreId equals d.Id
                              where m.Id == lot.MarcheId
                              select new { m.Numero, m.Objet, m.Type, OperationId = o.Id, Operation = o.Nom, DonneurId = d.Id, Donneur = d.RaisonSociale })
            .FirstAsync(annulation);
        Reglages = await ReglagesStructure.LireAsync(db, annulation);
        Aujourdhui = Affichage.Aujourdhui(horloge);
        Gestion = Droits.Peut(User, Politiques.GestionClause);
        Fiche = new FicheLot(lot.Id, lot.Numero, lot.Libelle, lot.MarcheId, contexte.Numero, contexte.Objet, contexte.Type, contexte.OperationId,
            contexte.Operation, contexte.DonneurId, contexte.Donneur, lot.MontantHT, lot.DebutExecution, lot.FinExecution, lot.Fondements, lot.Statut,
            lot.MotifRetour, new Taux(lot.PartMainOeuvrePdb), lot.CoutHoraireReferenceCentimes is { } cout ? new Montant(cout) : null,
            lot.CoutHoraireEffectif(Reglages), lot.FormationComptabilisee, lot.PlafondFormationPdb is { } plafond ? new Taux(plafond) : null,
            lot.AccordCadreBonsCommande, lot.HeuresDues, lot.MontantParHeureManquanteCentimes is { } penalite ? new Montant(penalite) : null);
        Transitions = lot.StatutsAccessibles();
        Explication = lot.ExplicationHeuresDues();
        Methode = lot.ObligationCourante!.Methode;

        // "By whom": the audit trail recorded who created each version.
        var auteurs = await db.JournalAudit.AsNoTracking()
            .Where(j => j.RacineId == id.Valeur && j.TypeEntite == nameof(ObligationInsertion) && j.Action == ActionAudit.Creation)
            .Select(j => new { j.EntiteId, j.NomUtilisateur })
            .ToListAsync(annulation);
        Versions = lot.Obligations.OrderByDescending(v => v.Version)
            .Select(v => new LigneVersion(v.Version, v.DateEffet, v.Origine, v.Methode, v.Explication(), v.HeuresDues, new Montant(v.MontantLotCentimes),
                v.Motif, auteurs.FirstOrDefault(a => a.EntiteId == v.Id)?.NomUtilisateur ?? "—",
                TimeZoneInfo.ConvertTime(v.CreeLe, Paris).ToString("dd/MM/yyyy HH:mm", Affichage.Fr)))
            .ToList();

        if (lot.AccordCadreBonsCommande)
        {
            Bons = lot.BonsCommande.OrderBy(b => b.DateNotification).ThenBy(b => b.Numero)
                .Select(b => new LigneBon(b.Id, b.Numero, b.DateNotification, b.MontantHT, b.Heures, b.DateNotification <= Aujourdhui))
                .ToList();
            HeuresDuesALaDate = lot.HeuresDuesAu(Aujourdhui, Reglages);
        }

        Attributions = await db.Attributions.AsNoTracking()
            .Where(a => a.LotId == id && a.StructureId == structureId)
            .OrderBy(a => a.Role == RoleAttribution.Attributaire ? 0 : a.Role == RoleAttribution.CoTraitant ? 1 : 2)
            .ThenBy(a => a.Entreprise.RaisonSociale)
            .Select(a => new LigneAttribution(a.Id, a.Role, a.EntrepriseId, a.Entreprise.RaisonSociale, a.Entreprise.Siret, a.Entreprise.TypeEmployeur,
                a.DateNotification))
            .ToListAsync(annulation);

        if (Gestion)
        {
            NouvelleAttribution = new FormulaireAttribution(id, new SaisieAttribution());
            if (lot.AccordCadreBonsCommande)
                NouveauBon = new FormulaireBon(id, new SaisieBonCommande { DateNotificationBon = Aujourdhui }, Reglages.ModeAccordCadre == ModeAccordCadre.ParBon);
        }
        Historique = await Web.Infrastructure.Historique.LireAsync(db, id, annulation);
        return Page();
    }
}

public sealed record FicheLot(LotId Id, int Numero, string Libelle, MarcheId MarcheId, string MarcheNumero, string MarcheObjet, TypeMarche TypeMarche,
    OperationId OperationId, string Operation, DonneurOrdreId DonneurOrdreId, string DonneurOrdre, Montant MontantHT, DateOnly DebutExecution, DateOnly FinExecution,
    Fondement Fondements, StatutLot Statut, string? MotifRetour, Taux PartMainOeuvre, Montant? CoutHoraireDuLot, Montant CoutHoraireEffectif,
    bool FormationComptabilisee, Taux? PlafondFormation, bool AccordCadreBonsCommande, Duree HeuresDues, Montant? PenaliteParHeureManquante);

public sealed record LigneVersion(int Version, DateOnly DateEffet, OrigineObligation Origine, MethodeCalcul Methode, string Calcul, Duree HeuresDues,
    Montant MontantLot, string? Motif, string Par, string EnregistreeLe);

public sealed record LigneBon(Guid Id, string Numero, DateOnly DateNotification, Montant MontantHT, Duree? Heures, bool Notifie);

public sealed record LigneAttribution(Guid Id, RoleAttribution Role, EntrepriseId EntrepriseId, string RaisonSociale, string Siret, TypeEmployeur Type,
    DateOnly? DateNotification);
