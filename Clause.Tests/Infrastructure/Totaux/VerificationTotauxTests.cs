using Clause.Domain.Contrats;
using Clause.Infrastructure.Totaux;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Clause.Tests.Infrastructure.Totaux.ScenarioTotaux;

namespace Clause.Tests.Infrastructure.Totaux;

/// <summary>The consistency check (DOMAIN.md §8, issue 12 item 2) catches a tampered, missing or extra compiled total.</summary>
public sealed class VerificationTotauxTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    [Fact]
    public async Task Des_totaux_fideles_ne_donnent_aucun_ecart()
    {
        var sc = await CompileAsync();
        var resultat = await VerifierAsync(sc);

        Assert.True(resultat.Coherent, string.Join("\n", resultat.Ecarts));
        Assert.Equal(4, resultat.MoisVerifies);
        Assert.Equal(_base.Horloge.GetUtcNow(), resultat.Le);
    }

    [Fact]
    public async Task Un_total_modifie_a_la_main_est_signale_avec_son_mois()
    {
        var sc = await CompileAsync();
        await using (var db = _base.Pour(sc.StructureId))
            await db.TotauxMensuels.Where(t => t.Niveau == NiveauTotal.Marche && t.Mois == Fevrier && t.CleId == sc.Lot2.MarcheId.Valeur)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Participants, 2));

        var ecart = Assert.Single((await VerifierAsync(sc)).Ecarts);
        Assert.Equal(Fevrier, ecart.Mois);
        Assert.Contains("Marche", ecart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_repartition_effacee_ou_ajoutee_est_signalee()
    {
        var sc = await CompileAsync();
        await using (var db = _base.Pour(sc.StructureId))
        {
            await db.TotauxMensuelsLots.Where(t => t.Mois == Janvier && t.LotId == sc.Lot2.Id).ExecuteDeleteAsync();
            db.TotauxMensuelsLots.Add(new TotalMensuelLot
            {
                StructureId = sc.StructureId,
                Mois = Mars,
                LotId = sc.Lot3.Id,
                Modalite = ModaliteContrat.Formation,
                TypeContrat = TypeContrat.CDDI,
                MinutesComptees = 60,
            });
            await db.SaveChangesAsync();
        }

        var ecarts = (await VerifierAsync(sc)).Ecarts;
        Assert.Equal([Janvier, Mars], ecarts.Select(e => e.Mois).Order());
    }

    [Fact]
    public async Task Un_mois_sale_attend_sa_recompilation_sans_etre_signale()
    {
        var sc = await CompileAsync();
        await using (var db = _base.Pour(sc.StructureId))
        {
            await db.TotauxMensuels.Where(t => t.Mois == Mars).ExecuteUpdateAsync(u => u.SetProperty(t => t.MinutesComptees, 1L));
            db.MoisSales.Add(new MoisSale { StructureId = sc.StructureId, Mois = Mars });
            await db.SaveChangesAsync();
        }

        var resultat = await VerifierAsync(sc);
        Assert.True(resultat.Coherent, string.Join("\n", resultat.Ecarts));
        Assert.Equal(3, resultat.MoisVerifies);
    }

    private async Task<ScenarioTotaux> CompileAsync()
    {
        var sc = await SemerAsync(_base);
        await using var db = _base.Pour(sc.StructureId);
        await Services(db, _base.Horloge).Compilateur.CompilerMoisRecentsAsync(sc.StructureId);
        return sc;
    }

    private async Task<ResultatVerificationTotaux> VerifierAsync(ScenarioTotaux sc)
    {
        await using var db = _base.Pour(sc.StructureId);
        return await Services(db, _base.Horloge).Verification.VerifierAsync(sc.StructureId);
    }
}
