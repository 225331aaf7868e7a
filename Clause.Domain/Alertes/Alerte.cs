using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;

namespace Clause.Domain.Alertes;

/// <summary>What an alert is about (issue 12 item 4).</summary>
public enum NatureAlerte
{
    [Libelle("Contrat qui finit")] FinContrat,
    [Libelle("Fenêtre d'éligibilité qui ferme")] FenetreEligibilite,
    [Libelle("Lot en retard")] LotEnRetard,
    [Libelle("Emploi durable à valider")] EmploiDurable,
}

/// <summary>
/// One alert for one staff user (facilitateur or référent), shown on their home page and sent by mail once. The unique
/// index (StructureId, Nature, SujetId, Echeance, DestinataireId) is the rule « each alert once »: the subject (a contrat,
/// a participant, a lot) with its date (planned end, window closing, month checked, six-month date); a new date (an
/// extended contrat, a new decision, the next month) is a new alert. The user marks it « Traitée ».
/// </summary>
public sealed class Alerte : EntiteGuid, IAppartientStructure
{
    public const int TexteLongueurMax = 500;
    public const int LienLongueurMax = 200;

    private Alerte() { Texte = string.Empty; Lien = string.Empty; }

    public StructureId StructureId { get; private set; }

    public NatureAlerte Nature { get; private set; }

    /// <summary>The contrat, participant or lot the alert is about (its GUID).</summary>
    public Guid SujetId { get; private set; }

    /// <summary>The date that makes this occurrence: planned end, window closing, end of the month checked, six-month date.</summary>
    public DateOnly Echeance { get; private set; }

    /// <summary>The staff user (Utilisateur.Id) who receives it.</summary>
    public Guid DestinataireId { get; private set; }

    /// <summary>The French sentence shown and mailed: it names a participant (masked in the audit trail), never a category.</summary>
    [Sensible]
    public string Texte { get; private set; }

    /// <summary>Local address of the page to act on (« /Contrats/Details/… »).</summary>
    public string Lien { get; private set; }

    public DateTimeOffset CreeeLe { get; private set; }

    public DateTimeOffset? TraiteeLe { get; private set; }

    public bool Traitee => TraiteeLe is not null;

    public static Alerte Creer(StructureId structureId, NatureAlerte nature, Guid sujetId, DateOnly echeance, Guid destinataireId, string texte,
        string lien, DateTimeOffset le) => new()
        {
            StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure"),
            Nature = Garde.Defini(nature, nameof(Nature), "Nature de l'alerte"),
            SujetId = Garde.Identifiant(sujetId, nameof(SujetId), "Sujet de l'alerte"),
            Echeance = echeance,
            DestinataireId = Garde.Identifiant(destinataireId, nameof(DestinataireId), "Destinataire"),
            Texte = Garde.Requis(texte, nameof(Texte), "Texte de l'alerte", TexteLongueurMax),
            Lien = Garde.Requis(lien, nameof(Lien), "Lien de l'alerte", LienLongueurMax),
            CreeeLe = le,
        };

    public void Traiter(DateTimeOffset le)
    {
        if (Traitee) throw new RegleMetierException(nameof(TraiteeLe), "Cette alerte est déjà traitée.");
        TraiteeLe = le;
    }
}

/// <summary>
/// When each alert is due (issue 12 item 4). Written once, read by the alert service; each threshold is a named constant
/// or a réglage.
/// </summary>
public static class ReglesAlertes
{
    /// <summary>A validated contrat still running whose planned end falls within this many days (the home page's list too).</summary>
    public const int JoursFinContrat = 30;

    /// <summary>An eligibility window (of the participant's latest decision) closing within this many days.</summary>
    public const int JoursFenetre = 60;

    /// <summary>A lasting-job prompt is still sent this many days after the date was reached (a run missed while down).</summary>
    public const int JoursRattrapageEmploiDurable = 30;

    /// <summary>« CDD ≥ 6 months » of DOMAIN.md §10 (the definition of a lasting job, not a réglage).</summary>
    public const int MoisCddDurable = 6;

    /// <summary>
    /// DOMAIN.md §9–§10: a lasting job is a CDI (or CDI inclusion), or a CDD planned for at least 6 months. The other
    /// types (CDDI, intérim, alternance…) are transition jobs.
    /// </summary>
    public static bool EstEmploiDurable(TypeContrat type, DateOnly debut, DateOnly? finPrevue) => type switch
    {
        TypeContrat.CDI or TypeContrat.CDIInclusion => true,
        TypeContrat.CDD or TypeContrat.CDDChantier => finPrevue is { } fin && fin >= debut.AddMonths(MoisCddDurable).AddDays(-1),
        _ => false,
    };

    /// <summary>The date a lasting job reaches <paramref name="delaiMois"/> months (réglage DelaiSortieEmploiDurableMois).</summary>
    public static DateOnly DateEmploiDurable(DateOnly debut, int delaiMois) => debut.AddMonths(delaiMois);

    /// <summary>
    /// The month a lot's lateness is checked at on <paramref name="aujourdhui"/>: the last complete month (the target line
    /// is read at its last day). The alert and the lots' cockpit read the same month.
    /// </summary>
    public static Mois MoisVerifie(DateOnly aujourdhui) => Mois.De(aujourdhui.AddMonths(-1));

    /// <summary>
    /// A lot is behind schedule when its realised hours are below <paramref name="seuilPdb"/> (réglage, 80 %) of the
    /// straight target line at the end of the month checked. Nothing due or a target of 0: never behind.
    /// </summary>
    public static bool EnRetard(Duree realisees, Duree cible, int seuilPdb) =>
        cible.Minutes > 0 && realisees.Minutes * Taux.Cent < cible.Minutes * seuilPdb;

    /// <summary>
    /// A lot is also behind schedule when its forecast (« à ce rythme », docs/domain.md §21) projects fewer hours at the end
    /// of execution than <paramref name="seuilPdb"/> (the same réglage, 80 %) of its hours due — the same threshold as the
    /// target line, not 100 % (a projection just under the dues is flagged « sous l'objectif » on the pages, not alerted).
    /// No forecast (no pace yet) or nothing due: never behind.
    /// </summary>
    public static bool PrevisionEnRetard(PrevisionLot? prevision, long duesMinutes, int seuilPdb) =>
        prevision is not null && duesMinutes > 0 && prevision.ProjectionFinMinutes * Taux.Cent < duesMinutes * seuilPdb;
}
