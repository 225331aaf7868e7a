using System.Net;
using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Portail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Portail;

/// <summary>
/// The company portal's home against the real app ("today" 15/03/2026). Two companies of one structure: A (attributaire)
/// and B (an ACI, sous-traitant) on lot 1, A alone on lot 2, B alone on lot 3; each has one contrat on lot 1 from
/// 05/01/2026, A's January line validated, B's January line rejected. Each company sees its lots only, the lot page's
/// figures, February to declare (late since 10/03), and only its own rejected lines.
/// </summary>
public class PortailPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string MotifRejet = "Relevé d'heures non signé par le salarié.";

    private sealed record Situation(StructureId StructureId, LotDeTest Lot1, LotDeTest Lot2, LotDeTest Lot3, Entreprise A, Entreprise B);

    private async Task<Situation> SituationAsync()
    {
        var structure = await app.CreerStructureAsync();
        var lot1 = await app.SemerLotAsync(structure.Id, enExecution: true, numero: "2026-001");
        var a = lot1.Titulaire;
        var b = await app.CreerEntrepriseAsync(structure.Id, "Jardins de Loire", AcheteursDeTest.NouveauSiret(), TypeEmployeur.ACI);
        await app.EcrireAsync(async db =>
        {
            var lot = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == lot1.Lot.Id);
            lot.Attribuer(await db.Entreprises.SingleAsync(e => e.Id == b.Id), RoleAttribution.SousTraitant, new DateOnly(2026, 1, 2));
        });
        var lot2 = await app.SemerLotAsync(structure.Id, SituationsMarches.LotF1("Charpente"), enExecution: true, marches: lot1.Marches, numero: "2026-002", titulaire: a);
        var lot3 = await app.SemerLotAsync(structure.Id, SituationsMarches.LotF1("Espaces verts"), enExecution: true, marches: lot1.Marches, numero: "2026-003", titulaire: b);

        var lea = await app.SemerParticipantAsync(structure.Id, "Martin", "Léa");
        var contratA = await app.SemerContratAsync(lot1, lea);
        await app.SemerHeuresAsync(lot1, contratA, SituationsContrats.Facilitateur, (new Mois(2026, 1), 100));

        var paul = await app.SemerParticipantAsync(structure.Id, "Durand", "Paul");
        var contratB = Contrat.Proposer(paul, lot1.Lot, b, SituationsContrats.Donnees(ModaliteContrat.SousTraitanceSiae, new DateOnly(2026, 1, 5)),
            lot1.Marches.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        contratB.Valider(paul, lot1.Marches.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        var ligne = DeclarationHeures.Declarer(contratB, lot1.Lot, new Mois(2026, 1), SaisieHeures.EnHeures(Duree.Heures(80)), new SituationMois(0),
            lot1.Marches.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        ligne.Rejeter(MotifRejet, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await app.EcrireAsync(db =>
        {
            db.Contrats.Add(contratB);
            db.DeclarationsHeures.Add(ligne);
        });
        return new Situation(structure.Id, lot1, lot2, lot3, a, b);
    }

    private async Task<HttpClient> EntrepriseAsync(StructureId structureId, EntrepriseId entrepriseId) =>
        await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Entreprise, structureId, entrepriseId)).Email!);

    [Fact]
    public async Task Un_compte_entreprise_qui_arrive_sur_l_accueil_va_au_portail()
    {
        var s = await SituationAsync();
        var client = await EntrepriseAsync(s.StructureId, s.A.Id);

        var reponse = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("/Portail", reponse.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Chaque_entreprise_ne_voit_que_ses_lots_tenus_ou_partages()
    {
        var s = await SituationAsync();

        var pageB = await (await EntrepriseAsync(s.StructureId, s.B.Id)).PageAsync("/Portail");
        var pageA = await (await EntrepriseAsync(s.StructureId, s.A.Id)).PageAsync("/Portail");

        Assert.NotNull(pageB.GetElementById($"lot-{s.Lot1.Lot.Id}"));
        Assert.NotNull(pageB.GetElementById($"lot-{s.Lot3.Lot.Id}"));
        Assert.Null(pageB.GetElementById($"lot-{s.Lot2.Lot.Id}"));
        Assert.Contains("Sous-traitant", pageB.Texte($"#lot-{s.Lot1.Lot.Id}"), StringComparison.Ordinal);
        Assert.NotNull(pageA.GetElementById($"lot-{s.Lot1.Lot.Id}"));
        Assert.NotNull(pageA.GetElementById($"lot-{s.Lot2.Lot.Id}"));
        Assert.Null(pageA.GetElementById($"lot-{s.Lot3.Lot.Id}"));
        Assert.Contains("Attributaire", pageA.Texte($"#lot-{s.Lot1.Lot.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_lot_ou_l_entreprise_emploie_seulement_un_participant_est_dans_ses_lots_comme_employeur()
    {
        var s = await SituationAsync();
        // Lot 2 is A's only: B employs someone there (sous-traitance SIAE) without holding it.
        var rose = await app.SemerParticipantAsync(s.StructureId, "Petit", "Rose");
        var contrat = Contrat.Proposer(rose, s.Lot2.Lot, s.B, SituationsContrats.Donnees(ModaliteContrat.SousTraitanceSiae, new DateOnly(2026, 2, 1)),
            s.Lot2.Marches.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        await app.EcrireAsync(db => db.Contrats.Add(contrat));

        var page = await (await EntrepriseAsync(s.StructureId, s.B.Id)).PageAsync("/Portail");

        Assert.Contains("Employeur", page.Texte($"#lot-{s.Lot2.Lot.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_chiffres_d_un_lot_sont_ceux_de_la_page_du_lot()
    {
        var s = await SituationAsync();
        var (facilitateur, _) = await FacilitateurAsync(s.StructureId);
        var pageLot = await facilitateur.PageAsync($"/Lots/Details/{s.Lot1.Lot.Id}");

        var portail = await (await EntrepriseAsync(s.StructureId, s.B.Id)).PageAsync("/Portail");

        var carte = $"#lot-{s.Lot1.Lot.Id}";
        Assert.Equal("833 h", portail.Texte($"{carte} .bilan-dues"));
        Assert.Equal(pageLot.Texte("#bilan-dues"), portail.Texte($"{carte} .bilan-dues"));
        Assert.StartsWith(portail.Texte($"{carte} .bilan-realisees"), pageLot.Texte("#bilan-realisees"), StringComparison.Ordinal);
        Assert.Equal("100,00 h", portail.Texte($"{carte} .bilan-realisees"));
        Assert.Equal(pageLot.Texte("#bilan-en-attente"), portail.Texte($"{carte} .bilan-en-attente"));
        Assert.Equal(pageLot.Texte("#bilan-taux"), portail.Texte($"{carte} .bilan-taux"));
        Assert.Equal("12 %", portail.Texte($"{carte} .bilan-taux"));
    }

    [Fact]
    public async Task Le_mois_sans_ligne_d_un_contrat_de_l_entreprise_est_a_declarer_en_retard_avec_sa_date_limite()
    {
        var s = await SituationAsync();

        var page = await (await EntrepriseAsync(s.StructureId, s.A.Id)).PageAsync("/Portail");

        // A declared January; February (due 10/03/2026) is late on 15/03; March is the current month.
        var mois = page.QuerySelectorAll($"#lot-{s.Lot1.Lot.Id} .mois-a-declarer li").Select(li => SituationsMarches.Espaces(li.TextContent)).ToList();
        var fevrier = Assert.Single(mois);
        Assert.Contains("février 2026", fevrier, StringComparison.Ordinal);
        Assert.Contains("en retard", fevrier, StringComparison.Ordinal);
        Assert.Contains("10/03/2026", fevrier, StringComparison.Ordinal);
        // Only A's own contrat counts (B's contrat on the same lot lacks February too).
        Assert.Contains("(1 contrat)", fevrier, StringComparison.Ordinal);
        // Lot 2: A has no contrat there, nothing to declare.
        Assert.Empty(page.QuerySelectorAll($"#lot-{s.Lot2.Lot.Id} .mois-a-declarer li"));
    }

    [Fact]
    public async Task Les_lignes_rejetees_de_l_entreprise_montrent_le_motif_et_le_nom_jamais_une_categorie()
    {
        var s = await SituationAsync();

        var pageB = await (await EntrepriseAsync(s.StructureId, s.B.Id)).PageAsync("/Portail");
        var pageA = await (await EntrepriseAsync(s.StructureId, s.A.Id)).PageAsync("/Portail");

        var rectification = pageB.Texte("#rectifications");
        Assert.Contains("Paul Durand — janvier 2026", rectification, StringComparison.Ordinal);
        Assert.Contains(MotifRejet, rectification, StringComparison.Ordinal);
        Assert.Contains("80,00 h", rectification, StringComparison.Ordinal);
        // The participants' eligibility categories (RSA here) never reach a company.
        Assert.DoesNotContain("RSA", pageB.Texte(), StringComparison.Ordinal);
        Assert.DoesNotContain("éligib", pageB.Texte(), StringComparison.OrdinalIgnoreCase);
        // B's rejected line is not A's.
        Assert.Null(pageA.GetElementById("rectifications"));
        Assert.DoesNotContain("Durand", pageA.Texte(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_entreprise_d_une_autre_structure_ne_voit_aucun_de_ces_lots()
    {
        var s = await SituationAsync();
        var autre = await app.CreerStructureAsync();
        var c = await app.CreerEntrepriseAsync(autre.Id, "Bâtiments du Val SARL", AcheteursDeTest.NouveauSiret());

        var page = await (await EntrepriseAsync(autre.Id, c.Id)).PageAsync("/Portail");

        Assert.Empty(page.QuerySelectorAll("#lots-portail li.carte"));
        Assert.Contains("ne tient aucun lot", page.Texte(), StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", page.Texte(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.DonneurOrdre)]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Facilitateur)]
    [InlineData(Roles.Direction)]
    public async Task Les_autres_roles_n_ont_pas_acces_au_portail(string role)
    {
        var s = await SituationAsync();
        var utilisateur = await app.CreerUtilisateurAsync(role, s.StructureId,
            donneurOrdreId: role == Roles.DonneurOrdre ? s.Lot1.Marches.DonneurOrdre.Id : null);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var reponse = await client.GetAsync("/Portail");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_compte_entreprise_sans_entreprise_n_a_pas_acces_au_portail()
    {
        ClaimsPrincipal Principal(bool avecEntreprise)
        {
            var revendications = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Role, Roles.Entreprise),
                new(RevendicationsClause.StructureId, Guid.NewGuid().ToString()) };
            if (avecEntreprise) revendications.Add(new(RevendicationsClause.EntrepriseId, Guid.NewGuid().ToString()));
            return new ClaimsPrincipal(new ClaimsIdentity(revendications, "Identity.Application"));
        }
        var autorisation = app.Services.GetRequiredService<IAuthorizationService>();

        Assert.True(Droits.Peut(Principal(true), Politiques.PortailEntreprise));
        Assert.False(Droits.Peut(Principal(false), Politiques.PortailEntreprise));
        Assert.True((await autorisation.AuthorizeAsync(Principal(true), Politiques.PortailEntreprise)).Succeeded);
        Assert.False((await autorisation.AuthorizeAsync(Principal(false), Politiques.PortailEntreprise)).Succeeded);
    }

    [Fact]
    public async Task Les_requetes_de_l_accueil_ne_croissent_pas_avec_les_lots_les_contrats_et_les_lignes()
    {
        var s = await SituationAsync();
        var peu = await CompterRequetesAsync(s.StructureId, s.A.Id);

        for (var i = 4; i <= 7; i++)
        {
            var lot = await app.SemerLotAsync(s.StructureId, SituationsMarches.LotF1("Lot " + i), enExecution: true, marches: s.Lot1.Marches,
                numero: $"2026-00{i}", titulaire: s.A);
            var participant = await app.SemerParticipantAsync(s.StructureId, "Nom" + i, "Prénom" + i);
            var contrat = await app.SemerContratAsync(lot, participant);
            var lignes = await app.SemerHeuresAsync(lot, contrat, null, (new Mois(2026, 1), 50L), (new Mois(2026, 2), 60L));
            await app.EcrireAsync(async db =>
            {
                var l = await db.DeclarationsHeures.Include(d => d.Versions).SingleAsync(d => d.Id == lignes[0].Id);
                l.Rejeter("Justificatif absent.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
            });
        }
        var beaucoup = await CompterRequetesAsync(s.StructureId, s.A.Id);

        Assert.Equal(peu.Lots + 4, beaucoup.Lots);
        Assert.Equal(peu.Requetes, beaucoup.Requetes);
    }

    private async Task<(int Requetes, int Lots)> CompterRequetesAsync(StructureId structureId, EntrepriseId entrepriseId)
    {
        using var portee = app.Services.CreateScope();
        var options = portee.ServiceProvider.GetRequiredService<DbContextOptions<SqliteClauseDbContext>>();
        var compteur = new CompteurCommandes();
        var contexte = new ContexteExecution();
        contexte.DefinirUtilisateur(Guid.NewGuid(), "Entreprise de test", structureId, entrepriseId, null);
        await using var db = new SqliteClauseDbContext(new DbContextOptionsBuilder<SqliteClauseDbContext>(options).AddInterceptors(compteur).Options, contexte);
        var page = await Clause.Web.Infrastructure.Pagination.PaginerAsync(AccueilPortail.LotsDeLEntreprise(db), 1, IndexModel.TailleLots);
        var accueil = await AccueilPortail.LireAsync(db, new RequetesHeures(db), app.Horloge, page.Elements);
        Assert.Equal(page.Elements.Count, accueil.Lots.Count);
        return (compteur.Requetes, accueil.Lots.Count);
    }

    private async Task<(HttpClient, Guid)> FacilitateurAsync(StructureId structureId)
    {
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structureId);
        return (await app.ConnecterAsync(utilisateur.Email!), utilisateur.Id);
    }
}
