namespace Clause.Infrastructure.Import;

/// <summary>An opened workbook: its rows, the errors of its <c>Version</c> sheet, and what to release once read.</summary>
public sealed record ClasseurOuvert(ISourceImport Source, IReadOnlyList<ErreurImport> ErreursVersion, IDisposable Lecteur) : IDisposable
{
    public void Dispose() => Lecteur.Dispose();
}

/// <summary>
/// The one place the page /Import and the API <c>POST /api/v1/imports</c> open an uploaded file (issue 11). The streaming
/// reader (<c>LecteurClasseurImport</c>, branch s12-lecture) is not on this branch: at the merge, the body of
/// <see cref="Ouvrir"/> becomes
/// <code>var lecteur = LecteurClasseurImport.Ouvrir(flux); return new ClasseurOuvert(lecteur, lecteur.VerifierVersion(), lecteur);</code>
/// (<c>Ouvrir</c> throws <see cref="ClasseurIllisibleException"/> for a file that is not a workbook Clause can read).
/// </summary>
public static class OuvertureClasseur
{
    public static ClasseurOuvert Ouvrir(Stream flux)
    {
        ArgumentNullException.ThrowIfNull(flux);
        throw new NotSupportedException("La lecture des classeurs .xlsx (LecteurClasseurImport) n'est pas encore branchée : OuvertureClasseur.Ouvrir, à la fusion.");
    }
}
