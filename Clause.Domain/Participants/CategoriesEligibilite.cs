namespace Clause.Domain.Participants;

/// <summary>
/// What the domain knows about each eligibility category: whether it reveals health (GDPR art. 9) and
/// which proofs a facilitateur usually sees. For a sensitive category the proof is picked from a fixed
/// list, so no free text can ever describe the nature of a disability (DOMAIN.md §5).
/// </summary>
public static class CategoriesEligibilite
{
    /// <summary>Health-revealing categories: shown only to Facilitateur and Direction, never in lists.</summary>
    public static readonly IReadOnlySet<CategorieEligibilite> Sensibles = new HashSet<CategorieEligibilite>
    {
        CategorieEligibilite.TH,
        CategorieEligibilite.AAH,
        CategorieEligibilite.PensionInvalidite,
        CategorieEligibilite.SecteurAdapte,
    };

    /// <summary>The prescripteurs that may give an avis motivé (DOMAIN.md §5).</summary>
    public static readonly IReadOnlyList<Prescripteur> PrescripteursAvisMotive =
    [
        Prescripteur.FranceTravail, Prescripteur.CapEmploi, Prescripteur.MissionLocale,
        Prescripteur.MaisonEmploi, Prescripteur.Plie, Prescripteur.Mdph,
    ];

    public static bool EstSensible(this CategorieEligibilite categorie) => Sensibles.Contains(categorie);

    /// <summary>The proofs offered for a category; the first one is the default suggestion.</summary>
    public static IReadOnlyList<string> Justificatifs(this CategorieEligibilite categorie) => categorie switch
    {
        CategorieEligibilite.DELD12 => ["Attestation d'inscription France Travail (12 mois sur les 18 derniers)", "Historique d'inscription France Travail"],
        CategorieEligibilite.DETLD24 => ["Attestation d'inscription France Travail (24 mois et plus)", "Historique d'inscription France Travail"],
        CategorieEligibilite.RSA => ["Attestation RSA de moins de 3 mois", "Attestation de paiement CAF ou MSA de moins de 3 mois"],
        CategorieEligibilite.ASS => ["Attestation ASS de moins de 3 mois", "Notification d'ouverture de droits ASS"],
        CategorieEligibilite.AAH => ["Attestation de paiement de l'AAH de moins de 3 mois", "Notification de la CDAPH en cours de validité"],
        CategorieEligibilite.AllocationInsertion => ["Attestation de versement de l'allocation de moins de 3 mois", "Notification d'ouverture de droits"],
        CategorieEligibilite.PensionInvalidite => ["Titre de pension d'invalidité", "Attestation de paiement de la pension de moins de 3 mois"],
        CategorieEligibilite.TH => ["Notification RQTH en cours de validité", "Attestation de la MDPH"],
        CategorieEligibilite.Jeune26 => ["Pièce d'identité et attestation de sortie du système scolaire", "Attestation de la Mission locale"],
        CategorieEligibilite.Senior50 => ["Pièce d'identité et attestation d'inscription France Travail", "Pièce d'identité"],
        CategorieEligibilite.SalarieSiae => ["Contrat de travail ou attestation de la SIAE", "Fiche de liaison de la SIAE"],
        CategorieEligibilite.SalarieGeiq => ["Contrat de travail GEIQ", "Attestation du GEIQ"],
        CategorieEligibilite.SecteurAdapte => ["Attestation de l'EA, de l'EATT ou de l'ESAT", "Contrat de travail ou de soutien"],
        CategorieEligibilite.RegieQuartier => ["Attestation de la régie de quartier", "Contrat de travail de la régie de quartier"],
        CategorieEligibilite.Epide => ["Attestation de l'EPIDE", "Contrat de volontariat EPIDE"],
        CategorieEligibilite.E2c => ["Attestation de l'école de la deuxième chance", "Contrat de stagiaire E2C"],
        CategorieEligibilite.AvisMotive => ["Fiche de prescription avec avis motivé", "Courrier motivé du prescripteur"],
        _ => throw new ArgumentOutOfRangeException(nameof(categorie)),
    };

    public static string JustificatifSuggere(this CategorieEligibilite categorie) => categorie.Justificatifs()[0];

    /// <summary>Age in whole years on a date (birthday reached on the day itself; 29 February → 28 February).</summary>
    public static int Age(DateOnly naissance, DateOnly le)
    {
        var age = le.Year - naissance.Year;
        if (le < naissance.AddYears(age)) age--;
        return age;
    }
}
