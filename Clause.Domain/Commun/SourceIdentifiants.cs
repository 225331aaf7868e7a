namespace Clause.Domain.Commun;

/// <summary>
/// Where every new identifier comes from: a version 7 GUID (time-ordered), unless a flow of work has put its own source in
/// place with <see cref="Remplacer"/> — the scale generator (<c>Clause.Infrastructure/Echelle</c>) does, so that two
/// generations give the same ids, row for row. The replacement lives in an <see cref="AsyncLocal{T}"/>: it reaches only the
/// code called from the flow that set it, never a request or a test running beside it.
/// </summary>
public static class SourceIdentifiants
{
    private static readonly AsyncLocal<Func<Guid>?> Remplacement = new();

    public static Guid Nouveau() => Remplacement.Value?.Invoke() ?? Guid.CreateVersion7();

    /// <summary>Puts <paramref name="source"/> in place for the current flow until the returned handle is disposed.</summary>
    public static IDisposable Remplacer(Func<Guid> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var precedente = Remplacement.Value;
        Remplacement.Value = source;
        return new Retablissement(precedente);
    }

    private sealed class Retablissement(Func<Guid>? precedente) : IDisposable
    {
        public void Dispose() => Remplacement.Value = precedente;
    }
}
