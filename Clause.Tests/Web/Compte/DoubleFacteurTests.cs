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
public partial class DoubleFacteurTests(FabriqueClause app) : IClassFixture<FabriqueClause>
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

    private static Task<HttpResponseMessage> ConfirmerAsync(HttpClient client, string handler, string? code) =>
        FabriqueClause.PosterAsync(client, "/Compte/DoubleFacteurCodes?handler=" + handler,
            code is null ? [] : new() { ["Saisie.Code"] = code }, "/Compte/DoubleFacteurCodes");

    private static readonly string[] CodesCandidats = ["123456", "654321", "111111", "222222"];

    /// <summary>A 6-digit code that is none of the codes accepted now (the current step and one either side).</summary>
    private async Task<string> CodeFauxAsync(string email)
    {
        var codes = new List<string>();
        foreach (var decalage in new[] { -1, 0, 1 }) codes.Add(await app.CodeAuthentificateurAsync(email, decalage));
        return CodesCandidats.First(c => !codes.Contains(c));
    }

    private Task<bool> ActiveAsync(Guid id) => app.LireAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync());

    private async Task<IReadOnlyList<string>> NouveauxCodesRecuperationAsync(Guid id)
    {
        using var portee = app.Services.CreateScope();
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        return [.. (await utilisateurs.GenerateNewTwoFactorRecoveryCodesAsync((await utilisateurs.FindByIdAsync(id.ToString()))!, 10))!];
    }

    [Fact]
    public async Task Desactiver_demande_un_code_valable_sinon_rien_ne_change()
    {
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, (await app.CreerStructureAsync()).Id, doubleFacteur: true);
        var client = await app.ConnecterAsync(facilitateur.Email!);
        var cle = await app.CleAuthentificateurAsync(facilitateur.Email!);

        var sansCode = await ConfirmerAsync(client, "Desactiver", null);
        Assert.Equal(HttpStatusCode.OK, sansCode.StatusCode);
        var html = await sansCode.Content.ReadAsStringAsync();
        Assert.Contains(DoubleFacteurCodesModel.MessageCodeManquant, html, StringComparison.Ordinal);
        Assert.Contains("« Code de confirmation »", html, StringComparison.Ordinal);
        Assert.True(await ActiveAsync(facilitateur.Id));

        var faux = await ConfirmerAsync(client, "Desactiver", await CodeFauxAsync(facilitateur.Email!));
        Assert.Contains(DoubleFacteurCodesModel.MessageCodeFaux, await faux.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await ActiveAsync(facilitateur.Id));
        Assert.Equal(1, await app.LireAsync(db => db.Users.Where(u => u.Id == facilitateur.Id).Select(u => u.AccessFailedCount).SingleAsync()));
        Assert.Equal(cle, await app.CleAuthentificateurAsync(facilitateur.Email!));

        // The sign-in used this step's code: replayed, it is refused too.
        var rejoue = await ConfirmerAsync(client, "Desactiver", await app.CodeAuthentificateurAsync(facilitateur.Email!));
        Assert.Contains(DoubleFacteurCodesModel.MessageCodeFaux, await rejoue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await ActiveAsync(facilitateur.Id));

        var bon = await ConfirmerAsync(client, "Desactiver", await app.CodeAuthentificateurAsync(facilitateur.Email!, 1));
        Assert.Equal(HttpStatusCode.Redirect, bon.StatusCode);
        Assert.Equal("/Compte/MonCompte", bon.Headers.Location?.OriginalString);
        Assert.False(await ActiveAsync(facilitateur.Id));
        Assert.NotEqual(cle, await app.CleAuthentificateurAsync(facilitateur.Email!));
        // The two wrong codes counted; the right one cleared the count, as a successful sign-in does.
        Assert.Equal(0, await app.LireAsync(db => db.Users.Where(u => u.Id == facilitateur.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task Desactiver_une_double_authentification_obligatoire_mene_a_l_inscription_d_un_nouvel_appareil()
    {
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, (await app.CreerStructureAsync()).Id);
        var client = await app.ConnecterAsync(direction.Email!);
        var code = (await NouveauxCodesRecuperationAsync(direction.Id))[0];
        var reponse = await ConfirmerAsync(client, "Desactiver", code);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("/Compte/DoubleFacteurInscription", reponse.Headers.Location?.OriginalString);
        Assert.False(await ActiveAsync(direction.Id));
        Assert.Equal("/Compte/DoubleFacteurInscription", (await client.GetAsync("/Participants")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Regenerer_les_codes_demande_un_code_valable_et_les_anciens_ne_servent_plus_qu_apres_un_succes()
    {
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, (await app.CreerStructureAsync()).Id);
        var client = await app.ConnecterAsync(direction.Email!);
        var anciens = await NouveauxCodesRecuperationAsync(direction.Id);

        var sansCode = await ConfirmerAsync(client, "Regenerer", "  ");
        var html = await sansCode.Content.ReadAsStringAsync();
        Assert.Contains(DoubleFacteurCodesModel.MessageCodeManquant, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Vos 10 codes de récupération", html, StringComparison.Ordinal);
        var faux = await ConfirmerAsync(client, "Regenerer", "zzzzz-zzzzz");
        html = await faux.Content.ReadAsStringAsync();
        Assert.Contains(DoubleFacteurCodesModel.MessageCodeFaux, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Vos 10 codes de récupération", html, StringComparison.Ordinal);
        var fauxTotp = await ConfirmerAsync(client, "Regenerer", await CodeFauxAsync(direction.Email!));
        Assert.Contains(DoubleFacteurCodesModel.MessageCodeFaux, await fauxTotp.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // After the refusals the old codes still serve: one of them confirms the regeneration (and is consumed).
        var succes = await ConfirmerAsync(client, "Regenerer", anciens[0]);
        Assert.Equal(HttpStatusCode.OK, succes.StatusCode);
        html = await succes.Content.ReadAsStringAsync();
        Assert.Contains("Vos 10 codes de récupération", html, StringComparison.Ordinal);
        var nouveaux = CodeAffiche().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, nouveaux.Count);
        Assert.DoesNotContain(anciens[1], nouveaux);

        // Now the old codes no longer serve; a new one does, and so does the app's code.
        var ancien = await ConfirmerAsync(client, "Regenerer", anciens[1]);
        Assert.Contains(DoubleFacteurCodesModel.MessageCodeFaux, await ancien.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var parNouveau = await ConfirmerAsync(client, "Regenerer", nouveaux[0]);
        Assert.Contains("Vos 10 codes de récupération", await parNouveau.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var parApplication = await ConfirmerAsync(client, "Regenerer", await app.CodeAuthentificateurAsync(direction.Email!, 1));
        Assert.Contains("Vos 10 codes de récupération", await parApplication.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await ActiveAsync(direction.Id));
    }

    [Fact]
    public async Task Cinq_codes_faux_a_la_confirmation_verrouillent_le_compte()
    {
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, (await app.CreerStructureAsync()).Id, doubleFacteur: true);
        var client = await app.ConnecterAsync(facilitateur.Email!);
        var faux = await CodeFauxAsync(facilitateur.Email!);
        for (var i = 0; i < 5; i++) await ConfirmerAsync(client, "Desactiver", faux);
        var reponse = await ConfirmerAsync(client, "Desactiver", await app.CodeAuthentificateurAsync(facilitateur.Email!, 1));
        Assert.Contains(DoubleFacteurCodesModel.MessageVerrouille, await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await ActiveAsync(facilitateur.Id));
    }

    [System.Text.RegularExpressions.GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial System.Text.RegularExpressions.Regex CodeAffiche();
}
