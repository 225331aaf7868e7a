using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;

namespace Clause.Domain.Embauches;

/// <summary>Where a hire proposal stands (issue 9 item 3).</summary>
public enum StatutProposition
{
    /// <summary>Sent by the company, not yet looked at: no participant, no contrat.</summary>
    [Libelle("En attente")] EnAttente,

    /// <summary>Linked by a facilitateur to a participant: its contrat (proposed) awaits validation.</summary>
    [Libelle("Liée à un participant")] Liee,

    [Libelle("Validée")] Validee,

    [Libelle("Refusée")] Refusee,
}

/// <summary>The person a company proposes, as typed (field names = the page's input names). At least an e-mail or a phone.</summary>
public sealed record PersonneProposee(string? Nom, string? Prenom, DateOnly? DateNaissance, string? Email, string? Telephone);

/// <summary>
/// A company's hire proposal (issue 9 item 3, DOMAIN.md §6): a person for one of the lots it holds, with the contrat's
/// data and an employer. The contrat's rules (modality, employer, dates against the lot, weekly hours) are not written
/// here: <see cref="Contrat.VerifierDonnees"/> checks them, the very check of a contrat. A facilitateur then links the
/// proposal to a participant — an existing one (a match on name and birth date is offered, never applied:
/// <see cref="Correspondances"/>) or one registered from it (<see cref="Participant.Creer"/>) — which creates the
/// <see cref="Contrat"/> (proposed, origin Entreprise, by the company's author); then validates it with the contrat's
/// eligibility rule (<see cref="Contrat.Valider"/>) or refuses with a reason.
/// Identity is kept to the minimum and marked <see cref="SensibleAttribute"/> (masked in the audit trail, like a
/// participant's); the company never sees anything but « en attente », « validé » or « refusé (motif) ».
/// </summary>
public sealed class PropositionEmbauche : Racine<PropositionEmbaucheId>, IAppartientStructure
{
    public const int EmailLongueurMax = 254;
    public const int TelephoneLongueurMax = 20;

    private PropositionEmbauche()
    {
        Nom = string.Empty;
        Prenom = string.Empty;
        ProposeeParNom = string.Empty;
    }

    public StructureId StructureId { get; private set; }

    /// <summary>The company that proposes (it holds the lot, in any role).</summary>
    public EntrepriseId EntrepriseId { get; private set; }

    public LotId LotId { get; private set; }

    [Sensible] public string Nom { get; private set; }

    [Sensible] public string Prenom { get; private set; }

    [Sensible] public DateOnly DateNaissance { get; private set; }

    [Sensible] public string? Email { get; private set; }

    [Sensible] public string? Telephone { get; private set; }

    /// <summary>The employer of the future contrat (checked against the modality by the contrat's rule).</summary>
    public EntrepriseId EmployeurId { get; private set; }

    public ModaliteContrat Modalite { get; private set; }

