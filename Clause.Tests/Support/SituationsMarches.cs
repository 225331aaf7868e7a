using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Structures;
using Microsoft.Extensions.Time.Testing;

namespace Clause.Tests.Support;

/// <summary>
/// Named situations for opérations, marchés and lots, with good defaults: a marché of 2026 with one lot
/// "Gros œuvre" of 1 000 000 € under F1 at 5 % (833 h with the default réglages).
/// </summary>
public sealed class SituationsMarches
{
    public static readonly DateOnly Debut = new(2026, 1, 1);
    public static readonly DateOnly Fin = new(2026, 12, 31);

    /// <param name="siretDonneur">Another SIRET for a second donneur d'ordre of the same structure (default « Ville de Tours »'s).</param>
    public SituationsMarches(StructureId? structureId = null, string? siretDonneur = null)
    {
        StructureId = structureId ?? StructureId.De(Guid.NewGuid());
        Reglages = Reglages.ParDefaut(StructureId);
        DonneurOrdre = DonneurOrdre.Creer(StructureId, "Ville de Tours", TypeDonneurOrdre.Commune, siretDonneur ?? "73282932000074", null, "37000", "Tours");
        Operation = Operation.Creer(DonneurOrdre, "Rénovation du quartier Sanitas", "Tours", Debut, Fin,
            ProgrammeRenouvellement.Npnru, true, "QP037005", Taux.Pourcent(5));
    }

    public StructureId StructureId { get; }

    public FakeTimeProvider Horloge { get; } = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));

    public Reglages Reglages { get; }

    public DonneurOrdre DonneurOrdre { get; }

    public Operation Operation { get; }

    public static NouveauLot LotF1(string libelle = "Gros œuvre", long euros = 1_000_000, int tauxPourcent = 5, int? numero = null) =>
        new(numero, libelle, Montant.Euros(euros), null, null, Fondement.ConditionExecution, ParametresObligation.F1(Taux.Pourcent(tauxPourcent)));

    public Marche UnMarche(string numero = "2026-001", TypeMarche type = TypeMarche.Ordinaire, long euros = 1_000_000, params NouveauLot[] lots) =>
        Marche.Creer(Operation, numero, "Réhabilitation de 120 logements rue des Tanneurs", type, new DateOnly(2025, 12, 15),
            Debut, Fin, Montant.Euros(euros), lots.Length == 0 ? [LotF1()] : lots, Reglages, Horloge);

    public Lot UnLot(NouveauLot? lot = null, TypeMarche type = TypeMarche.Ordinaire) =>
        UnMarche(type: type, lots: lot ?? LotF1()).Lots[0];

    /// <summary>A marché over 2026-2029 (long enough to test durations) holding <paramref name="lot"/>.</summary>
    public Lot UnMarcheLong(NouveauLot lot) =>
        Marche.Creer(Operation, "2026-LONG", "Entretien des espaces verts", TypeMarche.Ordinaire, null,
            Debut, new DateOnly(2029, 12, 31), Montant.Euros(3_000_000), [lot], Reglages, Horloge).Lots[0];

    public Entreprise UneEntreprise(string nom = "Bâtiments du Val SARL", TypeEmployeur type = TypeEmployeur.Classique) =>
        Entreprise.Creer(StructureId, nom, Siret.AvecCle(Siret.AvecCle("73282932") + (1000 + ++_entreprises).ToString(System.Globalization.CultureInfo.InvariantCulture)), type);

    private int _entreprises;

    /// <summary>The default réglages with « recalcul sur avenant » switched on.</summary>
    public Reglages AvecRecalculSurAvenant()
    {
        var r = Reglages;
        r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, true, r.ModeAccordCadre, r.FenetreEligibiliteMois, r.AgeSenior,
            r.AnticipationDebutContratJours, r.MaxMinutesParMois, r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut, r.PlafondFormationDefautPdb,
            r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.SeuilConfidentialite, r.DelaiSortieEmploiDurableMois, r.ConservationMois);
        return r;
    }

    /// <summary>French numbers use narrow no-break spaces as thousands separators: normalised for readable assertions.</summary>
    public static string Espaces(string texte) => texte.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
