using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;

namespace Clause.Domain.Contrats;

/// <summary>What is typed to propose or correct a contrat (field names = the page's input names).</summary>
public sealed record DonneesContrat(
    ModaliteContrat? Modalite,
    TypeContrat? TypeContrat,
    DateOnly? DateDebut,
    DateOnly? FinPrevue,
    DateOnly? FinReelle = null,
    Duree? HeuresHebdo = null,
    string? Poste = null,
    string? CodeRome = null);

/// <summary>The data of a contrat once checked by <see cref="Contrat.VerifierDonnees"/> (trimmed, normalised, required ones present).</summary>
public sealed record DonneesVerifiees(
    ModaliteContrat Modalite,
    TypeContrat TypeContrat,
    DateOnly DateDebut,
    DateOnly? FinPrevue,
    DateOnly? FinReelle,
    long? HeuresHebdoMinutes,
    string? Poste,
    string? CodeRome);

/// <summary>
/// A mise en emploi (DOMAIN.md §6): one participant working on one lot through one modality and one employer,
/// between two dates. Proposed by a company or a facilitateur (<see cref="Proposer"/>), then validated
/// (<see cref="Valider"/>) or refused (<see cref="Refuser"/>) by a facilitateur. The participant and the lot
/// never change (the monthly declarations copy them for their queries).
/// Eligibility (§5): checked at proposal without refusing (<see cref="AvertissementEligibilite"/>), enforced at
/// validation through <see cref="Participant.Verifier"/>: the covering decision is kept
/// (<see cref="DecisionEligibiliteId"/>), an override outside the window is stored on the contrat (audited).
/// <see cref="EligibiliteValide"/> says whether its hours may count (§7.3): set at validation, re-checked when the
/// start date of a validated contrat changes — the contrat is then flagged, never refused, and its hours stop
/// counting until a facilitateur records an override (<see cref="Deroger"/>).
/// </summary>
public sealed class Contrat : Racine<ContratId>, IAppartientStructure
{
    public const int PosteLongueurMax = 150;
    public const int CodeRomeLongueur = 5;
    public const int MotifRefusLongueurMax = 1000;

    /// <summary>48 h a week, the legal maximum of the French labour code.</summary>
    public const int HeuresHebdoMaxMinutes = 48 * 60;

    private Contrat()
    {
        ProposeParNom = string.Empty;
    }

    public StructureId StructureId { get; private set; }

    public ParticipantId ParticipantId { get; private set; }

    public LotId LotId { get; private set; }

    /// <summary>The employing company (an <see cref="Entreprise"/>).</summary>
    public EntrepriseId EmployeurId { get; private set; }

    public ModaliteContrat Modalite { get; private set; }

    public TypeContrat TypeContrat { get; private set; }

    public DateOnly DateDebut { get; private set; }

    /// <summary>The planned end; none for a CDI or a CDI Inclusion (DOMAIN.md §6).</summary>
    public DateOnly? FinPrevue { get; private set; }

    public DateOnly? FinReelle { get; private set; }

    /// <summary>The actual end when known, else the planned one; null for a CDI still running.</summary>
    public DateOnly? FinEffective => FinReelle ?? FinPrevue;

    /// <summary>The period worked; a contrat without end (a running CDI) is open, up to <see cref="DateOnly.MaxValue"/>.</summary>
    public Periode Periode => new(DateDebut, FinEffective ?? DateOnly.MaxValue);

    /// <summary>Weekly hours in minutes, optional.</summary>
    public long? HeuresHebdoMinutes { get; private set; }

    public Duree? HeuresHebdo => HeuresHebdoMinutes is { } m ? new Duree(m) : null;

    public string? Poste { get; private set; }

    /// <summary>ROME code of the job: a capital letter and 4 digits (e.g. F1703), optional.</summary>
    public string? CodeRome { get; private set; }

    public StatutContrat Statut { get; private set; }

    public OrigineProposition Origine { get; private set; }

    public Guid ProposeParId { get; private set; }

    public string ProposeParNom { get; private set; }

    public DateTimeOffset ProposeLe { get; private set; }

    /// <summary>The facilitateur who validated or refused, and when.</summary>
    public Guid? DecideParId { get; private set; }

    public string? DecideParNom { get; private set; }

    public DateTimeOffset? DecideLe { get; private set; }

    public string? MotifRefus { get; private set; }