    public TypeContrat TypeContrat { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? FinPrevue { get; private set; }

    public long? HeuresHebdoMinutes { get; private set; }

    public string? Poste { get; private set; }

    public StatutProposition Statut { get; private set; }

    public string? MotifRefus { get; private set; }

    /// <summary>The participant it was linked to, and the contrat that link created.</summary>
    public ParticipantId? ParticipantId { get; private set; }

    public ContratId? ContratId { get; private set; }

    public Guid ProposeeParId { get; private set; }

    public string ProposeeParNom { get; private set; }

    public DateTimeOffset ProposeeLe { get; private set; }

    /// <summary>The facilitateur who linked it to a participant, and when.</summary>
    public Guid? LieeParId { get; private set; }

    public string? LieeParNom { get; private set; }

    public DateTimeOffset? LieeLe { get; private set; }

    /// <summary>The facilitateur who validated or refused it, and when.</summary>
    public Guid? DecideeParId { get; private set; }

    public string? DecideeParNom { get; private set; }

    public DateTimeOffset? DecideeLe { get; private set; }

    /// <summary>The contrat's data as the proposal holds them (no actual end yet, no ROME code asked of a company).</summary>
    public DonneesContrat DonneesContrat =>
        new(Modalite, TypeContrat, DateDebut, FinPrevue, null, HeuresHebdoMinutes is { } m ? new Duree(m) : null, Poste);

    /// <summary>
    /// A company proposes a person for a lot it holds. The person: nom, prénom, a plausible birth date (the participant's
    /// rule), an e-mail or a phone; the contrat's data and the employer: the contrat's own checks.
    /// </summary>
    public static PropositionEmbauche Proposer(EntrepriseId proposant, Lot lot, Entreprise employeur, PersonneProposee personne,
        DonneesContrat donnees, Reglages reglages, Auteur par, DateTimeOffset le, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(employeur);
        ArgumentNullException.ThrowIfNull(personne);
        ArgumentNullException.ThrowIfNull(par);
        Garde.Identifiant(proposant, nameof(EntrepriseId), "Entreprise");
        // Every refusal at once (Verification), before the proposal is built.
        var v = new Verification();
        // Any role counts (a sous-traitant proposes too); the employer's own fit is the contrat's rule below.
        v.Verifier(() =>
        {
            if (!lot.Attributions.Any(a => a.EntrepriseId == proposant))
                throw new RegleMetierException(nameof(LotId), "Votre entreprise ne tient pas ce lot : choisissez un de vos lots dans la liste.");
        });
        var nom = v.Verifier(() => Garde.Requis(personne.Nom, nameof(Nom), "Nom", Participant.NomLongueurMax), string.Empty);
        var prenom = v.Verifier(() => Garde.Requis(personne.Prenom, nameof(Prenom), "Prénom", Participant.PrenomLongueurMax), string.Empty);
        var naissance = v.Verifier(() => Participant.VerifierNaissance(
            personne.DateNaissance ?? throw new RegleMetierException(nameof(DateNaissance), "Le champ « Date de naissance » est obligatoire."),
            aujourdhui, aujourdhui));
        var (email, telephone) = v.Verifier(() => VerifierContact(personne.Email, personne.Telephone, nameof(Email), nameof(Telephone)));
        var d = v.Verifier(() => Contrat.VerifierDonnees(donnees, lot, employeur, reglages));
        v.Lever();
        return new PropositionEmbauche
        {
            StructureId = lot.StructureId,
            EntrepriseId = proposant,
            LotId = lot.Id,
            Nom = nom,
            Prenom = prenom,
            DateNaissance = naissance,
            Email = email,
            Telephone = telephone,
            EmployeurId = employeur.Id,
            Modalite = d!.Modalite,
            TypeContrat = d.TypeContrat,
            DateDebut = d.DateDebut,
            FinPrevue = d.FinPrevue,
            HeuresHebdoMinutes = d.HeuresHebdoMinutes,
            Poste = d.Poste,
            Statut = StatutProposition.EnAttente,
            ProposeeParId = par.IdVerifie(nameof(ProposeeParId)),
            ProposeeParNom = par.NomVerifie(nameof(ProposeeParNom)),
            ProposeeLe = le,
        };
    }

    /// <summary>
    /// A way to reach a person: an e-mail or a phone, at least one, each checked by its own rule. An invalid e-mail or phone
    /// is not « missing »: the « at least one » rule is only read once both were accepted. Every refusal at once. The one
    /// place of this rule: a company's hire proposal and a candidature to a poste (Placement) call it.
    /// </summary>
    public static (string? Email, string? Telephone) VerifierContact(string? email, string? telephone, string champEmail, string champTelephone)
    {
        var contact = new Verification();
        var courriel = contact.Verifier(() => Garde.Email(email, champEmail, "E-mail", EmailLongueurMax));
        var tel = contact.Verifier(() => Garde.Telephone(telephone, champTelephone, "Téléphone", TelephoneLongueurMax));
        contact.Lever();
        if (courriel is null && tel is null)
            throw new RegleMetierException(champEmail, "Indiquez au moins un moyen de joindre la personne : un e-mail ou un téléphone.");
        return (courriel, tel);
    }

    /// <summary>
    /// A facilitateur links the proposal to an existing participant: the contrat is created as the company proposed it
    /// (<see cref="Contrat.Proposer"/> with the company's author and date, so its origin is « Entreprise »), every contrat
    /// rule checked again against the lot and employer as they are now. Returned for the caller to add.
    /// </summary>
    public Contrat Lier(Participant participant, Lot lot, Entreprise employeur, Reglages reglages, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(employeur);
        ArgumentNullException.ThrowIfNull(par);
        if (lot.Id != LotId) throw new ArgumentException("Cette proposition n'est pas sur ce lot.", nameof(lot));
        if (employeur.Id != EmployeurId) throw new ArgumentException("Ce n'est pas l'employeur de cette proposition.", nameof(employeur));
        // Every refusal at once (Verification), before anything changes.
        var v = new Verification();
        v.Verifier(() => par.ExigerFacilitateur(nameof(ParticipantId), "lier une proposition d'embauche à un participant"));
        v.Verifier(() => ExigerStatut(StatutProposition.EnAttente, "liée à un participant"));
        // Another structure's participant is refused by Contrat.Proposer (the lot's structure is the proposal's).
        var contrat = v.Verifier(() => Contrat.Proposer(participant, lot, employeur, DonneesContrat, reglages,
            new Auteur(ProposeeParId, ProposeeParNom, EstFacilitateur: false), ProposeeLe), null);
        v.Lever();
        ParticipantId = participant.Id;
        ContratId = contrat!.Id;
        Statut = StatutProposition.Liee;
        LieeParId = par.IdVerifie(nameof(LieeParId));
        LieeParNom = par.NomVerifie(nameof(LieeParNom));
        LieeLe = le;
        return contrat;
    }

    /// <summary>
    /// A facilitateur registers the person as a new participant, from the proposal's identity completed on the
    /// participant's form (the participant's own rules, <see cref="Participant.Creer"/>), and links the proposal to it.
    /// </summary>
    public InscriptionProposee InscrireEtLier(DonneesParticipant donnees, DateOnly aujourdhui, Lot lot, Entreprise employeur,
        Reglages reglages, Auteur par, DateTimeOffset le)
    {
        // Lier refuses a non-facilitateur or a proposal already decided: the participant built here is then never added.
        // Every refusal at once: the participant's fields, then (once the participant is valid) the link's own checks.
        var v = new Verification();
        var participant = v.Verifier(() => Participant.Creer(StructureId, donnees, aujourdhui), null);
        if (participant is null)
        {
            v.Verifier(() => par.ExigerFacilitateur(nameof(ParticipantId), "lier une proposition d'embauche à un participant"));
            v.Verifier(() => ExigerStatut(StatutProposition.EnAttente, "liée à un participant"));
        }
        v.Lever();
        return new InscriptionProposee(participant!, Lier(participant!, lot, employeur, reglages, par, le));
    }

    /// <summary>
    /// A facilitateur validates the linked proposal: its contrat is validated by the contrat's rule (eligibility enforced,
    /// an override reason when the start is outside the window).
    /// </summary>
    public void Valider(Contrat contrat, Participant participant, Reglages reglages, string? motifDerogation, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(contrat);
        ArgumentNullException.ThrowIfNull(par);
        // Every refusal at once (Verification): who and the status, before anything changes.
        var v = new Verification();
        v.Verifier(() => par.ExigerFacilitateur(nameof(Statut), "valider une proposition d'embauche"));
        v.Verifier(() => ExigerStatut(StatutProposition.Liee, "validée"));
        v.Lever();
        VerifierContrat(contrat);
        contrat.Valider(participant, reglages, motifDerogation, par, le);
        Statut = StatutProposition.Validee;
        Decider(par, le);
    }

    /// <summary>
    /// A facilitateur refuses the proposal with a reason the company will read. A linked proposal's contrat is refused
    /// with it (<paramref name="contrat"/>, required then).
    /// </summary>
    public void Refuser(string? motif, Contrat? contrat, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        // Every refusal at once (Verification), before anything changes.
        var v = new Verification();
        v.Verifier(() => par.ExigerFacilitateur(nameof(Statut), "refuser une proposition d'embauche"));
        v.Verifier(() =>
        {
            if (Statut is not (StatutProposition.EnAttente or StatutProposition.Liee))
                throw new RegleMetierException(nameof(Statut), $"Une proposition au statut « {Statut.Libelle()} » ne peut pas être refusée.");
        });
        var texte = v.Verifier(() => Garde.Requis(motif, nameof(MotifRefus), "Motif du refus", Contrat.MotifRefusLongueurMax), string.Empty);
        v.Lever();
        if (Statut == StatutProposition.Liee)
        {
            VerifierContrat(contrat ?? throw new ArgumentNullException(nameof(contrat)));
            contrat.Refuser(texte, par, le);
        }
        MotifRefus = texte;
        Statut = StatutProposition.Refusee;
        Decider(par, le);
    }

    /// <summary>
    /// Participants that may be this person: same nom, prénom and birth date, accents, case, spaces and dashes aside.
    /// Offered to the facilitateur, never applied.
    /// </summary>
    public bool Correspond(string nom, string prenom, DateOnly dateNaissance) =>
        dateNaissance == DateNaissance && Identites.Cle(nom) == Identites.Cle(Nom) && Identites.Cle(prenom) == Identites.Cle(Prenom);

    /// <summary>The candidates among <paramref name="participants"/> (those of the proposal's birth date, read by the caller).</summary>
    public IReadOnlyList<T> Correspondances<T>(IEnumerable<T> participants, Func<T, (string Nom, string Prenom, DateOnly DateNaissance)> identite)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(identite);
        return participants.Where(p =>
        {
            var (nom, prenom, naissance) = identite(p);
            return Correspond(nom, prenom, naissance);
        }).ToList();
    }

