using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;

namespace Clause.Tests.Support;

/// <summary>
/// Named situations for contrats and hours, on the lot of <see cref="SituationsMarches"/> (2026, 833 h due) held by
/// « Bâtiments du Val SARL », and a participant whose eligibility was validated on 10/01/2025 (window until 10/01/2027).
/// "Now" is 20/12/2026, so every month of 2026 may be declared.
/// </summary>
public sealed class SituationsContrats
{
    public static readonly Auteur Facilitateur = new(ParticipantsDeTest.FacilitateurId, ParticipantsDeTest.FacilitateurNom, true);
    public static readonly Auteur Entreprise = new(Guid.Parse("0193a000-0000-7000-8000-0000000000e1"), "Jean Dupont (Bâtiments du Val)", false);
    public static readonly DateTimeOffset Maintenant = new(2026, 12, 20, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly ValidationEligibilite = new(2025, 1, 10);

    public SituationsContrats(StructureId? structureId = null, SituationsMarches? marches = null)
    {
        Marches = marches ?? new SituationsMarches(structureId);
        Lot = Marches.UnLot();
        Titulaire = Marches.UneEntreprise();
        Lot.Attribuer(Titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        Participant = UnParticipantEligible();
    }

    public SituationsMarches Marches { get; }

    public StructureId StructureId => Marches.StructureId;

    public Reglages Reglages => Marches.Reglages;

    public Lot Lot { get; }

    public Entreprise Titulaire { get; }

    public Participant Participant { get; }

    public Participant UnParticipantEligible(string nom = "Martin", DateOnly? validation = null)
    {
        var participant = ParticipantsDeTest.UnParticipant(StructureId, nom: nom);
        participant.Valider(validation ?? ValidationEligibilite, CategorieEligibilite.RSA);
        return participant;
    }

    public static DonneesContrat Donnees(ModaliteContrat modalite = ModaliteContrat.EmbaucheDirecte, DateOnly? debut = null, DateOnly? fin = null,
        TypeContrat type = TypeContrat.CDDI) =>
        new(modalite, type, debut ?? new DateOnly(2026, 1, 5), fin ?? new DateOnly(2026, 12, 31), null, Duree.Heures(35), "Maçon VRD", "F1703");

    public Contrat UnContratPropose(ModaliteContrat modalite = ModaliteContrat.EmbaucheDirecte, Entreprise? employeur = null,
        Participant? participant = null, DateOnly? debut = null, DateOnly? fin = null, Lot? lot = null) =>
        Contrat.Proposer(participant ?? Participant, lot ?? Lot, employeur ?? Titulaire, Donnees(modalite, debut, fin), Reglages, Entreprise, Maintenant);

    public Contrat UnContratValide(ModaliteContrat modalite = ModaliteContrat.EmbaucheDirecte, Entreprise? employeur = null,
        Participant? participant = null, DateOnly? debut = null, DateOnly? fin = null, Lot? lot = null)
    {
        var contrat = UnContratPropose(modalite, employeur, participant, debut, fin, lot);
        contrat.Valider(participant ?? Participant, Reglages, null, Facilitateur, Maintenant);
        return contrat;
    }

    public Entreprise UnEmployeur(TypeEmployeur type, string? nom = null) => Marches.UneEntreprise(nom ?? $"Structure {type}", type);

    /// <summary>A line of hours entered by the company (status Déclarée), the participant having no other line that month.</summary>
    public DeclarationHeures Declarer(Contrat contrat, Mois mois, long heures, long autresMinutes = 0, Auteur? par = null, Lot? lot = null) =>
        DeclarationHeures.Declarer(contrat, lot ?? Lot, mois, SaisieHeures.EnHeures(Duree.Heures(heures)), new SituationMois(autresMinutes),
            Reglages, par ?? Entreprise, Maintenant);
}
