namespace Clause.Domain.Securite;

/// <summary>The roles of DOMAIN.md §11. A staff user (Direction, Facilitateur, Referent) belongs to one
/// structure; an Entreprise user to one company; a DonneurOrdre user to one buyer.</summary>
public static class Roles
{
    public const string Administrateur = nameof(Administrateur);
    public const string Direction = nameof(Direction);
    public const string Facilitateur = nameof(Facilitateur);
    public const string Referent = nameof(Referent);
    public const string Entreprise = nameof(Entreprise);
    public const string DonneurOrdre = nameof(DonneurOrdre);

    public static readonly IReadOnlyList<string> Tous = [Administrateur, Direction, Facilitateur, Referent, Entreprise, DonneurOrdre];

    /// <summary>Staff of a structure.</summary>
    public static readonly IReadOnlyList<string> Personnel = [Direction, Facilitateur, Referent];

    public static string Libelle(string role) => role switch
    {
        Administrateur => "Administrateur",
        Direction => "Direction",
        Facilitateur => "Facilitateur",
        Referent => "Référent de parcours",
        Entreprise => "Entreprise",
        DonneurOrdre => "Donneur d'ordre",
        _ => role,
    };
}