    /// <summary>The last eligibility reading of the start date (at proposal, at validation, at a change of dates).</summary>
    public StatutEligibilite Eligibilite { get; private set; }

    /// <summary>The decision whose window covers the start (or the nearest one when an override was needed).</summary>
    public Guid? DecisionEligibiliteId { get; private set; }

    /// <summary>True when the hours of this validated contrat may count (§7.3): covered, or outside with an override.</summary>
    public bool EligibiliteValide { get; private set; }

    /// <summary>Override of the eligibility window: written reason (masked in the audit), who, when.</summary>
    [Sensible] public string? MotifDerogation { get; private set; }

    public Guid? DerogationParId { get; private set; }

    public string? DerogationParNom { get; private set; }

    public DateTimeOffset? DerogationLe { get; private set; }

    public bool AvecDerogation => MotifDerogation is not null;

    /// <summary>
    /// The participant's situation after the clause (DOMAIN.md §9), recorded by a facilitateur « where known »
    /// (<see cref="EnregistrerSituation"/>); null = not known (the bilans count it as <see cref="SituationApresClause.Inconnu"/>).
    /// </summary>
    public SituationApresClause? SituationApres { get; private set; }

    /// <summary>
    /// The participant's age at <see cref="DateDebut"/>, frozen when the participant is anonymised (DOMAIN.md §12): the
    /// birth date becomes 1 January of its year, and the bilans' age band at the contrat's start is read from here
    /// instead (null while the participant keeps the real birth date).
    /// </summary>
    public int? AgeAuDebutFige { get; private set; }

    /// <summary>Freezes the age at the start (called by <see cref="Participant.Anonymiser"/> only, before the birth date is coarsened).</summary>
    internal void FigerAgeAuDebut(int age)
    {
        AgeAuDebutFige ??= age;
    }

    /// <summary>
    /// The marker that replaces the free texts which may name the participant (<see cref="MotifDerogation"/>,
    /// <see cref="MotifRefus"/>) at the anonymisation — the audit's purge marker (JournalAudit.ValeurPurgee), same text.
    /// </summary>
    public const string MotifPurge = "(purgé)";

    /// <summary>
    /// At the participant's anonymisation (called by <see cref="Participant.Anonymiser"/> only): the override's reason and
    /// the refusal's reason, free texts that may name the person, become <see cref="MotifPurge"/>; whether there was one
    /// (<see cref="AvecDerogation"/>, a refused contrat) is kept. Idempotent.
    /// </summary>
    internal void PurgerMotifs()
    {
        if (MotifDerogation is not null) MotifDerogation = MotifPurge;
        if (MotifRefus is not null) MotifRefus = MotifPurge;
    }

    /// <summary>A French warning about the eligibility (shown on a proposal or a flagged contrat), or null.</summary>
    public string? AvertissementEligibilite => Statut switch
    {
        StatutContrat.Refuse => null,
        StatutContrat.Valide when EligibiliteValide => null,
        StatutContrat.Valide => "Le début du contrat est hors de la fenêtre d'éligibilité : ses heures ne comptent pas tant qu'une dérogation motivée n'est pas enregistrée.",
        _ => Eligibilite switch
        {
            StatutEligibilite.SansDecision => "Ce participant n'a pas encore de décision d'éligibilité validée : le contrat ne pourra pas être validé sans elle.",
            StatutEligibilite.HorsFenetre => "Le contrat débute hors de la fenêtre d'éligibilité du participant : sa validation demandera une dérogation motivée.",
            _ => null,
        },
    };

    /// <summary>
    /// Proposes a contrat (a company or a facilitateur). Checks the employer against the modality and the lot,
    /// the dates against the lot; reads the eligibility without refusing (see <see cref="AvertissementEligibilite"/>).
    /// </summary>
    public static Contrat Proposer(Participant participant, Lot lot, Entreprise employeur, DonneesContrat donnees,
        Reglages reglages, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(par);
        ArgumentNullException.ThrowIfNull(reglages);
        if (participant.StructureId != lot.StructureId)
            throw new RegleMetierException(nameof(ParticipantId), "Ce participant n'existe pas.");
        var contrat = new Contrat
        {
            StructureId = lot.StructureId,
            ParticipantId = participant.Id,
            LotId = lot.Id,
            Statut = StatutContrat.Propose,
            Origine = par.EstFacilitateur ? OrigineProposition.Facilitateur : OrigineProposition.Entreprise,
            ProposeParId = par.IdVerifie(nameof(ProposeParId)),
            ProposeParNom = par.NomVerifie(nameof(ProposeParNom)),
            ProposeLe = le,
        };
        contrat.Ecrire(donnees, lot, employeur, reglages, creation: true);
        contrat.LireEligibilite(participant, reglages);
        return contrat;
    }

