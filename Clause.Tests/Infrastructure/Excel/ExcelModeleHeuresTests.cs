using System.IO.Compression;
using System.Text;
using Clause.Domain.Commun;
using Clause.Infrastructure.Excel;
using OfficeOpenXml;

namespace Clause.Tests.Infrastructure.Excel;

/// <summary>
/// The monthly hours template read back with EPPlus (header, hidden keys, protection, locked cells, widths, formats)
/// and the reader's refusals of a file: each names the row and the column, or the file, and gives no line at all.
/// </summary>
public sealed class ExcelModeleHeuresTests
{
    private static readonly EntrepriseId Entreprise = EntrepriseId.De(Guid.CreateVersion7());

    private static readonly Mois Fevrier = new(2026, 2);

    private static readonly LigneModele Lea = new(ContratId.De(Guid.CreateVersion7()), "Léa Martin", "Lot 1 — Gros œuvre", "Bâtiments du Val", false, false, null);

    private static readonly LigneModele Paul = new(ContratId.De(Guid.CreateVersion7()), "Paul Durand", "Lot 1 — Gros œuvre", "Jardins de Loire", true, false,
        "Rejetée : relevé non signé");

    private static readonly LigneModele Rose = new(ContratId.De(Guid.CreateVersion7()), "Rose Petit", "Lot 2 — Charpente", "Bâtiments du Val", false, true,
        "Validée : 35,00 h");

    private static byte[] Modele() => ModeleHeuresExcel.Ecrire(new EnteteModele(Entreprise, "Bâtiments du Val", Fevrier), [Lea, Paul, Rose]);

    /// <summary>The template with <paramref name="remplir"/> applied to its sheet (as a user would in Excel).</summary>
    private static byte[] Rempli(Action<ExcelWorksheet> remplir, byte[]? modele = null)
    {
        using var paquet = new ExcelPackage(new MemoryStream(modele ?? Modele()));
        remplir(paquet.Workbook.Worksheets[0]);
        return paquet.GetAsByteArray();
    }

    private const int L1 = ModeleHeuresExcel.PremiereRangee;
    private const int H = ModeleHeuresExcel.ColonneHeures;
    private const int M = ModeleHeuresExcel.ColonneMontant;

    [Fact]
    public void L_en_tete_porte_l_entreprise_et_le_mois_et_chaque_ligne_sa_cle_masquee()
    {
        using var paquet = new ExcelPackage(new MemoryStream(Modele()));
        var f = paquet.Workbook.Worksheets[0];

        Assert.Contains("Bâtiments du Val", f.Cells[1, 2].Text, StringComparison.Ordinal);
        Assert.Equal("Mois : février 2026", f.Cells[2, 2].Text);
        Assert.True(f.Column(ModeleHeuresExcel.ColonneCle).Hidden);
        Assert.Equal(ModeleHeuresExcel.Marqueur, f.Cells[1, 1].Text);
        Assert.Equal(Entreprise.Valeur.ToString(), f.Cells[2, 1].Text);
        Assert.Equal("2026-02", f.Cells[3, 1].Text);
        Assert.Equal([Lea.ContratId.Valeur.ToString(), Paul.ContratId.Valeur.ToString(), Rose.ContratId.Valeur.ToString()],
            [f.Cells[L1, 1].Text, f.Cells[L1 + 1, 1].Text, f.Cells[L1 + 2, 1].Text]);
        Assert.Equal(["Participant", "Lot", "Employeur", "Heures", "Montant facturé HT (€)"],
            Enumerable.Range(2, 5).Select(c => f.Cells[ModeleHeuresExcel.RangeeEntetes, c].Text));
        Assert.Equal(["Léa Martin", "Lot 1 — Gros œuvre", "Bâtiments du Val"], Enumerable.Range(2, 3).Select(c => f.Cells[L1, c].Text));
        Assert.True(f.Cells[L1, H].Value is null);
        Assert.Equal("Rejetée : relevé non signé", f.Cells[L1 + 1, ModeleHeuresExcel.ColonneEtat].Text);
    }

    [Fact]
    public void La_feuille_est_protegee_et_seules_les_heures_des_lignes_ouvertes_et_le_montant_de_la_sous_traitance_sont_deverrouilles()
    {
        using var paquet = new ExcelPackage(new MemoryStream(Modele()));
        var f = paquet.Workbook.Worksheets[0];

        Assert.True(f.Protection.IsProtected);
        Assert.False(f.Cells[L1, H].Style.Locked);
        Assert.False(f.Cells[L1 + 1, H].Style.Locked);
        Assert.True(f.Cells[L1 + 2, H].Style.Locked); // Rose's line is validated: locked.
        Assert.True(f.Cells[L1, M].Style.Locked);      // Léa: not sous-traitance, no amount.
        Assert.False(f.Cells[L1 + 1, M].Style.Locked); // Paul: sous-traitance SIAE, amount open.
        foreach (var c in new[] { 1, 2, 3, 4, 7 })
            for (var r = 1; r <= L1 + 2; r++)
                Assert.True(f.Cells[r, c].Style.Locked, $"{f.Cells[r, c].Address} devrait être verrouillée");
        Assert.True(f.Cells[1, H].Style.Locked);
        Assert.True(f.Cells[ModeleHeuresExcel.RangeeEntetes, H].Style.Locked);
        Assert.Equal("#,##0.00", f.Cells[L1, H].Style.Numberformat.Format);
        Assert.All(Enumerable.Range(1, 7), c => Assert.True(f.Column(c).Width > 5, $"largeur de la colonne {c}"));
    }

