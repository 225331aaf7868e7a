using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Infrastructure.Import;

namespace Clause.Tests.Import;

/// <summary>Each genre of column of ../shared/IMPORT.md: what it reads, and the French message of what it refuses.</summary>
public sealed class ConversionsImportTests
{
    private static CelluleLue T(string texte) => new(texte);

    [Fact]
    public void Une_date_texte_et_une_date_Excel_donnent_le_meme_jour()
    {
        Assert.Equal(new DateOnly(2024, 3, 15), ConversionsImport.Date(T("2024-03-15")).Valeur);
        var ole = new DateTime(2024, 3, 15).ToOADate();
        Assert.Equal(new DateOnly(2024, 3, 15), ConversionsImport.Date(new CelluleLue("45366", ole)).Valeur);
        Assert.Contains("aaaa-mm-jj", ConversionsImport.Date(T("15/03/2024")).Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_mois_se_lit_en_aaaa_mm()
    {
        Assert.Equal(new Mois(2024, 3), ConversionsImport.Mois(T("2024-03")).Valeur);
        Assert.Contains("aaaa-mm", ConversionsImport.Mois(T("2024-13")).Erreur, StringComparison.Ordinal);
        Assert.Contains("aaaa-mm", ConversionsImport.Mois(T("03/2024")).Erreur, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("151,67", 9_100)]
    [InlineData("151.67", 9_100)]
    [InlineData("0,01", 1)]
    [InlineData("10", 600)]
    public void Les_heures_deviennent_des_minutes_arrondies_au_demi_superieur(string texte, long minutes) =>
        Assert.Equal(minutes, ConversionsImport.Heures(T(texte)).Valeur.Minutes);

    [Theory]
    [InlineData("10,125")]
    [InlineData("-3")]
    [InlineData("dix")]
    public void Des_heures_illisibles_ou_a_trois_decimales_sont_refusees(string texte) =>
        Assert.Contains("au plus 2 décimales", ConversionsImport.Heures(T(texte)).Erreur, StringComparison.Ordinal);

    [Fact]
    public void Les_montants_sont_en_centimes_et_les_pourcentages_en_points_de_base()
    {
        Assert.Equal(1_200_050, ConversionsImport.Montant(T("12000,50")).Valeur.Centimes);
        Assert.False(ConversionsImport.Montant(T("1,005")).Reussie);
        Assert.Equal(500, ConversionsImport.Pourcentage(T("5")).Valeur.PointsDeBase);
        Assert.Equal(6_250, ConversionsImport.Pourcentage(T("62,5")).Valeur.PointsDeBase);
    }

    [Theory]
    [InlineData("Oui", true)]
    [InlineData("non", false)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void Les_booleens_se_lisent_en_francais_ou_en_anglais(string texte, bool attendu) =>
        Assert.Equal(attendu, ConversionsImport.Booleen(T(texte)).Valeur);

    [Fact]
    public void Un_code_est_insensible_a_la_casse_mais_jamais_un_nombre()
    {
        Assert.Equal(MethodeCalcul.F1, ConversionsImport.Code<MethodeCalcul>(T("f1")).Valeur);
        Assert.Contains("F1, F2, F3, Aucune", ConversionsImport.Code<MethodeCalcul>(T("0")).Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public void Des_codes_multiples_se_separent_par_des_virgules_et_chaque_inconnu_est_nomme()
    {
        Assert.Equal([CategorieEligibilite.RSA, CategorieEligibilite.DELD12], ConversionsImport.Codes<CategorieEligibilite>(T("rsa, DELD12")).Valeur);
        var erreur = ConversionsImport.Codes<CategorieEligibilite>(T("RSA, Chomeur")).Erreur;
        Assert.Contains("« Chomeur »", erreur, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_fondement_est_un_code_ou_deux_separes_par_plus()
    {
        Assert.Equal([Fondement.ConditionExecution, Fondement.CritereAttribution],
            ConversionsImport.Fondement(T("ConditionExecution+CritereAttribution")).Valeur);
        Assert.False(ConversionsImport.Fondement(T("ConditionExecution+CritereAttribution+MarcheReserveEss")).Reussie);
        Assert.False(ConversionsImport.Fondement(T("Clause")).Reussie);
    }

    [Fact]
    public void Un_SIRET_est_verifie_par_le_domaine_espaces_et_nombre_Excel_compris()
    {
        Assert.Equal("73282932000074", ConversionsImport.Siret(T("732 829 320 00074")).Valeur.Valeur);
        Assert.Equal("73282932000074", ConversionsImport.Siret(new CelluleLue("7.3282932000074E+13", 73282932000074d)).Valeur.Valeur);
        Assert.Contains("14 chiffres", ConversionsImport.Siret(T("73282932000075")).Erreur, StringComparison.Ordinal);
    }
}