    /// <summary>
    /// A facilitateur's contrat form in one operation: the proposal, validated at once when
    /// <paramref name="validerImmediatement"/> (the eligibility is then enforced, see <see cref="Valider"/>). An override
    /// reason is only used by the validation: written without it, it is refused rather than silently dropped.
    /// </summary>
    public static Contrat Enregistrer(Participant participant, Lot lot, Entreprise employeur, DonneesContrat donnees,
        Reglages reglages, bool validerImmediatement, string? motifDerogation, Auteur par, DateTimeOffset le)
    {
        // Every refusal at once (Verification): the override reason, the data, then the validation of a proposal that passed.
        var v = new Verification();
        v.Verifier(() =>
        {
            if (!validerImmediatement && !string.IsNullOrWhiteSpace(motifDerogation))
                throw new RegleMetierException(nameof(MotifDerogation),
                    "Le motif de dérogation n'est utilisé qu'à la validation : cochez « Valider immédiatement » ou videz ce champ.");
        });
        var contrat = v.Verifier(() => Proposer(participant, lot, employeur, donnees, reglages, par, le), null);
        if (contrat is not null && validerImmediatement) v.Verifier(() => contrat.Valider(participant, reglages, motifDerogation, par, le));
        v.Lever();
        return contrat!;
    }

    /// <summary>
    /// Validates the proposal (a facilitateur only). The eligibility is enforced (DOMAIN.md §5): no decision → refused;
    /// a start outside every window → refused unless <paramref name="motifDerogation"/> is written (≥ 10 characters),
    /// then stored here with who and when. The covering decision is kept.
    /// </summary>
    public void Valider(Participant participant, Reglages reglages, string? motifDerogation, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(par);
        VerifierParticipant(participant);
        // Every refusal at once (Verification): who, the status and the eligibility, before anything changes.
        var v = new Verification();
        v.Verifier(() => par.ExigerFacilitateur(nameof(Statut), "valider un contrat"));
        v.Verifier(() => ExigerStatut(StatutContrat.Propose, "validé"));
        var controle = v.Verifier(() => participant.Verifier(DateDebut, reglages, motifDerogation, par.IdVerifie(nameof(DecideParId)), par.Nom, le,
            nameof(DateDebut), nameof(MotifDerogation)));
        v.Lever();
        Statut = StatutContrat.Valide;
        DecideParId = par.Id;
        DecideParNom = par.NomVerifie(nameof(DecideParNom));
        DecideLe = le;
        Appliquer(controle!);
    }

    /// <summary>
    /// Records the situation after the clause (a facilitateur only, on a validated contrat): learnt at the end of the
    /// contrat or 6 months later; null clears it.
    /// </summary>
    public void EnregistrerSituation(SituationApresClause? situation, Auteur par)
    {
        ArgumentNullException.ThrowIfNull(par);
        par.ExigerFacilitateur(nameof(SituationApres), "enregistrer la situation après la clause");
        if (Statut != StatutContrat.Valide)
            throw new RegleMetierException(nameof(SituationApres), "La situation après la clause ne s'enregistre que sur un contrat validé.");
        SituationApres = situation is { } s ? Garde.Defini(s, nameof(SituationApres), "Situation après la clause") : null;
    }

    /// <summary>Refuses the proposal with a reason (a facilitateur only).</summary>
    public void Refuser(string? motif, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        // Every refusal at once (Verification), before anything changes.
        var v = new Verification();
        v.Verifier(() => par.ExigerFacilitateur(nameof(Statut), "refuser un contrat"));
        v.Verifier(() => ExigerStatut(StatutContrat.Propose, "refusé"));
        var motifVerifie = v.Verifier(() => Garde.Requis(motif, nameof(MotifRefus), "Motif du refus", MotifRefusLongueurMax), string.Empty);
        v.Lever();
        MotifRefus = motifVerifie;
        Statut = StatutContrat.Refuse;
        DecideParId = par.IdVerifie(nameof(DecideParId));
        DecideParNom = par.NomVerifie(nameof(DecideParNom));
        DecideLe = le;
        EligibiliteValide = false;
    }

