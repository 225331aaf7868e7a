using Clause.Domain.Commun;

namespace Clause.Domain.Securite;

/// <summary>
/// What an account is attached to, by role (DOMAIN.md §11): an Administrateur to no structure (the
/// installation); every other role to one structure; an Entreprise user also to one company and a
/// DonneurOrdre user to one buyer, both of that structure (the caller checks that membership in the
/// database). The field names are those of the invitation form.
/// </summary>
public static class Rattachement
{
    /// <summary>
    /// Every refusal at once (issue 15 item 5): the structure, the company and the buyer are each checked against the
    /// role; without a known role nothing else can be judged.
    /// </summary>
    public static void Verifier(string? role, StructureId? structureId, EntrepriseId? entrepriseId, DonneurOrdreId? donneurOrdreId)
    {
        if (role is null || !Roles.Tous.Contains(role))
            throw new RegleMetierException("Role", "Le champ « Rôle » est obligatoire : choisissez un rôle de la liste.");

        var verification = new Verification();
        verification.Verifier(() =>
        {
            if (role == Roles.Administrateur && structureId is not null)
                throw new RegleMetierException("StructureId", "Un administrateur n'appartient à aucune structure : laissez le champ « Structure » vide.");
            if (role != Roles.Administrateur && structureId is null)
                throw new RegleMetierException("StructureId", $"Le champ « Structure » est obligatoire pour le rôle « {Roles.Libelle(role)} ».");
        });
        verification.Verifier(() =>
        {
            if (role == Roles.Entreprise && entrepriseId is null)
                throw new RegleMetierException("EntrepriseId", "Le champ « Entreprise » est obligatoire pour le rôle « Entreprise ».");
            if (role != Roles.Entreprise && entrepriseId is not null)
                throw new RegleMetierException("EntrepriseId", "Ne choisissez une entreprise que pour le rôle « Entreprise ».");
        });
        verification.Verifier(() =>
        {
            if (role == Roles.DonneurOrdre && donneurOrdreId is null)
                throw new RegleMetierException("DonneurOrdreId", "Le champ « Donneur d'ordre » est obligatoire pour le rôle « Donneur d'ordre ».");
            if (role != Roles.DonneurOrdre && donneurOrdreId is not null)
                throw new RegleMetierException("DonneurOrdreId", "Ne choisissez un donneur d'ordre que pour le rôle « Donneur d'ordre ».");
        });
        verification.Lever();
    }
}
