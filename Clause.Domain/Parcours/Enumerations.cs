using Clause.Domain.Commun;

namespace Clause.Domain.Parcours;

/// <summary>The étape types of a PLIE parcours (DOMAIN.md §10, the national Tableau 2).</summary>
public enum TypeEtape
{
    [Libelle("Mobilisation")] Mobilisation,
    [Libelle("Utilité sociale — contrat aidé en ACI")] UtiliteSocialeAci,
    [Libelle("Utilité sociale — contrat aidé hors ACI")] UtiliteSocialeHorsAci,
    [Libelle("SIAE (EI, AI, ETTI, régie de quartier, GEIQ)")] Siae,
    [Libelle("Emploi de parcours (CDD court, intérim, CDI à temps partiel)")] EmploiParcours,
    [Libelle("Formation qualifiante")] FormationQualifiante,
    [Libelle("Formation non qualifiante")] FormationNonQualifiante,
    [Libelle("Médiation à l'emploi")] MediationEmploi,
    [Libelle("Création d'entreprise")] CreationEntreprise,
    [Libelle("Emploi durable (CDI ou CDD de 6 mois et plus, ses 6 premiers mois)")] EmploiDurable,
}

/// <summary>How a parcours ends (DOMAIN.md §10): three positive sorties, three « sans suite ».</summary>
public enum TypeSortie
{
    [Libelle("Emploi durable")] EmploiDurable,
    [Libelle("Formation qualifiante")] FormationQualifiante,
    [Libelle("Autre sortie positive")] AutrePositive,
    [Libelle("Sans suite — abandon")] Abandon,
    [Libelle("Sans suite — déménagement, décès, retraite")] DemenagementDecesRetraite,
    [Libelle("Sans suite — autre")] Autre,
}

/// <summary>Time without work at entry (DOMAIN.md §10, national tables).</summary>
public enum TrancheInactivite
{
    [Libelle("Moins d'un an")] MoinsUnAn,
    [Libelle("1 à 2 ans")] UnADeuxAns,
    [Libelle("2 à 3 ans")] DeuxATroisAns,
    [Libelle("3 à 5 ans")] TroisACinqAns,
    [Libelle("Plus de 5 ans")] PlusDeCinqAns,
    [Libelle("Aucune activité")] AucuneActivite,
}

public static class TypesSortie
{
    /// <summary>A positive sortie (DOMAIN.md §10: emploi durable, formation qualifiante, autre positive).</summary>
    public static bool EstPositive(this TypeSortie type) =>
        type is TypeSortie.EmploiDurable or TypeSortie.FormationQualifiante or TypeSortie.AutrePositive;
}