    /// <summary>
    /// Corrects a proposed or validated contrat (the participant and the lot stay). The same checks as the proposal;
    /// on a validated contrat the eligibility is read again without refusing: a start moved outside every window,
    /// without an override, flags the contrat (<see cref="EligibiliteValide"/> false) and its hours stop counting.
    /// A change of dates raises <see cref="DatesContratModifiees"/>: the periods of its lines are re-evaluated in the same save.
    /// </summary>
    public void Modifier(DonneesContrat donnees, Lot lot, Entreprise employeur, Participant participant, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(participant);
        if (lot.Id != LotId) throw new ArgumentException("Ce contrat n'est pas sur ce lot.", nameof(lot));
        VerifierParticipant(participant);
        // Every refusal at once (Verification): the status and every field, before anything changes.
        var v = new Verification();
        v.Verifier(() =>
        {
            if (Statut == StatutContrat.Refuse)
                throw new RegleMetierException(nameof(Statut), "Un contrat refusé ne peut plus être modifié.");
        });
        v.Verifier(() => VerifierDonnees(donnees, lot, employeur, reglages));
        v.Lever();
        Ecrire(donnees, lot, employeur, reglages, creation: false);
        LireEligibilite(participant, reglages);
    }

    /// <summary>Records the actual end of the contrat (not before its start).</summary>
    public void EnregistrerFin(DateOnly finReelle)
    {
        // Every refusal at once (Verification), before anything changes.
        var v = new Verification();
        v.Verifier(() =>
        {
            if (Statut == StatutContrat.Refuse)
                throw new RegleMetierException(nameof(Statut), "Un contrat refusé ne peut plus être modifié.");
        });
        v.Verifier(() =>
        {
            if (finReelle < DateDebut)
                throw new RegleMetierException(nameof(FinReelle), "La date de fin réelle doit être postérieure ou égale à la date de début.");
        });
        v.Lever();
        if (FinReelle != finReelle) Lever(new DatesContratModifiees(Id));
        FinReelle = finReelle;
    }

    /// <summary>
    /// Records an override on a validated contrat flagged outside the eligibility window (a facilitateur only),
    /// so its hours count again. Refused when the contrat has no decision at all. An override is an explicit act: its
    /// written reason is required first (<see cref="Derogation.Creer"/>'s rule, beside <see cref="MotifDerogation"/>),
    /// and a contrat inside the window, which needs none, is refused rather than answered « enregistrée » with nothing stored.
    /// </summary>
    public void Deroger(Participant participant, Reglages reglages, string? motifDerogation, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(par);
        VerifierParticipant(participant);
        // Every refusal at once (Verification): who, the status and the written reason, before the window is read.
        var v = new Verification();
        v.Verifier(() => par.ExigerFacilitateur(nameof(MotifDerogation), "accorder une dérogation"));
        v.Verifier(() => ExigerStatut(StatutContrat.Valide, "l'objet d'une dérogation"));
        var parId = par.IdVerifie(nameof(DerogationParId));
        v.Verifier(() => Derogation.Creer(motifDerogation, parId, par.Nom, le, nameof(MotifDerogation)));
        v.Lever();
        var controle = participant.Verifier(DateDebut, reglages, motifDerogation, parId, par.Nom, le, nameof(DateDebut), nameof(MotifDerogation));
        if (controle.Derogation is null)
            throw new RegleMetierException(nameof(MotifDerogation),
                "Ce contrat débute dans la fenêtre d'éligibilité du participant : il n'a pas besoin de dérogation, rien n'est enregistré.");
        Appliquer(controle);
    }

    /// <summary>
    /// Recomputes <see cref="Eligibilite"/>, the decision kept and <see cref="EligibiliteValide"/> from the participant's
    /// decisions, the window réglage and the stored derogation — the one place the flag is derived (§5, §7.3). Called in
    /// the save that changed one of those inputs (domain events); a refused contrat stays as it is.
    /// </summary>
    public void ReevaluerEligibilite(Participant participant, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(reglages);
        VerifierParticipant(participant);
        if (Statut == StatutContrat.Refuse) return;
        LireEligibilite(participant, reglages);
    }

