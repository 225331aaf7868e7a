using Clause.Domain.Commun;
using Clause.Domain.Entreprises;

namespace Clause.Domain.Contrats;

/// <summary>How the participant works on the lot (DOMAIN.md §6); each modality calls for a kind of employer.</summary>
public enum ModaliteContrat
{
    [Libelle("Embauche directe")] EmbaucheDirecte,
    [Libelle("Mise à disposition par une ETTI")] MiseADispositionEtti,
    [Libelle("Mise à disposition par une association intermédiaire")] MiseADispositionAi,
    [Libelle("Mise à disposition par un GEIQ")] MiseADispositionGeiq,
    [Libelle("Mise à disposition par une entreprise de travail temporaire")] MiseADispositionEtt,
    [Libelle("Sous-traitance à une SIAE")] SousTraitanceSiae,
    [Libelle("Co-traitance avec une SIAE")] CoTraitanceSiae,
    [Libelle("Sous-traitance à une EA, EATT ou ESAT")] SousTraitanceEaEsat,
    [Libelle("Formation")] Formation,
}

/// <summary>Contract type (DOMAIN.md §6).</summary>
public enum TypeContrat
{
    [Libelle("CDI")] CDI,
    [Libelle("CDD")] CDD,
    [Libelle("CDD de chantier")] CDDChantier,
    [Libelle("CDDI (contrat à durée déterminée d'insertion)")] CDDI,
    [Libelle("Contrat de professionnalisation")] ContratPro,
    [Libelle("Contrat d'apprentissage")] Apprentissage,
    [Libelle("Mission d'intérim")] Interim,
    [Libelle("Mission d'intérim d'insertion")] InterimInsertion,
    [Libelle("Mise à disposition (association intermédiaire)")] MiseADispositionAi,
    [Libelle("Contrat GEIQ (alternance)")] Geiq,
    [Libelle("CDI inclusion")] CDIInclusion,
    [Libelle("Autre")] Autre,
}

/// <summary>Status of a contrat: proposed, then validated or refused by a facilitateur.</summary>
public enum StatutContrat
{
    [Libelle("Proposé")] Propose,
    [Libelle("Validé")] Valide,
    [Libelle("Refusé")] Refuse,
}

/// <summary>Who proposed the contrat.</summary>
public enum OrigineProposition
{
    [Libelle("Facilitateur")] Facilitateur,
    [Libelle("Entreprise")] Entreprise,
}

/// <summary>Which employer fits which modality (DOMAIN.md §6) and which modalities may declare an invoiced amount (§7.4).</summary>
/// <summary>DOMAIN.md §6: a CDI or a CDI Inclusion has no planned end; every other contract type has one.</summary>
public static class TypesContrat
{
    public static bool ADureeIndeterminee(this TypeContrat type) => type is TypeContrat.CDI or TypeContrat.CDIInclusion;
}

public static class Modalites
{
    /// <summary>Sous-traitance or co-traitance: hours may be declared as an invoiced amount and converted (§7.4).</summary>
    public static bool AccepteMontantFacture(this ModaliteContrat modalite) =>
        modalite is ModaliteContrat.SousTraitanceSiae or ModaliteContrat.CoTraitanceSiae or ModaliteContrat.SousTraitanceEaEsat;

    /// <summary>
    /// True when a company of type <paramref name="type"/> may employ under <paramref name="modalite"/>.
    /// <see cref="ModaliteContrat.EmbaucheDirecte"/> also needs the company to hold the lot (checked by <see cref="Contrat"/>).
    /// </summary>
    public static bool AccepteEmployeur(this ModaliteContrat modalite, TypeEmployeur type) => modalite switch
    {
        ModaliteContrat.MiseADispositionEtti => type == TypeEmployeur.ETTI,
        ModaliteContrat.MiseADispositionAi => type == TypeEmployeur.AI,
        ModaliteContrat.MiseADispositionGeiq => type == TypeEmployeur.GEIQ,
        ModaliteContrat.MiseADispositionEtt => type == TypeEmployeur.ETT,
        ModaliteContrat.SousTraitanceSiae or ModaliteContrat.CoTraitanceSiae => type.EstSiae(),
        ModaliteContrat.SousTraitanceEaEsat => type.EstSecteurAdapte(),
        _ => true,
    };

    /// <summary>The employer the modality calls for, in French (for messages and hints beside the field).</summary>
    public static string EmployeurAttendu(this ModaliteContrat modalite) => modalite switch
    {
        ModaliteContrat.EmbaucheDirecte => "une entreprise titulaire du lot (attributaire ou co-traitante)",
        ModaliteContrat.MiseADispositionEtti => "une ETTI",
        ModaliteContrat.MiseADispositionAi => "une association intermédiaire (AI)",
        ModaliteContrat.MiseADispositionGeiq => "un GEIQ",
        ModaliteContrat.MiseADispositionEtt => "une entreprise de travail temporaire (ETT)",
        ModaliteContrat.SousTraitanceSiae or ModaliteContrat.CoTraitanceSiae => "une SIAE (ACI, AI, EI, ETTI ou régie de quartier)",
        ModaliteContrat.SousTraitanceEaEsat => "une EA, une EATT ou un ESAT",
        _ => "toute entreprise",
    };
}

/// <summary>
/// The participant's situation after the clause (DOMAIN.md §9): at the end of the contrat, or 6 months later, as the
/// facilitateur learns it (<c>Contrat.SituationApres</c>, « where known »); <see cref="Inconnu"/> when nothing is recorded.
/// </summary>
public enum SituationApresClause
{
    [Libelle("Emploi durable (CDI ou CDD de 6 mois et plus)")] EmploiDurable,
    [Libelle("Emploi de transition")] EmploiTransition,
    [Libelle("Formation qualifiante")] FormationQualifiante,
    [Libelle("Insertion par l'activité économique (IAE)")] Iae,
    [Libelle("Sans solution")] SansSolution,
    [Libelle("Inconnue")] Inconnu,
}
