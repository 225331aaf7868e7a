using Clause.Domain.Commun;

namespace Clause.Domain.Contrats;

/// <summary>
/// Who acts (proposes, validates, refuses, declares): the user's id and name, and whether they act as a
/// Facilitateur (the page derives it from the role). The domain refuses a validation by anyone else.
/// </summary>
public sealed record Auteur(Guid Id, string? Nom, bool EstFacilitateur)
{
    public const int NomLongueurMax = 150;

    /// <summary>The checked name (required, at most <see cref="NomLongueurMax"/> characters).</summary>
    internal string NomVerifie(string champ) => Garde.Requis(Nom, champ, "Auteur", NomLongueurMax);

    internal Guid IdVerifie(string champ) => Garde.Identifiant(Id, champ, "Auteur");

    internal void ExigerFacilitateur(string champ, string action)
    {
        if (!EstFacilitateur)
            throw new RegleMetierException(champ, $"Seul un facilitateur peut {action}.");
    }
}
