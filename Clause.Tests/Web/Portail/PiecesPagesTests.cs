using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Pieces;
using Clause.Domain.Securite;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Pieces;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Portail;

/// <summary>
/// Proofs against the real app (issue 9 items 6 and 9), real multipart forms, real files in the fixture's temporary
/// Pieces:Dossier, « today » 15/03/2026. Structure S: lot 1 held by A (attributaire) with B (an ACI) as sous-traitant,
/// lot 2 held by C; A employs Léa and Paul on lot 1, B employs Rose there. Structure S2 has its own company D.
/// </summary>
public partial class PiecesPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 0xFF, 0xD9];

    private sealed record Situation(StructureId StructureId, LotDeTest Lot1, Entreprise A, Entreprise B, Entreprise C, Contrat ContratLea,
        Contrat ContratPaul, Contrat ContratRose);

    private async Task<Situation> SituationAsync()
    {
        var structure = await app.CreerStructureAsync();
        var lot1 = await app.SemerLotAsync(structure.Id, enExecution: true, numero: "2026-001");
        var b = await app.CreerEntrepriseAsync(structure.Id, "Jardins de Loire", AcheteursDeTest.NouveauSiret(), TypeEmployeur.ACI);
        await app.EcrireAsync(async db =>
        {
            var lot = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == lot1.Lot.Id);
            lot.Attribuer(await db.Entreprises.SingleAsync(e => e.Id == b.Id), RoleAttribution.SousTraitant, new DateOnly(2026, 1, 2));
        });
        var c = await app.CreerEntrepriseAsync(structure.Id, "Charpentes de Touraine", AcheteursDeTest.NouveauSiret());
        await app.SemerLotAsync(structure.Id, SituationsMarches.LotF1("Charpente"), enExecution: true, marches: lot1.Marches, numero: "2026-002", titulaire: c);
        var lea = await app.SemerContratAsync(lot1, await app.SemerParticipantAsync(structure.Id, "Martin", "Léa"));
        var paul = await app.SemerContratAsync(lot1, await app.SemerParticipantAsync(structure.Id, "Durand", "Paul"));
        var roseParticipant = await app.SemerParticipantAsync(structure.Id, "Petit", "Rose");
        var rose = Contrat.Proposer(roseParticipant, lot1.Lot, b, SituationsContrats.Donnees(ModaliteContrat.SousTraitanceSiae, new DateOnly(2026, 1, 5)),
            lot1.Marches.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        rose.Valider(roseParticipant, lot1.Marches.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await app.EcrireAsync(db => db.Contrats.Add(rose));
        return new Situation(structure.Id, lot1, lot1.Titulaire, b, c, lea, paul, rose);
    }

    private async Task<(HttpClient Client, Guid Id)> ConnecterAsync(string role, StructureId structureId, EntrepriseId? entreprise = null,
        DonneurOrdreId? donneurOrdre = null)
    {
        var utilisateur = await app.CreerUtilisateurAsync(role, structureId, entreprise, donneurOrdre);
        return (await app.ConnecterAsync(utilisateur.Email!), utilisateur.Id);
    }

    private Task<(HttpClient Client, Guid Id)> ContactAsync(StructureId structureId, Entreprise entreprise) =>
        ConnecterAsync(Roles.Entreprise, structureId, entreprise.Id);

    /// <summary>Posts the upload form as a browser does (multipart, antiforgery token of the form page); <paramref name="contenu"/> null: no file.</summary>
    private static async Task<HttpResponseMessage> DeposerAsync(HttpClient client, byte[]? contenu, string nom, string typeAnnonce = "application/pdf",
        string? mois = "2026-02", ContratId? contrat = null, string nature = nameof(NaturePiece.ReleveHeures))
    {
        var page = await client.GetStringAsync("/Portail/Pieces/Deposer");
        var jeton = JetonAntiforgery().Match(page);
        Assert.True(jeton.Success, "Pas de jeton antiforgery sur le formulaire de dépôt.");
        using var formulaire = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(jeton.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(nature), "Saisie.Nature" },
            { new StringContent(mois ?? string.Empty), "Saisie.Mois" },
            { new StringContent(contrat?.ToString() ?? string.Empty), "Saisie.ContratId" },
        };
        // No file part at all when no content is given (no file chosen).
        if (contenu is not null)
        {
            var fichier = new ByteArrayContent(contenu);
            fichier.Headers.ContentType = new MediaTypeHeaderValue(typeAnnonce);
            formulaire.Add(fichier, "Saisie.Fichier", nom);
        }
        return await client.PostAsync("/Portail/Pieces/Deposer", formulaire);
    }

    private async Task<PieceJustificative> DeposerAvecSuccesAsync(HttpClient client, byte[] contenu, string nom, string? mois = "2026-02", ContratId? contrat = null)
    {
        var avant = await app.LireBaseAsync(db => db.PiecesJustificatives.Select(p => p.Id).ToListAsync());
        var reponse = await DeposerAsync(client, contenu, nom, mois: mois, contrat: contrat);
        Assert.True(reponse.StatusCode == HttpStatusCode.Redirect, await reponse.Content.ReadAsStringAsync());
        return await app.LireBaseAsync(db => db.PiecesJustificatives.AsNoTracking().SingleAsync(p => !avant.Contains(p.Id)));
    }

    private string[] Fichiers(StructureId structureId)
    {
        var dossier = Path.Combine(app.DossierPieces, structureId.Valeur.ToString("N"));
        return Directory.Exists(dossier) ? Directory.GetFiles(dossier) : [];
    }

    private Task<int> PiecesAsync(StructureId structureId) => app.LireBaseAsync(db => db.PiecesJustificatives.CountAsync(p => p.StructureId == structureId));

    private Task<int> TelechargementsAsync(PieceJustificativeId id) => app.LireBaseAsync(db => db.TelechargementsPieces.CountAsync(t => t.PieceId == id));

    private static string Erreur(string html) => SituationsMarches.Espaces(FabriqueClause.ErreurDuChamp(html, "Saisie.Fichier") ?? string.Empty);

    public static TheoryData<string, byte[], string, string> Refus() => new()
    {
        { "page HTML renommée .pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "releve.pdf",
            "« releve.pdf » n'est pas un PDF, un PNG ou un JPEG" },
        { "exécutable renommé .pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "bulletin.pdf", "« bulletin.pdf » n'est pas un PDF, un PNG ou un JPEG" },
        { "fichier vide", [], "vide.pdf", "« vide.pdf » est vide" },
        { "fichier de 6 Mo", [.. "%PDF-1.4\n"u8, .. new byte[6 * 1024 * 1024]], "gros.pdf", "« gros.pdf » dépasse 5 Mo" },
        { "GIF (autre format)", [.. "GIF89a"u8, 1, 0, 1, 0], "photo.gif", "« photo.gif » n'est pas un PDF, un PNG ou un JPEG" },
    };

    [Theory]
    [MemberData(nameof(Refus))]
    public async Task Un_fichier_refuse_donne_un_message_francais_sur_le_champ_et_rien_n_est_stocke(string cas, byte[] contenu, string nom, string attendu)
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);

        var reponse = await DeposerAsync(client, contenu, nom);

        Assert.True(reponse.StatusCode == HttpStatusCode.OK, cas);
        var erreur = Erreur(await reponse.Content.ReadAsStringAsync());
        Assert.StartsWith("Fichier :", erreur, StringComparison.Ordinal);
        Assert.Contains(attendu, erreur, StringComparison.Ordinal);
        Assert.Equal(0, await PiecesAsync(s.StructureId));
        Assert.Empty(Fichiers(s.StructureId));
    }

    [Fact]
    public async Task Le_type_annonce_par_le_navigateur_ne_compte_pas()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);

        var reponse = await DeposerAsync(client, Encoding.UTF8.GetBytes("<html></html>"), "releve.pdf", typeAnnonce: "application/pdf");
        var piece = await DeposerAvecSuccesAsync(client, Pdf, "releve.html");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", piece.TypeContenu);
        Assert.Equal("releve.pdf", piece.NomOriginal);
    }

    [Fact]
    public async Task Une_requete_au_dela_de_la_limite_revient_au_formulaire_avec_le_message_francais()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);

        var reponse = await DeposerAsync(client, [.. "%PDF-1.4\n"u8, .. new byte[13 * 1024 * 1024]], "enorme.pdf");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("/Portail/Pieces/Deposer", reponse.Headers.Location!.OriginalString);
        var formulaire = await client.GetStringAsync("/Portail/Pieces/Deposer");
        Assert.Contains("dépasse largement 5 Mo", Erreur(formulaire), StringComparison.Ordinal);
        Assert.Equal(0, await PiecesAsync(s.StructureId));
        Assert.Empty(Fichiers(s.StructureId));
    }

    [Fact]
    public async Task Sans_fichier_ni_nature_ni_rattachement_le_formulaire_nomme_chaque_champ()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);

        var sansRattachement = await (await DeposerAsync(client, Pdf, "a.pdf", mois: null)).Content.ReadAsStringAsync();
        var sansNature = await (await DeposerAsync(client, Pdf, "a.pdf", nature: "")).Content.ReadAsStringAsync();
        var moisIllisible = await (await DeposerAsync(client, Pdf, "a.pdf", mois: "février")).Content.ReadAsStringAsync();
        var moisFutur = await (await DeposerAsync(client, Pdf, "a.pdf", mois: "2026-04")).Content.ReadAsStringAsync();

        Assert.Contains("Rattachez la pièce à un mois ou à un contrat", FabriqueClause.ErreurDuChamp(sansRattachement, "Saisie.Mois"), StringComparison.Ordinal);
        Assert.Contains("Nature de la pièce", FabriqueClause.ErreurDuChamp(sansNature, "Saisie.Nature"), StringComparison.Ordinal);
        Assert.Contains("aaaa-mm", FabriqueClause.ErreurDuChamp(moisIllisible, "Saisie.Mois"), StringComparison.Ordinal);
        Assert.Contains("pas encore commencé", FabriqueClause.ErreurDuChamp(moisFutur, "Saisie.Mois"), StringComparison.Ordinal);
        Assert.Equal(0, await PiecesAsync(s.StructureId));
        Assert.Empty(Fichiers(s.StructureId));
    }

    [Fact]
    public async Task Le_contrat_d_une_autre_entreprise_dans_le_formulaire_est_refuse_et_rien_n_est_stocke()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);

        var html = await (await DeposerAsync(client, Pdf, "a.pdf", contrat: s.ContratRose.Id)).Content.ReadAsStringAsync();

        Assert.Equal(PieceJustificative.ContratInconnu, FabriqueClause.ErreurDuChamp(html, "Saisie.ContratId"));
        Assert.Equal(0, await PiecesAsync(s.StructureId));
        Assert.Empty(Fichiers(s.StructureId));
    }

    public static TheoryData<string, string, string> Valides() => new()
    {
        { "pdf", "releve.pdf", "application/pdf" },
        { "png", "scan.png", "image/png" },
        { "jpeg", "photo.jpeg", "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(Valides))]
    public async Task Un_fichier_valide_est_stocke_sous_un_nom_genere_hors_de_wwwroot_avec_son_empreinte(string type, string nom, string typeContenu)
    {
        var s = await SituationAsync();
        var (client, contactId) = await ContactAsync(s.StructureId, s.A);
        var contenu = type switch { "pdf" => Pdf, "png" => Png, _ => Jpeg };

        var piece = await DeposerAvecSuccesAsync(client, contenu, nom, contrat: s.ContratLea.Id);

        Assert.Equal(typeContenu, piece.TypeContenu);
        Assert.Equal(contenu.Length, piece.Taille);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(contenu)), piece.Empreinte);
        Assert.Equal(s.A.Id, piece.EntrepriseId);
        Assert.Equal(s.ContratLea.Id, piece.ContratId);
        Assert.Equal(new Mois(2026, 2), piece.Mois);
        Assert.Equal(contactId, piece.DeposeeParId);
        Assert.Matches($"^{piece.Id:N}\\.(pdf|png|jpg)$", piece.NomStocke);
        var fichier = Assert.Single(Fichiers(s.StructureId));
        Assert.Equal(piece.NomStocke, Path.GetFileName(fichier));
        Assert.Equal(contenu, await File.ReadAllBytesAsync(fichier));
        Assert.StartsWith(Path.GetFullPath(app.DossierPieces), Path.GetFullPath(fichier), StringComparison.Ordinal);
        Assert.DoesNotContain("wwwroot", fichier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_depot_est_inscrit_au_journal_d_audit_et_la_page_y_ramene()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);

        var reponse = await DeposerAsync(client, Pdf, "releve.pdf");
        var piece = await app.LireBaseAsync(db => db.PiecesJustificatives.SingleAsync(p => p.StructureId == s.StructureId));

        Assert.Equal("/Portail/Pieces?mois=2026-02", reponse.Headers.Location!.OriginalString);
        var audit = await app.LireBaseAsync(db => db.JournalAudit.SingleAsync(j => j.EntiteId == piece.Id.Valeur));
        Assert.Equal(ActionAudit.Creation, audit.Action);
        Assert.Equal(nameof(PieceJustificative), audit.TypeEntite);
        Assert.Equal(s.StructureId, audit.StructureId);
        var liste = await client.PageAsync("/Portail/Pieces?mois=2026-02");
        Assert.Contains("releve.pdf", liste.Texte($"#piece-{piece.Id}"), StringComparison.Ordinal);
        Assert.Contains("février 2026", liste.Texte("#objet-pieces"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_liste_d_un_contrat_montre_ses_pieces_et_son_lien_de_depot_choisit_ce_contrat()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);
        var dePaul = await DeposerAvecSuccesAsync(client, Pdf, "paul.pdf", contrat: s.ContratPaul.Id);
        var deLea = await DeposerAvecSuccesAsync(client, Png, "lea.png", mois: null, contrat: s.ContratLea.Id);

        var liste = await client.PageAsync($"/Portail/Pieces?contrat={s.ContratLea.Id}");
        var toutes = await client.PageAsync("/Portail/Pieces");
        var formulaire = await client.PageAsync(liste.QuerySelector("#lien-deposer")!.GetAttribute("href")!);

        Assert.Contains("Léa Martin", liste.Texte("#objet-pieces"), StringComparison.Ordinal);
        Assert.NotNull(liste.GetElementById($"piece-{deLea.Id}"));
        Assert.Null(liste.GetElementById($"piece-{dePaul.Id}"));
        Assert.Contains("février 2026 — Paul Durand", toutes.Texte($"#piece-{dePaul.Id}"), StringComparison.Ordinal);
        Assert.Equal(s.ContratLea.Id.ToString(), formulaire.QuerySelector("#Saisie_ContratId option[selected]")?.GetAttribute("value"));
        // The company's contrats only, by the names it knows; never B's.
        var options = formulaire.QuerySelectorAll("#Saisie_ContratId option").Select(o => o.TextContent).ToList();
        Assert.Contains(options, o => o.StartsWith("Paul Durand — Marché 2026-001", StringComparison.Ordinal));
        Assert.DoesNotContain(options, o => o.Contains("Rose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Le_telechargement_est_une_piece_jointe_nosniff_et_il_est_inscrit()
    {
        var s = await SituationAsync();
        var (client, contactId) = await ContactAsync(s.StructureId, s.A);
        var piece = await DeposerAvecSuccesAsync(client, Pdf, "Relevé février.pdf");

        var reponse = await client.GetAsync($"/Portail/Pieces/Telecharger/{piece.Id}");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Relevé février.pdf", reponse.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(reponse.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", Assert.Single(reponse.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(Pdf, await reponse.Content.ReadAsByteArrayAsync());
        var journal = await app.LireBaseAsync(db => db.TelechargementsPieces.SingleAsync(t => t.PieceId == piece.Id));
        Assert.Equal(contactId, journal.UtilisateurId);
        Assert.Equal(s.StructureId, journal.StructureId);
        Assert.Equal(app.Horloge.GetUtcNow(), journal.Quand);
    }

    [Theory]
    [InlineData(Roles.Facilitateur)]
    [InlineData(Roles.Direction)]
    public async Task Le_personnel_de_la_structure_telecharge_la_piece_et_c_est_inscrit(string role)
    {
        var s = await SituationAsync();
        var piece = await DeposerAvecSuccesAsync((await ContactAsync(s.StructureId, s.A)).Client, Pdf, "releve.pdf", contrat: s.ContratLea.Id);
        var (personnel, personnelId) = await ConnecterAsync(role, s.StructureId);

        var reponse = await personnel.GetAsync($"/Pieces/Telecharger/{piece.Id}");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", Assert.Single(reponse.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Pdf, await reponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(personnelId, (await app.LireBaseAsync(db => db.TelechargementsPieces.SingleAsync(t => t.PieceId == piece.Id))).UtilisateurId);
        // The contrat's page shows the proof to the staff, with the staff's download link.
        var fiche = await personnel.PageAsync($"/Contrats/Details/{s.ContratLea.Id}");
        Assert.NotNull(fiche.QuerySelector($"#pieces-du-contrat a[href='/Pieces/Telecharger/{piece.Id}']"));
    }

    [Fact]
    public async Task Personne_d_autre_n_atteint_la_piece_d_une_entreprise()
    {
        var s = await SituationAsync();
        var piece = await DeposerAvecSuccesAsync((await ContactAsync(s.StructureId, s.A)).Client, Pdf, "releve.pdf", contrat: s.ContratLea.Id);
        var autre = await app.CreerStructureAsync();
        var d = await app.CreerEntrepriseAsync(autre.Id, "Bâtiments du Val SARL", AcheteursDeTest.NouveauSiret());
        var entreprises = new Dictionary<string, HttpClient>
        {
            ["B, sous-traitant du même lot"] = (await ContactAsync(s.StructureId, s.B)).Client,
            ["C, d'un autre lot"] = (await ContactAsync(s.StructureId, s.C)).Client,
            ["D, d'une autre structure"] = (await ContactAsync(autre.Id, d)).Client,
        };
        var autres = new Dictionary<string, HttpClient>(entreprises)
        {
            ["acheteur du lot"] = (await ConnecterAsync(Roles.DonneurOrdre, s.StructureId, donneurOrdre: s.Lot1.Marches.DonneurOrdre.Id)).Client,
            ["référent"] = (await ConnecterAsync(Roles.Referent, s.StructureId)).Client,
            ["facilitateur d'une autre structure"] = (await ConnecterAsync(Roles.Facilitateur, autre.Id)).Client,
            ["direction d'une autre structure"] = (await ConnecterAsync(Roles.Direction, autre.Id)).Client,
        };

        foreach (var (qui, client) in autres)
            Assert.True((await client.GetAsync($"/Pieces/Telecharger/{piece.Id}")).StatusCode == HttpStatusCode.NotFound, qui);
        foreach (var (qui, client) in entreprises)
        {
            Assert.True((await client.GetAsync($"/Portail/Pieces/Telecharger/{piece.Id}")).StatusCode == HttpStatusCode.NotFound, qui);
            Assert.True((await client.GetAsync($"/Portail/Pieces/Supprimer/{piece.Id}")).StatusCode == HttpStatusCode.NotFound, qui);
            Assert.True((await client.GetAsync($"/Portail/Pieces?contrat={s.ContratLea.Id}")).StatusCode == HttpStatusCode.NotFound, qui);
            Assert.DoesNotContain("releve.pdf", (await client.PageAsync("/Portail/Pieces?mois=2026-02")).Texte(), StringComparison.Ordinal);
        }
        // The portal itself is closed to the other roles (the folder's policy): refused, never the file.
        foreach (var qui in new[] { "acheteur du lot", "référent", "facilitateur d'une autre structure" })
        {
            var reponse = await autres[qui].GetAsync($"/Portail/Pieces/Telecharger/{piece.Id}");
            Assert.True(reponse.StatusCode == HttpStatusCode.Redirect && reponse.Headers.Location!.PathAndQuery.StartsWith("/Compte/AccesRefuse", StringComparison.Ordinal), qui);
        }
        Assert.Equal(0, await TelechargementsAsync(piece.Id));
    }

    [Fact]
    public async Task Un_referent_ne_voit_pas_les_pieces_sur_la_page_du_contrat()
    {
        var s = await SituationAsync();
        await DeposerAvecSuccesAsync((await ContactAsync(s.StructureId, s.A)).Client, Pdf, "releve.pdf", contrat: s.ContratLea.Id);
        var (referent, referentId) = await ConnecterAsync(Roles.Referent, s.StructureId);
        await app.EcrireAsync(async db =>
            db.Entry(await db.Participants.SingleAsync(p => p.Id == s.ContratLea.ParticipantId)).Property(p => p.ReferentId).CurrentValue = referentId);

        var fiche = await referent.PageAsync($"/Contrats/Details/{s.ContratLea.Id}");

        Assert.Null(fiche.GetElementById("pieces-du-contrat"));
    }

    [Fact]
    public async Task L_auteur_supprime_sa_piece_tant_que_ses_heures_ne_sont_pas_validees()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);
        var piece = await DeposerAvecSuccesAsync(client, Pdf, "releve.pdf", mois: "2026-01", contrat: s.ContratLea.Id);
        await app.SemerHeuresAsync(s.Lot1, s.ContratLea, SituationsContrats.Entreprise, (new Mois(2026, 1), 100));
        var liste = await client.PageAsync("/Portail/Pieces?mois=2026-01");
        Assert.NotNull(liste.QuerySelector($"#piece-{piece.Id} a[href^='/Portail/Pieces/Supprimer/{piece.Id}']"));

        var reponse = await FabriqueClause.PosterAsync(client, $"/Portail/Pieces/Supprimer/{piece.Id}", new());

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(0, await PiecesAsync(s.StructureId));
        Assert.Empty(Fichiers(s.StructureId));
        var audit = await app.LireBaseAsync(db => db.JournalAudit.Where(j => j.EntiteId == piece.Id.Valeur).Select(j => j.Action).ToListAsync());
        Assert.Equal([ActionAudit.Creation, ActionAudit.Suppression], audit.Order());
    }

    [Fact]
    public async Task Une_fois_les_heures_du_mois_validees_la_suppression_est_refusee_et_rien_ne_disparait()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);
        var piece = await DeposerAvecSuccesAsync(client, Pdf, "releve.pdf", mois: "2026-01");
        var confirmation = await client.GetStringAsync($"/Portail/Pieces/Supprimer/{piece.Id}");
        var ligne = (await app.SemerHeuresAsync(s.Lot1, s.ContratLea, SituationsContrats.Entreprise, (new Mois(2026, 1), 100)))[0];
        await app.EcrireAsync(async db =>
            (await db.DeclarationsHeures.Include(d => d.Versions).SingleAsync(d => d.Id == ligne.Id)).Valider(SituationsContrats.Facilitateur, SituationsContrats.Maintenant));

        var reponse = await FabriqueClause.PosterAsync(client, $"/Portail/Pieces/Supprimer/{piece.Id}", new(), urlFormulaire: "/Portail/Pieces/Deposer");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("ne peut plus être supprimée", await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await PiecesAsync(s.StructureId));
        Assert.Single(Fichiers(s.StructureId));
        Assert.Contains("Supprimer la pièce", confirmation, StringComparison.Ordinal);
        Assert.NotNull((await client.PageAsync($"/Portail/Pieces/Supprimer/{piece.Id}")).GetElementById("piece-verrouillee"));
        Assert.Null((await client.PageAsync("/Portail/Pieces?mois=2026-01")).QuerySelector($"#piece-{piece.Id} .piece-supprimer"));
    }

    [Fact]
    public async Task Un_autre_contact_de_l_entreprise_ne_supprime_pas_la_piece_un_facilitateur_oui()
    {
        var s = await SituationAsync();
        var piece = await DeposerAvecSuccesAsync((await ContactAsync(s.StructureId, s.A)).Client, Pdf, "releve.pdf");
        var (collegue, _) = await ContactAsync(s.StructureId, s.A);
        var (facilitateur, _) = await ConnecterAsync(Roles.Facilitateur, s.StructureId);
        var (direction, _) = await ConnecterAsync(Roles.Direction, s.StructureId);

        var refus = await FabriqueClause.PosterAsync(collegue, $"/Portail/Pieces/Supprimer/{piece.Id}", new());
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        Assert.Contains("Seule la personne qui a déposé cette pièce", await refus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await PiecesAsync(s.StructureId));
        Assert.Equal(HttpStatusCode.Redirect, (await direction.GetAsync($"/Pieces/Supprimer/{piece.Id}")).StatusCode);

        var reponse = await FabriqueClause.PosterAsync(facilitateur, $"/Pieces/Supprimer/{piece.Id}", new());

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(0, await PiecesAsync(s.StructureId));
        Assert.Empty(Fichiers(s.StructureId));
    }

    // The lock (RequetesPieces.Verrouillees), clause by clause: proofs written straight in the database.
    private async Task<PieceJustificative> PieceAsync(Situation s, Contrat? contrat, Mois? mois, Entreprise? entreprise = null)
    {
        var piece = PieceJustificative.Deposer(s.StructureId, (entreprise ?? s.A).Id, contrat, mois, NaturePiece.ReleveHeures, "r.pdf",
            new FichierRecu(TypeFichier.Pdf, 10, new string('0', 64)), SituationsContrats.Entreprise, app.Horloge.GetUtcNow());
        await app.EcrireAsync(db => db.PiecesJustificatives.Add(piece));
        return piece;
    }

    private Task<bool> VerrouilleeAsync(PieceJustificative piece) =>
        app.LireBaseAsync(db => RequetesPieces.Verrouillees(db, db.PiecesJustificatives.Where(p => p.Id == piece.Id)).AnyAsync());

    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Fevrier = new(2026, 2);

    [Fact]
    public async Task Une_piece_du_mois_se_verrouille_quand_une_ligne_de_l_entreprise_de_ce_mois_est_validee()
    {
        var s = await SituationAsync();
        var piece = await PieceAsync(s, null, Janvier);
        var ligne = (await app.SemerHeuresAsync(s.Lot1, s.ContratLea, SituationsContrats.Entreprise, (Janvier, 100)))[0];
        Assert.False(await VerrouilleeAsync(piece));

        await app.EcrireAsync(async db =>
            (await db.DeclarationsHeures.Include(d => d.Versions).SingleAsync(d => d.Id == ligne.Id)).Valider(SituationsContrats.Facilitateur, SituationsContrats.Maintenant));

        Assert.True(await VerrouilleeAsync(piece));
    }

    [Fact]
    public async Task Une_piece_du_mois_ne_se_verrouille_ni_par_un_autre_mois_ni_par_une_autre_entreprise()
    {
        var s = await SituationAsync();
        var piece = await PieceAsync(s, null, Fevrier);
        // A validated January line of A, and B's validated February line on the same lot.
        await app.SemerHeuresAsync(s.Lot1, s.ContratLea, SituationsContrats.Facilitateur, (Janvier, 100));
        await app.SemerHeuresAsync(s.Lot1, s.ContratRose, SituationsContrats.Facilitateur, (Fevrier, 100));

        Assert.False(await VerrouilleeAsync(piece));
        Assert.True(await VerrouilleeAsync(await PieceAsync(s, null, Fevrier, s.B)));
    }

    [Fact]
    public async Task Une_piece_d_un_contrat_et_d_un_mois_ne_se_verrouille_que_par_la_ligne_de_ce_contrat_ce_mois()
    {
        var s = await SituationAsync();
        var piece = await PieceAsync(s, s.ContratLea, Fevrier);
        // Paul's validated February line (another contrat of A), Léa's validated January line (another month).
        await app.SemerHeuresAsync(s.Lot1, s.ContratPaul, SituationsContrats.Facilitateur, (Fevrier, 100));
        await app.SemerHeuresAsync(s.Lot1, s.ContratLea, SituationsContrats.Facilitateur, (Janvier, 100));
        Assert.False(await VerrouilleeAsync(piece));

        await app.SemerHeuresAsync(s.Lot1, s.ContratLea, SituationsContrats.Facilitateur, (Fevrier, 100));

        Assert.True(await VerrouilleeAsync(piece));
    }

    [Fact]
    public async Task Une_piece_d_un_contrat_sans_mois_se_verrouille_a_la_premiere_ligne_validee_de_ce_contrat()
    {
        var s = await SituationAsync();
        var piece = await PieceAsync(s, s.ContratLea, null);
        await app.SemerHeuresAsync(s.Lot1, s.ContratPaul, SituationsContrats.Facilitateur, (Janvier, 100));
        await app.SemerHeuresAsync(s.Lot1, s.ContratLea, SituationsContrats.Entreprise, (Fevrier, 100));
        Assert.False(await VerrouilleeAsync(piece));

        await app.SemerHeuresAsync(s.Lot1, s.ContratLea, SituationsContrats.Facilitateur, (Janvier, 100));

        Assert.True(await VerrouilleeAsync(piece));
    }

    [Fact]
    public async Task Une_piece_d_une_structure_ne_se_verrouille_pas_par_les_heures_d_une_autre()
    {
        var s = await SituationAsync();
        var piece = await PieceAsync(s, s.ContratLea, Janvier);
        // Same ids cannot cross structures, so the clause is checked through a line written with another StructureId.
        var ailleurs = await SituationAsync();
        await app.SemerHeuresAsync(ailleurs.Lot1, ailleurs.ContratLea, SituationsContrats.Facilitateur, (Janvier, 100));
        await app.EcrireAsync(async db =>
        {
            var p = await db.PiecesJustificatives.SingleAsync(x => x.Id == piece.Id);
            db.Entry(p).Property(x => x.ContratId).CurrentValue = ailleurs.ContratLea.Id;
        });

        Assert.False(await VerrouilleeAsync(piece));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonAntiforgery();
}
