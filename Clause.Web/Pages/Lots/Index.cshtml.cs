using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// The lots' cockpit (issue 15 item 1, docs/domain.md « Cockpit des lots »): every lot of the structure with its realised
/// hours, rate and lateness on the target line, filtered and sorted in the database (<see cref="CockpitLots"/>), paged.
/// </summary>
public sealed class IndexModel(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge) : PageListe
{
    [BindProperty(SupportsGet = true, Name = "statut")]
    public StatutLot? Statut { get; set; }

    [BindProperty(SupportsGet = true, Name = "donneur")]
    public DonneurOrdreId? DonneurOrdreId { get; set; }

    [BindProperty(SupportsGet = true, Name = "operation")]
    public OperationId? OperationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "attributaire")]
    public EntrepriseId? AttributaireId { get; set; }

    [BindProperty(SupportsGet = true, Name = "finDans")]
    public int? FinDansJours { get; set; }

    [BindProperty(SupportsGet = true, Name = "sansAttributaire")]
    public bool SansAttributaire { get; set; }

    [BindProperty(SupportsGet = true, Name = "sansContrat")]
    public bool SansContrat { get; set; }

    [BindProperty(SupportsGet = true, Name = "enRetard")]
    public bool EnRetard { get; set; }

    public PageDe<LigneLotCockpit> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public DateOnly Aujourdhui { get; private set; }

    /// <summary>The day the lateness is read at (end of the last complete month).</summary>
    public DateOnly JourVerifie { get; private set; }

    /// <summary>The lots of the page behind schedule (the rule of the alert).</summary>
    public IReadOnlySet<LotId> LotsEnRetard { get; private set; } = new HashSet<LotId>();

    protected override string Adresse => "/Lots";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("statut", Statut?.ToString()), new("donneur", DonneurOrdreId?.ToString()), new("operation", OperationId?.ToString()),
            new("attributaire", AttributaireId?.ToString()), new("finDans", FinDansJours?.ToString(Affichage.Fr)),
            new("sansAttributaire", SansAttributaire ? "true" : null), new("sansContrat", SansContrat ? "true" : null),
            new("enRetard", EnRetard ? "true" : null)];

    /// <summary>The filters of the address as the query reads them (an export takes the same record).</summary>
    public FiltresLots FiltresSaisis() => new()
    {
        Statut = Statut,
        DonneurOrdreId = DonneurOrdreId,
        OperationId = OperationId,
        AttributaireId = AttributaireId,
        FinDansJours = FinDansJours,
        SansAttributaire = SansAttributaire,
        SansContrat = SansContrat,
        EnRetard = EnRetard,
    };

    /// <summary>The columns of the Excel export (issue 15 item 2): the cockpit's, hours and rate as numbers.</summary>
    public static ColonnesExcel<LigneLotCockpit> ColonnesExport(DateOnly jourVerifie) => new ColonnesExcel<LigneLotCockpit>("Lots")
        .Entier("N°", l => l.Numero)
        .Texte("Lot", l => l.Libelle, 40)
        .Texte("Marché", l => l.Marche, 40)
        .Texte("Opération", l => l.Operation, 40)
        .Texte("Donneur d'ordre", l => l.DonneurOrdre, 40)
        .Texte("Attributaire", l => l.Attributaire, 40)
        .Texte("Statut", l => l.Statut.Libelle(), 18)
        .Date("Début d'exécution", l => l.Debut)
        .Date("Fin d'exécution", l => l.Fin)
        .Heures("Heures dues", l => l.DuesMinutes)
        .Heures("Heures réalisées", l => l.RealiseesMinutes)
        .Heures("Heures en attente", l => l.EnAttenteMinutes)
        .Taux("Taux de réalisation", l => l.Taux)
        .Heures("Retard sur la cible (h)", l => l.Retard(jourVerifie).Minutes)
        .Entier("Contrats", l => l.Contrats);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        if (FinDansJours is { } jours && (jours < FiltresLots.JoursMin || jours > FiltresLots.JoursMax))
            ModelState.AddModelError("finDans", $"Se terminant dans (jours) : saisissez un nombre de jours entre {FiltresLots.JoursMin} et {FiltresLots.JoursMax:N0}.");
        Aujourdhui = Affichage.Aujourdhui(horloge);
        JourVerifie = CockpitLots.JourVerifie(Aujourdhui);
        var reglages = await ReglagesStructure.LireAsync(db, annulation);
        var requete = await CockpitLots.RequeteAsync(db, requetes, FiltresSaisis(), Aujourdhui, reglages.SeuilRetardLotPdb, annulation);
        Resultats = await ListerAsync(requete, CockpitLots.Colonnes(JourVerifie), CockpitLots.Departager, annulation);

        await MarquerRetardsAsync(reglages.SeuilRetardLotPdb, annulation);
    }

    /// <summary>Every lot of the filters in the address's sort (no lot's data is personal: not journalled).</summary>
    protected override async Task<ExportListe?> ExportAsync(CancellationToken annulation)
    {
        if (FinDansJours is { } jours && (jours < FiltresLots.JoursMin || jours > FiltresLots.JoursMax)) FinDansJours = null;
        Aujourdhui = Affichage.Aujourdhui(horloge);
        JourVerifie = CockpitLots.JourVerifie(Aujourdhui);
        var reglages = await ReglagesStructure.LireAsync(db, annulation);
        var requete = await CockpitLots.RequeteAsync(db, requetes, FiltresSaisis(), Aujourdhui, reglages.SeuilRetardLotPdb, annulation);
        return Exporter(Trier(requete, CockpitLots.Colonnes(JourVerifie), CockpitLots.Departager), ColonnesExport(JourVerifie), donneesPersonnelles: false);
    }

    private async Task MarquerRetardsAsync(int seuilPdb, CancellationToken annulation)
    {
        // The « en retard » mark of the rows shown: the alert's rule for these lots only (or every row under the filter).
        var ids = Resultats.Elements.Select(l => l.Id).ToList();
        if (EnRetard) LotsEnRetard = ids.ToHashSet();
        else if (ids.Count > 0)
        {
            var retards = await RetardsLots.EvaluerAsync(requetes, db.Lots.Where(l => ids.Contains(l.Id)), Aujourdhui, seuilPdb, annulation);
            LotsEnRetard = retards.Where(r => r.Value.EnRetard).Select(r => r.Key).ToHashSet();
        }
    }
}
