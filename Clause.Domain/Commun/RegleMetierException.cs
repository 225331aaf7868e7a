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
}
