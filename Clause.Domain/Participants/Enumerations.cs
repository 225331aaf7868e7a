using Clause.Domain.Commun;

namespace Clause.Domain.Participants;

public enum Sexe
{
    [Libelle("Femme")] F,
    [Libelle("Homme")] M,
}

/// <summary>Niveau de qualification (nomenclature 2019, old levels in brackets), DOMAIN.md §5.</summary>
public enum NiveauQualification
{
    [Libelle("Infra 3 (sans diplôme, ex-VI/Vbis)")] Infra3,
    [Libelle("Niveau 3 (CAP, BEP, ex-V)")] Niveau3,
    [Libelle("Niveau 4 (baccalauréat, ex-IV)")] Niveau4,
    [Libelle("Niveau 5 (bac + 2, ex-III)")] Niveau5,
    [Libelle("Niveau 6 (licence, bac + 3, ex-II)")] Niveau6,
    [Libelle("Niveau 7 (master, bac + 5, ex-I)")] Niveau7,
    [Libelle("Niveau 8 (doctorat)")] Niveau8,
    [Libelle("Non renseigné")] NonRenseigne,
}

/// <summary>Who sent the participant to the structure (and who may give an avis motivé, §5).</summary>
public enum Prescripteur
{
    [Libelle("France Travail")] FranceTravail,
    [Libelle("Cap emploi")] CapEmploi,
    [Libelle("Mission locale")] MissionLocale,
    [Libelle("Maison de l'Emploi")] MaisonEmploi,
    [Libelle("PLIE")] Plie,
    [Libelle("MDPH")] Mdph,
    [Libelle("SIAE")] Siae,
    [Libelle("Autre")] Autre,
}

/// <summary>
/// Eligibility categories of the clause (DOMAIN.md §5). Four are health-revealing (GDPR art. 9):
/// see <see cref="CategoriesEligibilite.EstSensible"/>.
/// </summary>
public enum CategorieEligibilite
{
    [Libelle("Demandeur d'emploi de longue durée (12 mois et plus)")] DELD12,
    [Libelle("Demandeur d'emploi de très longue durée (24 mois et plus)")] DETLD24,
    [Libelle("Bénéficiaire du RSA (ou ayant droit)")] RSA,
    [Libelle("Bénéficiaire de l'allocation de solidarité spécifique (ASS)")] ASS,
    [Libelle("Bénéficiaire de l'allocation aux adultes handicapés (AAH)")] AAH,
    [Libelle("Bénéficiaire d'une allocation d'insertion")] AllocationInsertion,
    [Libelle("Titulaire d'une pension d'invalidité")] PensionInvalidite,
    [Libelle("Travailleur handicapé (RQTH, art. L5212-13)")] TH,
    [Libelle("Jeune de moins de 26 ans sorti du système scolaire depuis 6 mois")] Jeune26,
    [Libelle("Demandeur d'emploi senior")] Senior50,
    [Libelle("Salarié d'une SIAE (AI, ETTI, EI, ACI)")] SalarieSiae,
    [Libelle("Salarié d'un GEIQ")] SalarieGeiq,
    [Libelle("Travailleur du secteur adapté ou protégé (EA, EATT, ESAT)")] SecteurAdapte,
    [Libelle("Personne en parcours dans une régie de quartier")] RegieQuartier,
    [Libelle("Volontaire de l'EPIDE")] Epide,
    [Libelle("Stagiaire d'une école de la deuxième chance (E2C)")] E2c,
    [Libelle("Sur avis motivé d'un prescripteur")] AvisMotive,
}
