using Clause.Domain.Commun;

namespace Clause.Domain.Structures;

/// <summary>How the hours of an accord-cadre à bons de commande become due (DOMAIN.md §3.1).</summary>
public enum ModeAccordCadre
{
    [Libelle("Au prorata des bons notifiés")] Prorata,
    [Libelle("Heures portées par chaque bon")] ParBon,
}

/// <summary>
/// The local-practice settings of one structure (every "(réglage)" of DOMAIN.md), with their defaults.
/// Never hard-coded elsewhere: rules read them from here (or from the lot where a lot may override).
/// </summary>
public sealed class Reglages : EntiteGuid, IAppartientStructure
{
    private Reglages() { }

    public StructureId StructureId { get; private set; }

    /// <summary>§3.1 F1: reference hourly cost, in cents (default 30,00 €/h).</summary>
    public long CoutHoraireReferenceCentimes { get; private set; } = 3_000;

    /// <summary>§3.1 F1: default labour share of a lot, in basis points (default 50 %).</summary>
    public int PartMainOeuvreDefautPdb { get; private set; } = 5_000;

    /// <summary>§3.1: recompute hours due when an avenant changes the amount (default no).</summary>
    public bool RecalculSurAvenant { get; private set; }

    /// <summary>§3.1: accords-cadres à bons de commande (default Prorata).</summary>
    public ModeAccordCadre ModeAccordCadre { get; private set; } = ModeAccordCadre.Prorata;

    /// <summary>§5: a contract counts if it starts within this many months after eligibility (default 24).</summary>
    public int FenetreEligibiliteMois { get; private set; } = 24;

    /// <summary>§5: Senior50 category from this age (default 50).</summary>
    public int AgeSenior { get; private set; } = 50;

    /// <summary>§6: a contract may start this many days before the lot's execution (default 30).</summary>
    public int AnticipationDebutContratJours { get; private set; } = 30;

    /// <summary>§7.1: maximum hours per line and per participant and month, in minutes (default 250 h).</summary>
    public int MaxMinutesParMois { get; private set; } = 250 * 60;

    /// <summary>§7.2: days after the lot's end during which hours still count (default 0).</summary>
    public int ToleranceApresFinJours { get; private set; }

    /// <summary>§7.5: default of new lots — training hours count (default no).</summary>
    public bool FormationComptabiliseeDefaut { get; private set; }

    /// <summary>§7.5: default cap of training hours, in basis points of hours due (default none).</summary>
    public int? PlafondFormationDefautPdb { get; private set; }

    /// <summary>The default of <see cref="JourLimiteDeclaration"/>.</summary>
    public const int JourLimiteDeclarationDefaut = 10;

    /// <summary>§7.7: hours of month M are due by this day of M+1 (default 10).</summary>
    public int JourLimiteDeclaration { get; private set; } = JourLimiteDeclarationDefaut;

    /// <summary>§7.7: first and second reminder days (defaults 11 and 18).</summary>
    public int JourPremiereRelance { get; private set; } = 11;

    public int JourSecondeRelance { get; private set; } = 18;

    /// <summary>
    /// Issue 12: a lot in execution is « en retard » when its realised hours are below this share of the straight target
    /// line, in basis points (default 80 %). The forecast comparison comes with issue 10.
    /// </summary>
    public int SeuilRetardLotPdb { get; private set; } = 8_000;

    /// <summary>§9: buyer outputs hide profile cells with fewer people than this (default 5).</summary>
    public int SeuilConfidentialite { get; private set; } = 5;

    /// <summary>§10: months in the job before an EmploiDurable sortie is validated (default 6).</summary>
    public int DelaiSortieEmploiDurableMois { get; private set; } = 6;

    /// <summary>§10: the caseload target per référent, lowest and highest number of open parcours (default 60 to 100).</summary>
    public int FileActiveMin { get; private set; } = 60;

    public int FileActiveMax { get; private set; } = 100;

    /// <summary>§12: months after a participant's last event before anonymisation (default 24).</summary>
    public int ConservationMois { get; private set; } = 24;

    /// <summary>
    /// §12: the journal of sensitive reads is kept this many months, then purged by the retention job (default 12; 6 to
    /// 120).
    /// </summary>
    public int ConservationJournauxMois { get; private set; } = 12;

    /// <summary>
    /// §12: when the Direction confirmed the dry-run list of the anonymisation (page « Conservation des données »). Until
    /// then the retention job anonymises nobody in this structure.
    /// </summary>
    public DateTimeOffset? AnonymisationConfirmeeLe { get; private set; }

    /// <summary>Who confirmed it (the Direction member's name as signed in).</summary>
    public string? AnonymisationConfirmeeParNom { get; private set; }

    /// <summary>Issue 16: minutes without a request after which a sign-in session closes (default 2 h).</summary>
    public int InactiviteSessionMinutes { get; private set; } = 120;

    /// <summary>
    /// Issue 16: two-factor sign-in required of every staff role (Facilitateur, Référent too); always required of the
    /// Administrateur and the Direction (<see cref="Securite.DoubleFacteur.Requis"/>). Default off.
    /// </summary>
    public bool DoubleFacteurTousRoles { get; private set; }

