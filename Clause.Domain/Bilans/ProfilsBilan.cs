namespace Clause.Domain.Bilans;

/// <summary>
/// One cell of a profile split of a bilan (DOMAIN.md §9): a code of DOMAIN.md (« F », « <26 », « RSA »…), its French label,
/// the number of distinct participants, and whether a buyer's output hides it (<see cref="Masquage"/>).
/// </summary>
public sealed record CelluleProfil(string Code, string Libelle, int Nombre, bool Masquee = false);

/// <summary>One profile dimension (sexe, tranche d'âge, QPV, niveau, catégorie) with its cells in the order of DOMAIN.md.</summary>
public sealed record DimensionProfil(string Code, string Libelle, IReadOnlyList<CelluleProfil> Cellules);
