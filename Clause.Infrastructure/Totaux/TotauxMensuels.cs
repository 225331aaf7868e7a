using Clause.Domain.Commun;
using Clause.Domain.Contrats;

namespace Clause.Infrastructure.Totaux;

/// <summary>The level a row of <see cref="TotalMensuel"/> adds up (DOMAIN.md §8: per lot, rolled up).</summary>
public enum NiveauTotal
{
    Lot,
    Marche,
    Operation,
    DonneurOrdre,
    Structure,
}

/// <summary>
/// A compiled monthly total (DOMAIN.md §8) of one lot, marché, opération, donneur d'ordre or of the structure
/// (<see cref="Niveau"/>, <see cref="CleId"/> = the id of that record; the structure's own id at its level): minutes
/// counted (<c>Comptage.Comptee</c>), minutes pending (<c>Comptage.EnAttente</c>), distinct participants and contrats with
/// counted hours. Every level is grouped from the lines themselves (a participant on two lots of a marché counts once for
/// the marché), never by adding lot rows. Derived data written only by <see cref="CompilateurTotaux"/>: not audited.
/// </summary>
public sealed class TotalMensuel : IAppartientStructure
{
    public StructureId StructureId { get; init; }

    public Mois Mois { get; init; }

    public NiveauTotal Niveau { get; init; }

    public Guid CleId { get; init; }

    public long MinutesComptees { get; init; }

    public long MinutesEnAttente { get; init; }

    public int Participants { get; init; }

    public int Contrats { get; init; }
}

/// <summary>
/// The compiled minutes of one lot and month split by the contrats' modality and contract type (DOMAIN.md §8): counted,
/// pending, and the contrats with counted hours. Minutes and contrats add up (a contrat has one lot, one modality, one
/// type), so the split of a marché or a structure is the sum of its lots' rows. The pages' figures of past months read
/// these rows (<c>RequetesHeures</c>): training is the modality <see cref="ModaliteContrat.Formation"/>.
/// </summary>
public sealed class TotalMensuelLot : IAppartientStructure
{
    public StructureId StructureId { get; init; }

    public Mois Mois { get; init; }

    public LotId LotId { get; init; }

    public ModaliteContrat Modalite { get; init; }

    public TypeContrat TypeContrat { get; init; }

    public long MinutesComptees { get; init; }

    public long MinutesEnAttente { get; init; }

    public int Contrats { get; init; }
}

/// <summary>
/// A month of a structure whose compiled totals are stale: written in the same transaction as the change of a line it
/// counts (<see cref="MarquageMoisSales"/>). Append-only, one row per save and month (never « insert if missing », which
/// would race with a compilation in progress); a compilation deletes the marks it saw before reading the lines, so a mark
/// written meanwhile survives it and the month is compiled again.
/// </summary>
public sealed class MoisSale : IAppartientStructure
{
    public long Id { get; init; }

    public StructureId StructureId { get; init; }

    public Mois Mois { get; init; }
}

/// <summary>A month of a structure whose totals were compiled (and when): without it, the month is read live.</summary>
public sealed class MoisCompile : IAppartientStructure
{
    public StructureId StructureId { get; init; }

    public Mois Mois { get; init; }

    public DateTimeOffset CompileLe { get; set; }
}
