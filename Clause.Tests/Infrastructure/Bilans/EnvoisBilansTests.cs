using System.Net;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Securite;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Persistence;
using Clause.Tests.EndToEnd;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using OfficeOpenXml;

namespace Clause.Tests.Infrastructure.Bilans;

/// <summary>
/// Sending a bilan by mail (issue 10 item 6) in the real app against a real SMTP server (netDumbster): one mail per
/// chosen contact through the outbox, the buyer's workbook attached, a French summary in the body, the send recorded and
/// listed on the buyer's page; a contact without e-mail refused by name with nothing sent nor recorded.
/// </summary>
public sealed class EnvoisBilansTests : IDisposable
{
    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start();

    private readonly FabriqueSmtp _app;

    public EnvoisBilansTests() => _app = new FabriqueSmtp(_smtp.Configuration.Port);

    public void Dispose()
    {
        _app.Dispose();
        _smtp.Dispose();
    }

    private static readonly PeriodeBilan Trimestre = new(new Mois(2026, 1), new Mois(2026, 3));

    private sealed record Situation(StructureId Structure, DonneurOrdreId DonneurOrdre, Guid Camille, Guid Paul, Guid SansEmail);

    private async Task<Situation> SemerAsync()
    {
        var structure = await _app.CreerStructureAsync();
        var s = new SituationsMarches(structure.Id);
        var camille = s.DonneurOrdre.AjouterContact("Camille Girard", RoleContactDonneurOrdre.Elu, "camille.girard@ville-tours.fr", null);
        var paul = s.DonneurOrdre.AjouterContact("Paul Durand", RoleContactDonneurOrdre.ServiceMarches, "paul.durand@ville-tours.fr", null);
        var sans = s.DonneurOrdre.AjouterContact("Rose Petit", RoleContactDonneurOrdre.Technicien, null, "02 47 00 00 00");
        await _app.EcrireAsync(db =>
        {
            db.DonneursOrdre.Add(s.DonneurOrdre);
            db.Operations.Add(s.Operation);
        });
        await _app.SemerMarcheAsync(s);
        return new Situation(structure.Id, s.DonneurOrdre.Id, camille.Id, paul.Id, sans.Id);
    }

    private async Task<EnvoiBilan?> EnvoyerAsync(StructureId structure, PerimetreBilan perimetre, params Guid[] contacts)
    {
        using var portee = _app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirUtilisateur(Guid.NewGuid(), "Fanny Facilitatrice", structure, null, null);
        return await portee.ServiceProvider.GetRequiredService<EnvoisBilans>()
            .EnvoyerAsync(new DemandeEnvoiBilan(perimetre, Trimestre, contacts), new ExpediteurBilan(db.Contexte.UtilisateurId, db.Contexte.NomUtilisateur));
    }

