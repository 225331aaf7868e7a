using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Sorties = Clause.Domain.Parcours.TypeSortie;

namespace Clause.Domain.Parcours;

/// <summary>What the référent types to open a parcours (field names = the page's input names).</summary>
public sealed record DonneesOuverture(Guid? ReferentId, DateOnly? DateEntree, Prescripteur? Prescripteur, TrancheInactivite? TrancheInactivite);

/// <summary>
/// The user named as référent, as the page found him or her (null: no such user): the domain checks the structure and
/// the role (a référent of another structure is refused, DOMAIN.md §11).
/// </summary>
public sealed record ReferentCandidat(Guid Id, StructureId? StructureId, bool EstReferent);

/// <summary>
/// A validated or proposed clause contrat as the parcours reads it (the projection of a <see cref="Contrat"/> and its
/// employer's type): one row read from the contrats table, never copied into the parcours.
/// </summary>
public sealed record ContratDuParcours(ContratId Id, StatutContrat Statut, TypeContrat TypeContrat, DateOnly DateDebut, DateOnly? FinPrevue,
    DateOnly? FinReelle, TypeEmployeur TypeEmployeur, string Employeur, string? Poste)
{
    public DateOnly? FinEffective => FinReelle ?? FinPrevue;

    /// <summary>The one projection of a contrat for the parcours (the page's query and the tests read contrats through it).</summary>
    public static ContratDuParcours De(Contrat contrat, TypeEmployeur typeEmployeur, string employeur)
    {
        ArgumentNullException.ThrowIfNull(contrat);
        return new(contrat.Id, contrat.Statut, contrat.TypeContrat, contrat.DateDebut, contrat.FinPrevue, contrat.FinReelle, typeEmployeur, employeur, contrat.Poste);
    }
}

/// <summary>One étape of the composed parcours: typed by the référent (<see cref="EtapeId"/>) or a clause contrat (<see cref="ContratId"/>).</summary>
public sealed record EtapeComposee(TypeEtape Type, DateOnly DateDebut, DateOnly? DateFin, string? StructureBeneficiaire, bool FinanceePlie,
    string? Bilan, Guid? EtapeId, ContratId? ContratId)
{
    public bool VientDeLaClause => ContratId is not null;

    /// <summary>True when the étape runs on <paramref name="jour"/>.</summary>
    public bool EnCoursLe(DateOnly jour) => DateDebut <= jour && (DateFin is null || DateFin >= jour);
}

/// <summary>Where the 6-month follow-up of an emploi durable stands (DOMAIN.md §10).</summary>
public enum EtatSuivi
{
    [Libelle("En cours (avant 6 mois)")] EnCours,
    [Libelle("Sortie « emploi durable » à valider")] AValider,
    [Libelle("Annulé : emploi terminé avant 6 mois")] Annule,
}

/// <summary>The follow-up opened by an emploi durable étape: the sortie may be validated from <see cref="Echeance"/>.</summary>
public sealed record SuiviEmploiDurable(EtapeComposee Etape, DateOnly Echeance, EtatSuivi Etat);

/// <summary>
/// A PLIE parcours (DOMAIN.md §10): one participant followed by one référent from an entry date, with a snapshot of the
/// participant at entry (categories, sex, age, level, inactivity), the étapes the référent types, and a sortie. No time
/// limit. One open parcours per participant (the caller says whether another is open; a filtered unique index holds it
/// in the database too); the closed ones stay as history. The clause contrats are étapes by composition
/// (<see cref="Composer"/>, <see cref="DeContrat"/>): a change or a refusal of a contrat shows at once.
/// </summary>
public sealed class Parcours : Racine<ParcoursId>, IAppartientStructure
{
    public const int MotifReouvertureLongueurMax = 1000;

    private readonly List<Etape> _etapes = [];

    private Parcours() { }

    public StructureId StructureId { get; private set; }

    public ParticipantId ParticipantId { get; private set; }

    public Guid ReferentId { get; private set; }

    public DateOnly DateEntree { get; private set; }

    public Prescripteur? Prescripteur { get; private set; }