    /// <summary>
    /// With its participant's anonymisation (DOMAIN.md §12): the identity the company typed takes the participant's
    /// anonymous name, the birth date its 1 January, the phone is removed and the e-mail becomes <see cref="EmailAnonyme"/>
    /// (the database requires a way to reach the person; « .invalid » is reserved and reaches nobody). The contrat's data stay.
    /// </summary>
    public void Anonymiser(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (participant.Id != ParticipantId || !participant.EstAnonymise)
            throw new ArgumentException("Cette proposition n'est pas celle de ce participant anonymisé.", nameof(participant));
        Nom = participant.Nom;
        Prenom = participant.Prenom;
        DateNaissance = new DateOnly(DateNaissance.Year, 1, 1);
        Email = EmailAnonyme;
        Telephone = null;
    }

    public const string EmailAnonyme = "anonyme@anonyme.invalid";

    private void Decider(Auteur par, DateTimeOffset le)
    {
        DecideeParId = par.IdVerifie(nameof(DecideeParId));
        DecideeParNom = par.NomVerifie(nameof(DecideeParNom));
        DecideeLe = le;
    }

    private void VerifierContrat(Contrat contrat)
    {
        if (ContratId != contrat.Id) throw new ArgumentException("Ce contrat n'est pas celui de cette proposition.", nameof(contrat));
    }

