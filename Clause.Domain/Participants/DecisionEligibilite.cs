using Clause.Domain.Commun;
using Clause.Domain.Structures;

namespace Clause.Domain.Participants;

/// <summary>One category ticked on the eligibility form, with the proof seen and an optional end of rights.</summary>
public sealed record CategorieSaisie(CategorieEligibilite Categorie, string? Justificatif, DateOnly? FinDroits = null);

/// <summary>
/// A facilitateur's eligibility decision for a participant (DOMAIN.md §5): date, who, the categories with
/// the proof of each. Part of the <see cref="Participant"/> aggregate (its history shows on the participant's
/// page) and tenant-owned itself, so a direct query is scoped too. A contract counts if it starts inside
/// [validation date, validation date + window] (<see cref="Couvre"/>).
/// </summary>
public sealed class DecisionEligibilite : EntiteGuid, IAppartientStructure, IPartieDe
{
    public const int ValidateurNomLongueurMax = 150;
    public const int MotifAvisLongueurMin = 10;
    public const int MotifAvisLongueurMax = 1000;

    private readonly List<CategorieDecision> _categories = [];

    private DecisionEligibilite() { ValideParNom = string.Empty; }

    public StructureId StructureId { get; private set; }

    public ParticipantId ParticipantId { get; private set; }

    public Guid RacineId => ParticipantId.Valeur;

    public DateOnly DateValidation { get; private set; }

    public Guid ValideParId { get; private set; }

    public string ValideParNom { get; private set; }

    /// <summary>For <see cref="CategorieEligibilite.AvisMotive"/>: the prescripteur who gave the avis.</summary>
    public Prescripteur? PrescripteurAvis { get; private set; }

    /// <summary>For <see cref="CategorieEligibilite.AvisMotive"/>: the written motive (free text about a person, masked in the audit).</summary>
    [Sensible] public string? MotifAvis { get; private set; }

    public IReadOnlyList<CategorieDecision> Categories => _categories;

    /// <summary>
    /// The decision, every rule checked and every refusal collected into <paramref name="v"/> (the caller throws them
    /// all at once, with its own, before it changes the participant). A date already refused (null) skips the age rules.
    /// </summary>
    internal static DecisionEligibilite Creer(Participant participant, DateOnly? dateValidation, IReadOnlyCollection<CategorieSaisie> categories,
        Prescripteur? prescripteurAvis, string? motifAvis, Guid validateurId, string? validateurNom, Reglages reglages, Verification v)
    {
        if (categories is null || categories.Count == 0)
            v.Verifier(() => throw new RegleMetierException(nameof(Categories), "Cochez au moins une catégorie d'éligibilité."));
        var decision = new DecisionEligibilite
        {
            StructureId = participant.StructureId,
            ParticipantId = participant.Id,
            DateValidation = dateValidation ?? default,
            ValideParId = Garde.Identifiant(validateurId, nameof(ValideParId), "Validé par"),
            ValideParNom = Garde.Requis(validateurNom, nameof(ValideParNom), "Validé par", ValidateurNomLongueurMax),
        };
        foreach (var saisie in categories ?? [])
        {
            v.Verifier(() =>
            {
                var categorie = Garde.Defini(saisie.Categorie, nameof(Categories), "Catégorie");
                if (decision._categories.Any(c => c.Categorie == categorie))
                    throw new RegleMetierException(nameof(Categories), $"La catégorie « {categorie.Libelle()} » est cochée deux fois.");
                if (dateValidation is { } date) VerifierAge(participant, categorie, date, reglages);
                decision._categories.Add(new CategorieDecision(decision, categorie, saisie.Justificatif, saisie.FinDroits));
            });
        }

        if (categories?.Any(c => c.Categorie == CategorieEligibilite.AvisMotive) == true)
        {
            var prescripteur = v.Verifier<Prescripteur?>(() =>
                prescripteurAvis is { } p && CategoriesEligibilite.PrescripteursAvisMotive.Contains(p)
                    ? p
                    : throw new RegleMetierException(nameof(PrescripteurAvis),
                        "L'avis motivé doit être donné par un prescripteur : France Travail, Cap emploi, Mission locale, Maison de l'Emploi, PLIE ou MDPH."));
            var motif = v.Verifier(() =>
            {
                var texte = Garde.Requis(motifAvis, nameof(MotifAvis), "Motif de l'avis", MotifAvisLongueurMax);
                if (texte.Length < MotifAvisLongueurMin)
                    throw new RegleMetierException(nameof(MotifAvis), $"Le motif de l'avis motivé doit comporter au moins {MotifAvisLongueurMin} caractères.");
                return texte;
            }, null);
            decision.PrescripteurAvis = prescripteur;
            decision.MotifAvis = motif;
        }
        return decision;
    }

    /// <summary>[validation date, validation date + <paramref name="fenetreMois"/> months], both ends included.</summary>
    public Periode Fenetre(int fenetreMois) => FenetreDepuis(DateValidation, fenetreMois);

