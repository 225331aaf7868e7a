namespace Clause.Infrastructure.Import;

/// <summary>
/// One non-empty cell as the workbook holds it: its text (a shared or inline string, or the cached value of a
/// formula, as written), and its number when the cell is numeric — a real Excel date is a number (the OLE
/// serial), read as a date by the date columns. The reader never interprets a column: <c>ConversionsImport</c> does.
/// </summary>
public sealed record CelluleLue(string Texte, double? Nombre = null);

/// <summary>
/// One non-empty row of a sheet: its number in the workbook (row 1 is the header, so data rows start at 2) and its
/// cells by canonical column name (<see cref="ColonneImport.Nom"/>); a column absent from the row is an empty cell.
/// </summary>
public sealed record LigneLue(FeuilleImport Feuille, int Numero, IReadOnlyDictionary<string, CelluleLue> Cellules)
{
    public CelluleLue? this[string colonne] => Cellules.GetValueOrDefault(colonne);

    /// <summary>
    /// The columns of this row whose cell the reader could not give (a formula without a cached value, an error value, a
    /// cell over the length limit): already reported in the errors, and absent from <see cref="Cellules"/> — so a
    /// conversion need not report them a second time as empty.
    /// </summary>
    public IReadOnlyCollection<string> ColonnesEnErreur { get; init; } = [];
}

/// <summary>One error of the report: <c>Feuille, ligne N, Colonne : message</c> (French, naming what to fix).</summary>
public sealed record ErreurImport(string Feuille, int Ligne, string Colonne, string Message)
{
    public override string ToString() => $"{Feuille}, ligne {Ligne}, {Colonne} : {Message}";
}

/// <summary>
/// The file is not a workbook Clause can read at all (not an xlsx, empty, over the size or cell limits): the request is
/// refused as a whole (the API answers 400 problem details), with this French message.
/// </summary>
public sealed class ClasseurIllisibleException(string message) : Exception(message);

/// <summary>
/// Where the rows of a workbook come from, sheet by sheet, in the order the import asks for them (each sheet after
/// the sheets it points at, whatever their order in the file): the streaming reader of the .xlsx implements it.
/// Header errors (unknown column, missing required column) and cell errors the reader itself finds (a formula without
/// a cached value, an error value, a cell over the length limit) go to <paramref name="erreurs"/>; the rows are still
/// given so that every other error is found in the same pass. A sheet absent from the workbook gives no row.
/// </summary>
public interface ISourceImport
{
    IEnumerable<LigneLue> Lignes(FeuilleImport feuille, ICollection<ErreurImport> erreurs);
}