    /// <summary>
    /// The contrat's own checks of its data against the lot and the employer (DOMAIN.md §6), without a contrat: the
    /// required modality and type, the planned end (none for a CDI), the employer fitting the modality (a holder of the
    /// lot for an embauche directe), the start against the lot's execution (anticipation réglage), the ends not before the
    /// start, the weekly hours, the poste and the ROME code. Returns the checked values; a refusal names the field.
    /// The one place these rules live: <see cref="Proposer"/>, <see cref="Modifier"/> and a company's hire proposal
    /// (<c>PropositionEmbauche</c>) all call it.
    /// </summary>
    public static DonneesVerifiees VerifierDonnees(DonneesContrat donnees, Lot lot, Entreprise employeur, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(donnees);
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(employeur);
        ArgumentNullException.ThrowIfNull(reglages);
        // Every rule is checked and every refusal thrown at once (Verification); a rule needing a refused value is skipped.
        var v = new Verification();
        var modalite = v.Verifier<ModaliteContrat?>(() =>
            Garde.Defini(donnees.Modalite ?? throw Obligatoire(nameof(Modalite), "Modalité"), nameof(Modalite), "Modalité"));
        var type = v.Verifier<TypeContrat?>(() =>
            Garde.Defini(donnees.TypeContrat ?? throw Obligatoire(nameof(TypeContrat), "Type de contrat"), nameof(TypeContrat), "Type de contrat"));
        var debut = v.Verifier<DateOnly?>(() => donnees.DateDebut ?? throw Obligatoire(nameof(DateDebut), "Date de début"));
        // A CDI has no planned end: a date typed there is refused rather than silently dropped, so the facilitateur
        // sees that it is not kept (and that the type chosen is the one meant).
        var finPrevue = type is { } t
            ? v.Verifier(() => t.ADureeIndeterminee()
                ? donnees.FinPrevue is null ? (DateOnly?)null
                    : throw new RegleMetierException(nameof(FinPrevue),
                        $"Un {t.Libelle()} n'a pas de fin prévue : laissez le champ « Fin prévue » vide (la fin réelle se saisit quand le contrat prend fin).")
                : donnees.FinPrevue ?? throw Obligatoire(nameof(FinPrevue), "Fin prévue"))
            : null;
        if (modalite is { } m) v.Verifier(() => VerifierEmployeur(m, lot, employeur));
        if (debut is { } d)
        {
            var debutAuPlusTot = lot.DebutExecution.AddDays(-reglages.AnticipationDebutContratJours);
            v.Verifier(() =>
            {
                if (d < debutAuPlusTot)
                    throw new RegleMetierException(nameof(DateDebut),
                        $"Le contrat ne peut pas débuter avant le {Participant.Texte(debutAuPlusTot)} : le lot commence le {Participant.Texte(lot.DebutExecution)} "
                        + $"(anticipation de {reglages.AnticipationDebutContratJours} jours au plus).");
                if (d > lot.FinExecution)
                    throw new RegleMetierException(nameof(DateDebut),
                        $"Le contrat ne peut pas débuter après la fin d'exécution du lot ({Participant.Texte(lot.FinExecution)}).");
            });
            v.Verifier(() =>
            {
                if (finPrevue < d)
                    throw new RegleMetierException(nameof(FinPrevue), "La fin prévue doit être postérieure ou égale à la date de début.");
            });
            v.Verifier(() =>
            {
                if (donnees.FinReelle is { } finReelle && finReelle < d)
                    throw new RegleMetierException(nameof(FinReelle), "La date de fin réelle doit être postérieure ou égale à la date de début.");
            });
        }
        v.Verifier(() => VerifierHeuresHebdo(donnees.HeuresHebdo));
        var poste = v.Verifier(() => Garde.Optionnel(donnees.Poste, nameof(Poste), "Poste", PosteLongueurMax));
        var rome = v.Verifier(() => NormaliserCodeRome(donnees.CodeRome));
        v.Lever();
        return new DonneesVerifiees(modalite!.Value, type!.Value, debut!.Value, finPrevue, donnees.FinReelle, donnees.HeuresHebdo?.Minutes, poste, rome);
    }

