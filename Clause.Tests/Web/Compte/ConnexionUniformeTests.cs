using System.Net;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Clause.Web.Pages.Compte;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clause.Tests.Web.Compte;

/// <summary>Identity's password hasher, counting its verifications (the test asserts on work done, never on time).</summary>
public sealed class HacheurCompteur : IPasswordHasher<Utilisateur>
{
    private readonly PasswordHasher<Utilisateur> _reel = new();

    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(Utilisateur user, string password) => _reel.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Utilisateur user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _reel.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class FabriqueHacheurCompteur : FabriqueClause
{
    public HacheurCompteur Hacheur { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IPasswordHasher<Utilisateur>>();
            services.AddSingleton<IPasswordHasher<Utilisateur>>(Hacheur);
        });
    }
}

/// <summary>
/// Issue 16 item 2: a failed sign-in tells nothing — the same message and status whether the address exists or not, is
/// locked out or deactivated; one password verification every time (a dummy hash for an unknown address); the reason of a
/// refusal (lockout, deactivation) only after the correct password. Tests run one at a time in the class: the counter is shared.
/// </summary>
public class ConnexionUniformeTests(FabriqueHacheurCompteur app) : IClassFixture<FabriqueHacheurCompteur>
{
    private const string MauvaisMotDePasse = "pas le bon mot de passe";

    /// <summary>Posts the sign-in form; returns the status, the error summary's text and the verifications it cost.</summary>
    private async Task<(HttpStatusCode Statut, string Erreurs, int Verifications)> TenterAsync(string email, string motDePasse)
    {
        var client = app.Client();
        await client.GetAsync("/Compte/Connexion");
        var avant = app.Hacheur.Verifications;
        var reponse = await FabriqueClause.PosterAsync(client, "/Compte/Connexion", new() { ["Saisie.Email"] = email, ["Saisie.MotDePasse"] = motDePasse });
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var erreurs = page.QuerySelector(".resume-erreurs, [role=alert]")?.TextContent.Trim() ?? string.Empty;
        return (reponse.StatusCode, erreurs, app.Hacheur.Verifications - avant);
    }

    private async Task<Utilisateur> CompteAsync()
    {
        var structure = await app.CreerStructureAsync();
        return await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
    }

    private async Task ModifierAsync(Utilisateur utilisateur, Func<UserManager<Utilisateur>, Utilisateur, Task> modification)
    {
        using var portee = app.Services.CreateScope();
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        await modification(utilisateurs, (await utilisateurs.FindByIdAsync(utilisateur.Id.ToString()))!);
    }

    [Fact]
    public async Task Adresse_inconnue_et_mauvais_mot_de_passe_repondent_pareil_et_hachent_une_fois()
    {
        var compte = await CompteAsync();

        var inconnue = await TenterAsync($"personne-{Guid.NewGuid():N}@test.fr", MauvaisMotDePasse);
        var connue = await TenterAsync(compte.Email!, MauvaisMotDePasse);

        Assert.Equal(HttpStatusCode.OK, inconnue.Statut);
        Assert.Equal(connue.Statut, inconnue.Statut);
        Assert.Contains(ConnexionModel.MessageEchec, inconnue.Erreurs, StringComparison.Ordinal);
        Assert.Equal(connue.Erreurs, inconnue.Erreurs);
        Assert.Equal(1, inconnue.Verifications); // the dummy hash
        Assert.Equal(1, connue.Verifications);
    }

    [Fact]
    public async Task Compte_desactive_dit_desactive_seulement_avec_le_bon_mot_de_passe()
    {
        var compte = await CompteAsync();
        await ModifierAsync(compte, async (u, c) => { c.Actif = false; await u.UpdateAsync(c); });

        var faux = await TenterAsync(compte.Email!, MauvaisMotDePasse);
        var juste = await TenterAsync(compte.Email!, FabriqueClause.MotDePasse);

        Assert.Equal(HttpStatusCode.OK, faux.Statut);
        Assert.Contains(ConnexionModel.MessageEchec, faux.Erreurs, StringComparison.Ordinal);
        Assert.DoesNotContain("désactivé", faux.Erreurs, StringComparison.Ordinal);
        Assert.Equal(1, faux.Verifications);
        Assert.Equal(HttpStatusCode.OK, juste.Statut); // not signed in
        Assert.Contains(ConnexionModel.MessageDesactive, juste.Erreurs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compte_verrouille_dit_verrouille_seulement_avec_le_bon_mot_de_passe()
    {
        var compte = await CompteAsync();
        for (var i = 0; i < 5; i++) await TenterAsync(compte.Email!, MauvaisMotDePasse + i); // Identity's lockout: 5 failures

        var faux = await TenterAsync(compte.Email!, MauvaisMotDePasse);
        var juste = await TenterAsync(compte.Email!, FabriqueClause.MotDePasse);

        Assert.Contains(ConnexionModel.MessageEchec, faux.Erreurs, StringComparison.Ordinal);
        Assert.DoesNotContain("verrouillé", faux.Erreurs, StringComparison.Ordinal);
        Assert.Equal(1, faux.Verifications);
        Assert.Equal(HttpStatusCode.OK, juste.Statut);
        Assert.Contains(ConnexionModel.MessageVerrouille, juste.Erreurs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_cinquieme_echec_verrouille_sans_le_dire()
    {
        var compte = await CompteAsync();
        for (var i = 0; i < 4; i++) await TenterAsync(compte.Email!, MauvaisMotDePasse + i);

        var cinquieme = await TenterAsync(compte.Email!, MauvaisMotDePasse);

        Assert.Contains(ConnexionModel.MessageEchec, cinquieme.Erreurs, StringComparison.Ordinal);
        Assert.DoesNotContain("verrouillé", cinquieme.Erreurs, StringComparison.Ordinal);
        using var portee = app.Services.CreateScope();
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        Assert.True(await utilisateurs.IsLockedOutAsync((await utilisateurs.FindByIdAsync(compte.Id.ToString()))!));
    }
}
