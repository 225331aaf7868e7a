using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;

namespace Clause.Domain.Bilans;

/// <summary>
/// The companies of a bilan (DOMAIN.md §8 « active in a period », §9): distinct companies holding a role on the clause lots
/// in scope active in the range, plus the employers of contrats with counted hours in the range. A company may hold several
/// roles: <see cref="Total"/> counts it once, each role counts it once.
/// </summary>
public sealed record EntreprisesBilan(int Total, int Attributaires, int CoTraitants, int SousTraitants, int EmployeursSiae)
{
    public static readonly EntreprisesBilan Aucune = new(0, 0, 0, 0, 0);
}

/// <summary>
/// ANRU (DOMAIN.md §3, §9): the share of the hours worked in the range by QPV residents, against the opération's
/// objective (5 %, 10 % on gestion urbaine de proximité). Hours worked = counted minutes of the contrats outside the
/// modality Formation.
/// </summary>
public sealed record PartQpvBilan(string Operation, long MinutesQpv, long MinutesTravaillees, Taux? Objectif)
{
    /// <summary>MinutesQpv / MinutesTravaillees, rounded half-up once to a tenth of a percent; null without hours worked.</summary>
    public Taux? Part => Comptage.TauxRealisation(MinutesQpv, MinutesTravaillees);

    /// <summary>Null without objective or without hours worked.</summary>
    public bool? Atteint => Part is { } part && Objectif is { } objectif ? part.PointsDeBase >= objectif.PointsDeBase : null;
}

/// <summary>One lot of a bilan: its figures over the range (the bilan's totals are their sums).</summary>
public sealed record LotBilan(
    LotId Id,
    string Libelle,
    bool AvecClause,
    bool Actif,
    long HeuresDuesMinutes,
    long RealiseesMinutes,
    long CumulMinutes,
    long EnAttenteMinutes)
{
    /// <summary>Cumul / dues uncapped (§7.6), null without hours due or when the lot is not active in the range.</summary>
    public Taux? TauxRealisation => AvecClause && Actif ? Comptage.TauxRealisation(CumulMinutes, HeuresDuesMinutes) : null;
}

/// <summary>
/// A bilan (DOMAIN.md §9): every figure of a scope (<see cref="Perimetre"/>) over a range of months (<see cref="Periode"/>),
/// with the period semantics of §9 — <see cref="RealiseesMinutes"/> = counted minutes of the months in the range;
/// <see cref="CumulMinutes"/> = counted minutes from the start of execution to the end of <c>au</c>;
/// <see cref="HeuresDuesMinutes"/> = Σ obligations of the clause lots in scope active in the range (lots <c>Aucun</c>
/// excluded); rates = cumul / dues uncapped and Σ min(cumul, dues) / Σ dues per lot capped; <see cref="EnAttenteMinutes"/>
/// = declared, not validated, in period, contrat not refused, in the range (out-of-period lines apart:
/// <see cref="HorsPeriodeMinutes"/>). Computed by <c>RequetesBilans.BilanAsync</c> only; every output (pages, Excel, mail,
/// API, buyer portal) shows this record. Immutable: the buyer's view is <c>bilan with { Profils = Masquage.Masquer(…) }</c>.
/// </summary>
public sealed record Bilan
{
    public required PerimetreBilan Perimetre { get; init; }

    public required PeriodeBilan Periode { get; init; }

    /// <summary>« Lot 2 — Gros œuvre (marché 2025-014) », « Structure PLIE … »: the scope for a title.</summary>
    public required string Libelle { get; init; }

    /// <summary>The structure's name (print header).</summary>
    public required string Structure { get; init; }

    /// <summary>The buyer's raison sociale when the scope is within one donneur d'ordre (print header), else null.</summary>
    public string? DonneurOrdre { get; init; }

    /// <summary>Σ hours due of the clause lots in scope active in the range.</summary>
    public required long HeuresDuesMinutes { get; init; }

    /// <summary>Counted minutes of the months of the range, every lot in scope (a lot without clause included).</summary>
    public required long RealiseesMinutes { get; init; }

    /// <summary>Counted minutes from the start of execution to the end of <c>au</c>, every lot in scope.</summary>
    public required long CumulMinutes { get; init; }