    // The snapshot at entry (national tables count categories at entry, seed-digest §5.1).
    public bool Deld { get; private set; }

    public bool Rsa { get; private set; }

    /// <summary>Travailleur handicapé at entry (TH, AAH, pension d'invalidité, secteur adapté): shown to Facilitateur and Direction only.</summary>
    [Sensible] public bool Th { get; private set; }

    /// <summary>Autres publics en difficulté: none of DELD, RSA, TH.</summary>
    public bool AutrePublic { get; private set; }

    public Sexe Sexe { get; private set; }

    public int AgeEntree { get; private set; }

    public NiveauQualification Niveau { get; private set; }

    public TrancheInactivite TrancheInactivite { get; private set; }

    public TypeSortie? TypeSortie { get; private set; }

    public DateOnly? DateSortie { get; private set; }

    /// <summary>The last reopening: when and why (free text, masked in the audit); the previous sortie stays in the audit trail.</summary>
    public DateOnly? ReouvertLe { get; private set; }

    [Sensible] public string? MotifReouverture { get; private set; }

    public bool EstOuvert => TypeSortie is null;

    public IReadOnlyList<Etape> Etapes => _etapes;

    /// <summary>
    /// Opens a parcours for <paramref name="participant"/>. Refused, all at once: another open parcours, a référent who is
    /// not a référent of the structure, an entry date missing or in the future, a missing inactivity band.
    /// The snapshot comes from the participant and the last eligibility decision at or before the entry.
    /// </summary>
    public static Parcours Ouvrir(Participant participant, DonneesOuverture donnees, ReferentCandidat? referent, bool aUnParcoursOuvert,
        DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(donnees);
        var v = new Verification();
        v.Verifier(() =>
        {
            if (aUnParcoursOuvert)
                throw new RegleMetierException(nameof(ParticipantId),
                    "Ce participant a déjà un parcours ouvert : clôturez-le avant d'en ouvrir un autre.");
        });
        var referentId = v.Verifier(() =>
        {
            if (donnees.ReferentId is not { } id || id == Guid.Empty) throw Obligatoire(nameof(ReferentId), "Référent");
            if (referent is null || referent.Id != id || referent.StructureId != participant.StructureId || !referent.EstReferent)
                throw new RegleMetierException(nameof(ReferentId), "Le champ « Référent » doit désigner un référent de parcours de la structure.");
            return id;
        });
        var entree = v.Verifier(() =>
        {
            var d = donnees.DateEntree ?? throw Obligatoire(nameof(DateEntree), "Date d'entrée");
            if (d > aujourdhui)
                throw new RegleMetierException(nameof(DateEntree), "Le champ « Date d'entrée » ne peut pas être dans le futur.");
            return d;
        });
        var tranche = v.Verifier(() => Garde.Defini(donnees.TrancheInactivite ?? throw Obligatoire(nameof(TrancheInactivite), "Durée d'inactivité"),
            nameof(TrancheInactivite), "Durée d'inactivité"));
        var prescripteur = donnees.Prescripteur is { } p ? v.Verifier(() => Garde.Defini(p, nameof(Prescripteur), "Prescripteur")) : (Prescripteur?)null;
        v.Lever();

        var categories = participant.Decisions.Where(d => d.DateValidation <= entree).MaxBy(d => d.DateValidation)?.Categories
            .Select(c => c.Categorie).ToHashSet() ?? [];
        var deld = categories.Contains(CategorieEligibilite.DELD12) || categories.Contains(CategorieEligibilite.DETLD24);
        var rsa = categories.Contains(CategorieEligibilite.RSA);
        var th = categories.Any(c => c.EstSensible());
        return new Parcours
        {
            StructureId = participant.StructureId,
            ParticipantId = participant.Id,
            ReferentId = referentId,
            DateEntree = entree,
            Prescripteur = prescripteur ?? participant.Prescripteur,
            Deld = deld,
            Rsa = rsa,
            Th = th,
            AutrePublic = !deld && !rsa && !th,
            Sexe = participant.Sexe,
            AgeEntree = participant.AgeLe(entree),
            Niveau = participant.NiveauQualification,
            TrancheInactivite = tranche,
        };
    }

