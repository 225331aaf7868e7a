using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Clause.Infrastructure.Import;
using OfficeOpenXml;
using static Clause.Tests.Import.ClasseurBrut;

namespace Clause.Tests.Import;

/// <summary>
/// The streaming reader of import workbooks (issue 11 item 6, IMPORT.md « File » and « Bad input »): workbooks written by
/// EPPlus (shared strings) and by a raw Open XML writer (inline strings, no <c>r=</c>, empty rows, sheets out of order),
/// every header and cell error with its sheet, row, column and message, and the files refused as a whole.
/// </summary>
public sealed class LecteurClasseurImportTests
{
    private static (List<LigneLue> Lignes, List<ErreurImport> Erreurs) Lire(byte[] octets, FeuilleImport feuille)
    {
        using var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(octets));
        var erreurs = new List<ErreurImport>();
        return ([.. lecteur.Lignes(feuille, erreurs)], erreurs);
    }

    private static ClasseurIllisibleException Refus(byte[] octets) =>
        Assert.Throws<ClasseurIllisibleException>(() => LecteurClasseurImport.Ouvrir(new MemoryStream(octets)).Dispose());

    private static readonly string[] EntetesHeures = ["Contrat", "Mois", "Heures", "MontantFactureHT", "Statut"];

    [Fact]
    public void Un_classeur_EPPlus_est_lu_chaines_partagees_entetes_dans_le_desordre_et_noms_de_feuilles_accentues()
    {
        byte[] octets;
        using (var paquet = new ExcelPackage())
        {
            var version = paquet.Workbook.Worksheets.Add("version");
            version.Cells[1, 1].Value = "clause-import";
            version.Cells[1, 2].Value = 1;
            var operations = paquet.Workbook.Worksheets.Add("Opérations");
            string[] entetes = ["nom", "REF", "Donneurordre", "Anru", "ObjectifQpvPct"];
            for (var i = 0; i < entetes.Length; i++) operations.Cells[1, i + 1].Value = entetes[i];
            operations.Cells[2, 1].Value = "Quartier des Rives";
            operations.Cells[2, 2].Value = "OP-1";
            operations.Cells[2, 3].Value = "DO-1";
            operations.Cells[2, 4].Value = true;
            operations.Cells[2, 5].Value = 62.5;
            // row 3 empty, row 4 filled
            operations.Cells[4, 1].Value = "Cœur de ville";
            operations.Cells[4, 2].Value = "OP-2";
            operations.Cells[4, 3].Value = "DO-1";
            var marches = paquet.Workbook.Worksheets.Add("marchés");
            string[] colonnes = ["Ref", "Operation", "Numero", "Objet", "Type", "DebutExecution", "FinExecution", "MontantHT"];
            for (var i = 0; i < colonnes.Length; i++) marches.Cells[1, i + 1].Value = colonnes[i];
            marches.Cells[2, 1].Value = "M-1";
            marches.Cells[2, 2].Value = "OP-1";
            marches.Cells[2, 3].Value = "2025-001";
            marches.Cells[2, 4].Value = "Réhabilitation";
            marches.Cells[2, 5].Value = "Travaux";
            marches.Cells[2, 6].Value = new DateTime(2025, 3, 1);
            marches.Cells[2, 6].Style.Numberformat.Format = "dd/mm/yyyy";
            marches.Cells[2, 7].Value = "2026-02-28";
            marches.Cells[2, 8].Value = 1250000.5m;
            octets = paquet.GetAsByteArray();
        }
        Assert.Contains("sharedStrings", Encoding.Latin1.GetString(octets)); // EPPlus writes a shared strings table

        using var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(octets));
        Assert.Empty(lecteur.VerifierVersion());
        var erreurs = new List<ErreurImport>();
        // asked in the import's order (Marches after Operations) whatever the file's
        var lignesMarches = lecteur.Lignes(FormatImport.Marches, erreurs).ToList();
        var lignesOperations = lecteur.Lignes(FormatImport.Operations, erreurs).ToList();
        Assert.Empty(erreurs);

        Assert.Equal([2, 4], lignesOperations.Select(l => l.Numero));
        var op = lignesOperations[0];
        Assert.Same(FormatImport.Operations, op.Feuille);
        Assert.Equal(new CelluleLue("OP-1"), op["Ref"]);
        Assert.Equal(new CelluleLue("DO-1"), op["DonneurOrdre"]);
        Assert.Equal(new CelluleLue("Quartier des Rives"), op["Nom"]);
        Assert.Equal(new CelluleLue("true"), op["Anru"]);
        Assert.Equal(new CelluleLue("62.5", 62.5), op["ObjectifQpvPct"]);
        Assert.Null(op["Commune"]);
        Assert.Equal(["DonneurOrdre", "Nom", "Ref"], lignesOperations[1].Cellules.Keys.Order()); // keyed by the canonical names
        Assert.Equal("Cœur de ville", lignesOperations[1]["nom"]!.Texte);

        var marche = Assert.Single(lignesMarches);
        Assert.Equal(new DateTime(2025, 3, 1).ToOADate(), marche["DebutExecution"]!.Nombre); // a real Excel date is its serial
        Assert.Equal(new CelluleLue("2026-02-28"), marche["FinExecution"]);
        Assert.Equal(1250000.5, marche["MontantHT"]!.Nombre);
        Assert.Equal(["version", "Opérations", "marchés"], lecteur.NomsDesFeuilles); // as written
    }

    [Fact]
    public void Un_classeur_ecrit_par_un_autre_outil_est_lu_textes_en_ligne_sans_references_lignes_vides_feuilles_dans_le_desordre()
    {
        var octets = new ClasseurBrut()
            .Feuille("HEURES",
                Ligne(Texte("contrat"), Texte("mois"), Texte("heures")),
                Ligne(Texte("C-1"), Texte("2025-03"), Nombre(35.5)),
                Ligne(),
                Ligne(Vide(), Vide(), Vide()),
                Ligne(Texte("   "), Texte("")),
                Ligne(Texte("C-2"), Vide(), Nombre(7)),
                LigneNumero(10, Texte("C-3", "A10"), Nombre(12, "C10")),
                Ligne(Texte("C-4"), Texte("2025-04"), Formule("C10*2", "24")))
            .Feuille("DonneursOrdre",
                Ligne(Texte("Ref"), Texte("RaisonSociale"), Texte("Type")),
                Ligne(Texte("DO-1"), Texte("Ville de Nantes"), Texte("Collectivite")))
            .Version()
            .Octets();
        Assert.DoesNotContain("sharedStrings", Encoding.Latin1.GetString(octets));

        using var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(octets));
        Assert.Empty(lecteur.VerifierVersion());
        var erreurs = new List<ErreurImport>();
        var donneurs = lecteur.Lignes(FormatImport.DonneursOrdre, erreurs).ToList();
        var heures = lecteur.Lignes(FormatImport.Heures, erreurs).ToList();
        Assert.Empty(erreurs);

        Assert.Equal("Ville de Nantes", Assert.Single(donneurs)["RaisonSociale"]!.Texte);
        Assert.Equal([2, 6, 10, 11], heures.Select(l => l.Numero));
        Assert.Equal(new CelluleLue("35.5", 35.5), heures[0]["Heures"]);
        Assert.Equal(new CelluleLue("C-2"), heures[1]["Contrat"]);
        Assert.Null(heures[1]["Mois"]); // an empty <c/> still takes its column
        Assert.Equal(new CelluleLue("7", 7), heures[1]["Heures"]);
        Assert.Equal(new CelluleLue("12", 12), heures[2]["Heures"]); // r="C10" places the cell in Heures
        Assert.Equal(new CelluleLue("24", 24), heures[3]["Heures"]); // a formula gives its cached value
        Assert.Equal(new CelluleLue("2025-04"), heures[3]["Mois"]);
    }

    [Fact]
    public void Les_feuilles_absentes_ne_donnent_rien_et_une_feuille_sans_ligne_manque_de_ses_colonnes_obligatoires()
    {
        var octets = new ClasseurBrut().Version().Feuille("Lots").Octets();
        using var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(octets));
        var erreurs = new List<ErreurImport>();
        Assert.Empty(lecteur.Lignes(FormatImport.Heures, erreurs));
        Assert.Empty(erreurs);
        Assert.Empty(lecteur.Lignes(FormatImport.Lots, erreurs));
        Assert.Equal(FormatImport.Lots.Colonnes.Where(c => c.Requise).Select(c => c.Nom), erreurs.Select(e => e.Colonne));
        Assert.All(erreurs, e => Assert.Equal(("Lots", 1), (e.Feuille, e.Ligne)));
    }

    [Fact]
    public void Une_colonne_inconnue_est_une_erreur_de_la_ligne_1_nommee_comme_ecrite()
    {
        var octets = new ClasseurBrut().Version()
            .Feuille("Heures", Ligne(Texte("Contrat"), Texte("Mois"), Texte("Heurs")), Ligne(Texte("C-1"), Texte("2025-03"), Nombre(3)))
            .Octets();
        var (lignes, erreurs) = Lire(octets, FormatImport.Heures);
        var erreur = Assert.Single(erreurs);
        Assert.Equal(new ErreurImport("Heures", 1, "Heurs",
            "Colonne inconnue « Heurs » (colonne C) : les colonnes de la feuille Heures sont Contrat, Mois, Heures, MontantFactureHT, Statut. "
            + "Corrigez son nom ou supprimez-la."), erreur);
        Assert.Equal("Heures, ligne 1, Heurs : " + erreur.Message, erreur.ToString());
        var ligne = Assert.Single(lignes); // the other cells are still given, the unknown column's are not
        Assert.Equal(["Contrat", "Mois"], ligne.Cellules.Keys.Order());
    }

    [Fact]
    public void Une_colonne_obligatoire_absente_ou_ecrite_deux_fois_est_une_erreur_de_la_ligne_1()
    {
        var octets = new ClasseurBrut().Version()
            .Feuille("Heures", Ligne(Texte("Contrat"), Texte("Heures"), Texte("contrat")), Ligne(Texte("C-1"), Nombre(3), Texte("C-9")))
            .Octets();
        var (lignes, erreurs) = Lire(octets, FormatImport.Heures);
        Assert.Equal(
        [
            new ErreurImport("Heures", 1, "Contrat", "La colonne Contrat est écrite deux fois (colonnes A et C) : gardez-en une seule."),
            new ErreurImport("Heures", 1, "Mois",
                "La colonne obligatoire Mois est absente : ajoutez-la en ligne 1 (le modèle téléchargeable contient toutes les colonnes)."),
        ], erreurs);
        Assert.Equal("C-1", Assert.Single(lignes)["Contrat"]!.Texte); // the first one is read
    }

    [Fact]
    public void Une_valeur_sous_une_colonne_sans_nom_est_une_erreur_une_fois_par_colonne()
    {
        var octets = new ClasseurBrut().Version()
            .Feuille("Heures", Ligne(Texte("Contrat"), Texte("Mois")),
                Ligne(Texte("C-1"), Texte("2025-03"), Vide(), Texte("note")),
                Ligne(Texte("C-2"), Texte("2025-03"), Vide(), Texte("autre note")))
            .Octets();
        var (lignes, erreurs) = Lire(octets, FormatImport.Heures);
        Assert.Equal([new ErreurImport("Heures", 2, "D", "Valeur dans la colonne D, qui n'a pas de nom en ligne 1 : nommez la colonne ou videz-la.")], erreurs);
        Assert.Equal(2, lignes.Count);
    }

    [Fact]
    public void La_feuille_Version_absente_ou_fausse_donne_ses_erreurs_en_A1_et_B1()
    {
        var sans = new ClasseurBrut().Feuille("Heures", Ligne(Texte("Contrat"))).Octets();
        using (var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(sans)))
            Assert.Equal([new ErreurImport("Version", 1, "A", "La feuille « Version » est absente : ajoutez une feuille « Version » avec « clause-import » "
                + "en A1 et 1 en B1 (le modèle téléchargeable la contient).")], lecteur.VerifierVersion());

        var fausse = new ClasseurBrut().Version(Texte("autre-outil"), Nombre(2)).Octets();
        using (var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(fausse)))
            Assert.Equal(
            [
                new ErreurImport("Version", 1, "A", "A1 doit contenir « clause-import », pas « autre-outil » (ce classeur n'est pas un classeur d'import Clause)."),
                new ErreurImport("Version", 1, "B", "B1 doit contenir 1, la version du format d'import que Clause lit, pas « 2 »."),
            ], lecteur.VerifierVersion());

        var vide = new ClasseurBrut().Feuille("VERSION", Ligne(Texte("clause-import"))).Octets();
        using (var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(vide)))
            Assert.Equal([new ErreurImport("Version", 1, "B", "B1 est vide : elle doit contenir 1, la version du format d'import.")], lecteur.VerifierVersion());

        var texte = new ClasseurBrut().Version(Texte(" Clause-Import "), Texte("1")).Octets(); // « 1 » typed as text is 1
        using (var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(texte)))
            Assert.Empty(lecteur.VerifierVersion());
    }

    [Fact]
    public void Une_formule_sans_valeur_en_cache_et_une_valeur_d_erreur_sont_des_erreurs_de_leur_cellule()
    {
        var octets = new ClasseurBrut().Version()
            .Feuille("Heures", Ligne(Texte("Contrat"), Texte("Mois"), Texte("Heures")),
                Ligne(Texte("C-1"), Texte("2025-03"), Formule("SOMME(D2:D9)", null)),
                Ligne(Formule("RECHERCHEV(X2;Y:Z;2;0)", "#N/A") with { Type = DocumentFormat.OpenXml.Spreadsheet.CellValues.Error }, Texte("2025-03"), Nombre(4)),
                Ligne(Texte("C-3"), Erreur("#DIV/0!"), Formule("1+1", "2")))
            .Octets();
        var (lignes, erreurs) = Lire(octets, FormatImport.Heures);
        Assert.Equal(
        [
            new ErreurImport("Heures", 2, "Heures", "La cellule contient une formule sans valeur calculée : ouvrez le classeur dans votre tableur et "
                + "enregistrez-le (la valeur est alors calculée), ou remplacez la formule par sa valeur."),
            new ErreurImport("Heures", 3, "Contrat", "La cellule contient une erreur de calcul (#N/A) : corrigez-la ou remplacez-la par une valeur."),
            new ErreurImport("Heures", 4, "Mois", "La cellule contient une erreur de calcul (#DIV/0!) : corrigez-la ou remplacez-la par une valeur."),
        ], erreurs);
        Assert.Equal([2, 3, 4], lignes.Select(l => l.Numero)); // still given, so every other error is found in the same pass
        Assert.Equal(["Heures"], lignes[0].ColonnesEnErreur);
        Assert.Null(lignes[0]["Heures"]);
        Assert.Equal(["Contrat"], lignes[1].ColonnesEnErreur);
        Assert.Equal(new CelluleLue("2", 2), lignes[2]["Heures"]);
        Assert.Equal(["Mois"], lignes[2].ColonnesEnErreur);
    }

    [Fact]
    public void Un_texte_de_10_000_caracteres_est_une_erreur_1_000_est_lu()
    {
        var long1000 = new string('d', LecteurClasseurImport.LongueurCelluleMax);
        var octets = new ClasseurBrut().Version()
            .Feuille("Contrats", Ligne(Texte("Ref"), Texte("Derogation")),
                Ligne(Texte("CT-1"), Texte(new string('x', 10_000))),
                Ligne(Texte("CT-2"), Texte(long1000)))
            .Octets();
        var (lignes, erreurs) = Lire(octets, FormatImport.Contrats);
        var erreur = Assert.Single(erreurs, e => e.Ligne == 2);
        Assert.Equal(new ErreurImport("Contrats", 2, "Derogation",
            "La cellule dépasse 1 000 caractères : raccourcissez-la (le texte le plus long du format, la dérogation, en compte au plus 1 000)."),
            erreur with { Message = Espaces(erreur.Message) });
        Assert.Equal(long1000, lignes.Single(l => l.Numero == 3)["Derogation"]!.Texte);

        // the same through the shared strings table (EPPlus), where the stored string is cut
        byte[] epplus;
        using (var paquet = new ExcelPackage())
        {
            var feuille = paquet.Workbook.Worksheets.Add("Contrats");
            feuille.Cells[1, 1].Value = "Derogation";
            feuille.Cells[2, 1].Value = new string('x', 10_000);
            epplus = paquet.GetAsByteArray();
        }
        var (_, erreursEpplus) = Lire(epplus, FormatImport.Contrats);
        Assert.Contains(new ErreurImport("Contrats", 2, "Derogation", erreur.Message), erreursEpplus);
    }

    [Fact]
    public void Cent_mille_lignes_vides_a_la_fin_sont_ignorees()
    {
        var octets = new ClasseurBrut().Version()
            .Feuille("Heures", [Ligne(Texte("Contrat"), Texte("Mois"), Texte("Heures")), Ligne(Texte("C-1"), Texte("2025-03"), Nombre(1)),
                .. LignesVides(100_000), LigneNumero(200_000, Vide(), Vide())])
            .Octets();
        var (lignes, erreurs) = Lire(octets, FormatImport.Heures);
        Assert.Empty(erreurs);
        Assert.Equal(2, Assert.Single(lignes).Numero);
    }

    [Fact]
    public void Un_flux_qui_ne_se_deplace_pas_est_lu_aussi()
    {
        var octets = new ClasseurBrut().Version().Feuille("Heures", Ligne(Texte("Contrat"), Texte("Mois")), Ligne(Texte("C-1"), Texte("2025-03"))).Octets();
        using var lecteur = LecteurClasseurImport.Ouvrir(new FluxSansDeplacement(octets));
        Assert.Empty(lecteur.VerifierVersion());
        Assert.Single(lecteur.Lignes(FormatImport.Heures, new List<ErreurImport>()));
    }

    [Fact]
    public void Un_fichier_vide_un_PDF_renomme_un_xls_et_un_zip_qui_n_est_pas_un_classeur_sont_refuses()
    {
        Assert.Equal("Le fichier est vide : déposez un classeur Excel (.xlsx) d'import.", Refus([]).Message);

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        Assert.StartsWith("Le fichier n'est pas un classeur Excel (.xlsx) : un PDF, un CSV, un fichier .xls ou .ods renommé n'est pas accepté.", Refus(pdf).Message);

        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        Assert.Equal("Le fichier est un ancien classeur Excel 97-2003 (.xls) : enregistrez-le au format « Classeur Excel (.xlsx) ».", Refus(xls).Message);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var ecrivain = new StreamWriter(archive.CreateEntry("notes.txt").Open()))
            ecrivain.Write("pas un classeur");
        Assert.StartsWith("Le fichier n'est pas un classeur Excel (.xlsx)", Refus(zip.ToArray()).Message);

        var tronque = new ClasseurBrut().Version().Octets()[..200];
        Assert.StartsWith("Le classeur est endommagé et ne peut pas être lu", Refus(tronque).Message);
    }

    /// <summary>A sheet part of 60 Mo of blanks: a few tens of kilobytes once compressed.</summary>
    private static (byte[] Octets, string Partie) Bombe(int megaOctets = 60, System.IO.Compression.CompressionLevel compression = System.IO.Compression.CompressionLevel.SmallestSize)
    {
        var octets = new ClasseurBrut().Version().Feuille("Heures", Ligne(Texte("Contrat"), Texte("Mois"))).Octets();
        var flux = new MemoryStream();
        flux.Write(octets);
        string nom;
        using (var archive = new ZipArchive(flux, ZipArchiveMode.Update, leaveOpen: true))
        {
            nom = archive.Entries.Single(e => e.FullName.Contains("worksheets") && ContenuDe(e).Contains("Contrat", StringComparison.Ordinal)).FullName;
            archive.GetEntry(nom)!.Delete();
            using var partie = archive.CreateEntry(nom, compression).Open();
            partie.Write("<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"u8);
            var blancs = new byte[1024 * 1024];
            Array.Fill(blancs, (byte)' ');
            for (var i = 0; i < megaOctets; i++) partie.Write(blancs);
            partie.Write("</x:sheetData></x:worksheet>"u8);
        }
        return (flux.ToArray(), nom);
    }

    private static string ContenuDe(ZipArchiveEntry entree)
    {
        using var lecteur = new StreamReader(entree.Open());
        return lecteur.ReadToEnd();
    }

    [Fact]
    public void Une_bombe_zip_est_refusee_a_l_ouverture_par_ses_tailles_annoncees()
    {
        var (bombe, _) = Bombe();
        Assert.True(bombe.Length < 1024 * 1024, $"{bombe.Length} octets compressés");
        Assert.Equal("Le classeur dépasse 50 Mo une fois décompressé : il est refusé. Découpez-le en plusieurs classeurs (par exemple un par année).",
            Refus(bombe).Message);
    }

    [Fact]
    public void Une_bombe_zip_qui_ment_sur_sa_taille_est_arretee_a_la_lecture()
    {
        var (bombe, partie) = Bombe();
        // the sheet's entry announces 4 Kio in its local header and in the central directory: the announced sum passes
        var menteuse = AnnoncerTaille(bombe, e => e == partie, 4096);
        using var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(menteuse));
        var refus = Assert.Throws<ClasseurIllisibleException>(() => lecteur.Lignes(FormatImport.Heures, new List<ErreurImport>()).ToList());
        // .NET's zip reader stops inflating at the announced size (and the reader's own count would stop it there too):
        // the part is cut, its XML broken, the workbook refused as damaged — never 60 Mo inflated
        Assert.StartsWith("Le classeur est endommagé et ne peut pas être lu", refus.Message);
        Assert.Empty(lecteur.VerifierVersion()); // the other parts are still readable
    }

    [Fact]
    public void Une_partie_qui_donne_plus_que_sa_taille_annoncee_est_arretee_par_le_compte_du_lecteur()
    {
        // a stored (not deflated) entry of 1 Mo announcing 4 Kio: the zip reader gives its stored bytes, the reader counts them
        var (stockee, partie) = Bombe(1, System.IO.Compression.CompressionLevel.NoCompression);
        var menteuse = AnnoncerTaille(stockee, e => e == partie, 4096);
        using var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(menteuse));
        var refus = Assert.Throws<ClasseurIllisibleException>(() => lecteur.Lignes(FormatImport.Heures, new List<ErreurImport>()).ToList());
        Assert.StartsWith("Le classeur dépasse 50 Mo une fois décompressé", refus.Message);
    }

    /// <summary>Rewrites the uncompressed size of the entries matching <paramref name="quelle"/> in the zip's headers.</summary>
    private static byte[] AnnoncerTaille(byte[] zip, Func<string, bool> quelle, uint taille)
    {
        var octets = zip.ToArray();
        var modifiees = 0;
        for (var i = 0; i + 46 < octets.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(octets.AsSpan(i));
            if (signature == 0x04034b50) // local file header
            {
                var longueurNom = BinaryPrimitives.ReadUInt16LittleEndian(octets.AsSpan(i + 26));
                if (quelle(Encoding.UTF8.GetString(octets, i + 30, longueurNom)))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(octets.AsSpan(i + 22), taille);
                    modifiees++;
                }
            }
            else if (signature == 0x02014b50) // central directory header
            {
                var longueurNom = BinaryPrimitives.ReadUInt16LittleEndian(octets.AsSpan(i + 28));
                if (quelle(Encoding.UTF8.GetString(octets, i + 46, longueurNom)))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(octets.AsSpan(i + 24), taille);
                    modifiees++;
                }
            }
        }
        Assert.Equal(2, modifiees);
        return octets;
    }

    [Fact]
    public void Plus_d_un_million_de_cellules_remplies_est_refuse()
    {
        var ligne = Ligne([.. Enumerable.Range(0, 10).Select(i => Nombre(i))]);
        var octets = new ClasseurBrut().Version()
            .Feuille("Heures", [Ligne(Texte("Contrat"), Texte("Mois"), Texte("Heures")), .. Enumerable.Repeat(ligne, 100_000)])
            .Octets();
        using var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(octets));
        var erreurs = new List<ErreurImport>();
        var refus = Assert.Throws<ClasseurIllisibleException>(() => lecteur.Lignes(FormatImport.Heures, erreurs).Count());
        Assert.Equal("Le classeur compte plus de 1 000 000 cellules remplies : il est refusé. Découpez-le en plusieurs classeurs (par exemple un par année).",
            Espaces(refus.Message));
    }

    /// <summary>French numbers are grouped by a narrow no-break space: read as a space.</summary>
    private static string Espaces(string texte) => texte.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    /// <summary>A stream that cannot seek, as a network body can be.</summary>
    private sealed class FluxSansDeplacement(byte[] octets) : MemoryStream(octets)
    {
        public override bool CanSeek => false;
    }
}
