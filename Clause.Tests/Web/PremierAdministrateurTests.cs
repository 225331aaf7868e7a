using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Clause.Tests.Web;

public sealed class FabriquePremiereInstallation : FabriqueClause
{
    public FabriquePremiereInstallation() : base("Production") { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Administration:PremierAdministrateur", "dsi@agglo-exemple.fr");
        builder.UseSetting("Administration:UrlPublique", "https://clause.agglo-exemple.fr");
    }
}

public class PremierAdministrateurTests(FabriquePremiereInstallation app) : IClassFixture<FabriquePremiereInstallation>
{
    [Fact]
    public async Task Une_installation_neuve_invite_le_premier_administrateur_avec_l_adresse_publique()
    {
        _ = app.Server;
        using var portee = app.Services.CreateScope();
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var administrateurs = await utilisateurs.GetUsersInRoleAsync(Roles.Administrateur);
        var administrateur = Assert.Single(administrateurs);
        Assert.Equal("dsi@agglo-exemple.fr", administrateur.Email);
        Assert.False(await utilisateurs.HasPasswordAsync(administrateur));

        Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await app.EnvoyerMailsAsync());
        var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(app.DossierMails, "*.eml")));
        Assert.Equal("dsi@agglo-exemple.fr", mail.To.Mailboxes.Single().Address);
        Assert.Contains("https://clause.agglo-exemple.fr/Compte/Invitation?utilisateur=", mail.TextBody, StringComparison.Ordinal);
    }
}
