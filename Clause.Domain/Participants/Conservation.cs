using Clause.Domain.Commun;
using Clause.Domain.Contrats;

namespace Clause.Domain.Participants;

/// <summary>Which of a participant's events is the latest (shown on the dry-run list).</summary>
public enum NatureDernierEvenement
{
    [Libelle("Fin de contrat")] FinContrat,
    [Libelle("Dernières heures déclarées")] Heures,
    [Libelle("Décision d'éligibilité")] DecisionEligibilite,
    [Libelle("Modification de la fiche")] ModificationFiche,
}

/// <summary>A participant's latest event and its nature (the first nature listed wins a tie).</summary>
public sealed record DernierEvenement(DateOnly Date, NatureDernierEvenement Nature);

/// <summary>
/// The maxima of one participant's events, as read from the database in one grouped query per kind
/// (Clause.Infrastructure/Conservation): the latest end of a contrat (<see cref="Conservation.FinContrat"/>), whether a
/// contrat is still open (<see cref="Conservation.ContratOuvert"/>), the latest month of hours, the latest eligibility
/// decision and the latest change of the record (its audit rows, the registration date at least).
/// </summary>
public sealed record EvenementsParticipant(DateOnly? FinContrats, bool ContratOuvert, Mois? DernierMoisHeures, DateOnly? DerniereDecision,
    DateOnly DerniereModification);

/// <summary>
/// THE retention rule of DOMAIN.md §12 (docs/domain.md « Conservation et anonymisation »): a participant's last event is
/// the latest of the end of their contrats (actual end, else planned end; a refused contrat without end counts on its
/// start), the last day of their last month of hours, their last eligibility decision and the last change of their
/// record. A participant with a contrat still open (not refused, no end at all: a CDI running) has no last event yet.
/// They are anonymised once more than <c>Reglages.ConservationMois</c> months have passed since that event.
/// </summary>
public static class Conservation
{
    /// <summary>The date a contrat's end is read on: its actual end, else its planned end, else (a refused one) its start.</summary>
    public static DateOnly FinContrat(DateOnly debut, DateOnly? finPrevue, DateOnly? finReelle) => finReelle ?? finPrevue ?? debut;

    /// <summary>A contrat still open: not refused, with neither an actual nor a planned end.</summary>
    public static bool ContratOuvert(StatutContrat statut, DateOnly? finPrevue, DateOnly? finReelle) =>
        statut != StatutContrat.Refuse && finReelle is null && finPrevue is null;

    /// <summary>The latest event, or null while a contrat is open.</summary>
    public static DernierEvenement? Dernier(EvenementsParticipant evenements)
    {
        ArgumentNullException.ThrowIfNull(evenements);
        if (evenements.ContratOuvert) return null;
        var candidats = new List<DernierEvenement>();
        if (evenements.FinContrats is { } fin) candidats.Add(new(fin, NatureDernierEvenement.FinContrat));
        if (evenements.DernierMoisHeures is { } mois) candidats.Add(new(mois.Dernier, NatureDernierEvenement.Heures));
        if (evenements.DerniereDecision is { } decision) candidats.Add(new(decision, NatureDernierEvenement.DecisionEligibilite));
        candidats.Add(new(evenements.DerniereModification, NatureDernierEvenement.ModificationFiche));
        // Max by date; on a tie the order above (contrat, heures, décision, fiche) names the event.
        return candidats.Aggregate((a, b) => b.Date > a.Date ? b : a);
    }

    /// <summary>The first day on which the participant may be anonymised: the day after the event + N months.</summary>
    public static DateOnly AnonymisableLe(DernierEvenement dernier, int conservationMois)
    {
        ArgumentNullException.ThrowIfNull(dernier);
        return dernier.Date.AddMonths(conservationMois).AddDays(1);
    }

    /// <summary>More than <paramref name="conservationMois"/> months since the last event (none while a contrat is open).</summary>
    public static bool EstEchu(EvenementsParticipant evenements, int conservationMois, DateOnly aujourdhui) =>
        Dernier(evenements) is { } dernier && aujourdhui >= AnonymisableLe(dernier, conservationMois);
}
