namespace Clause.Infrastructure.Import;

/// <summary>
/// A row being imported: its cells read through <see cref="ConversionsImport"/> by the genre of their column, every failure
/// an <see cref="ErreurImport"/> of this row and column. A required (★) column left empty is an error once, at the start;
/// reading an empty cell then gives null without a second message.
/// </summary>
internal sealed class LigneImport
{
    private readonly LigneLue _lue;
    private readonly ICollection<ErreurImport> _erreurs;

    public LigneImport(LigneLue lue, ICollection<ErreurImport> erreurs)
    {
        _lue = lue;
        _erreurs = erreurs;
        foreach (var colonne in lue.Feuille.Colonnes.Where(c => c.Requise && ConversionsImport.EstVide(lue[c.Nom])))
            Erreur(colonne.Nom, "Cette colonne est obligatoire : la cellule est vide.");
    }

    public FeuilleImport Feuille => _lue.Feuille;

    public int Numero => _lue.Numero;

    /// <summary>The row's Ref key (<see cref="ExecutionImport.Cle"/>), once read and found unique.</summary>
    public string? Ref { get; set; }

    /// <summary>False as soon as one error of this row is recorded (or a row it points at was refused).</summary>
    public bool Valide { get; set; } = true;

    public void Erreur(string colonne, string message)
    {
        _erreurs.Add(new ErreurImport(Feuille.Nom, Numero, colonne, message));
        Valide = false;
    }

    public bool EstVide(string colonne) => ConversionsImport.EstVide(_lue[colonne]);

    public string? Texte(string colonne) => ConversionsImport.Texte(_lue[colonne]);

    /// <summary>The cell converted, or null when empty or unreadable (then the error is recorded).</summary>
    public T? Valeur<T>(string colonne, Func<CelluleLue, Conversion<T>> conversion) where T : struct
    {
        if (_lue[colonne] is not { } cellule || ConversionsImport.EstVide(cellule)) return null;
        var lu = conversion(cellule);
        if (lu.Reussie) return lu.Valeur;
        Erreur(colonne, lu.Erreur!);
        return null;
    }

    /// <summary>The same for a conversion to a list (codes).</summary>
    public IReadOnlyList<T>? Liste<T>(string colonne, Func<CelluleLue, Conversion<IReadOnlyList<T>>> conversion)
    {
        if (_lue[colonne] is not { } cellule || ConversionsImport.EstVide(cellule)) return null;
        var lu = conversion(cellule);
        if (lu.Reussie) return lu.Valeur;
        Erreur(colonne, lu.Erreur!);
        return null;
    }
}