    /// <summary>
    /// Adds an étape typed by the référent. Refused, all at once: a closed parcours, a missing type or start, a start
    /// before the entry or after the sortie, an end before the start or after the sortie, texts too long.
    /// </summary>
    public Etape AjouterEtape(DonneesEtape donnees)
    {
        ArgumentNullException.ThrowIfNull(donnees);
        var v = new Verification();
        v.Verifier(() =>
        {
            if (!EstOuvert)
                throw new RegleMetierException(string.Empty, "Ce parcours est clôturé : rouvrez-le pour y ajouter une étape.");
        });
        var type = v.Verifier(() => Garde.Defini(donnees.Type ?? throw Obligatoire(nameof(Etape.Type), "Type d'étape"), nameof(Etape.Type), "Type d'étape"));
        var debut = v.Verifier(() =>
        {
            var d = donnees.DateDebut ?? throw Obligatoire(nameof(Etape.DateDebut), "Début");
            if (d < DateEntree)
                throw new RegleMetierException(nameof(Etape.DateDebut),
                    $"Le champ « Début » ne peut pas précéder l'entrée dans le parcours ({Texte(DateEntree)}).");
            if (DateSortie is { } s && d > s)
                throw new RegleMetierException(nameof(Etape.DateDebut), $"Le champ « Début » ne peut pas suivre la sortie du parcours ({Texte(s)}).");
            return d;
        }, (DateOnly?)null);
        v.Verifier(() =>
        {
            if (donnees.DateFin is not { } fin) return;
            if (debut is { } d && fin < d)
                throw new RegleMetierException(nameof(Etape.DateFin), "Le champ « Fin » doit être postérieur ou égal au début de l'étape.");
            if (fin < DateEntree)
                throw new RegleMetierException(nameof(Etape.DateFin), $"Le champ « Fin » ne peut pas précéder l'entrée dans le parcours ({Texte(DateEntree)}).");
            if (DateSortie is { } s && fin > s)
                throw new RegleMetierException(nameof(Etape.DateFin), $"Le champ « Fin » ne peut pas suivre la sortie du parcours ({Texte(s)}).");
        });
        var beneficiaire = v.Verifier(() => Garde.Optionnel(donnees.StructureBeneficiaire, nameof(Etape.StructureBeneficiaire), "Structure bénéficiaire",
            Etape.StructureBeneficiaireLongueurMax));
        var bilan = v.Verifier(() => Garde.Optionnel(donnees.Bilan, nameof(Etape.Bilan), "Bilan", Etape.BilanLongueurMax));
        v.Lever();
        var etape = new Etape(this, type, debut!.Value, donnees.DateFin, beneficiaire, donnees.FinanceePlie, bilan);
        _etapes.Add(etape);
        return etape;
    }

