using Clause.Domain.Commun;

namespace Clause.Domain.Entreprises;

/// <summary>Type of employer (DOMAIN.md §4).</summary>
public enum TypeEmployeur
{
    [Libelle("Entreprise classique")] Classique,
    [Libelle("ACI — atelier et chantier d'insertion")] ACI,
    [Libelle("AI — association intermédiaire")] AI,
    [Libelle("EI — entreprise d'insertion")] EI,
    [Libelle("ETTI — entreprise de travail temporaire d'insertion")] ETTI,
    [Libelle("GEIQ")] GEIQ,
    [Libelle("EA — entreprise adaptée")] EA,
    [Libelle("EATT — entreprise adaptée de travail temporaire")] EATT,
    [Libelle("ESAT")] ESAT,
    [Libelle("Régie de quartier")] RegieQuartier,
    [Libelle("ETT — travail temporaire")] ETT,
}

/// <summary>
/// Any company: attributaire, sous-traitant or employing structure (SIAE, ETT, GEIQ, EA/ESAT).
/// One company per SIRET within a structure.
/// </summary>
public sealed class Entreprise : Entite, IAppartientStructure
{
    public const int RaisonSocialeLongueurMax = 200;

    private Entreprise() { RaisonSociale = string.Empty; Siret = string.Empty; }

    public Guid StructureId { get; private set; }

    public string RaisonSociale { get; private set; }

    /// <summary>14 digits, validated (DOMAIN.md §4).</summary>
    public string Siret { get; private set; }

    public TypeEmployeur TypeEmployeur { get; private set; }

    public static Entreprise Creer(Guid structureId, string? raisonSociale, string? siret, TypeEmployeur type)
    {
        var entreprise = new Entreprise { StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure") };
        entreprise.Modifier(raisonSociale, siret, type);
        return entreprise;
    }

    public void Modifier(string? raisonSociale, string? siret, TypeEmployeur type)
    {
        RaisonSociale = Garde.Requis(raisonSociale, nameof(RaisonSociale), "Raison sociale", RaisonSocialeLongueurMax);
        Siret = Commun.Siret.Parse(Garde.Requis(siret, nameof(Siret), "SIRET", 20), nameof(Siret)).Valeur;
        TypeEmployeur = Garde.Defini(type, nameof(TypeEmployeur), "Type d'employeur");
    }
}
