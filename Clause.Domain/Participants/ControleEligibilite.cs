using Clause.Domain.Commun;

namespace Clause.Domain.Participants;

public enum StatutEligibilite
{
    /// <summary>The contract starts inside the window of a decision.</summary>
    [Libelle("Dans la fenêtre d'éligibilité")] Couvert,

    /// <summary>Decisions exist but none covers the start date: an override is needed.</summary>
    [Libelle("Hors de la fenêtre d'éligibilité")] HorsFenetre,

    /// <summary>No decision at all: nothing can count.</summary>
    [Libelle("Éligibilité non validée")] SansDecision,
}

/// <summary>
/// The outcome of an eligibility check for a contract start date: under which decision it counts and,
/// when outside every window, the override that makes it count.
/// </summary>
public sealed record ControleEligibilite(StatutEligibilite Statut, DecisionEligibilite? Decision, Derogation? Derogation)
{
    /// <summary>True when the contract's hours may count (inside a window, or outside with an override).</summary>
    public bool Compte => Compterait(Statut, Derogation is not null);

    /// <summary>
    /// The one counting rule (§5, §7.3): inside a window, or outside every window with an override. Also used by a
    /// contrat re-reading its eligibility, whose override is the one it already stores.
    /// </summary>
    public static bool Compterait(StatutEligibilite statut, bool avecDerogation) =>
        statut == StatutEligibilite.Couvert || (statut == StatutEligibilite.HorsFenetre && avecDerogation);

    public Guid? DecisionId => Decision?.Id;
}

/// <summary>
/// A facilitateur's override of the eligibility window for one contract: a written reason, who, when.
/// The contract stores it (so the audit trail keeps it); the reason is free text about a person, masked in the audit.
/// </summary>
public sealed record Derogation
{
    public const int MotifLongueurMin = 10;
    public const int MotifLongueurMax = 1000;
    public const int ParNomLongueurMax = 150;

    private Derogation(string motif, Guid parId, string parNom, DateTimeOffset le)
    {
        Motif = motif;
        ParId = parId;
        ParNom = parNom;
        Le = le;
    }

    [Sensible] public string Motif { get; }

    public Guid ParId { get; }

    public string ParNom { get; }

    public DateTimeOffset Le { get; }

    public static Derogation Creer(string? motif, Guid parId, string? parNom, DateTimeOffset le, string champMotif = "MotifDerogation")
    {
        var texte = Garde.Requis(motif, champMotif, "Motif de la dérogation", MotifLongueurMax);
        if (texte.Length < MotifLongueurMin)
            throw new RegleMetierException(champMotif, $"Le motif de la dérogation doit comporter au moins {MotifLongueurMin} caractères.");
        return new Derogation(texte,
            Garde.Identifiant(parId, champMotif, "Auteur de la dérogation"),
            Garde.Requis(parNom, champMotif, "Auteur de la dérogation", ParNomLongueurMax),
            le);
    }
}