    /// <summary>Days after which a shortlist without the company's answer shows on the facilitateur's home (issue 14 item 5).</summary>
    public int DelaiReponseListeJours { get; private set; } = 10;

    public static Reglages ParDefaut(StructureId structureId) =>
        new() { StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure") };

    /// <summary>
    /// Changes every setting at once. Every value is checked against its range first, and every refusal is reported
    /// together (<see cref="RegleMetierException.Plusieurs"/>): nothing changes unless all are valid.
    /// </summary>
    public void Modifier(long coutHoraireReferenceCentimes, int partMainOeuvreDefautPdb, bool recalculSurAvenant, ModeAccordCadre modeAccordCadre,
        int fenetreEligibiliteMois, int ageSenior, int anticipationDebutContratJours, int maxMinutesParMois, int toleranceApresFinJours,
        bool formationComptabiliseeDefaut, int? plafondFormationDefautPdb, int jourLimiteDeclaration, int jourPremiereRelance,
        int jourSecondeRelance, int seuilConfidentialite, int delaiSortieEmploiDurableMois, int conservationMois, int? seuilRetardLotPdb = null,
        int? conservationJournauxMois = null)
    {
        var erreurs = new List<RegleMetierException>();
        void Verifier(long valeur, long min, long max, string champ, string libelle, string plage)
        {
            if (valeur < min || valeur > max) erreurs.Add(new RegleMetierException(champ, $"Le champ « {libelle} » {plage}."));
        }

        Verifier(coutHoraireReferenceCentimes, 1, 100_000_00, nameof(CoutHoraireReferenceCentimes), "Coût horaire de référence", "doit être supérieur à 0");
        Verifier(partMainOeuvreDefautPdb, 1, Taux.Cent, nameof(PartMainOeuvreDefautPdb), "Part de main-d'œuvre", "doit être comprise entre 0 et 100 %");
        if (!Enum.IsDefined(modeAccordCadre))
            erreurs.Add(new RegleMetierException(nameof(ModeAccordCadre), "Le champ « Mode des accords-cadres » est obligatoire."));
        Verifier(fenetreEligibiliteMois, 1, 120, nameof(FenetreEligibiliteMois), "Fenêtre d'éligibilité", "doit être comprise entre 1 et 120 mois");
        Verifier(ageSenior, 40, 70, nameof(AgeSenior), "Âge « senior »", "doit être compris entre 40 et 70 ans");
        Verifier(anticipationDebutContratJours, 0, 365, nameof(AnticipationDebutContratJours), "Anticipation du début de contrat", "doit être comprise entre 0 et 365 jours");
        Verifier(maxMinutesParMois, 60, 744 * 60, nameof(MaxMinutesParMois), "Maximum d'heures par mois", "doit être compris entre 1 et 744 heures");
        Verifier(toleranceApresFinJours, 0, 365, nameof(ToleranceApresFinJours), "Tolérance après la fin du lot", "doit être comprise entre 0 et 365 jours");
        if (plafondFormationDefautPdb is { } plafond)
            Verifier(plafond, 0, Taux.Cent, nameof(PlafondFormationDefautPdb), "Plafond des heures de formation", "doit être compris entre 0 et 100 %");
        // §7.7: the three days of the calendar, each within 1..28 (every month has them), then in order.
        var erreursJours = erreurs.Count;
        Verifier(jourLimiteDeclaration, 1, 28, nameof(JourLimiteDeclaration), "Jour limite de déclaration", "doit être compris entre 1 et 28");
        Verifier(jourPremiereRelance, 1, 28, nameof(JourPremiereRelance), "Jour de la première relance", "doit être compris entre 1 et 28");
        Verifier(jourSecondeRelance, 1, 28, nameof(JourSecondeRelance), "Jour de la seconde relance", "doit être compris entre 1 et 28");
        var premiereAvantLimite = jourPremiereRelance <= jourLimiteDeclaration;
        if (premiereAvantLimite && !erreurs.Skip(erreursJours).Any(e => e.Champ == nameof(JourPremiereRelance)))
            erreurs.Add(new RegleMetierException(nameof(JourPremiereRelance),
                "Le champ « Jour de la première relance » doit venir après le jour limite de déclaration."));
        if (jourSecondeRelance <= jourPremiereRelance && !erreurs.Skip(erreursJours).Any(e => e.Champ == nameof(JourSecondeRelance)))
            erreurs.Add(new RegleMetierException(nameof(JourSecondeRelance),
                "Le champ « Jour de la seconde relance » doit venir après la première relance."));
        Verifier(seuilConfidentialite, 1, 50, nameof(SeuilConfidentialite), "Seuil de confidentialité", "doit être compris entre 1 et 50");
        Verifier(delaiSortieEmploiDurableMois, 1, 24, nameof(DelaiSortieEmploiDurableMois), "Délai de validation de l'emploi durable", "doit être compris entre 1 et 24 mois");
        Verifier(conservationMois, 12, 120, nameof(ConservationMois), "Durée de conservation", "doit être comprise entre 12 et 120 mois");
        var journaux = conservationJournauxMois ?? ConservationJournauxMois;
        Verifier(journaux, 6, 120, nameof(ConservationJournauxMois), "Conservation des journaux", "doit être comprise entre 6 et 120 mois");
        var seuilRetard = seuilRetardLotPdb ?? SeuilRetardLotPdb;
        Verifier(seuilRetard, 1, Taux.Cent, nameof(SeuilRetardLotPdb), "Seuil de retard d'un lot", "doit être supérieur à 0 et au plus 100 %");
        if (erreurs.Count > 0) throw RegleMetierException.Plusieurs(erreurs);

        var fenetreAvant = FenetreEligibiliteMois;
        var toleranceAvant = ToleranceApresFinJours;
        CoutHoraireReferenceCentimes = coutHoraireReferenceCentimes;
        PartMainOeuvreDefautPdb = partMainOeuvreDefautPdb;
        RecalculSurAvenant = recalculSurAvenant;
        ModeAccordCadre = modeAccordCadre;
        FenetreEligibiliteMois = fenetreEligibiliteMois;
        AgeSenior = ageSenior;
        AnticipationDebutContratJours = anticipationDebutContratJours;
        MaxMinutesParMois = maxMinutesParMois;
        ToleranceApresFinJours = toleranceApresFinJours;
        FormationComptabiliseeDefaut = formationComptabiliseeDefaut;
        PlafondFormationDefautPdb = plafondFormationDefautPdb;
        JourLimiteDeclaration = jourLimiteDeclaration;
        JourPremiereRelance = jourPremiereRelance;
        JourSecondeRelance = jourSecondeRelance;
        SeuilConfidentialite = seuilConfidentialite;
        DelaiSortieEmploiDurableMois = delaiSortieEmploiDurableMois;
        ConservationMois = conservationMois;
        SeuilRetardLotPdb = seuilRetard;
        ConservationJournauxMois = journaux;
        // The lines' period and the contrats' eligibility derive from these two: re-evaluated in the same save.
        if (FenetreEligibiliteMois != fenetreAvant) Lever(new FenetreEligibiliteModifiee(StructureId));
        if (ToleranceApresFinJours != toleranceAvant) Lever(new ToleranceApresFinModifiee(StructureId));
    }

    /// <summary>
    /// The Direction confirms the anonymisation after reading its dry-run list (§12): the retention job may anonymise from
    /// its next run. Confirmed once; a second confirmation keeps the first date.
    /// </summary>
    public void ConfirmerAnonymisation(string parNom, DateTimeOffset le)
    {
        if (AnonymisationConfirmeeLe is not null) return;
        AnonymisationConfirmeeParNom = Garde.Requis(parNom, nameof(AnonymisationConfirmeeParNom), "Confirmé par", 200);
        AnonymisationConfirmeeLe = le;
    }

    /// <summary>The placement réglage (issue 14), apart from <see cref="Modifier"/>: the days a shortlist waits for the company's answer (1 to 90).</summary>
    public void ModifierPlacement(int delaiReponseListeJours)
    {
        if (delaiReponseListeJours < 1 || delaiReponseListeJours > 90)
            throw new RegleMetierException(nameof(DelaiReponseListeJours), "Le champ « Délai de réponse à une liste restreinte » doit être compris entre 1 et 90 jours.");
        DelaiReponseListeJours = delaiReponseListeJours;
    }

    /// <summary>§10: the caseload target per référent (1 to 500 open parcours, lowest ≤ highest), both checked before either changes.</summary>
    public void ModifierFileActive(int min, int max)
    {
        var v = new Verification();
        v.Verifier(() =>
        {
            if (min < 1 || min > 500) throw new RegleMetierException(nameof(FileActiveMin), "Le champ « File active minimale » doit être compris entre 1 et 500.");
        });
        v.Verifier(() =>
        {
            if (max < 1 || max > 500) throw new RegleMetierException(nameof(FileActiveMax), "Le champ « File active maximale » doit être compris entre 1 et 500.");
            if (max < min) throw new RegleMetierException(nameof(FileActiveMax), "Le champ « File active maximale » doit être supérieur ou égal au minimum.");
        });
        v.Lever();
        FileActiveMin = min;
        FileActiveMax = max;
    }

    /// <summary>
    /// The sign-in réglages (issue 16), apart from <see cref="Modifier"/>: the idle timeout of a session (15 minutes to 12 hours)
    /// and whether every staff role must use a second factor (unchanged when not given).
    /// </summary>
    public void ModifierConnexion(int inactiviteSessionMinutes, bool? doubleFacteurTousRoles = null)
    {
        if (inactiviteSessionMinutes < 15 || inactiviteSessionMinutes > 12 * 60)
            throw new RegleMetierException(nameof(InactiviteSessionMinutes), "Le champ « Fermeture d'une session inactive » doit être compris entre 15 minutes et 12 heures.");
        InactiviteSessionMinutes = inactiviteSessionMinutes;
        if (doubleFacteurTousRoles is { } tous) DoubleFacteurTousRoles = tous;
    }
}