    /// <summary>The numerator of <see cref="TauxRealisation"/>: the cumul of the clause lots active in the range.</summary>
    public required long CumulAuTauxMinutes { get; init; }

    /// <summary>The numerator of <see cref="TauxRealisationPlafonne"/>: Σ min(cumul, dues) over those lots.</summary>
    public required long CumulPlafonneMinutes { get; init; }

    /// <summary>Minutes pending validation in the range (<see cref="Comptage.EnAttente"/>).</summary>
    public required long EnAttenteMinutes { get; init; }

    /// <summary>Minutes of the current lines flagged out of period in the range, not rejected, contrat not refused: they never count.</summary>
    public required long HorsPeriodeMinutes { get; init; }

    public required int HorsPeriodeLignes { get; init; }

    public Duree HeuresDues => new(HeuresDuesMinutes);

    public Duree Realisees => new(RealiseesMinutes);

    public Duree Cumul => new(CumulMinutes);

    public Duree EnAttente => new(EnAttenteMinutes);

    public Duree HorsPeriode => new(HorsPeriodeMinutes);

    /// <summary>max(0, dues − cumul of the clause lots).</summary>
    public Duree Restantes => new(Math.Max(0, HeuresDuesMinutes - CumulAuTauxMinutes));

    /// <summary>Cumul / dues, uncapped (may exceed 100 %); null without hours due.</summary>
    public Taux? TauxRealisation => Comptage.TauxRealisation(CumulAuTauxMinutes, HeuresDuesMinutes);

    /// <summary>Σ min(cumul, dues) per lot / Σ dues; null without hours due.</summary>
    public Taux? TauxRealisationPlafonne => Comptage.TauxRealisation(CumulPlafonneMinutes, HeuresDuesMinutes);

    /// <summary>Realised minutes of the range by modality (non-zero entries, in the order of DOMAIN.md); they add up to <see cref="RealiseesMinutes"/>.</summary>
    public required IReadOnlyDictionary<ModaliteContrat, long> ParModalite { get; init; }

    /// <summary>
    /// Realised minutes of the range by contract type, outside the modality Formation (training counts under the lot's
    /// rules, §7.5, and is shown under its modality): they add up to <see cref="RealiseesMinutes"/> − ParModalite[Formation].
    /// </summary>
    public required IReadOnlyDictionary<TypeContrat, long> ParTypeContrat { get; init; }

    /// <summary>Each month of the range: its counted minutes and the cumul (since the start of execution) at its end.</summary>
    public required IReadOnlyList<PointSerie> Mensuel { get; init; }

    /// <summary>Distinct participants with counted hours in the range.</summary>
    public required int Participants { get; init; }

    /// <summary>Contrats with counted hours in the range.</summary>
    public required int Contrats { get; init; }

    /// <summary>Contrats with counted hours in the range, by contract type (non-zero entries, in the order of DOMAIN.md).</summary>
    public required IReadOnlyDictionary<TypeContrat, int> ContratsParType { get; init; }

    public required EntreprisesBilan Entreprises { get; init; }

    /// <summary>sexe, trancheAge, qpv, niveau, categorie (<see cref="DimensionsProfil"/>) of the participants with counted hours in the range.</summary>
    public required IReadOnlyList<DimensionProfil> Profils { get; init; }

    /// <summary>Situation after the clause (<see cref="SituationApresClause"/>) of the contrats with counted hours in the range that ended by the end of <c>au</c>.</summary>
    public required DimensionProfil Situations { get; init; }

    /// <summary>ANRU share of hours worked by QPV residents, when the scope lies within one opération of urban renewal; else null.</summary>
    public PartQpvBilan? PartQpv { get; init; }

    /// <summary>The forecasts of the lots in scope in execution with a clause (<c>RequetesHeures.PrevisionsAsync</c>).</summary>
    public required IReadOnlyDictionary<LotId, PrevisionLot> Previsions { get; init; }

    /// <summary>The lots in scope (by marché and number), each with its figures over the range.</summary>
    public required IReadOnlyList<LotBilan> Lots { get; init; }
}
