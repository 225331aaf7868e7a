using Clause.Domain.Commun;

namespace Clause.Infrastructure.Import;

/// <summary>
/// What Clause remembers of a workbook row it imported (../shared/IMPORT.md « Ref »): the row's key in its sheet and the
/// record it became, for one structure. Importing the same workbook again finds the record through this link and updates
/// it instead of creating a second one. The link carries its structure (and the tenant filter reads it): a link towards
/// another structure's record cannot be found, let alone written. Not an <c>Entite</c>: like the compiled totals, it is
/// bookkeeping of the import, not a business record (the audit trail journals the records themselves).
/// </summary>
public sealed class LienImport : IAppartientStructure
{
    public const int FeuilleLongueurMax = 40;
    public const int RefLongueurMax = 100;

    public long Id { get; init; }

    public StructureId StructureId { get; init; }

    /// <summary>The sheet's canonical name (<see cref="FeuilleImport.Nom"/>).</summary>
    public string Feuille { get; init; } = string.Empty;

    /// <summary>The row's <c>Ref</c>, as written (compared case-insensitively by the import: stored upper-cased).</summary>
    public string Ref { get; init; } = string.Empty;

    /// <summary>The id of the record (the GUID of its typed id).</summary>
    public Guid EnregistrementId { get; init; }
}

/// <summary>The outcome of an import run.</summary>
public enum ResultatImport
{
    /// <summary>Every row passed and everything was written.</summary>
    Importe,
    /// <summary>A dry run (« Vérifier sans importer ») whose every row passed: nothing written.</summary>
    Verifie,
    /// <summary>At least one error: nothing written.</summary>
    Refuse,
}

/// <summary>
/// One run of the import (the journal listed on the page /Import): who, when, the file's name, the counts and the outcome.
/// The counts are stored as the report shows them (per sheet: created, updated, unchanged) in JSON.
/// </summary>
public sealed class JournalImport : IAppartientStructure
{
    public const int NomFichierLongueurMax = 255;

    public Guid Id { get; init; } = SourceIdentifiants.Nouveau();

    public StructureId StructureId { get; init; }

    public DateTimeOffset Quand { get; init; }

    public Guid? UtilisateurId { get; init; }

    public string NomUtilisateur { get; init; } = string.Empty;

    public string? NomJeton { get; init; }

    public string NomFichier { get; init; } = string.Empty;

    public bool ABlanc { get; init; }

    public ResultatImport Resultat { get; set; }

    public int NombreErreurs { get; set; }

    /// <summary>JSON <c>{ "Feuille": { "crees", "modifies", "inchanges" } }</c>.</summary>
    public string Compteurs { get; set; } = "{}";
}