    /// <summary>
    /// The window of a decision validated on <paramref name="dateValidation"/> (§5), for a caller holding only the date
    /// (a projected list, the home page): the same rule as <see cref="Fenetre"/>, so no page recomputes the end itself.
    /// </summary>
    public static Periode FenetreDepuis(DateOnly dateValidation, int fenetreMois) => new(dateValidation, FinFenetre(dateValidation, fenetreMois));

    /// <summary>The last day of the window (included): validation date + <paramref name="fenetreMois"/> months, clamped to the month end.</summary>
    public static DateOnly FinFenetre(DateOnly dateValidation, int fenetreMois) => dateValidation.AddMonths(fenetreMois);

    /// <summary>True when a contract starting on <paramref name="debutContrat"/> counts under this decision.</summary>
    public bool Couvre(DateOnly debutContrat, int fenetreMois) => Fenetre(fenetreMois).Contient(debutContrat);

    public bool ContientSensible => _categories.Any(c => c.Categorie.EstSensible());

    /// <summary>
    /// The validation dates whose window closes between <paramref name="debut"/> and <paramref name="fin"/>
    /// (e.g. "windows closing within 60 days"), for a database query on <see cref="DateValidation"/>;
    /// exact with month-end clamping. Null when no validation date fits.
    /// </summary>
    public static Periode? ValidationsDontLaFenetreFermeEntre(DateOnly debut, DateOnly fin, int fenetreMois)
    {
        var premiere = debut.AddMonths(-fenetreMois);
        while (FinFenetre(premiere, fenetreMois) < debut) premiere = premiere.AddDays(1);
        var derniere = fin.AddMonths(-fenetreMois);
        while (FinFenetre(derniere.AddDays(1), fenetreMois) <= fin) derniere = derniere.AddDays(1);
        return premiere <= derniere ? new Periode(premiere, derniere) : null;
    }

    private static void VerifierAge(Participant participant, CategorieEligibilite categorie, DateOnly dateValidation, Reglages reglages)
    {
        var age = participant.AgeLe(dateValidation);
        if (categorie == CategorieEligibilite.Jeune26 && age >= 26)
            throw new RegleMetierException(nameof(Categories),
                $"Catégorie « Jeune de moins de 26 ans » refusée : le participant a {age} ans au {Participant.Texte(dateValidation)}.");
        if (categorie == CategorieEligibilite.Senior50 && age < reglages.AgeSenior)
            throw new RegleMetierException(nameof(Categories),
                $"Catégorie « Demandeur d'emploi senior » refusée : le participant a {age} ans au {Participant.Texte(dateValidation)} (il faut {reglages.AgeSenior} ans ou plus).");
    }
}

/// <summary>
/// One category of a decision, stored in its own table so that searching by category is an indexed
/// lookup and lists never need to read it. For a sensitive category only the status, the kind of proof
/// (from a fixed list) and an optional end of rights are kept — never the nature of a disability.
/// </summary>
public sealed class CategorieDecision : EntiteGuid, IAppartientStructure, IPartieDe
{
    public const int JustificatifLongueurMax = 200;

    private CategorieDecision() { Justificatif = string.Empty; }

    internal CategorieDecision(DecisionEligibilite decision, CategorieEligibilite categorie, string? justificatif, DateOnly? finDroits)
    {
        StructureId = decision.StructureId;
        DecisionId = decision.Id;
        ParticipantId = decision.ParticipantId;
        Categorie = categorie;
        var libelle = $"Justificatif — {categorie.Libelle()}";
        Justificatif = Garde.Requis(justificatif, nameof(DecisionEligibilite.Categories), libelle, JustificatifLongueurMax);
        if (categorie.EstSensible() && !categorie.Justificatifs().Contains(Justificatif, StringComparer.Ordinal))
            throw new RegleMetierException(nameof(DecisionEligibilite.Categories),
                $"Pour la catégorie « {categorie.Libelle()} », choisissez le justificatif dans la liste : aucune précision sur la situation de santé n'est conservée.");
        if (finDroits is { } fin && fin < decision.DateValidation)
            throw new RegleMetierException(nameof(DecisionEligibilite.Categories),
                $"Catégorie « {categorie.Libelle()} » : la fin des droits ne peut pas précéder la date de validation.");
        FinDroits = finDroits;
    }

    public StructureId StructureId { get; private set; }

    public Guid DecisionId { get; private set; }

    /// <summary>Denormalised from the decision: the aggregate root, and the key of the category search index.</summary>
    public ParticipantId ParticipantId { get; private set; }

    public Guid RacineId => ParticipantId.Valeur;

    [Sensible] public CategorieEligibilite Categorie { get; private set; }

    [Sensible] public string Justificatif { get; private set; }

    /// <summary>End of the rights or recognition (e.g. RQTH), when the proof gives one.</summary>
    [Sensible] public DateOnly? FinDroits { get; private set; }
}
