using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Pieces;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Pieces;

/// <summary>
/// A proof's rules (issue 9 item 6): the kind comes from the first bytes only; an empty file, a file over 5 Mo, a file of
/// another kind, no attachment, another company's or a refused contrat, a month to come are refused naming the field;
/// the uploaded name never reaches the disk; deleting is its uploader's or a facilitateur's, until hours are validated.
/// </summary>
public class PieceJustificativeTests
{
    private static readonly DateTimeOffset Le = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly Auteur Contact = new(Guid.Parse("0193a000-0000-7000-8000-0000000000c1"), "Jean Dupont", false);
    private static readonly Auteur AutreContact = new(Guid.Parse("0193a000-0000-7000-8000-0000000000c2"), "Marie Durand", false);
    private static readonly string Empreinte = new('a', 64);

    private readonly SituationsContrats _s = new();

    private static FichierRecu Pdf(long taille = 1_000) => new(TypeFichier.Pdf, taille, Empreinte);

    private PieceJustificative Deposer(Contrat? contrat = null, Mois? mois = null, FichierRecu? fichier = null, string? nom = "releve.pdf",
        EntrepriseId? entreprise = null) =>
        PieceJustificative.Deposer(_s.StructureId, entreprise ?? _s.Titulaire.Id, contrat, mois, NaturePiece.ReleveHeures, nom, fichier ?? Pdf(), Contact, Le);

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 }, "image/jpeg")]
    public void Le_type_se_lit_dans_les_premiers_octets(byte[] debut, string attendu)
    {
        Assert.Equal(attendu, TypeFichier.Detecter(debut)?.TypeContenu);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html>")]
    [InlineData("MZ\u0090\0\u0003\0\0\0")]
    [InlineData("GIF89a\u0001\0")]
    [InlineData("%PD")]
    [InlineData("")]
    public void Un_contenu_d_un_autre_type_n_est_pas_reconnu(string debut)
    {
        Assert.Null(TypeFichier.Detecter(System.Text.Encoding.Latin1.GetBytes(debut)));
    }

    [Fact]
    public void Une_signature_png_tronquee_n_est_pas_un_png()
    {
        Assert.Null(TypeFichier.Detecter(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00 }));
        Assert.Null(TypeFichier.Detecter(new byte[] { 0xFF, 0xD8, 0x00 }));
    }

    [Fact]
    public void Une_piece_valide_garde_ce_qui_a_ete_verifie_sous_un_nom_genere()
    {
        var contrat = _s.UnContratValide();

        var piece = Deposer(contrat, new Mois(2026, 2), nom: "C:\\Users\\jean\\Relevé février.pdf");

        Assert.Equal(contrat.Id, piece.ContratId);
        Assert.Equal(new Mois(2026, 2), piece.Mois);
        Assert.Equal("application/pdf", piece.TypeContenu);
        Assert.Equal(1_000, piece.Taille);
        Assert.Equal(Empreinte, piece.Empreinte);
        Assert.Equal("Relevé février.pdf", piece.NomOriginal);
        Assert.Equal($"{piece.Id:N}.pdf", piece.NomStocke);
        Assert.Equal(Contact.Id, piece.DeposeeParId);
        Assert.Equal("Jean Dupont", piece.DeposeeParNom);
        Assert.Equal(Le, piece.DeposeeLe);
    }

    [Fact]
    public void Le_nom_affiche_prend_l_extension_du_type_detecte_et_perd_dossiers_et_caracteres_reserves()
    {
        Assert.Equal("releve.pdf", PieceJustificative.NomAffichable("releve.png", TypeFichier.Pdf));
        Assert.Equal("photo.jpg", PieceJustificative.NomAffichable("../../etc/photo", TypeFichier.Jpeg));
        Assert.Equal("abc.png", PieceJustificative.NomAffichable("a<b>c\u0007.exe", TypeFichier.Png));
        Assert.Equal("piece.pdf", PieceJustificative.NomAffichable("   ", TypeFichier.Pdf));
        var nomLong = PieceJustificative.NomAffichable(new string('x', 400) + ".pdf", TypeFichier.Pdf);
        Assert.Equal(PieceJustificative.NomOriginalLongueurMax, nomLong.Length);
        Assert.EndsWith(".pdf", nomLong, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_fichier_vide_est_refuse()
    {
        var ex = Assert.Throws<RegleMetierException>(() => Deposer(mois: new Mois(2026, 2), fichier: new FichierRecu(null, 0, Empreinte)));
        Assert.Equal("Fichier", ex.Champ);
        Assert.Contains("est vide", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_fichier_de_plus_de_5_Mo_est_refuse_et_5_Mo_tout_juste_accepte()
    {
        var ex = Assert.Throws<RegleMetierException>(() => Deposer(mois: new Mois(2026, 2), fichier: Pdf(PieceJustificative.TailleMax + 1)));
        Assert.Equal("Fichier", ex.Champ);
        Assert.Contains("dépasse 5 Mo", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5 * 1024 * 1024, Deposer(mois: new Mois(2026, 2), fichier: Pdf(PieceJustificative.TailleMax)).Taille);
    }

    [Fact]
    public void Un_contenu_qui_n_est_ni_pdf_ni_png_ni_jpeg_est_refuse_quel_que_soit_son_nom()
    {
        var ex = Assert.Throws<RegleMetierException>(() => Deposer(mois: new Mois(2026, 2), fichier: new FichierRecu(null, 120, Empreinte), nom: "releve.pdf"));
        Assert.Equal("Fichier", ex.Champ);
        Assert.Contains("« releve.pdf » n'est pas un PDF, un PNG ou un JPEG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Une_empreinte_qui_n_est_pas_un_sha256_hexadecimal_est_refusee()
    {
        Assert.Throws<RegleMetierException>(() => Deposer(mois: new Mois(2026, 2), fichier: new FichierRecu(TypeFichier.Pdf, 10, "abc")));
        Assert.Throws<RegleMetierException>(() => Deposer(mois: new Mois(2026, 2), fichier: new FichierRecu(TypeFichier.Pdf, 10, new string('G', 64))));
    }

    [Fact]
    public void Une_piece_se_rattache_a_un_mois_ou_a_un_contrat()
    {
        var ex = Assert.Throws<RegleMetierException>(() => Deposer());
        Assert.Equal("Mois", ex.Champ);
        Assert.NotNull(Deposer(mois: new Mois(2026, 2)).Mois);
        Assert.Null(Deposer(contrat: _s.UnContratValide()).Mois);
    }

    [Fact]
    public void Le_contrat_d_un_autre_employeur_est_refuse()
    {
        var autre = Entreprise.Creer(_s.StructureId, "Autre SARL", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);

        var ex = Assert.Throws<RegleMetierException>(() => Deposer(_s.UnContratValide(), entreprise: autre.Id));

        Assert.Equal("ContratId", ex.Champ);
        Assert.Equal(PieceJustificative.ContratInconnu, ex.Message);
    }

    [Fact]
    public void Le_contrat_d_une_autre_structure_est_refuse()
    {
        var ailleurs = new SituationsContrats();
        var contrat = ailleurs.UnContratValide();

        var ex = Assert.Throws<RegleMetierException>(() =>
            PieceJustificative.Deposer(_s.StructureId, ailleurs.Titulaire.Id, contrat, null, NaturePiece.Contrat, "c.pdf", Pdf(), Contact, Le));

        Assert.Equal("ContratId", ex.Champ);
    }

    [Fact]
    public void Un_contrat_refuse_est_refuse()
    {
        var contrat = _s.UnContratPropose();
        contrat.Refuser("Doublon.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        var ex = Assert.Throws<RegleMetierException>(() => Deposer(contrat));

        Assert.Equal("ContratId", ex.Champ);
    }

    [Fact]
    public void Un_mois_pas_encore_commence_est_refuse_le_mois_en_cours_accepte()
    {
        var ex = Assert.Throws<RegleMetierException>(() => Deposer(mois: new Mois(2026, 4)));
        Assert.Equal("Mois", ex.Champ);
        Assert.Equal(new Mois(2026, 3), Deposer(mois: new Mois(2026, 3)).Mois);
    }

    [Fact]
    public void Une_nature_inconnue_est_refusee()
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            PieceJustificative.Deposer(_s.StructureId, _s.Titulaire.Id, null, new Mois(2026, 2), (NaturePiece)99, "a.pdf", Pdf(), Contact, Le));
        Assert.Equal("Nature", ex.Champ);
    }

    [Fact]
    public void Seuls_son_auteur_et_un_facilitateur_suppriment_une_piece()
    {
        var piece = Deposer(mois: new Mois(2026, 2));

        piece.VerifierSuppression(Contact, heuresValidees: false);
        piece.VerifierSuppression(SituationsContrats.Facilitateur, heuresValidees: false);
        var ex = Assert.Throws<RegleMetierException>(() => piece.VerifierSuppression(AutreContact, heuresValidees: false));
        Assert.Contains("Seule la personne qui a déposé cette pièce", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Une_piece_dont_les_heures_sont_validees_ne_se_supprime_plus_meme_par_un_facilitateur()
    {
        var piece = Deposer(mois: new Mois(2026, 2));

        Assert.Throws<RegleMetierException>(() => piece.VerifierSuppression(Contact, heuresValidees: true));
        var ex = Assert.Throws<RegleMetierException>(() => piece.VerifierSuppression(SituationsContrats.Facilitateur, heuresValidees: true));
        Assert.Contains("ne peut plus être supprimée", ex.Message, StringComparison.Ordinal);
    }
}