    [Fact]
    public async Task Chaque_contact_choisi_recoit_le_bilan_en_piece_jointe_et_l_envoi_est_inscrit()
    {
        var s = await SemerAsync();
        var perimetre = new PerimetreBilan(Perimetre.DonneurOrdre, s.DonneurOrdre.Valeur);

        var envoi = await EnvoyerAsync(s.Structure, perimetre, s.Camille, s.Paul);

        Assert.NotNull(envoi);
        Assert.Equal("2 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await _app.EnvoyerMailsAsync());
        Assert.Equal(2, _smtp.ReceivedEmail.Length);
        var recus = new List<MimeMessage>();
        foreach (var brut in _smtp.ReceivedEmail)
        {
            using var flux = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(brut.Data));
            recus.Add(await MimeMessage.LoadAsync(flux));
        }
        Assert.Equal(["camille.girard@ville-tours.fr", "paul.durand@ville-tours.fr"],
            recus.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        foreach (var mail in recus)
        {
            Assert.StartsWith("Bilan de la clause d'insertion — ", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("Heures dues : ", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("janvier 2026 – mars 2026", mail.TextBody, StringComparison.Ordinal);
            var piece = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
            Assert.Equal(envoi.NomFichier, piece.FileName);
            Assert.StartsWith("bilan-donneur-d-ordre-", piece.FileName, StringComparison.Ordinal);
            Assert.EndsWith("-2026-01-2026-03.xlsx", piece.FileName, StringComparison.Ordinal);
            using var octets = new MemoryStream();
            Assert.NotNull(piece.Content);
            await piece.Content.DecodeToAsync(octets);
            using var classeur = new ExcelPackage(new MemoryStream(octets.ToArray()));
            Assert.Equal(ClasseurBilan.FeuilleSynthese, classeur.Workbook.Worksheets[0].Name);
        }

        var journal = await _app.LireAsync(db => db.EnvoisBilans.IgnoreQueryFilters().AsNoTracking().SingleAsync());
        Assert.Equal((s.Structure, s.DonneurOrdre, Perimetre.DonneurOrdre, s.DonneurOrdre.Valeur), (journal.StructureId, journal.DonneurOrdreId, journal.Perimetre, journal.PerimetreId));
        Assert.Equal((new Mois(2026, 1), new Mois(2026, 3)), (journal.Du, journal.Au));
        Assert.Equal("Fanny Facilitatrice", journal.EnvoyeParNom);
        Assert.Equal(_app.Horloge.GetUtcNow(), journal.EnvoyeLe);
        Assert.Equal(2, journal.NombreDestinataires);
        Assert.Equal("Camille Girard <camille.girard@ville-tours.fr> ; Paul Durand <paul.durand@ville-tours.fr>", journal.Destinataires);
        // The outbox keeps no copy of the file once the mails are out.
        Assert.All(await _app.LireAsync(db => db.MessagesSortants.AsNoTracking().ToListAsync()), m => Assert.Null(m.PieceJointeContenu));
    }

    [Fact]
    public async Task Un_contact_sans_e_mail_est_refuse_par_son_nom_et_rien_n_est_envoye_ni_inscrit()
    {
        var s = await SemerAsync();

        var erreur = await Assert.ThrowsAsync<RegleMetierException>(() =>
            EnvoyerAsync(s.Structure, new PerimetreBilan(Perimetre.DonneurOrdre, s.DonneurOrdre.Valeur), s.Camille, s.SansEmail));

        Assert.Equal("Destinataires", erreur.Champ);
        Assert.Contains("Rose Petit n'a pas d'adresse e-mail (champ « E-mail »", erreur.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _app.LireAsync(db => db.EnvoisBilans.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(0, await _app.LireAsync(db => db.MessagesSortants.CountAsync()));
        Assert.Equal("0 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await _app.EnvoyerMailsAsync());
        Assert.Empty(_smtp.ReceivedEmail);
    }

    [Fact]
    public async Task Aucun_destinataire_ou_un_contact_d_un_autre_acheteur_est_refuse_en_une_fois()
    {
        var s = await SemerAsync();
        var autre = await SemerAsync();

        var erreur = await Assert.ThrowsAsync<RegleMetierException>(() =>
            EnvoyerAsync(s.Structure, new PerimetreBilan(Perimetre.DonneurOrdre, s.DonneurOrdre.Valeur), autre.Camille, s.SansEmail));
        Assert.Equal(2, erreur.Toutes.Count);
        Assert.Contains(erreur.Toutes, e => e.Message.Contains("n'est pas un contact de ce donneur d'ordre", StringComparison.Ordinal));
        var vide = await Assert.ThrowsAsync<RegleMetierException>(() => EnvoyerAsync(s.Structure, new PerimetreBilan(Perimetre.DonneurOrdre, s.DonneurOrdre.Valeur)));
        Assert.Equal("Choisissez au moins un contact destinataire.", vide.Message);
        Assert.Equal(0, await _app.LireAsync(db => db.MessagesSortants.CountAsync()));
    }

    [Fact]
    public async Task Le_bilan_de_toute_la_structure_ne_s_envoie_pas_et_le_perimetre_d_une_autre_structure_est_introuvable()
    {
        var s = await SemerAsync();
        var autre = await SemerAsync();

        var erreur = await Assert.ThrowsAsync<RegleMetierException>(() => EnvoyerAsync(s.Structure, PerimetreBilan.Structure, s.Camille));
        Assert.Equal("perimetre", erreur.Champ);
        Assert.Null(await EnvoyerAsync(s.Structure, new PerimetreBilan(Perimetre.DonneurOrdre, autre.DonneurOrdre.Valeur), autre.Camille));
        Assert.Equal(0, await _app.LireAsync(db => db.EnvoisBilans.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task La_page_du_donneur_d_ordre_liste_ses_envois()
    {
        var s = await SemerAsync();
        await EnvoyerAsync(s.Structure, new PerimetreBilan(Perimetre.DonneurOrdre, s.DonneurOrdre.Valeur), s.Paul);
        var facilitateur = await _app.CreerUtilisateurAsync(Roles.Facilitateur, s.Structure);
        var client = await _app.ConnecterAsync(facilitateur.Email!);

        using var reponse = await client.GetAsync($"/DonneursOrdre/Details/{s.DonneurOrdre}");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("Bilans envoyés", page, StringComparison.Ordinal);
        Assert.Contains("Paul Durand <paul.durand@ville-tours.fr>", page, StringComparison.Ordinal);
        Assert.Contains("Fanny Facilitatrice", page, StringComparison.Ordinal);
        Assert.Contains("janvier 2026 – mars 2026", page, StringComparison.Ordinal);
    }
}
