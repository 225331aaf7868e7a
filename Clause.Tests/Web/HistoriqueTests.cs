using Clause.Domain.DonneursOrdre;
using Clause.Domain.Structures;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;

namespace Clause.Tests.Web;

public class HistoriqueTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    [Fact]
    public async Task L_historique_parle_francais_et_cache_les_cles_techniques()
    {
        var structure = Structure.Creer("PLIE test", TypeStructure.Plie, null);
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        await using var db = _base.Pour(structure.Id, "Camille Facilitatrice");
        var donneur = DonneurOrdre.Creer(structure.Id, "Ville de Tours", TypeDonneurOrdre.Commune, "73282932000074", null, "37000", "Tours");
        db.DonneursOrdre.Add(donneur);
        await db.SaveChangesAsync();
        donneur.Modifier("Tours Métropole", TypeDonneurOrdre.Epci, "73282932000074", null, "37000", "Tours");
        await db.SaveChangesAsync();

        var lignes = await Historique.LireAsync(db, donneur.Id);

        Assert.Equal(2, lignes.Count);
        var modification = lignes[0];
        Assert.Equal("Modification", modification.Action);
        Assert.Equal("Camille Facilitatrice", modification.Par);
        Assert.Contains(modification.Changements, c => c.Champ == "Raison sociale" && c.Avant == "Ville de Tours" && c.Apres == "Tours Métropole");
        Assert.Contains(modification.Changements, c => c.Champ == "Type" && c.Avant == "Commune" && c.Apres == "EPCI (intercommunalité)");
        Assert.DoesNotContain(lignes[1].Changements, c => c.Champ.Contains("Structure", StringComparison.Ordinal));
        Assert.Contains(lignes[1].Changements, c => c.Champ == "SIRET" && c.Apres == "73282932000074");
    }

    [Theory]
    [InlineData("CoutHoraireReferenceCentimes", "Coût horaire de référence")]
    [InlineData("RaisonSociale", "Raison sociale")]
    [InlineData("CodePostal", "Code postal")]
    [InlineData("FormationComptabilisee", "Formation comptabilisée")]
    [InlineData("DateValidation", "Date validation")]
    public void Les_noms_de_champs_deviennent_des_libelles(string champ, string libelle) =>
        Assert.Equal(libelle, Historique.LibelleChamp(champ));

    public void Dispose()
    {
        _base.Dispose();
        GC.SuppressFinalize(this);
    }
}
