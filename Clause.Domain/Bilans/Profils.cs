namespace Clause.Domain.Bilans;

/// <summary>
/// One cell of a profile split (DOMAIN.md §9): its code (the code names of DOMAIN.md: <c>F</c>, <c>&lt;26</c>, <c>Oui</c>,
/// <c>Niveau3</c>, <c>RSA</c>…), its French label and the number of distinct participants. <see cref="Masquee"/>: hidden
/// by the small-cell rule (<c>Masquage.Masquer</c>) — a display then shows « &lt; seuil », never <see cref="Nombre"/>.
/// </summary>
public sealed record CelluleProfil(string Code, string Libelle, int Nombre, bool Masquee = false);

/// <summary>
/// One profile split (sex, age band, QPV, qualification level, eligibility category, situation after the clause): its
/// code (<see cref="DimensionsProfil"/>), its label and its cells — every code of the dimension, zeros included, in the
/// order of DOMAIN.md.
/// </summary>
public sealed record DimensionProfil(string Code, string Libelle, IReadOnlyList<CelluleProfil> Cellules)
{
    /// <summary>The sum of the cells (participants of the dimension; a person may count in several categories).</summary>
    public int Total => Cellules.Sum(c => c.Nombre);
}

/// <summary>The codes of the profile dimensions (the names of the API's <c>profils</c> object) and of the age bands.</summary>
public static class DimensionsProfil
{
    public const string Sexe = "sexe";
    public const string TrancheAge = "trancheAge";
    public const string Qpv = "qpv";
    public const string Niveau = "niveau";
    public const string Categorie = "categorie";
    public const string Situation = "situation";

    public const string MoinsDe26 = "<26";
    public const string De26A49 = "26-49";
    public const string Plus50 = ">=50";

    public const string Oui = "Oui";
    public const string Non = "Non";

    /// <summary>The age band (DOMAIN.md §9) of an age in whole years: <c>&lt;26</c>, <c>26-49</c> or <c>&gt;=50</c>.</summary>
    public static string Tranche(int age) => age < 26 ? MoinsDe26 : age < 50 ? De26A49 : Plus50;
}