    [Fact]
    public void Un_modele_rempli_se_relit_en_heures_et_en_montant_et_ignore_les_lignes_vides()
    {
        var fichier = Rempli(f =>
        {
            f.Cells[L1, H].Value = 151.67;
            f.Cells[L1 + 1, M].Value = 12000.5;
        });

        var lu = ModeleHeuresExcel.Lire(fichier, Entreprise, Fevrier);

        Assert.True(lu.Valide, string.Join(" | ", lu.Erreurs.Select(e => e.Texte)));
        Assert.Equal([new LigneLue(L1, Lea.ContratId, new Duree(9100), null), new LigneLue(L1 + 1, Paul.ContratId, null, new Montant(1_200_050))], lu.Lignes);
    }

    [Fact]
    public void Un_texte_qui_est_un_nombre_francais_est_lu_comme_dans_le_champ_de_la_page()
    {
        var lu = ModeleHeuresExcel.Lire(Rempli(f => f.Cells[L1, H].Value = "35,5"), Entreprise, Fevrier);

        Assert.Equal(new Duree(35 * 60 + 30), Assert.Single(lu.Lignes).Heures);
    }

    [Fact]
    public void Du_texte_dans_une_cellule_d_heures_est_refuse_en_nommant_la_ligne_et_la_colonne_et_rien_n_est_lu()
    {
        var lu = ModeleHeuresExcel.Lire(Rempli(f =>
        {
            f.Cells[L1, H].Value = 35;
            f.Cells[L1 + 1, H].Value = "trente-cinq";
        }), Entreprise, Fevrier);

        Assert.Empty(lu.Lignes);
        var erreur = Assert.Single(lu.Erreurs);
        Assert.Equal(L1 + 1, erreur.Rangee);
        Assert.Equal("E (Heures)", erreur.Colonne);
        Assert.Equal("Ligne 7, colonne E (Heures) : « trente-cinq » n'est pas un nombre d'heures : saisissez un nombre, par exemple 151,67.", erreur.Texte);
    }

    [Fact]
    public void Du_texte_dans_une_cellule_de_montant_est_refuse_en_nommant_la_colonne()
    {
        var erreur = Assert.Single(ModeleHeuresExcel.Lire(Rempli(f => f.Cells[L1 + 1, M].Value = "beaucoup"), Entreprise, Fevrier).Erreurs);

        Assert.Equal((L1 + 1, "F (Montant facturé HT (€))"), (erreur.Rangee!.Value, erreur.Colonne!));
    }

    [Fact]
    public void Une_formule_est_refusee_en_nommant_sa_cellule()
    {
        var lu = ModeleHeuresExcel.Lire(Rempli(f =>
        {
            f.Cells[L1, H].Value = 35;
            f.Cells[L1 + 1, H].Formula = "1+1";
        }), Entreprise, Fevrier);

        Assert.Empty(lu.Lignes);
        var erreur = Assert.Single(lu.Erreurs);
        Assert.Equal("Ligne 7, colonne E (Heures) : la cellule E7 contient une formule (=1+1) : saisissez un nombre, sans « = ».", erreur.Texte);
    }

    [Fact]
    public void Une_formule_hors_des_heures_est_refusee_aussi()
    {
        var erreur = Assert.Single(ModeleHeuresExcel.Lire(Rempli(f =>
        {
            f.Cells[L1, H].Value = 35;
            f.Cells[L1 + 5, 2].Formula = "SUM(E6:E8)";
        }), Entreprise, Fevrier).Erreurs);

        Assert.Equal((L1 + 5, "B (Participant)"), (erreur.Rangee!.Value, erreur.Colonne!));
    }

    [Fact]
    public void Le_modele_d_une_autre_entreprise_est_refuse()
    {
        var autre = ModeleHeuresExcel.Ecrire(new EnteteModele(EntrepriseId.De(Guid.CreateVersion7()), "Autre SAS", Fevrier), [Lea]);

        var lu = ModeleHeuresExcel.Lire(Rempli(f => f.Cells[L1, H].Value = 35, autre), Entreprise, Fevrier);

        Assert.Empty(lu.Lignes);
        Assert.Equal("Ce modèle est celui d'une autre entreprise : téléchargez le modèle de votre entreprise sur cette page.", Assert.Single(lu.Erreurs).Texte);
    }