    private void ExigerStatut(StatutProposition attendu, string action)
    {
        if (Statut != attendu)
            throw new RegleMetierException(nameof(Statut), $"Une proposition au statut « {Statut.Libelle()} » ne peut pas être {action}.");
    }
}

/// <summary>A person registered from a proposal, and the contrat its link created (both for the caller to add).</summary>
public sealed record InscriptionProposee(Participant Participant, Contrat Contrat);

/// <summary>
/// What a company reads of its proposal — never a category, never the eligibility: « en attente », « validé » or
/// « refusé (motif) ». Once linked, the contrat is the truth (a facilitateur may also decide it on the contrat's page).
/// </summary>
public enum StatutPourLEntreprise
{
    [Libelle("en attente")] EnAttente,
    [Libelle("validé")] Valide,
    [Libelle("refusé")] Refuse,
}

public static class SuiviProposition
{
    /// <summary>The company's reading of a proposal and, once linked, of its contrat.</summary>
    public static StatutPourLEntreprise PourLEntreprise(StatutProposition proposition, StatutContrat? contrat) =>
        proposition == StatutProposition.Refusee || contrat == StatutContrat.Refuse ? StatutPourLEntreprise.Refuse
        : proposition == StatutProposition.Validee || contrat == StatutContrat.Valide ? StatutPourLEntreprise.Valide
        : StatutPourLEntreprise.EnAttente;

    /// <summary>The refusal's reason the company reads: the proposal's own, else its contrat's.</summary>
    public static string? Motif(string? motifProposition, string? motifContrat) => motifProposition ?? motifContrat;
}

/// <summary>The comparison key of a name: accents, case, spaces, dashes and apostrophes aside (« Léa-Marie » = « LEA MARIE »).</summary>
public static class Identites
{
    public static string Cle(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte)) return string.Empty;
        var decompose = texte.Normalize(System.Text.NormalizationForm.FormD);
        var lettres = decompose
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c is '-' or '\'' or '’' or '.' ? ' ' : char.ToUpperInvariant(c));
        return string.Join(' ', new string(lettres.ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Replace("Œ", "OE", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal);
    }
}
