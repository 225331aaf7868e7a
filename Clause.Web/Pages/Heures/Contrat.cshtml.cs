using Clause.Domain.Commun;
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
/// The hours of one contrat: every month of the contrat up to the current month (and any month with a line outside it),
/// the current value, status and flags of each, and the history of every version (who, when, value, status, reason).
/// A facilitateur declares or corrects a month (/Heures/Saisir) and validates or rejects a declared line (/Heures/Decision).
/// </summary>
public sealed class ContratModel(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge) : PageModel
{
    public EnteteContrat Contrat { get; private set; } = null!;

    public IReadOnlyList<MoisContrat> Mois { get; private set; } = [];

    public IReadOnlyList<VersionAffichee> Versions { get; private set; } = [];

    public Duree Comptees { get; private set; }

    public Duree EnAttente { get; private set; }

    public bool Gestion { get; private set; }

    public async Task<IActionResult> OnGetAsync(ContratId contratId, CancellationToken annulation)
    {
        var contrat = await EnteteContrat.ChargerAsync(db, contratId, annulation);
        if (contrat is null) return NotFound();
        Contrat = contrat;
        Gestion = Droits.Peut(User, Politiques.GestionClause);
        var structureId = db.Contexte.StructureId;

        var lignes = await (from d in db.DeclarationsHeures.AsNoTracking()
                            join v in db.VersionsDeclaration on new { Id = d.Id, Numero = d.VersionCourante } equals new { Id = v.DeclarationId, v.Numero }
                            where d.ContratId == contratId && d.StructureId == structureId
                            select new LigneContrat(d.Id, d.Mois, d.Minutes, d.Statut, d.Converti, d.HorsPeriode, d.VersionCourante, v.MontantFactureCentimes,
                                v.MotifRejet, v.SaisieParNom, v.SaisieLe))
            .ToListAsync(annulation);
        var parMois = lignes.ToDictionary(l => l.Mois);

        // Every month of the contrat up to the current one, plus the months that hold a line outside the contrat.
        var courant = Domain.Commun.Mois.De(Affichage.Aujourdhui(horloge));
        var tous = new SortedSet<Domain.Commun.Mois>(lignes.Select(l => l.Mois));
        var fin = Domain.Commun.Mois.De(contrat.Periode.Fin);
        for (var m = Domain.Commun.Mois.De(contrat.DateDebut); m <= fin && m <= courant; m = m.Suivant) tous.Add(m);
        Mois = tous.Select(mois =>
        {
            var dansLeContrat = new Periode(mois.Premier, mois.Dernier).Chevauche(contrat.Periode);
            return new MoisContrat(mois, parMois.GetValueOrDefault(mois), dansLeContrat);
        }).ToList();

        // The rule of what counts and what is pending lives in the domain (Comptage), applied by the database.
        var totaux = await requetes.ParMoisAsync(db.DeclarationsHeures.AsNoTracking().Where(d => d.ContratId == contratId && d.StructureId == structureId), annulation);
        Comptees = new Duree(totaux.Sum(m => m.CompteesMinutes));
        EnAttente = new Duree(totaux.Sum(m => m.EnAttenteMinutes));

        Versions = await (from v in db.VersionsDeclaration.AsNoTracking()
                          join d in db.DeclarationsHeures on v.DeclarationId equals d.Id
                          where v.ContratId == contratId && v.StructureId == structureId
                          orderby d.Mois descending, v.Numero descending
                          select new VersionAffichee(d.Mois, v.Numero, v.Minutes, v.MontantFactureCentimes, v.PartMainOeuvrePdb, v.CoutHoraireCentimes,
                              v.Statut, v.MotifCorrection, v.MotifRejet, v.SaisieParNom, v.SaisieLe, v.DecideParNom, v.DecideLe, d.VersionCourante == v.Numero))
            .ToListAsync(annulation);
        return Page();
    }
}

public sealed record LigneContrat(DeclarationId Id, Mois Mois, long Minutes, StatutDeclaration Statut, bool Converti, bool HorsPeriode, int Version,
    long? MontantFactureCentimes, string? MotifRejet, string SaisieParNom, DateTimeOffset SaisieLe);

public sealed record MoisContrat(Mois Mois, LigneContrat? Ligne, bool DansLeContrat);

public sealed record VersionAffichee(Mois Mois, int Numero, long Minutes, long? MontantFactureCentimes, int? PartMainOeuvrePdb, long? CoutHoraireCentimes,
    StatutDeclaration Statut, string? MotifCorrection, string? MotifRejet, string SaisieParNom, DateTimeOffset SaisieLe, string? DecideParNom,
    DateTimeOffset? DecideLe, bool Courante)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Horodatage(DateTimeOffset? quand) =>
        quand is { } q ? TimeZoneInfo.ConvertTime(q, Paris).ToString("dd/MM/yyyy HH:mm", Affichage.Fr) : "—";

    /// <summary>« 12 000,00 € × 60 % / 30,00 € » when the hours were converted (§7.4).</summary>
    public string? Conversion => MontantFactureCentimes is { } montant
        ? $"{new Montant(montant)} × {new Taux(PartMainOeuvrePdb ?? 0)} / {new Montant(CoutHoraireCentimes ?? 0)}"
        : null;
}
