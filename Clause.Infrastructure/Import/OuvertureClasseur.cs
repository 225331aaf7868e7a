namespace Clause.Infrastructure.Import;

/// <summary>An opened workbook: its rows, the errors of its <c>Version</c> sheet, and what to release once read.</summary>
public sealed record ClasseurOuvert(ISourceImport Source, IReadOnlyList<ErreurImport> ErreursVersion, IDisposable Lecteur) : IDisposable
{
    public void Dispose() => Lecteur.Dispose();
}

/// <summary>
/// The one place the page /Import and the API <c>POST /api/v1/imports</c> open an uploaded file (issue 11): the streaming
/// reader <see cref="LecteurClasseurImport"/>, which throws <see cref="ClasseurIllisibleException"/> for a file that is not a
/// workbook Clause can read (also while its rows are read: the caller catches it around the whole import).
/// </summary>
public static class OuvertureClasseur
{
    public static ClasseurOuvert Ouvrir(Stream flux)
    {
        ArgumentNullException.ThrowIfNull(flux);
        var lecteur = LecteurClasseurImport.Ouvrir(flux);
        return new ClasseurOuvert(lecteur, lecteur.VerifierVersion(), lecteur);
    }
}