    /// <summary>
    /// Closes the parcours with a sortie. <paramref name="etapes"/> is the composed parcours (<see cref="Composer"/>): the
    /// sortie may not precede the start of its last étape, and an <see cref="TypeSortie.EmploiDurable"/> sortie needs an
    /// emploi durable whose follow-up is due on the sortie date (<see cref="Suivis"/>: 6 months in the job, réglage).
    /// </summary>
    public void Cloturer(TypeSortie? type, DateOnly? date, IReadOnlyList<EtapeComposee> etapes, Reglages reglages, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(etapes);
        ArgumentNullException.ThrowIfNull(reglages);
        var v = new Verification();
        v.Verifier(() =>
        {
            if (!EstOuvert) throw new RegleMetierException(string.Empty, "Ce parcours est déjà clôturé.");
        });
        var sortie = v.Verifier(() => Garde.Defini(type ?? throw Obligatoire(nameof(TypeSortie), "Sortie"), nameof(TypeSortie), "Sortie"), (TypeSortie?)null);
        var le = v.Verifier(() =>
        {
            var d = date ?? throw Obligatoire(nameof(DateSortie), "Date de sortie");
            if (d > aujourdhui) throw new RegleMetierException(nameof(DateSortie), "Le champ « Date de sortie » ne peut pas être dans le futur.");
            if (d < DateEntree)
                throw new RegleMetierException(nameof(DateSortie), $"Le champ « Date de sortie » ne peut pas précéder l'entrée dans le parcours ({Texte(DateEntree)}).");
            var derniere = etapes.Count == 0 ? (DateOnly?)null : etapes.Max(e => e.DateDebut);
            if (derniere is { } dernier && d < dernier)
                throw new RegleMetierException(nameof(DateSortie),
                    $"Le champ « Date de sortie » ne peut pas précéder le début de la dernière étape ({Texte(dernier)}).");
            return d;
        }, (DateOnly?)null);
        if (sortie == Sorties.EmploiDurable && le is { } jour)
            v.Verifier(() =>
            {
                var suivis = Suivis(etapes, reglages, jour);
                if (suivis.Any(s => s.Etat == EtatSuivi.AValider)) return;
                var prochaine = suivis.Where(s => s.Etat == EtatSuivi.EnCours).Select(s => (DateOnly?)s.Echeance).Min();
                throw new RegleMetierException(nameof(TypeSortie), prochaine is { } e
                    ? $"La sortie « Emploi durable » ne se valide qu'après {reglages.DelaiSortieEmploiDurableMois} mois dans l'emploi : pas avant le {Texte(e)}."
                    : $"La sortie « Emploi durable » demande un emploi durable tenu {reglages.DelaiSortieEmploiDurableMois} mois dans ce parcours.");
            });
        v.Lever();
        TypeSortie = sortie;
        DateSortie = le;
    }

    /// <summary>Reopens a closed parcours with a reason; refused when the participant has another open parcours.</summary>
    public void Rouvrir(string? motif, bool aUnAutreParcoursOuvert, DateOnly aujourdhui)
    {
        var v = new Verification();
        v.Verifier(() =>
        {
            if (EstOuvert) throw new RegleMetierException(string.Empty, "Ce parcours est déjà ouvert.");
        });
        v.Verifier(() =>
        {
            if (aUnAutreParcoursOuvert)
                throw new RegleMetierException(string.Empty, "Ce participant a déjà un autre parcours ouvert : il ne peut en avoir qu'un à la fois.");
        });
        var texte = v.Verifier(() => Garde.Requis(motif, nameof(MotifReouverture), "Motif de la réouverture", MotifReouvertureLongueurMax), string.Empty);
        v.Lever();
        TypeSortie = null;
        DateSortie = null;
        MotifReouverture = texte;
        ReouvertLe = aujourdhui;
    }

    /// <summary>
    /// Conservation (DOMAIN.md §12, <see cref="Participant.Anonymiser"/>): the parcours keeps its dates, snapshot, étape
    /// types and sortie (the national indicators count them); its free texts — the reason of a reopening, the étapes'
    /// bilans — are erased.
    /// </summary>
    public void Anonymiser(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (participant.Id != ParticipantId || !participant.EstAnonymise)
            throw new ArgumentException("Ce parcours n'est pas celui de ce participant anonymisé.", nameof(participant));
        MotifReouverture = MotifReouverture is null ? null : Participant.TexteAnonymise;
        foreach (var etape in _etapes) etape.Anonymiser();
    }

    /// <summary>
    /// The étape type of a clause contrat (DOMAIN.md §10), the one projection, in the rule's own order: a CDI, or a CDD
    /// planned for at least the réglage's months (6) → <see cref="TypeEtape.EmploiDurable"/>; else an employer that is a
    /// SIAE or a GEIQ → <see cref="TypeEtape.Siae"/>; else <see cref="TypeEtape.EmploiParcours"/>.
    /// </summary>
    public static TypeEtape DeContrat(TypeContrat type, DateOnly debut, DateOnly? finPrevue, TypeEmployeur employeur, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        if (type == TypeContrat.CDI) return TypeEtape.EmploiDurable;
        // A CDD from 01/01 to 30/06 lasts 6 months: the day after its end is 6 months after its start.
        if (type == TypeContrat.CDD && finPrevue is { } fin && fin.AddDays(1) >= debut.AddMonths(reglages.DelaiSortieEmploiDurableMois))
            return TypeEtape.EmploiDurable;
        if (employeur.EstSiae() || employeur == TypeEmployeur.GEIQ) return TypeEtape.Siae;
        return TypeEtape.EmploiParcours;
    }

