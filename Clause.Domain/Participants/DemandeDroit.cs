using Clause.Domain.Commun;
using Clause.Domain.Contrats;

namespace Clause.Domain.Participants;

/// <summary>The right a participant exercised (DOMAIN.md §12, RGPD art. 15 and 16).</summary>
public enum TypeDemandeDroit
{
    [Libelle("Accès (export de ses données)")] Acces,
    [Libelle("Rectification")] Rectification,
}

/// <summary>
/// One exercise of a participant's rights (issue 16 item 11): a correction of the record that answers the person's request
/// (with the date of the request), or an access export (answered on the day it was produced; the request's date is not
/// asked). The audit trail has no « origin » column, so this row is what ties a modification, or an export, to the request
/// it answers. Shown on the participant's page (« Demandes de la personne ») and in the access export. Never changed once
/// written. No personal value of the participant in it: only dates and the staff member who answered.
/// </summary>
public sealed class DemandeDroit : EntiteGuid, IAppartientStructure, IPartieDe
{
    private DemandeDroit() => AuteurNom = string.Empty;

    public StructureId StructureId { get; private set; }

    public ParticipantId ParticipantId { get; private set; }

    public Guid RacineId => ParticipantId.Valeur;

    public TypeDemandeDroit Type { get; private set; }

    /// <summary>When the person asked; required for a rectification, null for an access export (not asked).</summary>
    public DateOnly? DateDemande { get; private set; }

    /// <summary>The day the structure answered: the modification was saved, or the export produced.</summary>
    public DateOnly DateReponse { get; private set; }

    public Guid AuteurId { get; private set; }

    public string AuteurNom { get; private set; }

    /// <summary>
    /// The correction of <paramref name="participant"/> answers the person's request of <paramref name="dateDemande"/>:
    /// a request has a date, which is neither in the future nor before the person was registered (champ « DateDemande »).
    /// </summary>
    public static DemandeDroit Rectification(Participant participant, DateOnly? dateDemande, Auteur par, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var date = dateDemande ?? throw new RegleMetierException(nameof(DateDemande),
            "Le champ « Date de la demande » est obligatoire lorsque la modification répond à une demande de la personne.");
        if (date > aujourdhui)
            throw new RegleMetierException(nameof(DateDemande), "La date de la demande ne peut pas être dans le futur.");
        if (date < participant.InscritLe)
            throw new RegleMetierException(nameof(DateDemande),
                $"La date de la demande ne peut pas précéder l'inscription du participant ({Participant.Texte(participant.InscritLe)}).");
        return Creer(participant, TypeDemandeDroit.Rectification, date, par, aujourdhui);
    }

    /// <summary>The access export of <paramref name="participant"/> produced today by <paramref name="par"/>.</summary>
    public static DemandeDroit Acces(Participant participant, Auteur par, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return Creer(participant, TypeDemandeDroit.Acces, null, par, aujourdhui);
    }

    private static DemandeDroit Creer(Participant participant, TypeDemandeDroit type, DateOnly? dateDemande, Auteur par, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(par);
        return new DemandeDroit
        {
            StructureId = participant.StructureId,
            ParticipantId = participant.Id,
            Type = type,
            DateDemande = dateDemande,
            DateReponse = aujourdhui,
            AuteurId = par.IdVerifie(nameof(AuteurId)),
            AuteurNom = par.NomVerifie(nameof(AuteurNom)),
        };
    }
}
