using Clause.Domain.Commun;
using Clause.Domain.Operations;
using Situations = Clause.Tests.Support.SituationsMarches;

namespace Clause.Tests.Domain.Marches;

public class OperationTests
{
    private readonly Situations _s = new();

    private Operation Nouvelle(bool enQpv = false, string? codeQpv = null, DateOnly? debut = null, DateOnly? fin = null, int? objectifPdb = null) =>
        Operation.Creer(_s.DonneurOrdre, "Construction d'un groupe scolaire", "Tours", debut, fin, ProgrammeRenouvellement.Aucun, enQpv, codeQpv,
            objectifPdb is { } o ? new Taux(o) : null);

    [Fact]
    public void Une_operation_anru_en_qpv_garde_son_code_et_son_objectif()
    {
        var operation = Operation.Creer(_s.DonneurOrdre, "NPNRU Sanitas", "Tours", null, null, ProgrammeRenouvellement.Npnru, true, " qp037005 ", Taux.Pourcent(10));

        Assert.Equal("QP037005", operation.CodeQpv);
        Assert.Equal(1_000, operation.ObjectifPartQpvPdb);
        Assert.True(operation.EstRenouvellementUrbain);
        Assert.Equal(StatutOperation.Reperee, operation.Statut);
        Assert.Equal(_s.StructureId, operation.StructureId);
    }

    [Theory]
    [InlineData("QP03700")]
    [InlineData("QP0370055")]
    [InlineData("QP0A7005")]
    [InlineData("QX037005")]
    [InlineData("QP03700A")]
    [InlineData("QN037012")]
    [InlineData("")]
    public void Un_code_qpv_mal_forme_est_refuse(string code)
    {
        var ex = Assert.Throws<RegleMetierException>(() => Nouvelle(enQpv: true, codeQpv: code));
        Assert.Equal(nameof(Operation.CodeQpv), ex.Champ);
    }

    [Theory]
    [InlineData("QP037005")]
    [InlineData("QP02A001")]
    [InlineData("QN05901M")]
    public void Un_code_qpv_bien_forme_est_accepte(string code) => Assert.Equal(code, Nouvelle(enQpv: true, codeQpv: code).CodeQpv);

    [Fact]
    public void Un_code_qpv_hors_qpv_est_refuse() =>
        Assert.Equal(nameof(Operation.CodeQpv), Assert.Throws<RegleMetierException>(() => Nouvelle(enQpv: false, codeQpv: "QP037005")).Champ);

    [Fact]
    public void Un_objectif_qpv_au_dela_de_100_pourcent_est_refuse() =>
        Assert.Equal(nameof(Operation.ObjectifPartQpvPdb), Assert.Throws<RegleMetierException>(() => Nouvelle(objectifPdb: 10_001)).Champ);

    [Fact]
    public void Des_dates_previsionnelles_inversees_sont_refusees() =>
        Assert.Equal(nameof(Operation.FinPrevisionnelle),
            Assert.Throws<RegleMetierException>(() => Nouvelle(debut: new DateOnly(2026, 6, 1), fin: new DateOnly(2026, 5, 31))).Champ);

    [Fact]
    public void Le_statut_avance_d_une_etape_a_la_fois_jusqu_a_close()
    {
        var operation = Nouvelle();
        operation.Valider();
        operation.MettreEnConsultation();
        operation.MettreEnExecution();
        operation.Clore();
        Assert.Equal(StatutOperation.Close, operation.Statut);
    }

    [Fact]
    public void Une_operation_ne_saute_pas_d_etape()
    {
        var operation = Nouvelle();
        var ex = Assert.Throws<RegleMetierException>(operation.MettreEnConsultation);
        Assert.Equal(nameof(Operation.Statut), ex.Champ);
        Assert.Contains("Repérée", ex.Message, StringComparison.Ordinal);
        Assert.Throws<RegleMetierException>(operation.Clore);
        Assert.Equal(StatutOperation.Reperee, operation.Statut);
    }

    [Fact]
    public void Seule_une_operation_en_execution_peut_etre_close()
    {
        var operation = Nouvelle();
        operation.Valider();
        operation.MettreEnConsultation();
        Assert.Throws<RegleMetierException>(() => operation.ChangerStatut(StatutOperation.Close));
        operation.ChangerStatut(StatutOperation.EnExecution);
        operation.ChangerStatut(StatutOperation.Close);
        Assert.Equal(StatutOperation.Close, operation.Statut);
    }

    [Fact]
    public void Revenir_d_une_etape_exige_un_motif()
    {
        var operation = Nouvelle();
        operation.Valider();

        var ex = Assert.Throws<RegleMetierException>(() => operation.ChangerStatut(StatutOperation.Reperee));
        Assert.Equal(nameof(Operation.MotifRetour), ex.Champ);

        operation.ChangerStatut(StatutOperation.Reperee, "Validation saisie par erreur");
        Assert.Equal(StatutOperation.Reperee, operation.Statut);
        Assert.Equal("Validation saisie par erreur", operation.MotifRetour);
    }

    [Fact]
    public void Les_statuts_accessibles_sont_l_etape_suivante_et_la_precedente()
    {
        var operation = Nouvelle();
        Assert.Equal([StatutOperation.Validee], operation.StatutsAccessibles());
        operation.Valider();
        Assert.Equal([StatutOperation.EnConsultation, StatutOperation.Reperee], operation.StatutsAccessibles());
    }
}