    [Fact]
    public void Le_modele_d_un_autre_mois_est_refuse_en_nommant_les_deux_mois()
    {
        var janvier = ModeleHeuresExcel.Ecrire(new EnteteModele(Entreprise, "Bâtiments du Val", new Mois(2026, 1)), [Lea]);

        var lu = ModeleHeuresExcel.Lire(Rempli(f => f.Cells[L1, H].Value = 35, janvier), Entreprise, Fevrier);

        Assert.Equal("Ce modèle est celui de janvier 2026, pas de février 2026 : téléchargez le modèle de février 2026.", Assert.Single(lu.Erreurs).Texte);
    }

    [Fact]
    public void Un_classeur_qui_n_est_pas_un_modele_clause_est_refuse()
    {
        using var paquet = new ExcelPackage();
        paquet.Workbook.Worksheets.Add("Feuil1").Cells[6, 5].Value = 35;

        var lu = ModeleHeuresExcel.Lire(paquet.GetAsByteArray(), Entreprise, Fevrier);

        Assert.StartsWith("Ce classeur n'est pas un modèle d'heures Clause", Assert.Single(lu.Erreurs).Texte, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> PasUnClasseur() => new()
    {
        { "page HTML renommée", Encoding.UTF8.GetBytes("<html><body>heures</body></html>") },
        { "exécutable renommé", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] },
        { "archive zip ordinaire", ZipOrdinaire() },
        { "début de classeur tronqué", Modele()[..200] },
    };

    private static byte[] ZipOrdinaire()
    {
        using var flux = new MemoryStream();
        using (var zip = new ZipArchive(flux, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entree = new StreamWriter(zip.CreateEntry("heures.txt").Open());
            entree.Write("35");
        }
        return flux.ToArray();
    }

    [Theory]
    [MemberData(nameof(PasUnClasseur))]
    public void Un_fichier_qui_n_est_pas_un_xlsx_est_refuse(string cas, byte[] fichier)
    {
        var lu = ModeleHeuresExcel.Lire(fichier, Entreprise, Fevrier);

        Assert.True(lu.Lignes.Count == 0, cas);
        Assert.Equal("Ce fichier n'est pas un classeur Excel (.xlsx) : téléchargez le modèle, remplissez-le et enregistrez-le au format .xlsx.",
            Assert.Single(lu.Erreurs).Texte);
    }

    [Fact]
    public void Un_fichier_vide_est_refuse()
    {
        Assert.Equal("Le fichier est vide : déposez le modèle rempli.", Assert.Single(ModeleHeuresExcel.Lire([], Entreprise, Fevrier).Erreurs).Texte);
    }

    [Fact]
    public void Un_fichier_trop_gros_est_refuse()
    {
        var gros = new byte[ModeleHeuresExcel.TailleMax + 1];
        Modele().CopyTo(gros, 0);

        Assert.Equal("Le fichier pèse plus de 2 Mo : ce n'est pas un modèle d'heures Clause.",
            Assert.Single(ModeleHeuresExcel.Lire(gros, Entreprise, Fevrier).Erreurs).Texte);
        Assert.True(ModeleHeuresExcel.Lire(Rempli(f => f.Cells[L1, H].Value = 1), Entreprise, Fevrier).Valide);
    }

    [Fact]
    public void Un_modele_sans_aucune_heure_est_refuse()
    {
        Assert.StartsWith("Le fichier ne contient aucune heure à déclarer", Assert.Single(ModeleHeuresExcel.Lire(Modele(), Entreprise, Fevrier).Erreurs).Texte,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Une_ligne_sans_cle_ou_avec_une_cle_illisible_ou_en_double_est_refusee_en_la_nommant()
    {
        var lu = ModeleHeuresExcel.Lire(Rempli(f =>
        {
            f.Protection.IsProtected = false;
            f.Cells[L1, H].Value = 35;
            f.Cells[L1 + 1, 1].Value = "pas-une-cle";
            f.Cells[L1 + 1, H].Value = 20;
            f.Cells[L1 + 2, 1].Value = Lea.ContratId.Valeur.ToString();
            f.Cells[L1 + 2, H].Value = 10;
            f.Cells[L1 + 3, H].Value = 5; // a row added below, without key
        }), Entreprise, Fevrier);

        Assert.Empty(lu.Lignes);
        Assert.Equal([(L1 + 1, "A (Clé)"), (L1 + 2, "A (Clé)"), (L1 + 3, "A (Clé)")], lu.Erreurs.Select(e => (e.Rangee!.Value, e.Colonne!)));
        Assert.Contains("figure déjà ligne 6", lu.Erreurs[1].Message, StringComparison.Ordinal);
    }
}
