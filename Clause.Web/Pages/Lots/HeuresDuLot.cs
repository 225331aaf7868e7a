using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// The « Heures d'insertion » section of a lot's page (DOMAIN.md §7.6): hours due, realised, pending, remaining, the
/// uncapped and capped rates, and the burn-up chart with its table. A view component so that the lot's page keeps
/// rendering its partial with the lot's id only: it runs after the page checked the lot belongs to the structure, and
/// its queries are tenant-filtered and grouped in the database (RequetesHeures).
/// </summary>
public sealed class HeuresDuLot(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(LotId lotId)
    {
        var structureId = db.Contexte.StructureId;
        var lot = await db.Lots.AsNoTracking()
            .Where(l => l.Id == lotId && l.StructureId == structureId)
            .Select(l => new
            {
                l.Id,
                l.DebutExecution,
                l.FinExecution,
                l.HeuresDuesMinutes,
                l.Statut,
                JourLimite = db.Reglages.Where(r => r.StructureId == l.StructureId).Select(r => (int?)r.JourLimiteDeclaration).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (lot is null) return Content(string.Empty);
        var bilan = await requetes.BilanAsync(lotId, HttpContext.RequestAborted) ?? BilanHeures.Vide;
        var serie = await requetes.SerieAsync(lotId, HttpContext.RequestAborted);
        var declare = await db.DeclarationsHeures.AnyAsync(d => d.LotId == lotId, HttpContext.RequestAborted);
        var aujourdhui = Web.Infrastructure.Affichage.Aujourdhui(horloge);
        var courbe = CourbeAvancement.Calculer(lot.DebutExecution, lot.FinExecution, lot.HeuresDuesMinutes, serie, Mois.De(aujourdhui));
        // The forecast from the series already read (the same figures as RequetesHeures.PrevisionsAsync, no more command).
        var enExecution = lot.Statut == StatutLot.EnExecution && lot.HeuresDuesMinutes > 0;
        var prevision = enExecution
            ? Prevision.Calculer(lot.HeuresDuesMinutes, lot.DebutExecution, lot.FinExecution, serie,
                Prevision.DernierMoisCompte(aujourdhui, lot.JourLimite ?? Reglages.JourLimiteDeclarationDefaut))
            : null;
        var gestion = Droits.Peut(UserClaimsPrincipal, Politiques.GestionClause);
        return View("/Pages/Lots/_SectionHeuresDuLot.cshtml", new SectionHeuresLot(lotId, bilan, courbe, declare, gestion, enExecution, prevision, lot.FinExecution));
    }
}

/// <param name="AvecPrevision">The lot is in execution with hours due: the « Prévision » part is shown (with or without figures).</param>
/// <param name="Prevision">The forecast, null before a first counted month of execution (docs/domain.md « Prévision »).</param>
public sealed record SectionHeuresLot(LotId LotId, BilanHeures Bilan, CourbeAvancement Courbe, bool HeuresDeclarees, bool Gestion,
    bool AvecPrevision = false, PrevisionLot? Prevision = null, DateOnly FinExecution = default);

/// <summary>One month of the burn-up table: hours counted in the month, cumulated, and the linear target at the month's end.</summary>
public sealed record MoisCourbe(Mois Mois, Duree Heures, Duree Cumul, Duree Cible, int X, int YCumul);

public sealed record GraduationCourbe(int Position, string Texte);

/// <summary>
/// The burn-up of a lot, computed on the server for an inline SVG (no script): realised hours cumulated by month (the
/// series of <see cref="Comptage.Serie"/>) against the hours-due line and a straight target from 0 at the start of
/// execution to the hours due at its end. The x axis is linear in days, from the first day of the first month to the
/// last day of the last one; a month's point sits at its end. Coordinates are whole pixels (culture-free in SVG).
/// The target of a month = dues × days of execution elapsed at the month's end / days of execution, half-up to the minute.
/// </summary>
public sealed class CourbeAvancement
{
    public const int Largeur = 720;
    public const int Hauteur = 320;
    public const int MargeGauche = 76;
    public const int MargeDroite = 16;
    public const int MargeHaut = 16;
    public const int MargeBas = 44;

    public IReadOnlyList<MoisCourbe> Mois { get; private init; } = [];

    public IReadOnlyList<GraduationCourbe> GraduationsX { get; private init; } = [];

    public IReadOnlyList<GraduationCourbe> GraduationsY { get; private init; } = [];

    public Duree Dues { get; private init; }

    public DateOnly DebutExecution { get; private init; }

    public DateOnly FinExecution { get; private init; }

    public int YDues { get; private init; }

    public int XDebutCible { get; private init; }

    public int XFinCible { get; private init; }

    public int XOrigine { get; private init; }

    public static int Bas => Hauteur - MargeBas;

    public static int Droite => Largeur - MargeDroite;

    /// <summary>"76,276 120,250 …": the realised polyline, from 0 at the start of the first month.</summary>
    public string PointsRealises =>
        string.Join(' ', new[] { $"{XOrigine},{Bas}" }.Concat(Mois.Select(m => $"{m.X},{m.YCumul}")));

    public string Titre(string lot) => $"Avancement des heures d'insertion du {lot}";

    /// <summary>The text alternative of the chart: what it shows and where the lot stands.</summary>
    public string Description
    {
        get
        {
            var debut = $"Heures réalisées cumulées par mois, comparées aux {CalculHeuresDues.FormaterHeures(Dues)} dues et à une cible linéaire "
                + $"de 0 h le {Web.Infrastructure.Affichage.Date(DebutExecution)} à {CalculHeuresDues.FormaterHeures(Dues)} le {Web.Infrastructure.Affichage.Date(FinExecution)}.";
            if (Mois.Count == 0) return debut + " L'exécution n'a pas commencé.";
            var dernier = Mois[^1];
            return debut + $" Fin {AccesHeures.Texte(dernier.Mois)} : {dernier.Cumul} réalisées pour une cible de {dernier.Cible}.";
        }
    }

    public static CourbeAvancement Calculer(DateOnly debutExecution, DateOnly finExecution, long duesMinutes, IReadOnlyList<PointSerie> serie,
        Mois moisCourant)
    {
        ArgumentNullException.ThrowIfNull(serie);
        var premier = Domain.Commun.Mois.De(debutExecution);
        var dernier = Domain.Commun.Mois.De(finExecution);
        if (serie.Count > 0)
        {
            if (serie[0].Mois < premier) premier = serie[0].Mois;
            if (serie[^1].Mois > dernier) dernier = serie[^1].Mois;
        }
        var finLignes = moisCourant < dernier ? moisCourant : dernier;
        if (serie.Count > 0 && serie[^1].Mois > finLignes) finLignes = serie[^1].Mois;

        var origine = premier.Premier;
        var joursAxe = dernier.Dernier.DayNumber + 1 - origine.DayNumber;
        int X(DateOnly jour) => MargeGauche + (int)FormatFrancais.DiviserArrondi((long)(jour.DayNumber - origine.DayNumber) * (Droite - MargeGauche), joursAxe);

        Duree Cible(Mois m) => CibleLineaire.FinDuMois(debutExecution, finExecution, duesMinutes, m);

        var parMois = serie.ToDictionary(p => p.Mois);
        var maxCumul = serie.Count == 0 ? 0 : serie.Max(p => p.CumulMinutes);
        var (pas, maximum) = Echelle(Math.Max(Math.Max(duesMinutes, maxCumul), 60));
        int Y(long minutes) => Bas - (int)FormatFrancais.DiviserArrondi(minutes * (Bas - MargeHaut), maximum);

        var mois = new List<MoisCourbe>();
        long cumul = 0;
        for (var m = premier; m <= finLignes; m = m.Suivant)
        {
            var duMois = parMois.TryGetValue(m, out var point) ? point.Minutes : 0;
            if (point is not null) cumul = point.CumulMinutes;
            mois.Add(new MoisCourbe(m, new Duree(duMois), new Duree(cumul), Cible(m), X(m.Dernier.AddDays(1)), Y(cumul)));
        }

        var nombreMois = (dernier.Annee - premier.Annee) * 12 + dernier.Numero - premier.Numero + 1;
        var tous = (int)Math.Ceiling(nombreMois / 12d);
        var graduationsX = new List<GraduationCourbe>();
        var i = 0;
        for (var m = premier; m <= dernier; m = m.Suivant, i++)
        {
            if (i % tous != 0) continue;
            var milieu = (X(m.Premier) + X(m.Dernier.AddDays(1))) / 2;
            graduationsX.Add(new GraduationCourbe(milieu, m.Premier.ToString("MMM yy", FormatFrancais.Culture)));
        }
        var graduationsY = new List<GraduationCourbe>();
        for (long v = 0; v <= maximum; v += pas)
            graduationsY.Add(new GraduationCourbe(Y(v), CalculHeuresDues.FormaterHeures(new Duree(v))));

        return new CourbeAvancement
        {
            Mois = mois,
            GraduationsX = graduationsX,
            GraduationsY = graduationsY,
            Dues = new Duree(duesMinutes),
            DebutExecution = debutExecution,
            FinExecution = finExecution,
            YDues = Y(duesMinutes),
            XOrigine = MargeGauche,
            XDebutCible = X(debutExecution),
            XFinCible = X(finExecution.AddDays(1)),
        };
    }

    /// <summary>A round step (1, 2 or 5 × 10ⁿ hours) giving about 5 graduations, and the top of the axis (a multiple of it).</summary>
    private static (long Pas, long Maximum) Echelle(long maxMinutes)
    {
        var heures = (maxMinutes + 59) / 60;
        long pas = 1;
        while (pas * 5 < heures)
        {
            if (pas * 2 * 5 >= heures) { pas *= 2; break; }
            if (pas * 5 * 5 >= heures) { pas *= 5; break; }
            pas *= 10;
        }
        var maximum = (heures + pas - 1) / pas * pas;
        return (pas * 60, maximum * 60);
    }

    /// <summary>A whole number for an SVG attribute, culture-free.</summary>
    public static string Px(int valeur) => valeur.ToString(CultureInfo.InvariantCulture);
}
