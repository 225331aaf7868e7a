using System.Net;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Clause.Web.Pages.Compte;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Compte;

/// <summary>
/// Two-factor sign-in (issue 16 item 4) with the fixture's fake clock: enrolment, the second step, a code serving once,
/// recovery codes serving once, the shared lockout, forced enrolment (role and réglage), the audited reset and its 404.
/// </summary>
public class DoubleFacteurTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static Task<HttpResponseMessage> PosterCodeAsync(HttpClient client, string code, bool recuperation = false) =>
        FabriqueClause.PosterAsync(client, "/Compte/DoubleFacteur" + (recuperation ? "?recuperation=true" : ""),
            new() { ["Saisie.Code"] = code, ["recuperation"] = recuperation ? "true" : "false" });

    private static async Task<HttpClient> MotDePasseAsync(FabriqueClause app, string email)
    {
        var client = app.Client();
        var reponse = await FabriqueClause.PosterAsync(client, "/Compte/Connexion", new() { ["Saisie.Email"] = email, ["Saisie.MotDePasse"] = FabriqueClause.MotDePasse });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/DoubleFacteur", reponse.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    private Task<int> SessionsAsync(Guid utilisateurId) => app.LireAsync(db => db.SessionsConnexion.CountAsync(s => s.UtilisateurId == utilisateurId));

    [Fact]
    public void Le_code_est_celui_de_la_RFC_6238()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 on 8 digits, so 287082 on 6.
        var cle = "12345678901234567890"u8.ToArray();
        Assert.Equal("287082", Totp.Code(cle, Totp.Pas(DateTimeOffset.FromUnixTimeSeconds(59))));
        Assert.Equal(cle, Totp.Decoder("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    [Fact]
    public async Task Inscription_puis_connexion_en_deux_etapes_la_session_naissant_apres_le_code()
    {
        var structure = await app.CreerStructureAsync();
        var compte = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var client = await app.ConnecterAsync(compte.Email!);
        var page = await client.GetStringAsync("/Compte/DoubleFacteurInscription");
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        var cle = await app.CleAuthentificateurAsync(compte.Email!);
        Assert.Contains(Totp.Grouper(cle!), page, StringComparison.Ordinal);

        var faux = await FabriqueClause.PosterAsync(client, "/Compte/DoubleFacteurInscription", new() { ["Saisie.Code"] = "000000" });
        Assert.Contains("Le code est incorrect", await faux.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var active = await FabriqueClause.PosterAsync(client, "/Compte/DoubleFacteurInscription", new() { ["Saisie.Code"] = await app.CodeAuthentificateurAsync(compte.Email!) });
        var html = await active.Content.ReadAsStringAsync();
        Assert.Contains("Vos 10 codes de récupération", html, StringComparison.Ordinal);
        Assert.Contains("download=\"clause-codes-de-recuperation.txt\"", html, StringComparison.Ordinal);
        Assert.True(await app.LireAsync(db => db.Users.Where(u => u.Id == compte.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        await app.OublierDernierCodeAsync(compte.Email!); // the fake clock stands still: the enrolment used this step
        var autre = await MotDePasseAsync(app, compte.Email!);
        var avant = await SessionsAsync(compte.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await autre.GetAsync("/Participants")).StatusCode);
        Assert.Equal(avant, await SessionsAsync(compte.Id)); // no session from the password alone
        var reponse = await PosterCodeAsync(autre, await app.CodeAuthentificateurAsync(compte.Email!));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(avant + 1, await SessionsAsync(compte.Id));
        Assert.Equal(HttpStatusCode.OK, (await autre.GetAsync("/Participants")).StatusCode);
    }

    [Fact]
    public async Task Un_code_deja_accepte_est_refuse_dans_sa_fenetre()
    {
        var admin = await app.CreerUtilisateurAsync(Roles.Administrateur, null);
        await app.ConnecterAsync(admin.Email!);
        var code = await app.CodeAuthentificateurAsync(admin.Email!);
        var client = await MotDePasseAsync(app, admin.Email!);
        var reponse = await PosterCodeAsync(client, code);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains(DoubleFacteurModel.MessageEchec, await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The previous step's code is older than the one used: refused too; the next step's is accepted.
        Assert.Equal(HttpStatusCode.OK, (await PosterCodeAsync(client, await app.CodeAuthentificateurAsync(admin.Email!, -1))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PosterCodeAsync(client, await app.CodeAuthentificateurAsync(admin.Email!, 1))).StatusCode);
    }

    [Fact]
    public async Task Un_code_de_recuperation_ne_sert_qu_une_fois()
    {
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, (await app.CreerStructureAsync()).Id);
        string code;
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            code = (await utilisateurs.GenerateNewTwoFactorRecoveryCodesAsync((await utilisateurs.FindByIdAsync(direction.Id.ToString()))!, 10))!.First();
        }
        var premier = await MotDePasseAsync(app, direction.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await PosterCodeAsync(premier, code, recuperation: true)).StatusCode);
        var second = await MotDePasseAsync(app, direction.Email!);
        var refus = await PosterCodeAsync(second, code, recuperation: true);
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        Assert.Contains(DoubleFacteurModel.MessageEchecRecuperation, await refus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vingt_codes_faux_verrouillent_le_compte_comme_les_mots_de_passe()
    {
        var admin = await app.CreerUtilisateurAsync(Roles.Administrateur, null);
        var client = await MotDePasseAsync(app, admin.Email!);
        var bon = await app.CodeAuthentificateurAsync(admin.Email!);
        var faux = bon == "123456" ? "654321" : "123456";
        for (var i = 0; i < 20; i++) await PosterCodeAsync(client, faux);
        var reponse = await PosterCodeAsync(client, bon);
        Assert.Contains(ConnexionModel.MessageVerrouille, await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.LireAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.LockoutEnd).SingleAsync()) > app.Horloge.GetUtcNow());
        Assert.Equal(0, await SessionsAsync(admin.Id));
    }

    [Fact]
    public async Task La_direction_non_inscrite_ne_peut_que_s_inscrire()
    {
        var structure = await app.CreerStructureAsync();
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, structure.Id, doubleFacteur: false);
        var client = await app.ConnecterAsync(direction.Email!);
        foreach (var url in new[] { "/", "/Participants", "/Reglages", "/Compte/MonCompte" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.Equal("/Compte/DoubleFacteurInscription", reponse.Headers.Location!.OriginalString);
        }
        var page = await client.GetStringAsync("/Compte/DoubleFacteurInscription");
        Assert.Contains("obligatoire pour votre compte", page, StringComparison.Ordinal);
        // The API (a personal access token) is not sent to enrolment.
        var jeton = await app.CreerJetonAsync(direction);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientApi(jeton).GetAsync("/api/v1/moi")).StatusCode);
        // Once enrolled, the pages open.
        await FabriqueClause.PosterAsync(client, "/Compte/DoubleFacteurInscription", new() { ["Saisie.Code"] = await app.CodeAuthentificateurAsync(direction.Email!) });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Participants")).StatusCode);
    }

    [Fact]
    public async Task Le_reglage_oblige_le_facilitateur_a_s_inscrire()
    {
        var structure = await app.CreerStructureAsync();
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var libre = await app.ConnecterAsync(facilitateur.Email!);
        Assert.Equal(HttpStatusCode.OK, (await libre.GetAsync("/Participants")).StatusCode);
        using (var db = app.ToutesStructures())
        {
            var reglages = await db.Reglages.SingleAsync(r => r.StructureId == structure.Id);
            reglages.ModifierConnexion(reglages.InactiviteSessionMinutes, doubleFacteurTousRoles: true);
            await db.SaveChangesAsync();
        }
        var client = await app.ConnecterAsync(facilitateur.Email!);
        var reponse = await client.GetAsync("/Participants");
        Assert.Equal("/Compte/DoubleFacteurInscription", reponse.Headers.Location?.OriginalString);
        // Another structure's facilitateur (réglage off) is free.
        var autre = await app.CreerUtilisateurAsync(Roles.Facilitateur, (await app.CreerStructureAsync()).Id);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ConnecterAsync(autre.Email!)).GetAsync("/Participants")).StatusCode);
    }

    [Fact]
    public async Task La_direction_reinitialise_un_compte_de_sa_structure_audite_et_404_ailleurs()
    {
        var structure = await app.CreerStructureAsync();
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, structure.Id);
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id, doubleFacteur: true);
        var etranger = await app.CreerUtilisateurAsync(Roles.Direction, (await app.CreerStructureAsync()).Id);
        var session = await app.ConnecterAsync(facilitateur.Email!);
        var client = await app.ConnecterAsync(direction.Email!);

        Assert.Contains(facilitateur.NomComplet, await client.GetStringAsync("/Structure/DoubleFacteur"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Structure/DoubleFacteur/{etranger.Id}")).StatusCode);
        var reponse = await FabriqueClause.PosterAsync(client, $"/Structure/DoubleFacteur/{facilitateur.Id}", [], $"/Structure/DoubleFacteur/{facilitateur.Id}");
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);

        Assert.False(await app.LireAsync(db => db.Users.Where(u => u.Id == facilitateur.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/Participants")).StatusCode); // its session closed
        var audit = await app.LireAsync(db => db.JournalAudit.IgnoreQueryFilters()
            .Where(j => j.TypeEntite == nameof(ReinitialisationDoubleFacteur) && j.UtilisateurId == direction.Id).ToListAsync());
        var ligne = Assert.Single(audit);
        Assert.Contains(facilitateur.Id.ToString(), ligne.Changements, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(structure.Id, ligne.StructureId);

        var foreign = await FabriqueClause.PosterAsync(client, $"/Structure/DoubleFacteur/{etranger.Id}", [], "/Structure/DoubleFacteur");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.True(await app.LireAsync(db => db.Users.Where(u => u.Id == etranger.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task L_administrateur_reinitialise_un_compte_et_c_est_audite()
    {
        var admin = await app.CreerUtilisateurAsync(Roles.Administrateur, null);
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, (await app.CreerStructureAsync()).Id);
        var client = await app.ConnecterAsync(admin.Email!);
        var reponse = await FabriqueClause.PosterAsync(client, $"/Admin/Utilisateurs/DoubleFacteur/{direction.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.False(await app.LireAsync(db => db.Users.Where(u => u.Id == direction.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(1, await app.LireAsync(db => db.JournalAudit.IgnoreQueryFilters()
            .CountAsync(j => j.TypeEntite == nameof(ReinitialisationDoubleFacteur) && j.UtilisateurId == admin.Id)));
        // At its next sign-in the Direction is sent to enrolment (a new device).
        var revenu = await app.ConnecterAsync(direction.Email!);
        Assert.Equal("/Compte/DoubleFacteurInscription", (await revenu.GetAsync("/")).Headers.Location?.OriginalString);
    }
}
