using Clause.Domain.Commun;

namespace Clause.Domain.Structures;

public enum TypeStructure
{
    [Libelle("PLIE")] Plie,
    [Libelle("Maison de l'Emploi")] MaisonEmploi,
    [Libelle("Collectivité")] Collectivite,
    [Libelle("Autre")] Autre,
}

/// <summary>The tenant: the organisation that employs facilitateurs. Every record belongs to exactly one.</summary>
public sealed class Structure : Racine<StructureId>
{
    public const int NomLongueurMax = 200;
    public const int CommuneLongueurMax = 100;

    private Structure() { Nom = string.Empty; }

    public string Nom { get; private set; }

    /// <summary>The name and the commune as searched (<see cref="TexteRecherche"/>), kept by <see cref="Modifier"/>.</summary>
    [Derive] public string Recherche { get; private set; } = string.Empty;

    public TypeStructure Type { get; private set; }

    public string? Commune { get; private set; }

    public bool Active { get; private set; } = true;

    public static Structure Creer(string? nom, TypeStructure type, string? commune)
    {
        var structure = new Structure();
        structure.Modifier(nom, type, commune);
        return structure;
    }

    public void Modifier(string? nom, TypeStructure type, string? commune)
    {
        var v = new Verification();
        var nomValide = v.Verifier(() => Garde.Requis(nom, nameof(Nom), "Nom", NomLongueurMax), string.Empty);
        var typeValide = v.Verifier(() => Garde.Defini(type, nameof(Type), "Type"));
        var communeValide = v.Verifier(() => Garde.Optionnel(commune, nameof(Commune), "Commune", CommuneLongueurMax));
        v.Lever();
        Nom = nomValide;
        Type = typeValide;
        Commune = communeValide;
        Recherche = RechercheDe(Nom, Commune);
    }

    /// <summary>The search text of a structure: name then commune, normalised.</summary>
    public static string RechercheDe(string? nom, string? commune) => TexteRecherche.De(nom, commune);
}
