using Clause.Domain.Commun;
using Clause.Domain.Securite;

namespace Clause.Tests.Domain;

/// <summary>What an account is attached to, by role (DOMAIN.md §11).</summary>
public class RattachementTests
{
    private static readonly StructureId Structure = StructureId.De(Guid.NewGuid());
    private static readonly EntrepriseId Entreprise = EntrepriseId.De(Guid.NewGuid());
    private static readonly DonneurOrdreId Donneur = DonneurOrdreId.De(Guid.NewGuid());

    [Fact]
    public void Rattachements_coherents_sont_acceptes()
    {
        Rattachement.Verifier(Roles.Administrateur, null, null, null);
        foreach (var role in Roles.Personnel) Rattachement.Verifier(role, Structure, null, null);
        Rattachement.Verifier(Roles.Entreprise, Structure, Entreprise, null);
        Rattachement.Verifier(Roles.DonneurOrdre, Structure, null, Donneur);
    }

    [Theory]
    [InlineData(null, true, false, false, "Role")]
    [InlineData("Inconnu", true, false, false, "Role")]
    [InlineData(Roles.Administrateur, true, false, false, "StructureId")]
    [InlineData(Roles.Direction, false, false, false, "StructureId")]
    [InlineData(Roles.Entreprise, true, false, false, "EntrepriseId")]
    [InlineData(Roles.Facilitateur, true, true, false, "EntrepriseId")]
    [InlineData(Roles.DonneurOrdre, true, false, false, "DonneurOrdreId")]
    [InlineData(Roles.Entreprise, true, true, true, "DonneurOrdreId")]
    public void Rattachement_incoherent_nomme_le_champ(string? role, bool structure, bool entreprise, bool donneur, string champ)
    {
        var erreur = Assert.Throws<RegleMetierException>(() => Rattachement.Verifier(role,
            structure ? Structure : null, entreprise ? Entreprise : null, donneur ? Donneur : null));
        Assert.Equal(champ, erreur.Champ);
    }
}
