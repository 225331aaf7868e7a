namespace Clause.Domain.Commun;

/// <summary>
/// The one exception for a broken business rule. <see cref="Champ"/> names the input field
/// (the property name of the page's input record) so the page can show the French message beside it.
/// </summary>
public sealed class RegleMetierException : Exception
{
    public RegleMetierException(string champ, string message) : base(message) => Champ = champ;

    public RegleMetierException() : this(string.Empty, "Règle métier non respectée.") { }

    public RegleMetierException(string message) : this(string.Empty, message) { }

    public RegleMetierException(string message, Exception innerException) : base(message, innerException) => Champ = string.Empty;

    public string Champ { get; } = string.Empty;

    /// <summary>
    /// Several refusals found in one pass (a form whose every field is checked before anything changes): the first gives
    /// <see cref="Champ"/> and <see cref="Exception.Message"/>, <see cref="Toutes"/> lists them all for the page.
    /// </summary>
    public static RegleMetierException Plusieurs(IReadOnlyList<RegleMetierException> erreurs)
    {
        ArgumentNullException.ThrowIfNull(erreurs);
        if (erreurs.Count == 0) throw new ArgumentException("Aucune erreur.", nameof(erreurs));
        return new RegleMetierException(erreurs[0].Champ, erreurs[0].Message) { _toutes = erreurs };
    }

    private IReadOnlyList<RegleMetierException>? _toutes;

    /// <summary>Every refusal carried (itself alone unless built by <see cref="Plusieurs"/>).</summary>
    public IReadOnlyList<RegleMetierException> Toutes => _toutes ?? [this];
}
