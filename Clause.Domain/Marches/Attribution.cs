using Clause.Domain.Commun;
using Clause.Domain.Entreprises;

namespace Clause.Domain.Marches;

/// <summary>The role of a company on a lot (DOMAIN.md §3, §6).</summary>
public enum RoleAttribution
{
    [Libelle("Attributaire")] Attributaire,
    [Libelle("Co-traitant")] CoTraitant,
    [Libelle("Sous-traitant")] SousTraitant,
}

/// <summary>
/// A company holding a lot in one role: the attributaire (at most one per lot, the mandataire of a groupement),
/// its co-traitants, and the declared sous-traitants. A company holds a given lot in one role only.
/// Tenant-owned (indexed by company) so "every lot a company holds" is one query; part of the <see cref="Lot"/>
/// aggregate for its history.
/// </summary>
public sealed class Attribution : EntiteGuid, IAppartientStructure, IPartieDe
{
    private Attribution() { }

    internal Attribution(Lot lot, Entreprise entreprise, RoleAttribution role, DateOnly? dateNotification)
    {
        StructureId = lot.StructureId;
        LotId = lot.Id;
        EntrepriseId = entreprise.Id;
        Role = role;
        DateNotification = dateNotification;
    }

    public StructureId StructureId { get; private set; }

    public LotId LotId { get; private set; }

    public Guid RacineId => LotId.Valeur;

    public EntrepriseId EntrepriseId { get; private set; }

    public RoleAttribution Role { get; private set; }

    /// <summary>Attributaire and co-traitant: notification of the lot; sous-traitant: acceptance of the declaration (DC4).</summary>
    public DateOnly? DateNotification { get; private set; }

    /// <summary>Navigation for queries (not loaded unless included).</summary>
    public Lot Lot { get; private set; } = null!;

    /// <summary>Navigation for queries (not loaded unless included).</summary>
    public Entreprise Entreprise { get; private set; } = null!;

    /// <summary>Attributaire or co-traitant: the companies that may hire directly on the lot (DOMAIN.md §6).</summary>
    public bool EstTitulaire => Role is RoleAttribution.Attributaire or RoleAttribution.CoTraitant;

    internal void ModifierDateNotification(DateOnly? dateNotification) => DateNotification = dateNotification;
}

/// <summary>
/// A purchase order of an accord-cadre à bons de commande (DOMAIN.md §3.1): its amount drives the Prorata
/// mode, its own hours the ParBon mode. Part of the <see cref="Lot"/> aggregate.
/// </summary>
public sealed class BonCommande : EntiteGuid, IAppartientStructure, IPartieDe
{
    public const int NumeroLongueurMax = 50;

    private BonCommande() { Numero = string.Empty; }

    internal BonCommande(StructureId structureId, LotId lotId, string numero, DateOnly dateNotification, Montant montantHT, Duree? heures)
    {
        StructureId = structureId;
        LotId = lotId;
        Numero = numero;
        DateNotification = dateNotification;
        MontantHTCentimes = montantHT.Centimes;
        HeuresMinutes = heures?.Minutes;
    }

    public StructureId StructureId { get; private set; }

    public LotId LotId { get; private set; }

    public Guid RacineId => LotId.Valeur;

    public string Numero { get; private set; }

    public DateOnly DateNotification { get; private set; }

    public long MontantHTCentimes { get; private set; }

    public Montant MontantHT => new(MontantHTCentimes);

    /// <summary>ParBon mode: the hours this bon carries, in minutes; null when not given.</summary>
    public long? HeuresMinutes { get; private set; }

    public Duree? Heures => HeuresMinutes is { } m ? new Duree(m) : null;
}
