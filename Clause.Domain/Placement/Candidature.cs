using System.ComponentModel;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;

namespace Clause.Domain.Placement;

[TypeConverter(typeof(ConvertisseurTexteIdentifiant<CandidatureId>))]
public readonly record struct CandidatureId(Guid Valeur) : IIdentifiant<CandidatureId>
{
    public static CandidatureId De(Guid valeur) => new(valeur);

    public override string ToString() => Valeur.ToString();

    public string ToString(string? format, IFormatProvider? formatProvider) => Valeur.ToString(format, formatProvider);
}

/// <summary>
/// Where a candidature stands (issue 14 item 3, docs/domain.md « Placement »):
/// <c>Proposee → Validee → Presentee → Retenue | NonRetenue</c>.
/// </summary>
public enum StatutCandidature
{
    /// <summary>Proposed by a référent or a facilitateur; its eligibility was read then (shown to staff only).</summary>
    [Libelle("Proposée")] Proposee,

    /// <summary>The facilitateur validated the candidate's entry (eligibility enforced).</summary>
    [Libelle("Entrée validée")] Validee,

    /// <summary>On the shortlist presented to the company, waiting for its answer.</summary>
    [Libelle("Présentée à l'entreprise")] Presentee,

    /// <summary>Retained by the company: a contrat is proposed, pre-filled from the poste.</summary>
    [Libelle("Retenue")] Retenue,

    /// <summary>Not retained by the company (reason from the list + text): back to the référent as a task.</summary>
    [Libelle("Non retenue")] NonRetenue,
}

/// <summary>Why a company did not retain a candidate (the list; a text always goes with it).</summary>
public enum MotifNonRetenu
{
    [Libelle("Profil ne correspondant pas au poste")] ProfilInadapte,
    [Libelle("Absent à l'entretien")] AbsentEntretien,
    [Libelle("Le candidat s'est désisté")] Desistement,
    [Libelle("Poste pourvu par un autre candidat")] PostePourvu,
    [Libelle("Poste annulé ou reporté")] PosteAnnule,
    [Libelle("Autre motif")] Autre,
}

/// <summary>
/// A participant proposed for a poste à pourvoir (issue 14 item 3). A référent (for one of his or her participants) or a
/// facilitateur proposes, with a way to reach the person (the rule of a company's hire proposal,
/// <see cref="PropositionEmbauche.VerifierContact"/>). The eligibility is READ at that moment by the participant's rule
/// (<see cref="Participant.Controler"/> at the poste's start) and kept with its reason for the staff — a candidate who is not
/// eligible is proposed and <b>flagged</b>, not refused: the référent may be waiting for the decision; the facilitateur's
/// validation of the entry then ENFORCES it (<see cref="Participant.Verifier"/>, the contrat's rule: no decision → refused,
/// outside the window → a written override). Only a facilitateur validates the entry and presents the shortlist; the
/// company holding the poste records the outcome: retained (a contrat proposed through <see cref="Contrat.Proposer"/>,
/// pre-filled from the poste) or not retained with a reason from <see cref="MotifNonRetenu"/> and a text, which becomes the
/// référent's task « candidat non retenu — prévoir la suite » until a next step is written (<see cref="NoterSuite"/>).
/// The company never reads the eligibility nor a category. One candidature per person and poste (unique index).
/// </summary>
public sealed class Candidature : Racine<CandidatureId>, IAppartientStructure
{
    public const int TexteLongueurMax = 1000;
    public const int RaisonEligibiliteLongueurMax = 500;

    private Candidature()
    {
        ProposeeParNom = string.Empty;
    }

    public StructureId StructureId { get; private set; }

    public PosteId PosteId { get; private set; }

    /// <summary>The poste's company, copied so that the portal's scope is one indexed column (the poste never changes company).</summary>
    public EntrepriseId EntrepriseId { get; private set; }

    public ParticipantId ParticipantId { get; private set; }

    [Sensible] public string? Email { get; private set; }

    [Sensible] public string? Telephone { get; private set; }

    public StatutCandidature Statut { get; private set; }

    /// <summary>The eligibility read at the proposal, at the poste's start (staff only).</summary>
    public StatutEligibilite Eligibilite { get; private set; }

