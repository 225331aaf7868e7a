using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Contrats;

/// <summary>
/// The facilitateur's contrat form in one domain call (<see cref="Contrat.Enregistrer"/>): proposed, or proposed and
/// validated at once — the validation's eligibility rule then applies, and an override reason needs the validation.
/// </summary>
public class EnregistrementContratTests
{
    private static readonly DateTimeOffset Maintenant = SituationsContrats.Maintenant;

    [Fact]
    public void Valider_immediatement_enregistre_un_contrat_valide_qui_compte()
    {
        var s = new SituationsContrats();

        var contrat = Contrat.Enregistrer(s.Participant, s.Lot, s.Titulaire, SituationsContrats.Donnees(), s.Reglages, true, null,
            SituationsContrats.Facilitateur, Maintenant);

        Assert.Equal(StatutContrat.Valide, contrat.Statut);
        Assert.Equal(OrigineProposition.Facilitateur, contrat.Origine);
        Assert.True(contrat.EligibiliteValide);
        Assert.Equal(Maintenant, contrat.DecideLe);
    }

    [Fact]
    public void Sans_validation_immediate_le_contrat_reste_propose()
    {
        var s = new SituationsContrats();

        var contrat = Contrat.Enregistrer(s.Participant, s.Lot, s.Titulaire, SituationsContrats.Donnees(), s.Reglages, false, "  ",
            SituationsContrats.Facilitateur, Maintenant);

        Assert.Equal(StatutContrat.Propose, contrat.Statut);
        Assert.False(contrat.EligibiliteValide);
        Assert.Null(contrat.DecideLe);
    }

    [Fact]
    public void Un_motif_de_derogation_sans_validation_immediate_est_refuse_sur_son_champ()
    {
        var s = new SituationsContrats();

        var ex = Assert.Throws<RegleMetierException>(() => Contrat.Enregistrer(s.Participant, s.Lot, s.Titulaire, SituationsContrats.Donnees(), s.Reglages,
            false, "Embauche urgente validée par la direction", SituationsContrats.Facilitateur, Maintenant));

        Assert.Equal(nameof(Contrat.MotifDerogation), ex.Champ);
        Assert.Equal("Le motif de dérogation n'est utilisé qu'à la validation : cochez « Valider immédiatement » ou videz ce champ.", ex.Message);
    }

    [Fact]
    public void Valider_immediatement_hors_fenetre_sans_derogation_est_refuse_et_avec_derogation_accepte()
    {
        var s = new SituationsContrats();
        // Validated 10/01/2023: the 24-month window ends before the 05/01/2026 start.
        var ancien = s.UnParticipantEligible("Durand", new DateOnly(2023, 1, 10));

        var ex = Assert.Throws<RegleMetierException>(() => Contrat.Enregistrer(ancien, s.Lot, s.Titulaire, SituationsContrats.Donnees(), s.Reglages,
            true, null, SituationsContrats.Facilitateur, Maintenant));
        Assert.Equal(nameof(Contrat.DateDebut), ex.Champ);

        var contrat = Contrat.Enregistrer(ancien, s.Lot, s.Titulaire, SituationsContrats.Donnees(), s.Reglages, true,
            "Embauche urgente validée par la direction", SituationsContrats.Facilitateur, Maintenant);
        Assert.True(contrat.EligibiliteValide);
        Assert.True(contrat.AvecDerogation);
    }
}
