using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Compte;

/// <summary>What closes a token besides its holder: deactivation of the account; and the audit trail of API writes.</summary>
public class RevocationsTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private async Task<RefusJeton?> RefusAsync(string secret)
    {
        using var portee = app.Services.CreateScope();
        return (await portee.ServiceProvider.GetRequiredService<JetonsAcces>().AuthentifierAsync(secret)).Refus;
    }

    [Fact]
    public async Task Desactiver_un_compte_par_l_administration_revoque_ses_jetons_pour_de_bon()
    {
        var (admin, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur);
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id);
        var premier = await app.CreerJetonAsync(utilisateur, "paie");
        var second = await app.CreerJetonAsync(utilisateur, "tableur");

        var reponse = await FabriqueClause.PosterAsync(admin, $"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?handler=Desactiver", new(),
            $"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?operation=desactiver");
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);

        // Revoked in the database by the deactivation itself, not on first use.
        var jetons = await app.LireBaseAsync(db => db.JetonsAcces.IgnoreQueryFilters().AsNoTracking().Where(j => j.UtilisateurId == utilisateur.Id).ToListAsync());
        Assert.Equal(2, jetons.Count);
        Assert.All(jetons, j =>
        {
            Assert.Equal(app.Horloge.GetUtcNow(), j.RevoqueLe);
            Assert.Equal(GestionComptes.MotifDesactivation, j.MotifRevocation);
        });
        Assert.Equal(RefusJeton.Revoque, await RefusAsync(premier));

        // Reactivating the account does not revive them.
        var reactivation = await FabriqueClause.PosterAsync(admin, $"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?handler=Reactiver", new(),
            $"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?operation=reactiver");
        Assert.Equal(HttpStatusCode.Redirect, reactivation.StatusCode);
        Assert.Equal(RefusJeton.Revoque, await RefusAsync(second));
    }

    [Fact]
    public async Task Un_compte_rendu_inactif_hors_de_l_administration_ne_sert_plus_ses_jetons()
    {
        // Deactivated without GestionComptes (a direct change): the token service still refuses at use.
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var secret = await app.CreerJetonAsync(utilisateur, "paie");
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            var compte = await utilisateurs.FindByIdAsync(utilisateur.Id.ToString());
            compte!.Actif = false;
            await utilisateurs.UpdateAsync(compte);
        }

        Assert.Equal(RefusJeton.CompteInactif, await RefusAsync(secret));
    }

    [Fact]
    public async Task Une_ecriture_par_l_api_porte_le_nom_du_jeton_dans_l_audit_et_l_historique()
    {
        var (facilitateur, structure, auteur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        DonneurOrdreId parApi;
        DonneurOrdreId parPage;
        using (var portee = app.Services.CreateScope())
        {
            // As the token scheme leaves it: the user, and the name of the token used.
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            db.Contexte.DefinirUtilisateur(auteur.Id, auteur.NomComplet, structure.Id, null, null, nomJeton: "Logiciel de paie");
            var donneur = DonneurOrdre.Creer(structure.Id, "Ville de Chinon", TypeDonneurOrdre.Commune, AcheteursDeTest.NouveauSiret(), null, "37500", "Chinon");
            db.DonneursOrdre.Add(donneur);
            await db.SaveChangesAsync();
            parApi = donneur.Id;
        }
        using (var portee = app.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            db.Contexte.DefinirUtilisateur(auteur.Id, auteur.NomComplet, structure.Id, null, null);
            var donneur = DonneurOrdre.Creer(structure.Id, "Ville de Loches", TypeDonneurOrdre.Commune, AcheteursDeTest.NouveauSiret(), null, "37600", "Loches");
            db.DonneursOrdre.Add(donneur);
            await db.SaveChangesAsync();
            parPage = donneur.Id;
        }

        var journal = await app.LireBaseAsync(db => db.JournalAudit.AsNoTracking().SingleAsync(j => j.EntiteId == parApi.Valeur));
        Assert.Equal("Logiciel de paie", journal.NomJeton);
        Assert.Equal(auteur.NomComplet, journal.NomUtilisateur);

        var historique = (await facilitateur.PageAsync($"/DonneursOrdre/Details/{parApi}")).QuerySelector("section.historique tbody tr")!.TextContent;
        Assert.Contains(auteur.NomComplet, historique, StringComparison.Ordinal);
        Assert.Contains("via l'API (jeton « Logiciel de paie »)", historique, StringComparison.Ordinal);
        var sansJeton = (await facilitateur.PageAsync($"/DonneursOrdre/Details/{parPage}")).QuerySelector("section.historique tbody tr")!.TextContent;
        Assert.DoesNotContain("via l'API", sansJeton, StringComparison.Ordinal);
    }
}