    /// <summary>Why the candidate was not eligible then, in the rule's own words (null when covered). Staff only.</summary>
    public string? RaisonEligibilite { get; private set; }

    public Guid ProposeeParId { get; private set; }

    public string ProposeeParNom { get; private set; }

    public DateTimeOffset ProposeeLe { get; private set; }

    public Guid? ValideeParId { get; private set; }

    public string? ValideeParNom { get; private set; }

    public DateTimeOffset? ValideeLe { get; private set; }

    /// <summary>An override of the eligibility window written at the entry's validation (masked in the audit).</summary>
    [Sensible] public string? MotifDerogation { get; private set; }

    public Guid? PresenteeParId { get; private set; }

    public string? PresenteeParNom { get; private set; }

    public DateTimeOffset? PresenteeLe { get; private set; }

    public Guid? IssueParId { get; private set; }

    public string? IssueParNom { get; private set; }

    public DateTimeOffset? IssueLe { get; private set; }

    public MotifNonRetenu? MotifNonRetenu { get; private set; }

    /// <summary>The company's text with its reason (may name the person: masked in the audit; the reason's code is not).</summary>
    [Sensible] public string? PrecisionNonRetenu { get; private set; }

    /// <summary>The contrat proposed when the company retained the candidate.</summary>
    public ContratId? ContratId { get; private set; }

    /// <summary>The next step written by the référent (or a facilitateur) after a « non retenu »: closes the task.</summary>
    [Sensible] public string? Suite { get; private set; }

    public Guid? SuiteParId { get; private set; }

    public string? SuiteParNom { get; private set; }

    public DateTimeOffset? SuiteLe { get; private set; }

    /// <summary>A « non retenu » whose next step is not written yet: the référent's open task.</summary>
    public bool SansSuite => Statut == StatutCandidature.NonRetenue && Suite is null;

    /// <summary>
    /// A référent or a facilitateur proposes <paramref name="participant"/> for <paramref name="poste"/> (an open poste),
    /// with an e-mail or a phone. The eligibility is read, never refused here. Every refusal at once.
    /// </summary>
    public static Candidature Proposer(PosteAPourvoir poste, Participant participant, string? email, string? telephone, Reglages reglages,
        Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(poste);
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(reglages);
        ArgumentNullException.ThrowIfNull(par);
        var v = new Verification();
        v.Verifier(() =>
        {
            if (participant.StructureId != poste.StructureId)
                throw new RegleMetierException(nameof(ParticipantId), "Ce participant n'existe pas.");
            if (participant.EstAnonymise)
                throw new RegleMetierException(nameof(ParticipantId), "Ce participant est anonymisé : il ne peut plus être proposé.");
        });
        v.Verifier(() =>
        {
            if (poste.Statut != StatutPoste.Ouvert)
                throw new RegleMetierException(nameof(PosteId), $"Ce poste est « {poste.Statut.Libelle()} » : il ne reçoit plus de candidature.");
        });
        var (courriel, tel) = v.Verifier(() => PropositionEmbauche.VerifierContact(email, telephone, nameof(Email), nameof(Telephone)));
        var parId = v.Verifier(() => par.IdVerifie(nameof(ProposeeParId)));
        var parNom = v.Verifier(() => par.NomVerifie(nameof(ProposeeParNom)), string.Empty);
        v.Lever();
        var controle = participant.Controler(poste.DateDebut, reglages);
        return new Candidature
        {
            StructureId = poste.StructureId,
            PosteId = poste.Id,
            EntrepriseId = poste.EntrepriseId,
            ParticipantId = participant.Id,
            Email = courriel,
            Telephone = tel,
            Statut = StatutCandidature.Proposee,
            Eligibilite = controle.Statut,
            RaisonEligibilite = RaisonDe(participant, poste, reglages),
            ProposeeParId = parId,
            ProposeeParNom = parNom,
            ProposeeLe = le,
        };
    }

