using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Api;

/// <summary>
/// The situation of the Excel and API declaration tests (« today » 15/03/2026, February 2026 to declare): one lot in
/// execution held by A (« Bâtiments du Val », attributaire) where B (an ACI) is sous-traitant; A employs Léa and Marc
/// (embauche directe), B employs Paul (sous-traitance SIAE, declarable by invoiced amount). All contrats validated, from
/// 05/01/2026, no line yet.
/// </summary>
public sealed record DeclarationsScenario(StructureId StructureId, LotDeTest Lot, Entreprise A, Entreprise B, Contrat Lea, Contrat Marc, Contrat Paul)
{
    public static readonly Mois Fevrier = new(2026, 2);

    public static async Task<DeclarationsScenario> SemerAsync(FabriqueClause app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var structure = await app.CreerStructureAsync();
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        var b = await app.CreerEntrepriseAsync(structure.Id, "Jardins de Loire", AcheteursDeTest.NouveauSiret(), TypeEmployeur.ACI);
        await app.EcrireAsync(async db =>
        {
            var l = await db.Lots.Include(x => x.Attributions).SingleAsync(x => x.Id == lot.Lot.Id);
            l.Attribuer(await db.Entreprises.SingleAsync(e => e.Id == b.Id), RoleAttribution.SousTraitant, new DateOnly(2026, 1, 2));
        });
        var lea = await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, "Martin", "Léa"));
        var marc = await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, "Bernard", "Marc"));
        var paulP = await app.SemerParticipantAsync(structure.Id, "Durand", "Paul");
        var paul = Contrat.Proposer(paulP, lot.Lot, b, SituationsContrats.Donnees(ModaliteContrat.SousTraitanceSiae, new DateOnly(2026, 1, 5)),
            lot.Marches.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        paul.Valider(paulP, lot.Marches.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await app.EcrireAsync(db => db.Contrats.Add(paul));
        return new DeclarationsScenario(structure.Id, lot, lot.Titulaire, b, lea, marc, paul);
    }

    /// <summary>The lot's figures, read by the lot page's own query.</summary>
    public static async Task<BilanHeures> BilanAsync(FabriqueClause app, LotId lotId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var structure = await app.LireBaseAsync(db => db.Lots.Where(l => l.Id == lotId).Select(l => l.StructureId).SingleAsync());
        using var portee = app.Services.CreateScope();
        portee.ServiceProvider.GetRequiredService<ClauseDbContext>().Contexte.DefinirTache("tests", structure);
        return await portee.ServiceProvider.GetRequiredService<RequetesHeures>().BilanAsync(lotId) ?? BilanHeures.Vide;
    }

    /// <summary>Every line of hours and every submission of the structure: what « nothing written » compares.</summary>
    public static Task<(int Lignes, int Versions, int Soumissions)> EcrituresAsync(FabriqueClause app, StructureId structureId) =>
        app.LireBaseAsync(async db => (
            await db.DeclarationsHeures.IgnoreQueryFilters().CountAsync(d => d.StructureId == structureId),
            await db.VersionsDeclaration.IgnoreQueryFilters().CountAsync(v => v.StructureId == structureId),
            await db.SoumissionsHeures.IgnoreQueryFilters().CountAsync(s => s.StructureId == structureId && s.Statut == StatutSoumission.Soumise)));

    public Task<Clause.Infrastructure.Identite.Utilisateur> ContactAsync(FabriqueClause app, Entreprise entreprise) =>
        app.CreerUtilisateurAsync(Roles.Entreprise, StructureId, entreprise.Id);
}
