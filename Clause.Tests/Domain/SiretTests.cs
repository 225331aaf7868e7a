using Clause.Domain.Commun;

namespace Clause.Tests.Domain;

public class SiretTests
{
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("35600000049837")] // La Poste: sum of digits multiple of 5
    public void Siret_valide_accepte(string saisie) => Assert.True(Siret.EstValide(saisie));

    [Theory]
    [InlineData("73282932000075")] // wrong Luhn key
    [InlineData("7328293200007")] // 13 digits
    [InlineData("7328293200007A")]
    [InlineData("35600000049838")] // La Poste, sum not a multiple of 5
    [InlineData("")]
    [InlineData(null)]
    public void Siret_invalide_refuse(string? saisie) => Assert.False(Siret.EstValide(saisie));

    [Fact]
    public void Siret_dont_le_siren_echoue_est_refuse()
    {
        // 14 digits passing Luhn as a whole, but whose SIREN (first 9 digits) fails Luhn.
        var siretLuhnSeul = Siret.AvecCle("1234567890123");
        Assert.False(Siret.EstValide(siretLuhnSeul));
    }

    [Fact]
    public void Siret_saisi_avec_espaces_est_normalise()
    {
        var siret = Siret.Parse("732 829 320 00074");
        Assert.Equal("73282932000074", siret.Valeur);
        Assert.Equal("732829320", siret.Siren);
    }

    [Fact]
    public void Siret_invalide_donne_un_message_francais_nommant_le_champ()
    {
        var erreur = Assert.Throws<RegleMetierException>(() => Siret.Parse("73282932000075", "Siret"));
        Assert.Equal("Siret", erreur.Champ);
        Assert.Contains("SIRET", erreur.Message, StringComparison.Ordinal);
    }
}
