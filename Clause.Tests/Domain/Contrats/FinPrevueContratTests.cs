using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Contrats;

/// <summary>DOMAIN.md §6: a CDI or a CDI Inclusion has no planned end; every other contract type has one.</summary>
public class FinPrevueContratTests
{
    private static readonly DateTimeOffset Maintenant = SituationsContrats.Maintenant;

    [Theory]
    [InlineData(TypeContrat.CDI)]
    [InlineData(TypeContrat.CDIInclusion)]
    public void Un_CDI_se_propose_sans_fin_prevue_et_reste_ouvert(TypeContrat type)
    {
        var s = new SituationsContrats();

        var contrat = Contrat.Proposer(s.Participant, s.Lot, s.Titulaire,
            SituationsContrats.Donnees() with { TypeContrat = type, FinPrevue = null }, s.Reglages, SituationsContrats.Entreprise, Maintenant);

        Assert.Null(contrat.FinPrevue);
        Assert.Null(contrat.FinEffective);
        Assert.Equal(DateOnly.MaxValue, contrat.Periode.Fin);
    }

    [Theory]
    [InlineData(TypeContrat.CDI, "Un CDI n'a pas de fin prévue")]
    [InlineData(TypeContrat.CDIInclusion, "Un CDI inclusion n'a pas de fin prévue")]
    public void Une_fin_prevue_sur_un_CDI_est_refusee_en_nommant_le_champ(TypeContrat type, string message)
    {
        var s = new SituationsContrats();

        var ex = Assert.Throws<RegleMetierException>(() => Contrat.Proposer(s.Participant, s.Lot, s.Titulaire,
            SituationsContrats.Donnees() with { TypeContrat = type }, s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal(nameof(Contrat.FinPrevue), ex.Champ);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains("« Fin prévue »", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TypeContrat.CDD)]
    [InlineData(TypeContrat.CDDI)]
    [InlineData(TypeContrat.Interim)]
    public void Un_autre_contrat_sans_fin_prevue_est_refuse(TypeContrat type)
    {
        var s = new SituationsContrats();

        var ex = Assert.Throws<RegleMetierException>(() => Contrat.Proposer(s.Participant, s.Lot, s.Titulaire,
            SituationsContrats.Donnees() with { TypeContrat = type, FinPrevue = null }, s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal(nameof(Contrat.FinPrevue), ex.Champ);
    }

    [Fact]
    public void Un_CDD_devenu_CDI_perd_sa_fin_prevue_quand_elle_est_videe()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratPropose();
        Assert.NotNull(contrat.FinPrevue);

        contrat.Modifier(SituationsContrats.Donnees() with { TypeContrat = TypeContrat.CDI, FinPrevue = null }, s.Lot, s.Titulaire, s.Participant, s.Reglages);

        Assert.Equal(TypeContrat.CDI, contrat.TypeContrat);
        Assert.Null(contrat.FinPrevue);
    }
}
