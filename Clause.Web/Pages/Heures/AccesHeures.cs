using System.Globalization;
using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Heures;

/// <summary>
/// What the hours pages share: the month typed in a
/// query string (yyyy-MM), hours written back into an input (« 151,67 », no unit) and the French texts of a line's
/// status and flags (text, never colour only).
/// </summary>
public static class AccesHeures
{
    /// <summary>"2026-03" → March 2026 (year 2000 to <see cref="PlageDates.Max"/>); anything else → false.</summary>
    public static bool TryLireMois(string? saisie, out Mois mois)
    {
        mois = default;
        if (string.IsNullOrWhiteSpace(saisie)
            || !DateOnly.TryParseExact(saisie.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < 2000 || !PlageDates.Contient(date))
            return false;
        mois = Mois.De(date);
        return true;
    }

    /// <summary>The month as a query-string value: "2026-03".</summary>
    public static string Code(Mois mois) => mois.ToString();

    /// <summary>Hours as typed back in an input: "35", "151,67" (French decimal comma, no unit, no thousands separator).</summary>
    public static string EnSaisie(long minutes) =>
        (FormatFrancais.DiviserArrondi(minutes * 100, 60) / 100m).ToString("0.##", FormatFrancais.Culture);

    /// <summary>An amount as typed back in an input: "12000,50".</summary>
    public static string EnSaisie(Montant montant) => (montant.Centimes / 100m).ToString("0.##", FormatFrancais.Culture);

    /// <summary>"mars 2026".</summary>
    public static string Texte(Mois mois) => DeclarationHeures.Texte(mois);

    /// <summary>« d'avril 2026 à septembre 2026 », « de janvier 2026 à juin 2026 » (elision before a vowel).</summary>
    public static string Periode(Mois du, Mois au)
    {
        var debut = Texte(du);
        return (debut[0] is 'a' or 'o' ? "d'" : "de ") + debut + " à " + Texte(au);
    }

    /// <summary>The warning after saving hours the domain flagged « hors période » (§7.2): kept, never counted.</summary>
    public static string AvertissementHorsPeriode(IReadOnlyList<string> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Count == 1
            ? $"Attention : les heures de {cases[0]} sont en dehors des dates du contrat ou de l'exécution du lot. Elles sont conservées mais ne comptent pas."
            : $"Attention : {cases.Count} cases sont en dehors des dates du contrat ou de l'exécution du lot ({string.Join(", ", cases)}). "
              + "Elles sont conservées mais ne comptent pas.";
    }

    /// <summary>
    /// A refusal of the domain about the invoiced amount (its labour share, its hourly cost) goes beside the amount input
    /// of a cell; any other (hours, month, lock) beside its hours input. The grid of a lot and the portal's month share it.
    /// </summary>
    public static bool ConcerneLeMontant(string champ) => champ is "MontantFacture" or "PartMainOeuvre" or "CoutHoraire";

    /// <summary>A total of the entry grid, as its script writes it (js/grille-heures.js): "1 234,50 h".</summary>
    public static string Total(long minutes) => new Duree(minutes).ToString();

    /// <summary>"Léa Martin".</summary>
    public static string Nom(string prenom, string nom) => $"{prenom} {nom}";

    /// <summary>The status and flags of a line in words: « Validée · Converti · Hors période ».</summary>
    public static string Etat(StatutDeclaration statut, bool converti, bool horsPeriode)
    {
        var mots = new List<string> { statut.Libelle() };
        if (converti) mots.Add("Converti");
        if (horsPeriode) mots.Add("Hors période");
        return string.Join(" · ", mots);
    }
}

/// <summary>The head of a contrat's hours pages: who, where, for whom, under which modality, between which dates.</summary>
public sealed record EnteteContrat(ContratId Id, ParticipantId ParticipantId, string Participant, LotId LotId, string Lot, EntrepriseId EmployeurId, string Employeur,
    ModaliteContrat Modalite, StatutContrat Statut, DateOnly DateDebut, DateOnly? FinPrevue, DateOnly? FinReelle, bool EligibiliteValide)
{
    public Periode Periode => new(DateDebut, FinReelle ?? FinPrevue ?? DateOnly.MaxValue);

    public bool AccepteMontant => Modalite.AccepteMontantFacture();

    /// <summary>One query: the contrat of the current structure with its participant, lot and employer; null → 404.</summary>
    public static async Task<EnteteContrat?> ChargerAsync(ClauseDbContext db, ContratId contratId, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var c = await (from contrat in db.Contrats.AsNoTracking()
                       join p in db.Participants on contrat.ParticipantId equals p.Id
                       join l in db.Lots on contrat.LotId equals l.Id
                       join e in db.Entreprises on contrat.EmployeurId equals e.Id
                       where contrat.Id == contratId && contrat.StructureId == structureId
                       select new
                       {
                           contrat.Id,
                           ParticipantId = p.Id,
                           p.Prenom,
                           p.Nom,
                           LotId = l.Id,
                           l.Numero,
                           l.Libelle,
                           Marche = l.Marche.Numero,
                           EmployeurId = e.Id,
                           e.RaisonSociale,
                           contrat.Modalite,
                           contrat.Statut,
                           contrat.DateDebut,
                           contrat.FinPrevue,
                           contrat.FinReelle,
                           contrat.EligibiliteValide,
                       })
            .FirstOrDefaultAsync(annulation);
        return c is null
            ? null
            : new EnteteContrat(c.Id, c.ParticipantId, AccesHeures.Nom(c.Prenom, c.Nom), c.LotId, $"Lot {c.Numero} — {c.Libelle} (marché {c.Marche})",
                c.EmployeurId, c.RaisonSociale, c.Modalite, c.Statut, c.DateDebut, c.FinPrevue, c.FinReelle, c.EligibiliteValide);
    }
}

/// <summary>A declared line offered for a decision in a list: its id, « Léa Martin en mars 2026 » and the page to come back to.</summary>
public sealed record DecisionLigne(DeclarationId DeclarationId, string Libelle, string Retour);