    private void Ecrire(DonneesContrat donnees, Lot lot, Entreprise employeur, Reglages reglages, bool creation)
    {
        // Everything is checked before anything changes: a refusal leaves the contrat as it was.
        var d = VerifierDonnees(donnees, lot, employeur, reglages);
        // A new contrat has no line yet; a corrected one re-evaluates the period of its lines in the same save.
        if (!creation && (d.DateDebut != DateDebut || d.FinPrevue != FinPrevue || d.FinReelle != FinReelle)) Lever(new DatesContratModifiees(Id));

        Modalite = d.Modalite;
        TypeContrat = d.TypeContrat;
        EmployeurId = employeur.Id;
        DateDebut = d.DateDebut;
        FinPrevue = d.FinPrevue;
        FinReelle = d.FinReelle;
        HeuresHebdoMinutes = d.HeuresHebdoMinutes;
        Poste = d.Poste;
        CodeRome = d.CodeRome;
    }

    /// <summary>The employer must fit the modality (DOMAIN.md §6).</summary>
    private static void VerifierEmployeur(ModaliteContrat modalite, Lot lot, Entreprise employeur)
    {
        if (employeur.StructureId != lot.StructureId)
            throw new RegleMetierException(nameof(EmployeurId), "Cet employeur n'existe pas.");
        var convient = modalite == ModaliteContrat.EmbaucheDirecte
            ? lot.Attributions.Any(a => a.EntrepriseId == employeur.Id && a.EstTitulaire)
            : modalite.AccepteEmployeur(employeur.TypeEmployeur);
        if (!convient)
            throw new RegleMetierException(nameof(EmployeurId),
                $"La modalité « {modalite.Libelle()} » demande {modalite.EmployeurAttendu()} : "
                + (modalite == ModaliteContrat.EmbaucheDirecte
                    ? $"« {employeur.RaisonSociale} » n'est ni attributaire ni co-traitante de ce lot."
                    : $"« {employeur.RaisonSociale} » est de type « {employeur.TypeEmployeur.Libelle()} »."));
    }

    private void LireEligibilite(Participant participant, Reglages reglages)
    {
        var controle = participant.Controler(DateDebut, reglages);
        Eligibilite = controle.Statut;
        DecisionEligibiliteId = controle.DecisionId;
        if (Statut == StatutContrat.Valide)
            EligibiliteValide = ControleEligibilite.Compterait(controle.Statut, AvecDerogation);
    }

    private void Appliquer(ControleEligibilite controle)
    {
        Eligibilite = controle.Statut;
        DecisionEligibiliteId = controle.DecisionId;
        if (controle.Derogation is { } derogation)
        {
            MotifDerogation = derogation.Motif;
            DerogationParId = derogation.ParId;
            DerogationParNom = derogation.ParNom;
            DerogationLe = derogation.Le;
        }
        EligibiliteValide = ControleEligibilite.Compterait(controle.Statut, AvecDerogation);
    }

    private void VerifierParticipant(Participant participant)
    {
        if (participant.Id != ParticipantId) throw new ArgumentException("Ce contrat n'est pas celui de ce participant.", nameof(participant));
    }

    private void ExigerStatut(StatutContrat attendu, string action)
    {
        if (Statut != attendu)
            throw new RegleMetierException(nameof(Statut), $"Un contrat au statut « {Statut.Libelle()} » ne peut pas être {action}.");
    }

    /// <summary>Weekly hours, optional: above 0 and at most 48 h (the one rule, read by a contrat and a poste à pourvoir).</summary>
    internal static void VerifierHeuresHebdo(Duree? hebdo, string champ = nameof(HeuresHebdo))
    {
        if (hebdo is { } h && (h.Minutes <= 0 || h.Minutes > HeuresHebdoMaxMinutes))
            throw new RegleMetierException(champ, "La durée hebdomadaire doit être supérieure à 0 et au plus de 48 heures.");
    }

    /// <summary>A ROME code, optional: a capital letter and 4 digits, spaces removed (read by a contrat and a poste à pourvoir).</summary>
    internal static string? NormaliserCodeRome(string? saisie)
    {
        var code = saisie?.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) return null;
        if (code.Length != CodeRomeLongueur || !char.IsAsciiLetterUpper(code[0]) || !code[1..].All(char.IsAsciiDigit))
            throw new RegleMetierException(nameof(CodeRome), "Le code ROME doit comporter une lettre suivie de 4 chiffres (exemple : F1703).");
        return code;
    }

    private static RegleMetierException Obligatoire(string champ, string libelle) =>
        new(champ, $"Le champ « {libelle} » est obligatoire.");
}
