using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Microsoft.EntityFrameworkCore;
using CockpitLots = Clause.Web.Pages.Lots.CockpitLots;

namespace Clause.Web.Pages;

/// <summary>
/// The facilitateur's (and Direction's) home: lots in execution with their rate and trend, the lines waiting for
/// validation, contrats ending within 30 days, eligibility windows closing within 60 days. Each list is one projected
/// query with a limit (the lots' figures come from RequetesHeures' grouped queries, never one query per lot: the lots shown
/// with their sums in one command, every lot in execution added up in one SQL aggregate — past months read from the
/// compiled totals — and the trend for the lots shown only);
/// « today » is the injected clock's date in Europe/Paris.
/// </summary>
public sealed class TableauDeBord
{
    public const int LotsMax = 20;
    public const int AValiderMax = 5;
    public const int ContratsMax = 10;
    public const int FenetresMax = 10;
    public const int JoursFinContrat = 30;
    public const int JoursFenetre = 60;

    /// <summary>The lots' cockpit filtered on the lots in execution, the most behind schedule first.</summary>
    public static readonly string LienCockpitEnExecution = $"/Lots?statut={StatutLot.EnExecution}&tri={CockpitLots.TriRetard}&ordre=desc";

    public DateOnly Aujourdhui { get; private init; }

    public IReadOnlyList<LotEnExecution> Lots { get; private init; } = [];

    public int NombreLots { get; private init; }

    /// <summary>Every lot in execution added up: uncapped and capped aggregate rates (§7.6).</summary>
    public BilanHeures Total { get; private init; } = BilanHeures.Vide;

    public int NombreAValider { get; private init; }

    /// <summary>Companies' hire proposals still to decide (the « Propositions d'embauche » queue).</summary>
    public int NombrePropositions { get; private init; }

    public IReadOnlyList<LigneAValider> PlusAnciennes { get; private init; } = [];

    public IReadOnlyList<ContratFinissant> ContratsFinissant { get; private init; } = [];

    public IReadOnlyList<FenetreFermant> Fenetres { get; private init; } = [];

    /// <summary>« de décembre 2025 à février 2026 »: the three complete months the trend compares with the three before.</summary>
    public string PeriodeTendance { get; private init; } = string.Empty;