    /// <summary>
    /// The composed parcours, ordered by start: the étapes typed here and the participant's validated clause contrats
    /// whose period meets the parcours' (entry to sortie, or open), each typed by <see cref="DeContrat"/>. A contrat
    /// refused, or moved out of the parcours' dates, drops out at the next reading.
    /// </summary>
    public IReadOnlyList<EtapeComposee> Composer(IEnumerable<ContratDuParcours> contrats, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(contrats);
        ArgumentNullException.ThrowIfNull(reglages);
        var fin = DateSortie ?? DateOnly.MaxValue;
        var deLaClause = contrats
            .Where(c => c.Statut == StatutContrat.Valide && c.DateDebut <= fin && (c.FinEffective ?? DateOnly.MaxValue) >= DateEntree)
            .Select(c => new EtapeComposee(DeContrat(c.TypeContrat, c.DateDebut, c.FinPrevue, c.TypeEmployeur, reglages), c.DateDebut, c.FinEffective,
                c.Employeur, false, c.Poste is null ? $"Contrat de clause : {c.TypeContrat.Libelle()}" : $"Contrat de clause : {c.TypeContrat.Libelle()}, {c.Poste}",
                null, c.Id));
        var saisies = _etapes.Select(e => new EtapeComposee(e.Type, e.DateDebut, e.DateFin, e.StructureBeneficiaire, e.FinanceePlie, e.Bilan, e.Id, null));
        return [.. saisies.Concat(deLaClause).OrderBy(e => e.DateDebut).ThenBy(e => e.DateFin ?? DateOnly.MaxValue)];
    }

    /// <summary>
    /// The 6-month rule (DOMAIN.md §10, réglage <see cref="Reglages.DelaiSortieEmploiDurableMois"/>): each emploi durable
    /// étape opens a follow-up due <c>n</c> months after its start; on <paramref name="aujourdhui"/> it is
    /// <see cref="EtatSuivi.EnCours"/> before that date, <see cref="EtatSuivi.AValider"/> from it (the référent is prompted to
    /// validate the sortie), <see cref="EtatSuivi.Annule"/> when the job ended before its n months were complete.
    /// </summary>
    public static IReadOnlyList<SuiviEmploiDurable> Suivis(IEnumerable<EtapeComposee> etapes, Reglages reglages, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(etapes);
        ArgumentNullException.ThrowIfNull(reglages);
        return [.. etapes.Where(e => e.Type == TypeEtape.EmploiDurable).Select(e =>
        {
            var echeance = e.DateDebut.AddMonths(reglages.DelaiSortieEmploiDurableMois);
            // n months complete = worked through the day before the échéance.
            var etat = e.DateFin is { } f && f < echeance.AddDays(-1) ? EtatSuivi.Annule
                : aujourdhui >= echeance ? EtatSuivi.AValider
                : EtatSuivi.EnCours;
            return new SuiviEmploiDurable(e, echeance, etat);
        })];
    }

    /// <summary>The étape running on <paramref name="jour"/> that started last, or none.</summary>
    public static EtapeComposee? EtapeCourante(IEnumerable<EtapeComposee> etapes, DateOnly jour) =>
        etapes.Where(e => e.EnCoursLe(jour)).MaxBy(e => e.DateDebut);

    /// <summary>Days in the parcours up to <paramref name="jour"/> (or its sortie).</summary>
    public int JoursEnParcours(DateOnly jour) => (DateSortie ?? jour).DayNumber - DateEntree.DayNumber;

    private static string Texte(DateOnly date) => date.ToString("dd/MM/yyyy", FormatFrancais.Culture);

    private static RegleMetierException Obligatoire(string champ, string libelle) => new(champ, $"Le champ « {libelle} » est obligatoire.");
}
