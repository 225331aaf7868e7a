using System.Reflection;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Compte;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Tests.Web.Compte;

/// <summary>[ConnexionRequise] closes a page of the open /Compte folder to anonymous visitors, and can lower no other folder.</summary>
public class ConnexionRequiseTests
{
    private static readonly ConventionAcces Convention = new(typeof(ConventionAcces).Assembly);

    private static PageApplicationModel Modele(string chemin, params object[] attributs) =>
        new(new PageActionDescriptor { ViewEnginePath = chemin, RelativePath = "/Pages" + chemin + ".cshtml" },
            typeof(MonCompteModel).GetTypeInfo(), attributs);

    [Fact]
    public void Dans_le_dossier_ouvert_la_page_exige_un_utilisateur_connecte()
    {
        var modele = Modele("/Compte/MonCompte", new ConnexionRequiseAttribute());

        Convention.Apply(modele);

        Assert.Empty(modele.EndpointMetadata.OfType<IAllowAnonymous>());
        Assert.Equal(Politiques.Connecte, Assert.Single(modele.EndpointMetadata.OfType<AuthorizeAttribute>()).Policy);
        Assert.Equal(Politiques.Connecte, Assert.Single(modele.Filters.OfType<FiltreEcriture>()).Politique);
    }

    [Fact]
    public void Sans_le_marqueur_la_page_du_dossier_ouvert_reste_ouverte()
    {
        var modele = Modele("/Compte/Connexion");

        Convention.Apply(modele);

        Assert.Single(modele.EndpointMetadata.OfType<IAllowAnonymous>());
    }

    [Fact]
    public void Dans_un_dossier_qui_n_est_pas_ouvert_le_marqueur_empeche_l_application_de_servir()
    {
        var erreur = Assert.Throws<InvalidOperationException>(() => Convention.Apply(Modele("/Lots/Essai", new ConnexionRequiseAttribute())));

        Assert.Contains("[ConnexionRequise]", erreur.Message, StringComparison.Ordinal);
    }
}