    public static async Task<TableauDeBord> LireAsync(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        var structureId = db.Contexte.StructureId;
        var aujourdhui = Affichage.Aujourdhui(horloge);

        // Lots in execution, those ending first at the top: the lots shown and their figures in one command (their
        // per-lot sums, RequetesHeures.Sommes, only for these lots).
        var enExecution = db.Lots.Where(l => l.StructureId == structureId && l.Statut == StatutLot.EnExecution);
        var affiches = enExecution.OrderBy(l => l.FinExecution).ThenBy(l => l.Marche.Numero).ThenBy(l => l.Numero).Take(LotsMax);
        var lots = await (from s in requetes.Sommes(affiches)
                          join l in db.Lots on s.LotId equals l.Id
                          orderby l.FinExecution, l.Marche.Numero, l.Numero
                          select new { l.Id, l.Numero, l.Libelle, Marche = l.Marche.Numero, l.DebutExecution, l.FinExecution, l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb, Sommes = s })
            .ToListAsync(annulation);
        var ids = lots.Select(l => l.Id).ToList();
        // Every lot in execution added up in ONE SQL aggregate (RequetesHeures.TotalLotsAsync: the domain's per-lot
        // expressions summed by the database, past months from the compiled totals): the count and the total.
        var total = await requetes.TotalLotsAsync(enExecution, annulation);
        // The trend, for the lots shown only.
        var comptees = await requetes.MinutesCompteesAsync(db.Lots.Where(l => ids.Contains(l.Id)), annulation);
        var courant = Mois.De(aujourdhui);
        var debutRecent = Decaler(courant, -3);
        var debutPrecedent = Decaler(courant, -6);
        long Somme(LotId lotId, bool formation, Mois de, Mois jusquA) =>
            comptees.TryGetValue(lotId, out var mois)
                ? mois.Where(m => m.Mois >= de && m.Mois < jusquA).Sum(m => m.MinutesHorsFormation + (formation ? m.MinutesFormation : 0))
                : 0;
        // The forecast of the lots shown, from the minutes already read (Prevision.Calculer, as RequetesHeures.PrevisionsAsync).
        var reglages = await ReglagesStructure.LireAsync(db, annulation);
        var dernierMoisCompte = Prevision.DernierMoisCompte(aujourdhui, reglages.JourLimiteDeclaration);
        var lignesLots = lots.Select(l => new LotEnExecution(l.Id, $"Lot {l.Numero} — {l.Libelle}", l.Marche, l.FinExecution,
                Comptage.Bilan(l.Sommes),
                Tendance.De(new Duree(Somme(l.Id, l.FormationComptabilisee, debutRecent, courant)),
                    new Duree(Somme(l.Id, l.FormationComptabilisee, debutPrecedent, debutRecent))),
                Prevision.Calculer(new ParametresComptage(l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb),
                    l.DebutExecution, l.FinExecution, comptees.TryGetValue(l.Id, out var moisDuLot) ? moisDuLot : [], dernierMoisCompte)))
            .ToList();

        var aValider = AValiderModel.EnAttente(db);

        // Validated contrats still running whose planned end falls within the next 30 days.
        var limiteContrats = aujourdhui.AddDays(JoursFinContrat);
        var contrats = await (from c in db.Contrats.AsNoTracking()
                              join p in db.Participants on c.ParticipantId equals p.Id
                              join l in db.Lots on c.LotId equals l.Id
                              join e in db.Entreprises on c.EmployeurId equals e.Id
                              where c.StructureId == structureId && c.Statut == StatutContrat.Valide && c.FinReelle == null
                                    && c.FinPrevue >= aujourdhui && c.FinPrevue <= limiteContrats
                              orderby c.FinPrevue, p.Nom, p.Prenom
                              select new ContratFinissant(c.Id, p.Prenom, p.Nom, l.Id, l.Numero, l.Libelle, e.RaisonSociale, c.FinPrevue))
            .Take(ContratsMax)
            .ToListAsync(annulation);

        // Latest decisions (no later one for the participant) whose window closes within 60 days.
        var fenetreMois = reglages.FenetreEligibiliteMois;
        var plage = DecisionEligibilite.ValidationsDontLaFenetreFermeEntre(aujourdhui, aujourdhui.AddDays(JoursFenetre), fenetreMois);
        var fenetres = new List<FenetreFermant>();
        if (plage is { } validees)
        {
            var decisions = await (from d in db.DecisionsEligibilite.AsNoTracking()
                                   join participant in db.Participants on d.ParticipantId equals participant.Id
                                   where d.StructureId == structureId && d.DateValidation >= validees.Debut && d.DateValidation <= validees.Fin
                                         && !db.DecisionsEligibilite.Any(autre => autre.ParticipantId == d.ParticipantId && autre.DateValidation > d.DateValidation)
                                   orderby d.DateValidation, participant.Nom, participant.Prenom
                                   select new { participant.Id, participant.Prenom, participant.Nom, d.DateValidation })
                .Take(FenetresMax)
                .ToListAsync(annulation);
            fenetres = decisions.Select(d => new FenetreFermant(d.Id, AccesHeures.Nom(d.Prenom, d.Nom), DecisionEligibilite.FinFenetre(d.DateValidation, fenetreMois))).ToList();
        }

        return new TableauDeBord
        {
            Aujourdhui = aujourdhui,
            Lots = lignesLots,
            NombreLots = total.Lots,
            Total = total.Total,
            NombreAValider = await aValider.CountAsync(annulation),
            NombrePropositions = await Embauches.IndexModel.FileAttente(db).CountAsync(annulation),
            PlusAnciennes = await aValider.Take(AValiderMax).ToListAsync(annulation),
            ContratsFinissant = contrats,
            Fenetres = fenetres,
            PeriodeTendance = AccesHeures.Periode(debutRecent, Decaler(courant, -1)),
        };
    }

    private static Mois Decaler(Mois mois, int nombre) => Mois.De(mois.Premier.AddMonths(nombre));
}

/// <param name="Prevision">The forecast (docs/domain.md « Prévision »), null without hours due or counted month of execution.</param>
public sealed record LotEnExecution(LotId Id, string Nom, string Marche, DateOnly FinExecution, BilanHeures Bilan, Tendance Tendance, PrevisionLot? Prevision = null);

public sealed record ContratFinissant(ContratId Id, string Prenom, string Nom, LotId LotId, int LotNumero, string LotLibelle, string Employeur, DateOnly? FinPrevue)
{
    public string Participant => AccesHeures.Nom(Prenom, Nom);
}

public sealed record FenetreFermant(ParticipantId ParticipantId, string Participant, DateOnly Fermeture);

/// <summary>
/// The trend of a lot: counted hours of the last 3 complete months against the 3 before. Within ±5 % of the earlier
/// figure (or nothing either side) it is stable; the arrow is doubled by words (never a sign alone).
/// </summary>
public sealed record Tendance(Duree Recente, Duree Precedente, int Sens)
{
    public const int ToleranceStablePdb = 500;

    public static Tendance De(Duree recente, Duree precedente)
    {
        var ecart = recente.Minutes - precedente.Minutes;
        var tolerance = FormatFrancais.DiviserArrondi(precedente.Minutes * ToleranceStablePdb, Taux.Cent);
        var sens = Math.Abs(ecart) <= tolerance ? 0 : Math.Sign(ecart);
        return new Tendance(recente, precedente, sens);
    }

    public string Fleche => Sens switch { > 0 => "↗", < 0 => "↘", _ => "→" };

    public string Texte => Sens switch { > 0 => "en hausse", < 0 => "en baisse", _ => "stable" };
}
