using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Domain.Structures;

namespace Clause.Tests.Support;

/// <summary>Participants with good defaults and named situations, for domain, persistence and page tests.</summary>
public static class ParticipantsDeTest
{
    public static readonly Guid FacilitateurId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public const string FacilitateurNom = "Camille Facilitatrice";

    public static DonneesParticipant Donnees(DateOnly? naissance = null, bool residentQpv = false, string? codeQpv = null,
        string nom = "Martin", string prenom = "Léa", string commune = "Saint-Aubin-sur-Loire", Guid? referentId = null) =>
        new(nom, prenom, Sexe.F, naissance ?? new DateOnly(1990, 6, 1), "12 rue des Tanneurs", "37540", commune,
            residentQpv, codeQpv, NiveauQualification.Niveau3, Prescripteur.FranceTravail, referentId, "1234567A", new DateOnly(2024, 1, 5));

    public static Participant UnParticipant(StructureId? structureId = null, DateOnly? naissance = null, DateOnly? inscritLe = null,
        string nom = "Martin", string prenom = "Léa", Guid? referentId = null) =>
        Participant.Creer(structureId ?? StructureId.De(Guid.NewGuid()), Donnees(naissance, nom: nom, prenom: prenom, referentId: referentId),
            inscritLe ?? new DateOnly(2024, 1, 5));

    public static Reglages Reglages(StructureId? structureId = null) => global::Clause.Domain.Structures.Reglages.ParDefaut(structureId ?? StructureId.De(Guid.NewGuid()));

    public static CategorieSaisie Categorie(CategorieEligibilite categorie, DateOnly? finDroits = null) =>
        new(categorie, categorie.JustificatifSuggere(), finDroits);

    /// <summary>Validates a decision as the test facilitateur (today = the validation date unless given).</summary>
    public static DecisionEligibilite Valider(this Participant participant, DateOnly le, params CategorieEligibilite[] categories) =>
        participant.ValiderEligibilite(le, categories.Select(c => Categorie(c)).ToList(), null, null,
            FacilitateurId, FacilitateurNom, Reglages(participant.StructureId), le);
}
