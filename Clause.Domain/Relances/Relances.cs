using Clause.Domain.Commun;
using Clause.Domain.Structures;

namespace Clause.Domain.Relances;

/// <summary>First or second reminder of a month's declaration (DOMAIN.md §7.7).</summary>
public enum RangRelance
{
    [Libelle("Première relance")] Premiere = 1,
    [Libelle("Seconde relance")] Seconde = 2,
}

/// <summary>
/// The declaration calendar's reminders (DOMAIN.md §7.7, réglages <see cref="Reglages.JourPremiereRelance"/> and
/// <see cref="Reglages.JourSecondeRelance"/>): for month M, the first reminder is due from the first reminder day of M+1,
/// the second from the second reminder day, until the end of M+1 (a run missed while the app was down still sends it,
/// once). The second is only sent to a contact who had the first for that lot and month.
/// </summary>
public static class CalendrierRelances
{
    /// <summary>The month whose reminders are due on <paramref name="aujourdhui"/>: the month before.</summary>
    public static Mois MoisRelance(DateOnly aujourdhui) => Mois.De(aujourdhui.AddMonths(-1));

    /// <summary>The reminder due today for the previous month, or null before the first reminder day.</summary>
    public static RangRelance? RangDu(DateOnly aujourdhui, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        if (aujourdhui.Day >= reglages.JourSecondeRelance) return RangRelance.Seconde;
        if (aujourdhui.Day >= reglages.JourPremiereRelance) return RangRelance.Premiere;
        return null;
    }
}

/// <summary>
/// One reminder sent to one company contact for one lot and one month, at one rank. The unique index
/// (StructureId, ContactId, LotId, Mois, Rang) is the rule « never two reminders for the same contact, lot, month and
/// rank »: the database refuses a second row, whatever the service believed. One mail lists several lots: one row each.
/// </summary>
public sealed class RelanceDeclaration : EntiteGuid, IAppartientStructure
{
    public const int EmailLongueurMax = 254;

    private RelanceDeclaration() { Email = string.Empty; }

    public StructureId StructureId { get; private set; }

    public EntrepriseId EntrepriseId { get; private set; }

    /// <summary>The company contact (ContactEntreprise.Id).</summary>
    public Guid ContactId { get; private set; }

    public LotId LotId { get; private set; }

    public Mois Mois { get; private set; }

    public RangRelance Rang { get; private set; }

    /// <summary>The address the mail went to (the contact's e-mail at that time).</summary>
    public string Email { get; private set; }

    public DateTimeOffset EnvoyeeLe { get; private set; }

    public static RelanceDeclaration Creer(StructureId structureId, EntrepriseId entrepriseId, Guid contactId, LotId lotId, Mois mois, RangRelance rang,
        string email, DateTimeOffset le) => new()
        {
            StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure"),
            EntrepriseId = entrepriseId,
            ContactId = contactId,
            LotId = lotId,
            Mois = mois,
            Rang = Garde.Defini(rang, nameof(Rang), "Rang de la relance"),
            Email = Garde.Requis(email, nameof(Email), "E-mail", EmailLongueurMax),
            EnvoyeeLe = le,
        };
}

/// <summary>
/// The facilitateur's task « relance infructueuse » (DOMAIN.md §7.7): a company still had not declared a month on a lot
/// when its second reminder went out. It carries the proposed penalty when the lot's CCAP rate is set:
/// <c>max(0, dues − réalisées) × montantParHeureManquante</c>, the figures of the lot at the task's creation. One task per
/// (lot, company, month): a unique index. The facilitateur marks it « Traitée ».
/// </summary>
public sealed class TacheRelance : EntiteGuid, IAppartientStructure
{
    public const int NomLongueurMax = 150;

    private TacheRelance() { TraiteeParNom = null; }

    public StructureId StructureId { get; private set; }

    public LotId LotId { get; private set; }

    public EntrepriseId EntrepriseId { get; private set; }

    public Mois Mois { get; private set; }

    public DateTimeOffset CreeeLe { get; private set; }

    public long DuesMinutes { get; private set; }

    public long RealiseesMinutes { get; private set; }

    /// <summary>The lot's CCAP rate per missing hour at the task's creation, in cents; null when not set.</summary>
    public long? MontantParHeureManquanteCentimes { get; private set; }

    /// <summary>The proposed penalty in cents, or null when the lot has no rate (the donneur d'ordre decides).</summary>
    public long? PenaliteProposeeCentimes { get; private set; }

    public DateTimeOffset? TraiteeLe { get; private set; }

    public string? TraiteeParNom { get; private set; }

    public bool Traitee => TraiteeLe is not null;

    public static TacheRelance Creer(StructureId structureId, LotId lotId, EntrepriseId entrepriseId, Mois mois, Duree dues, Duree realisees,
        Montant? montantParHeureManquante, DateTimeOffset le) => new()
        {
            StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure"),
            LotId = lotId,
            EntrepriseId = entrepriseId,
            Mois = mois,
            CreeeLe = le,
            DuesMinutes = dues.Minutes,
            RealiseesMinutes = realisees.Minutes,
            MontantParHeureManquanteCentimes = montantParHeureManquante?.Centimes,
            PenaliteProposeeCentimes = Penalite(dues, realisees, montantParHeureManquante)?.Centimes,
        };

    /// <summary>
    /// §7.7: <c>max(0, dues − réalisées) × montantParHeureManquante</c>, the missing minutes × the rate per hour / 60,
    /// rounded half-up to the cent once. No rate: no penalty (there is no default).
    /// Example: 833 h due, 500,50 h done, 150,00 €/h → 332,50 h × 150,00 € = 49 875,00 €.
    /// </summary>
    public static Montant? Penalite(Duree dues, Duree realisees, Montant? montantParHeureManquante)
    {
        if (montantParHeureManquante is not { } taux) return null;
        var manquantes = Math.Max(0, dues.Minutes - realisees.Minutes);
        return new Montant(FormatFrancais.DiviserArrondi(manquantes * taux.Centimes, 60));
    }

    public Duree Manquantes => new(Math.Max(0, DuesMinutes - RealiseesMinutes));

    public void Traiter(string? par, DateTimeOffset le)
    {
        if (Traitee) throw new RegleMetierException(nameof(TraiteeLe), "Cette tâche est déjà traitée.");
        TraiteeParNom = Garde.Requis(par, nameof(TraiteeParNom), "Traitée par", NomLongueurMax);
        TraiteeLe = le;
    }
}