    /// <summary>
    /// The facilitateur validates the candidate's entry (the only role who can, F09). The eligibility is enforced at the
    /// poste's start by the contrat's rule (<see cref="Participant.Verifier"/>): no decision → refused; outside every
    /// window → refused unless <paramref name="motifDerogation"/> is written (kept here, masked in the audit).
    /// </summary>
    public void Valider(PosteAPourvoir poste, Participant participant, Reglages reglages, string? motifDerogation, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(poste);
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(par);
        VerifierPoste(poste);
        if (participant.Id != ParticipantId) throw new ArgumentException("Ce n'est pas le participant de cette candidature.", nameof(participant));
        var v = new Verification();
        v.Verifier(() => par.ExigerFacilitateur(nameof(Statut), "valider l'entrée d'un candidat"));
        v.Verifier(() => ExigerStatut(StatutCandidature.Proposee, "validée"));
        ControleEligibilite? controle = null;
        if (par.EstFacilitateur)
            controle = v.Verifier(() => participant.Verifier(poste.DateDebut, reglages, motifDerogation, par.IdVerifie(nameof(ValideeParId)), par.Nom, le,
                nameof(Eligibilite), nameof(MotifDerogation)));
        v.Lever();
        Eligibilite = controle!.Statut;
        RaisonEligibilite = null;
        MotifDerogation = controle.Derogation?.Motif;
        Statut = StatutCandidature.Validee;
        ValideeParId = par.Id;
        ValideeParNom = par.NomVerifie(nameof(ValideeParNom));
        ValideeLe = le;
    }

    /// <summary>
    /// The facilitateur presents a shortlist to the company: every candidature chosen, validated, of this poste (an open
    /// one). At least one. Every refusal at once, nothing changes on a refusal.
    /// </summary>
    public static void PresenterListe(PosteAPourvoir poste, IReadOnlyCollection<Candidature> candidatures, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(poste);
        ArgumentNullException.ThrowIfNull(candidatures);
        ArgumentNullException.ThrowIfNull(par);
        var v = new Verification();
        v.Verifier(() => par.ExigerFacilitateur(nameof(Statut), "présenter une liste restreinte à l'entreprise"));
        v.Verifier(() =>
        {
            if (poste.Statut != StatutPoste.Ouvert)
                throw new RegleMetierException(nameof(PosteId), $"Ce poste est « {poste.Statut.Libelle()} » : aucune liste ne lui est présentée.");
        });
        v.Verifier(() =>
        {
            if (candidatures.Count == 0)
                throw new RegleMetierException(nameof(Statut), "Choisissez au moins un candidat à présenter à l'entreprise.");
        });
        foreach (var c in candidatures)
        {
            c.VerifierPoste(poste);
            v.Verifier(() => c.ExigerStatut(StatutCandidature.Validee, "présentée (son entrée doit d'abord être validée)"));
        }
        var parId = v.Verifier(() => par.IdVerifie(nameof(PresenteeParId)));
        var parNom = v.Verifier(() => par.NomVerifie(nameof(PresenteeParNom)), string.Empty);
        v.Lever();
        foreach (var c in candidatures)
        {
            c.Statut = StatutCandidature.Presentee;
            c.PresenteeParId = parId;
            c.PresenteeParNom = parNom;
            c.PresenteeLe = le;
        }
    }

    /// <summary>
    /// The company retains the candidate: a contrat is proposed through the contrat's own path (<see cref="Contrat.Proposer"/>:
    /// employer against modality and lot, dates against the lot), pre-filled from the poste (type, start, weekly hours, poste,
    /// ROME code) with what the company completes (the planned end, the modality, the employer). Returned for the caller to add;
    /// a facilitateur then validates it on its page (eligibility enforced again).
    /// </summary>
    public Contrat Retenir(PosteAPourvoir poste, Participant participant, Lot lot, Entreprise employeur, DonneesContrat donnees, Reglages reglages,
        Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(poste);
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(par);
        VerifierPoste(poste);
        if (lot.Id != poste.LotId) throw new ArgumentException("Ce n'est pas le lot de ce poste.", nameof(lot));
        if (participant.Id != ParticipantId) throw new ArgumentException("Ce n'est pas le participant de cette candidature.", nameof(participant));
        var v = new Verification();
        v.Verifier(() => ExigerStatut(StatutCandidature.Presentee, "retenue"));
        var contrat = v.Verifier(() => Contrat.Proposer(participant, lot, employeur, donnees, reglages, par, le), null);
        v.Lever();
        ContratId = contrat!.Id;
        Decider(StatutCandidature.Retenue, par, le);
        return contrat;
    }

