using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Structures;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure;

/// <summary>
/// Typed ids and <see cref="Mois"/> in the model, against real SQLite: they are stored in the same columns as before (the
/// GUID, the integer yyyymm) and the queries compare, filter and group on them in SQL. That a swapped argument
/// (<c>SituationAsync(contratId, participantId, …)</c>) does not compile is guaranteed by the compiler, not by a test:
/// see docs/architecture.md.
/// </summary>
public sealed class IdentifiantsEtMoisTests : IDisposable
{
    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Fevrier = new(2026, 2);
    private static readonly Mois Mars = new(2026, 3);

    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    /// <summary>The lot over 2026, a validated contrat from 05/01/2026, one validated line for each month given.</summary>
    private async Task<(SituationsContrats S, Contrat Contrat)> SituationAsync(params Mois[] mois)
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        var contrat = s.UnContratValide();
        await using var db = _base.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
        db.Operations.Add(s.Marches.Operation);
        db.Entreprises.Add(s.Titulaire);
        db.Marches.Add(s.Lot.Marche);
        db.Participants.Add(s.Participant);
        db.Contrats.Add(contrat);
        db.DeclarationsHeures.AddRange(mois.Select(m => s.Declarer(contrat, m, 10, par: SituationsContrats.Facilitateur)));
        await db.SaveChangesAsync();
        return (s, contrat);
    }

    [Fact]
    public async Task Un_identifiant_type_est_la_colonne_GUID_et_se_relit_tel_quel()
    {
        var (s, contrat) = await SituationAsync(Janvier);

        await using var db = _base.Pour(s.StructureId);
        var relu = await db.Contrats.AsNoTracking().SingleAsync(c => c.Id == contrat.Id);
        Assert.Equal(contrat.Id, relu.Id);
        Assert.Equal(s.Lot.Id, relu.LotId);
        Assert.Equal(s.Participant.Id, relu.ParticipantId);
        // The column holds the plain GUID: raw SQL, other tools and the audit trail read it as before.
        var brut = await db.Database.SqlQuery<Guid>($"SELECT ParticipantId AS Value FROM Contrats").SingleAsync();
        Assert.Equal(s.Participant.Id.Valeur, brut);
        var ligne = await db.DeclarationsHeures.AsNoTracking().SingleAsync(d => d.ContratId == contrat.Id);
        Assert.Equal(contrat.LotId, ligne.LotId);
    }

    [Fact]
    public async Task Contains_sur_une_liste_d_identifiants_types_filtre_en_SQL()
    {
        var (s, contrat) = await SituationAsync();
        var ids = new List<ContratId> { ContratId.De(Guid.NewGuid()), contrat.Id };

        await using var db = _base.Pour(s.StructureId);
        Assert.Equal([contrat.Id], await db.Contrats.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync());
        var aucun = new List<ContratId> { ContratId.De(Guid.NewGuid()) };
        Assert.Empty(await db.Contrats.Where(c => aucun.Contains(c.Id)).ToListAsync());
    }

    [Fact]
    public async Task Le_mois_est_l_entier_aaaamm_compare_et_groupe_en_SQL()
    {
        var (s, contrat) = await SituationAsync(Janvier, Fevrier, Mars);

        await using var db = _base.Pour(s.StructureId);
        var brut = await db.Database.SqlQuery<int>($"SELECT Mois AS Value FROM DeclarationsHeures ORDER BY Mois").ToListAsync();
        Assert.Equal([202601, 202602, 202603], brut);

        var depuisFevrier = await db.DeclarationsHeures.Where(d => d.Mois >= Fevrier).OrderBy(d => d.Mois).Select(d => d.Mois).ToListAsync();
        Assert.Equal([Fevrier, Mars], depuisFevrier);
        Assert.Equal(Janvier, await db.DeclarationsHeures.Where(d => d.Mois < Fevrier).Select(d => d.Mois).SingleAsync());
        Assert.Equal(Mars, await db.DeclarationsHeures.MaxAsync(d => d.Mois));

        var parMois = await db.DeclarationsHeures.Where(d => d.ContratId == contrat.Id)
            .GroupBy(d => d.Mois).Select(g => new { Mois = g.Key, Minutes = g.Sum(d => d.Minutes) })
            .OrderByDescending(g => g.Mois).ToListAsync();
        Assert.Equal([Mars, Fevrier, Janvier], parMois.Select(g => g.Mois));
        Assert.All(parMois, g => Assert.Equal(600, g.Minutes));

        var choisis = new List<Mois> { Janvier, Mars };
        Assert.Equal(2, await db.DeclarationsHeures.CountAsync(d => choisis.Contains(d.Mois)));
    }

    [Fact]
    public async Task Le_DonneurOrdreId_est_la_colonne_GUID_de_la_racine_et_de_ses_references()
    {
        var (s, _) = await SituationAsync();
        var donneur = s.Marches.DonneurOrdre;

        await using var db = _base.Pour(s.StructureId);
        var relu = await db.DonneursOrdre.AsNoTracking().SingleAsync(d => d.Id == donneur.Id);
        Assert.Equal(donneur.Id, relu.Id);
        Assert.Equal(donneur.Id, await db.Operations.Where(o => o.DonneurOrdreId == donneur.Id).Select(o => o.DonneurOrdreId).SingleAsync());
        Assert.Equal(donneur.Id, await db.Marches.Where(m => m.DonneurOrdreId == donneur.Id).Select(m => m.DonneurOrdreId).SingleAsync());
        Assert.Equal(donneur.Id.Valeur, await db.Database.SqlQuery<Guid>($"SELECT DonneurOrdreId AS Value FROM Marches").SingleAsync());
    }

    [Fact]
    public async Task L_EntrepriseId_est_la_colonne_GUID_de_la_racine_de_l_attribution_et_de_l_employeur()
    {
        var (s, contrat) = await SituationAsync();
        var titulaire = s.Titulaire;

        await using var db = _base.Pour(s.StructureId);
        var relue = await db.Entreprises.AsNoTracking().SingleAsync(e => e.Id == titulaire.Id);
        Assert.Equal(titulaire.Id, relue.Id);
        Assert.Equal(titulaire.Id, await db.Attributions.Where(a => a.EntrepriseId == titulaire.Id).Select(a => a.EntrepriseId).SingleAsync());
        Assert.Equal(contrat.Id, await db.Contrats.Where(c => c.EmployeurId == titulaire.Id).Select(c => c.Id).SingleAsync());
        Assert.Equal(titulaire.Id.Valeur, await db.Database.SqlQuery<Guid>($"SELECT EmployeurId AS Value FROM Contrats").SingleAsync());
    }

    [Fact]
    public async Task Le_StructureId_est_la_colonne_GUID_de_la_structure_des_entites_et_du_journal()
    {
        var (s, contrat) = await SituationAsync();

        await using var db = _base.Pour(s.StructureId);
        Assert.Equal(s.StructureId, (await db.Structures.AsNoTracking().SingleAsync(x => x.Id == s.StructureId)).Id);
        Assert.Equal(s.StructureId, await db.Contrats.Where(c => c.Id == contrat.Id).Select(c => c.StructureId).SingleAsync());
        Assert.Equal(s.StructureId.Valeur, await db.Database.SqlQuery<Guid>($"SELECT StructureId AS Value FROM Contrats").SingleAsync());
        // The audit rows name their structure with the same GUID column (nullable: the installation's own rows have none).
        Assert.True(await db.JournalAudit.AnyAsync(j => j.StructureId == s.StructureId && j.EntiteId == contrat.Id.Valeur));
    }
}