    /// <summary>The company does not retain the candidate: a reason from the list and a text (required). The référent's task opens.</summary>
    public void NePasRetenir(MotifNonRetenu? motif, string? precision, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        var v = new Verification();
        v.Verifier(() => ExigerStatut(StatutCandidature.Presentee, "déclarée non retenue"));
        var m = v.Verifier<MotifNonRetenu?>(() => Garde.Defini(
            motif ?? throw new RegleMetierException(nameof(MotifNonRetenu), "Le champ « Motif » est obligatoire."), nameof(MotifNonRetenu), "Motif"));
        var texte = v.Verifier(() => Garde.Requis(precision, nameof(PrecisionNonRetenu), "Précisions", TexteLongueurMax), string.Empty);
        v.Lever();
        MotifNonRetenu = m;
        PrecisionNonRetenu = texte;
        Decider(StatutCandidature.NonRetenue, par, le);
    }

    /// <summary>The référent (or a facilitateur) writes the next step after a « non retenu »: the task is done.</summary>
    /// <summary>
    /// Conservation (DOMAIN.md §12, <see cref="Participant.Anonymiser"/>): once the participant is anonymised, the
    /// candidature keeps its poste, statuses, dates and reason code; its contact details and free texts are erased (a text
    /// that was written becomes <see cref="Participant.TexteAnonymise"/>, so that « sans suite » stays as it was).
    /// </summary>
    public void Anonymiser(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (participant.Id != ParticipantId || !participant.EstAnonymise)
            throw new ArgumentException("Cette candidature n'est pas celle de ce participant anonymisé.", nameof(participant));
        Email = Email is null ? null : PropositionEmbauche.EmailAnonyme;
        Telephone = null;
        MotifDerogation = MotifDerogation is null ? null : Participant.TexteAnonymise;
        PrecisionNonRetenu = PrecisionNonRetenu is null ? null : Participant.TexteAnonymise;
        Suite = Suite is null ? null : Participant.TexteAnonymise;
    }

    public void NoterSuite(string? suite, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        var v = new Verification();
        v.Verifier(() =>
        {
            if (Statut != StatutCandidature.NonRetenue)
                throw new RegleMetierException(nameof(Suite), "Seule une candidature non retenue attend une suite.");
        });
        var texte = v.Verifier(() => Garde.Requis(suite, nameof(Suite), "Suite prévue", TexteLongueurMax), string.Empty);
        var parId = v.Verifier(() => par.IdVerifie(nameof(SuiteParId)));
        var parNom = v.Verifier(() => par.NomVerifie(nameof(SuiteParNom)), string.Empty);
        v.Lever();
        Suite = texte;
        SuiteParId = parId;
        SuiteParNom = parNom;
        SuiteLe = le;
    }

    /// <summary>The reason a candidate is not eligible at the poste's start, in the words of the rule that will be enforced; null when covered.</summary>
    private static string? RaisonDe(Participant participant, PosteAPourvoir poste, Reglages reglages)
    {
        try
        {
            participant.Verifier(poste.DateDebut, reglages, null, Guid.Empty, null, default);
            return null;
        }
        catch (RegleMetierException refus)
        {
            var texte = refus.Message;
            return texte.Length <= RaisonEligibiliteLongueurMax ? texte : texte[..RaisonEligibiliteLongueurMax];
        }
    }

    private void Decider(StatutCandidature statut, Auteur par, DateTimeOffset le)
    {
        Statut = statut;
        IssueParId = par.IdVerifie(nameof(IssueParId));
        IssueParNom = par.NomVerifie(nameof(IssueParNom));
        IssueLe = le;
    }

    private void VerifierPoste(PosteAPourvoir poste)
    {
        if (poste.Id != PosteId) throw new ArgumentException("Cette candidature n'est pas sur ce poste.", nameof(poste));
    }

    private void ExigerStatut(StatutCandidature attendu, string action)
    {
        if (Statut != attendu)
            throw new RegleMetierException(nameof(Statut), $"Une candidature au statut « {Statut.Libelle()} » ne peut pas être {action}.");
    }
}
