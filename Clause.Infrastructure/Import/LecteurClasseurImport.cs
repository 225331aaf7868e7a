using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clause.Infrastructure.Import;

/// <summary>
/// The streaming reader of an import workbook (../shared/IMPORT.md, issue 11 item 6). <see cref="Ouvrir"/> refuses what is
/// not a readable .xlsx (<see cref="ClasseurIllisibleException"/>); <see cref="VerifierVersion"/> checks the <c>Version</c>
/// sheet; <see cref="Lignes"/> reads one sheet, row by row, with the Open XML SDK's SAX reader (<see cref="OpenXmlPartReader"/>):
/// only the part of the asked sheet is decompressed, in the order the import asks, whatever the order in the file.
/// <para>
/// Memory: nothing grows with the file but the shared strings table, read once at opening and bounded
/// (<see cref="ChainesPartageesMax"/> strings, <see cref="CaracteresChainesPartageesMax"/> characters, each string kept to
/// <see cref="LongueurCelluleMax"/> + 1 characters). A row is built, given, forgotten; an empty row costs nothing but its
/// parsing. Every decompressed byte is counted: a part that inflates beyond the size its zip entry announces, or a
/// workbook whose announced sizes add up to more than <see cref="TailleDecompresseeMax"/>, or with more than
/// <see cref="CellulesMax"/> filled cells, is refused.
/// </para>
/// Not thread-safe; one reader per request. The caller's stream is not closed by <see cref="Dispose"/>.
/// </summary>
public sealed class LecteurClasseurImport : ISourceImport, IDisposable
{
    /// <summary>At most 50 Mo once decompressed (IMPORT.md « Bad input »): the sum of the sizes the zip announces, and the bytes really inflated.</summary>
    public const long TailleDecompresseeMax = 50L * 1024 * 1024;

    /// <summary>At most 1 million filled cells in the whole workbook (IMPORT.md « Bad input »).</summary>
    public const long CellulesMax = 1_000_000;

    /// <summary>
    /// The longest cell accepted: the longest legitimate text of the format is a contrat's <c>Derogation</c>, whose reason
    /// is at most <see cref="Derogation.MotifLongueurMax"/> (1 000) characters; every other text column is shorter, and
    /// its own length is checked by the domain when the row is applied.
    /// </summary>
    public const int LongueurCelluleMax = Derogation.MotifLongueurMax;

    /// <summary>At most this many shared strings (no workbook of fewer than <see cref="CellulesMax"/> cells needs more).</summary>
    public const int ChainesPartageesMax = (int)CellulesMax;

    /// <summary>
    /// At most 8 million characters in the shared strings table (16 Mo of text): a national workbook of 260 000 hour
    /// lines holds a few hundred thousand distinct strings of a few tens of characters.
    /// </summary>
    public const long CaracteresChainesPartageesMax = 8_000_000;

    /// <summary>More zip entries than this is not a workbook (a real one has a few tens).</summary>
    private const int EntreesMax = 10_000;

    private const string MessageVide = "Le fichier est vide : déposez un classeur Excel (.xlsx) d'import.";
    private const string MessagePasXlsx = "Le fichier n'est pas un classeur Excel (.xlsx) : un PDF, un CSV, un fichier .xls ou .ods renommé n'est pas accepté. "
        + "Enregistrez-le depuis votre tableur au format « Classeur Excel (.xlsx) » ou partez du modèle téléchargeable.";
    private const string MessageXls = "Le fichier est un ancien classeur Excel 97-2003 (.xls) : enregistrez-le au format « Classeur Excel (.xlsx) ».";
    private const string MessageCorrompu = "Le classeur est endommagé et ne peut pas être lu : ouvrez-le dans votre tableur, enregistrez-le à nouveau au format "
        + "« Classeur Excel (.xlsx) », puis déposez-le.";
    private static readonly string MessageTrop = $"Le classeur dépasse {TailleDecompresseeMax / (1024 * 1024)} Mo une fois décompressé : il est refusé. "
        + "Découpez-le en plusieurs classeurs (par exemple un par année).";
    private static readonly string MessageCellules = $"Le classeur compte plus de {CellulesMax.ToString("N0", FormatFrancais.Culture)} cellules remplies : il est refusé. "
        + "Découpez-le en plusieurs classeurs (par exemple un par année).";
    private static readonly string MessageChaines = "Le classeur contient trop de textes distincts pour être lu : découpez-le en plusieurs classeurs (par exemple un par année).";

    private readonly FileStream? temporaire;
    private readonly SpreadsheetDocument document;
    private readonly Dictionary<string, long> taillesAnnoncees;
    private readonly Dictionary<string, List<(string Nom, WorksheetPart Partie)>> feuilles;
    private readonly List<string> chaines;
    private readonly Dictionary<string, long> cellulesParPartie = new(StringComparer.Ordinal);
    private bool dispose;

    private LecteurClasseurImport(FileStream? temporaire, SpreadsheetDocument document, Dictionary<string, long> taillesAnnoncees)
    {
        this.temporaire = temporaire;
        this.document = document;
        this.taillesAnnoncees = taillesAnnoncees;
        var classeur = document.WorkbookPart ?? throw new ClasseurIllisibleException(MessagePasXlsx);
        feuilles = LireFeuilles(classeur);
        chaines = LireChainesPartagees(classeur.SharedStringTablePart);
    }

    /// <summary>The sheets of the workbook as written, in the file's order (for a report or a test).</summary>
    public IReadOnlyList<string> NomsDesFeuilles => [.. feuilles.Values.SelectMany(f => f).Select(f => f.Nom)];

    /// <summary>
    /// Opens <paramref name="flux"/> (read from its current position; copied to a temporary file first when it cannot seek).
    /// Throws <see cref="ClasseurIllisibleException"/>, with a French message, for an empty file, a file that is not an
    /// .xlsx (a renamed PDF), a damaged workbook, a workbook announcing more than <see cref="TailleDecompresseeMax"/> once
    /// decompressed, or a shared strings table over its bounds.
    /// </summary>
    public static LecteurClasseurImport Ouvrir(Stream flux)
    {
        ArgumentNullException.ThrowIfNull(flux);
        FileStream? temporaire = null;
        try
        {
            Stream source = flux;
            if (!flux.CanSeek || flux.Position != 0)
            {
                temporaire = CopierDansFichierTemporaire(flux);
                source = temporaire;
            }
            if (source.Length == 0) throw new ClasseurIllisibleException(MessageVide);
            if (source.Length > TailleDecompresseeMax) throw new ClasseurIllisibleException(MessageTrop);
            VerifierSignature(source);
            var tailles = TaillesAnnoncees(source);
            source.Position = 0;
            SpreadsheetDocument document;
            try
            {
                document = SpreadsheetDocument.Open(source, false, new OpenSettings { AutoSave = false, MaxCharactersInPart = TailleDecompresseeMax });
            }
            catch (Exception e) when (EstIllisible(e))
            {
                throw new ClasseurIllisibleException(MessageCorrompu);
            }
            try
            {
                return new LecteurClasseurImport(temporaire, document, tailles);
            }
            catch (Exception e) when (EstIllisible(e))
            {
                document.Dispose();
                throw new ClasseurIllisibleException(MessageCorrompu);
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }
        catch
        {
            temporaire?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The errors of the <c>Version</c> sheet (IMPORT.md « File »): absent, or <c>A1</c> other than <c>clause-import</c>
    /// (sheet Version, row 1, column A), or <c>B1</c> other than <c>1</c> (column B). Empty when the version is right.
    /// </summary>
    public IReadOnlyList<ErreurImport> VerifierVersion()
    {
        ObjectDisposedException.ThrowIf(dispose, this);
        var feuille = FormatImport.FeuilleVersion;
        if (!feuilles.TryGetValue(Cle(feuille), out var trouvees))
            return [new ErreurImport(feuille, 1, "A", $"La feuille « {feuille} » est absente : ajoutez une feuille « {feuille} » avec « {FormatImport.Marque} » "
                + $"en A1 et {FormatImport.Version} en B1 (le modèle téléchargeable la contient).")];
        string? a1 = null, b1 = null;
        using (var lecteur = new LecteurFeuille(this, trouvees[0].Partie))
        {
            var cellules = new List<CelluleBrute>();
            while (lecteur.LigneSuivante(cellules, out var numero))
            {
                if (numero != 1) break;
                a1 = cellules.FirstOrDefault(c => c.Colonne == 0)?.Texte?.Trim();
                b1 = cellules.FirstOrDefault(c => c.Colonne == 1)?.Texte?.Trim();
                break;
            }
        }
        var erreurs = new List<ErreurImport>();
        if (!string.Equals(a1, FormatImport.Marque, StringComparison.OrdinalIgnoreCase))
            erreurs.Add(new ErreurImport(feuille, 1, "A", string.IsNullOrEmpty(a1)
                ? $"A1 est vide : elle doit contenir « {FormatImport.Marque} » (ce classeur n'est pas un classeur d'import Clause)."
                : $"A1 doit contenir « {FormatImport.Marque} », pas « {Extrait(a1)} » (ce classeur n'est pas un classeur d'import Clause)."));
        var version = FormatImport.Version.ToString(CultureInfo.InvariantCulture);
        if (b1 != version)
            erreurs.Add(new ErreurImport(feuille, 1, "B", string.IsNullOrEmpty(b1)
                ? $"B1 est vide : elle doit contenir {version}, la version du format d'import."
                : $"B1 doit contenir {version}, la version du format d'import que Clause lit, pas « {Extrait(b1)} »."));
        return erreurs;
    }

    /// <summary>
    /// The non-empty rows of <paramref name="feuille"/> (none when the workbook has no such sheet), read in streaming. Row 1
    /// is the header: column names in any order, case and accents ignored; an unknown column, a column written twice and a
    /// missing required column are errors of row 1. A cell the reader cannot give (a formula without a cached value, an
    /// error value such as <c>#N/A</c>, more than <see cref="LongueurCelluleMax"/> characters) is an error and is left out of
    /// its row, whose <see cref="LigneLue.ColonnesEnErreur"/> names it; a value under no header is one error per column.
    /// Throws <see cref="ClasseurIllisibleException"/> while reading when the workbook goes over <see cref="CellulesMax"/>
    /// filled cells, when a part inflates beyond its announced size, or when the sheet's XML is damaged.
    /// </summary>
    public IEnumerable<LigneLue> Lignes(FeuilleImport feuille, ICollection<ErreurImport> erreurs)
    {
        ArgumentNullException.ThrowIfNull(feuille);
        ArgumentNullException.ThrowIfNull(erreurs);
        ObjectDisposedException.ThrowIf(dispose, this);
        return LireLignes(feuille, erreurs);
    }

    private IEnumerable<LigneLue> LireLignes(FeuilleImport feuille, ICollection<ErreurImport> erreurs)
    {
        if (!feuilles.TryGetValue(Cle(feuille.Nom), out var trouvees)) yield break;
        if (trouvees.Count > 1)
            erreurs.Add(new ErreurImport(feuille.Nom, 1, "A", $"Plusieurs feuilles du classeur portent le nom « {feuille.Nom} » ("
                + string.Join(", ", trouvees.Select(t => $"« {t.Nom} »")) + $") : seule « {trouvees[0].Nom} » est lue, renommez ou supprimez les autres."));

        using var lecteur = new LecteurFeuille(this, trouvees[0].Partie);
        var cellules = new List<CelluleBrute>();
        Dictionary<int, ColonneImport?>? entetes = null;
        var sansEntete = new HashSet<int>();
        while (LigneSuivante(lecteur, cellules, out var numero))
        {
            if (entetes is null)
            {
                entetes = LireEntetes(feuille, numero == 1 ? cellules : [], erreurs);
                if (numero == 1) continue;
            }
            var valeurs = new Dictionary<string, CelluleLue>(StringComparer.OrdinalIgnoreCase);
            List<string>? enErreur = null;
            foreach (var cellule in cellules)
            {
                if (!entetes.TryGetValue(cellule.Colonne, out var colonne))
                {
                    if (sansEntete.Add(cellule.Colonne))
                        erreurs.Add(new ErreurImport(feuille.Nom, numero, Lettres(cellule.Colonne),
                            $"Valeur dans la colonne {Lettres(cellule.Colonne)}, qui n'a pas de nom en ligne 1 : nommez la colonne ou videz-la."));
                    continue;
                }
                if (colonne is null || valeurs.ContainsKey(colonne.Nom)) continue; // unknown or doubled column: reported on row 1
                if (cellule.Erreur is not null)
                {
                    erreurs.Add(new ErreurImport(feuille.Nom, numero, colonne.Nom, cellule.Erreur));
                    (enErreur ??= []).Add(colonne.Nom);
                    continue;
                }
                valeurs[colonne.Nom] = new CelluleLue(cellule.Texte!, cellule.Nombre);
            }
            if (valeurs.Count == 0 && enErreur is null) continue;
            yield return new LigneLue(feuille, numero, valeurs) { ColonnesEnErreur = enErreur ?? [] };
        }
        if (entetes is null) LireEntetes(feuille, [], erreurs); // a sheet without any row still needs its required columns
    }

    /// <summary>The next non-empty row, a damaged XML turned into the French refusal.</summary>
    private static bool LigneSuivante(LecteurFeuille lecteur, List<CelluleBrute> cellules, out int numero)
    {
        try
        {
            return lecteur.LigneSuivante(cellules, out numero);
        }
        catch (Exception e) when (EstIllisible(e))
        {
            throw new ClasseurIllisibleException(MessageCorrompu);
        }
    }

    /// <summary>Column index → the format's column (null: unknown or doubled, already reported).</summary>
    private static Dictionary<int, ColonneImport?> LireEntetes(FeuilleImport feuille, List<CelluleBrute> cellules, ICollection<ErreurImport> erreurs)
    {
        var entetes = new Dictionary<int, ColonneImport?>();
        var vues = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var cellule in cellules)
        {
            var lettres = Lettres(cellule.Colonne);
            if (cellule.Erreur is not null)
            {
                entetes[cellule.Colonne] = null;
                erreurs.Add(new ErreurImport(feuille.Nom, 1, lettres, cellule.Erreur));
                continue;
            }
            var ecrit = cellule.Texte!.Trim();
            var colonne = feuille.Colonnes.FirstOrDefault(c => Cle(c.Nom) == Cle(ecrit));
            if (colonne is null)
            {
                entetes[cellule.Colonne] = null;
                erreurs.Add(new ErreurImport(feuille.Nom, 1, Extrait(ecrit), $"Colonne inconnue « {Extrait(ecrit)} » (colonne {lettres}) : les colonnes de la feuille "
                    + $"{feuille.Nom} sont {string.Join(", ", feuille.Colonnes.Select(c => c.Nom))}. Corrigez son nom ou supprimez-la."));
            }
            else if (vues.TryGetValue(colonne.Nom, out var premiere))
            {
                entetes[cellule.Colonne] = null;
                erreurs.Add(new ErreurImport(feuille.Nom, 1, colonne.Nom,
                    $"La colonne {colonne.Nom} est écrite deux fois (colonnes {Lettres(premiere)} et {lettres}) : gardez-en une seule."));
            }
            else
            {
                entetes[cellule.Colonne] = colonne;
                vues[colonne.Nom] = cellule.Colonne;
            }
        }
        foreach (var colonne in feuille.Colonnes.Where(c => c.Requise && !vues.ContainsKey(c.Nom)))
            erreurs.Add(new ErreurImport(feuille.Nom, 1, colonne.Nom,
                $"La colonne obligatoire {colonne.Nom} est absente : ajoutez-la en ligne 1 (le modèle téléchargeable contient toutes les colonnes)."));
        return entetes;
    }

    /// <summary>The key a sheet or a column is recognised by: case, accents and spacing ignored (« Opérations », « marchés »).</summary>
    internal static string Cle(string nom) => TexteRecherche.Normaliser(nom);

    /// <summary>The letters of a column from its index (0 → A, 26 → AA).</summary>
    internal static string Lettres(int colonne)
    {
        var lettres = new StringBuilder();
        for (var n = colonne + 1; n > 0; n = (n - 1) / 26) lettres.Insert(0, (char)('A' + ((n - 1) % 26)));
        return lettres.ToString();
    }

    private static string Extrait(string texte) => texte.Length <= 60 ? texte : texte[..57] + "…";

    private static bool EstIllisible(Exception e) => e is OpenXmlPackageException or InvalidDataException or XmlException or FormatException
        or IOException or ArgumentException or InvalidOperationException or NotSupportedException or KeyNotFoundException;

    private static FileStream CopierDansFichierTemporaire(Stream flux)
    {
        var fichier = new FileStream(Path.Combine(Path.GetTempPath(), "clause-import-" + Guid.NewGuid().ToString("N") + ".xlsx"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var tampon = new byte[81920];
            long total = 0;
            int lus;
            while ((lus = flux.Read(tampon, 0, tampon.Length)) > 0)
            {
                total += lus;
                if (total > TailleDecompresseeMax) throw new ClasseurIllisibleException(MessageTrop);
                fichier.Write(tampon, 0, lus);
            }
            fichier.Position = 0;
            return fichier;
        }
        catch
        {
            fichier.Dispose();
            throw;
        }
    }

    /// <summary>An .xlsx is a zip: it starts with « PK\x03\x04 ». An old .xls starts with the OLE signature.</summary>
    private static void VerifierSignature(Stream source)
    {
        source.Position = 0;
        Span<byte> debut = stackalloc byte[4];
        var lus = 0;
        while (lus < 4)
        {
            var n = source.Read(debut[lus..]);
            if (n == 0) break;
            lus += n;
        }
        source.Position = 0;
        if (lus == 4 && debut[0] == 0xD0 && debut[1] == 0xCF && debut[2] == 0x11 && debut[3] == 0xE0) throw new ClasseurIllisibleException(MessageXls);
        if (lus < 4 || debut[0] != 'P' || debut[1] != 'K' || debut[2] != 3 || debut[3] != 4) throw new ClasseurIllisibleException(MessagePasXlsx);
    }

    /// <summary>
    /// The uncompressed size each zip entry announces, by entry name; refused when they add up to more than
    /// <see cref="TailleDecompresseeMax"/>. The bytes really inflated are counted later by <see cref="FluxBorne"/>.
    /// </summary>
    private static Dictionary<string, long> TaillesAnnoncees(Stream source)
    {
        try
        {
            using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > EntreesMax) throw new ClasseurIllisibleException(MessageCorrompu);
            var tailles = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            long total = 0;
            foreach (var entree in zip.Entries)
            {
                total += entree.Length;
                if (entree.Length < 0 || total > TailleDecompresseeMax) throw new ClasseurIllisibleException(MessageTrop);
                tailles.TryAdd(entree.FullName.TrimStart('/'), entree.Length);
            }
            return tailles;
        }
        catch (Exception e) when (EstIllisible(e))
        {
            throw new ClasseurIllisibleException(MessageCorrompu);
        }
    }

    /// <summary>A SAX reader of <paramref name="partie"/> whose decompressed bytes are counted against the size its entry announces.</summary>
    private OpenXmlPartReader Lecteur(OpenXmlPart partie)
    {
        var nom = Uri.UnescapeDataString(partie.Uri.OriginalString).TrimStart('/');
        var borne = taillesAnnoncees.TryGetValue(nom, out var taille) ? taille : TailleDecompresseeMax;
        var flux = new FluxBorne(partie.GetStream(FileMode.Open, FileAccess.Read), borne);
        return new OpenXmlPartReader(flux, partie.Features, new OpenXmlPartReaderOptions
        {
            CloseStream = true,
            MaxCharactersInPart = Math.Max(borne, 1),
        });
    }

    /// <summary>The sheets by key (<see cref="Cle"/>), from the workbook part read with the SAX reader too.</summary>
    private Dictionary<string, List<(string Nom, WorksheetPart Partie)>> LireFeuilles(WorkbookPart classeur)
    {
        var resultat = new Dictionary<string, List<(string, WorksheetPart)>>(StringComparer.Ordinal);
        using var lecteur = Lecteur(classeur);
        while (lecteur.Read())
        {
            if (lecteur.ElementType != typeof(Sheet) || !lecteur.IsStartElement) continue;
            string? nom = null, id = null;
            foreach (var attribut in lecteur.Attributes)
            {
                if (attribut.LocalName == "name" && string.IsNullOrEmpty(attribut.NamespaceUri)) nom = attribut.Value;
                else if (attribut.LocalName == "id" && attribut.NamespaceUri == "http://schemas.openxmlformats.org/officeDocument/2006/relationships") id = attribut.Value;
            }
            if (nom is null || id is null) continue;
            if (!classeur.TryGetPartById(id, out var partie) || partie is not WorksheetPart feuille) continue; // a chart sheet has no rows
            var cle = Cle(nom);
            if (!resultat.TryGetValue(cle, out var memes)) resultat[cle] = memes = [];
            memes.Add((nom, feuille));
        }
        return resultat;
    }

    /// <summary>
    /// The shared strings table, the one thing kept in memory: its text runs joined (the phonetic runs left out), each
    /// string cut at <see cref="LongueurCelluleMax"/> + 1 characters — enough to know it is too long — and the whole
    /// bounded by <see cref="ChainesPartageesMax"/> and <see cref="CaracteresChainesPartageesMax"/>.
    /// </summary>
    private List<string> LireChainesPartagees(SharedStringTablePart? partie)
    {
        var resultat = new List<string>();
        if (partie is null) return resultat;
        using var lecteur = Lecteur(partie);
        var texte = new StringBuilder();
        bool dansChaine = false, dansPhonetique = false;
        long caracteres = 0;
        while (lecteur.Read())
        {
            var type = lecteur.ElementType;
            if (type == typeof(SharedStringItem))
            {
                if (lecteur.IsStartElement)
                {
                    texte.Clear();
                    dansChaine = true;
                    continue;
                }
                dansChaine = false;
                caracteres += texte.Length;
                if (resultat.Count >= ChainesPartageesMax || caracteres > CaracteresChainesPartageesMax) throw new ClasseurIllisibleException(MessageChaines);
                resultat.Add(texte.ToString());
            }
            else if (type == typeof(PhoneticRun)) dansPhonetique = lecteur.IsStartElement;
            else if (type == typeof(Text) && lecteur.IsStartElement && dansChaine && !dansPhonetique) AjouterBorne(texte, lecteur.GetText());
        }
        return resultat;
    }

    private static void AjouterBorne(StringBuilder texte, string morceau)
    {
        var place = LongueurCelluleMax + 1 - texte.Length;
        if (place > 0) texte.Append(morceau, 0, Math.Min(place, morceau.Length));
    }

    public void Dispose()
    {
        if (dispose) return;
        dispose = true;
        document.Dispose();
        temporaire?.Dispose();
    }

    /// <summary>One filled cell as the sheet holds it: its column index, and its text and number, or the error it is.</summary>
    private sealed record CelluleBrute(int Colonne, string? Texte, double? Nombre, string? Erreur);

    /// <summary>
    /// The SAX walk of one worksheet part: rows and cells, with or without their <c>r=</c> references, shared and inline
    /// strings, numbers, booleans, cached values of formulas, error values. Stops at the end of <c>sheetData</c>.
    /// </summary>
    private sealed class LecteurFeuille : IDisposable
    {
        private readonly LecteurClasseurImport classeur;
        private readonly OpenXmlPartReader lecteur;
        private readonly string cle;
        private readonly long cellulesAutres;
        private long cellules;
        private int derniereLigne;
        private bool fini;

        public LecteurFeuille(LecteurClasseurImport classeur, WorksheetPart partie)
        {
            this.classeur = classeur;
            cle = partie.Uri.OriginalString;
            classeur.cellulesParPartie[cle] = 0;
            cellulesAutres = classeur.cellulesParPartie.Where(p => p.Key != cle).Sum(p => p.Value);
            lecteur = classeur.Lecteur(partie);
        }

        /// <summary>Fills <paramref name="resultat"/> with the filled cells of the next row that has one; false at the end.</summary>
        public bool LigneSuivante(List<CelluleBrute> resultat, out int numero)
        {
            numero = 0;
            resultat.Clear();
            if (fini) return false;
            var colonneSuivante = 0;
            int colonne = 0;
            string? type = null, valeur = null;
            var formule = false;
            bool dansTexteEnLigne = false, dansPhonetique = false;
            var enLigne = new StringBuilder();
            while (lecteur.Read())
            {
                var element = lecteur.ElementType;
                if (element == typeof(Row))
                {
                    if (lecteur.IsStartElement)
                    {
                        numero = Entier(Attribut("r")) ?? derniereLigne + 1;
                        colonneSuivante = 0;
                        resultat.Clear();
                    }
                    else
                    {
                        derniereLigne = numero;
                        if (resultat.Count > 0) return true;
                    }
                }
                else if (element == typeof(Cell))
                {
                    if (lecteur.IsStartElement)
                    {
                        colonne = colonneSuivante; // some tools write no r= : the cell follows the previous one
                        type = null;
                        foreach (var attribut in lecteur.Attributes)
                        {
                            if (!string.IsNullOrEmpty(attribut.NamespaceUri)) continue;
                            if (attribut.LocalName == "r") colonne = ColonneDe(attribut.Value ?? "") ?? colonneSuivante;
                            else if (attribut.LocalName == "t") type = attribut.Value;
                        }
                        valeur = null;
                        formule = false;
                        enLigne.Clear();
                    }
                    else
                    {
                        colonneSuivante = colonne + 1;
                        var cellule = Cellule(colonne, type, valeur, formule, enLigne);
                        if (cellule is not null)
                        {
                            if (cellulesAutres + ++cellules > CellulesMax) throw new ClasseurIllisibleException(MessageCellules);
                            classeur.cellulesParPartie[cle] = cellules;
                            resultat.Add(cellule);
                        }
                    }
                }
                else if (element == typeof(CellValue) && lecteur.IsStartElement) valeur = lecteur.GetText();
                else if (element == typeof(CellFormula) && lecteur.IsStartElement) formule = true;
                else if (element == typeof(InlineString)) dansTexteEnLigne = lecteur.IsStartElement;
                else if (element == typeof(PhoneticRun)) dansPhonetique = lecteur.IsStartElement;
                else if (element == typeof(Text) && lecteur.IsStartElement && dansTexteEnLigne && !dansPhonetique) AjouterBorne(enLigne, lecteur.GetText());
                else if (element == typeof(SheetData) && lecteur.IsEndElement) break;
            }
            fini = true;
            return false;
        }

        private CelluleBrute? Cellule(int colonne, string? type, string? valeur, bool formule, StringBuilder enLigne)
        {
            string? texte;
            double? nombre = null;
            switch (type)
            {
                case "inlineStr":
                    texte = enLigne.Length > 0 ? enLigne.ToString() : valeur;
                    break;
                case "s":
                    if (valeur is null) return null;
                    if (Entier(valeur) is not { } index || index < 0 || index >= classeur.chaines.Count)
                        return new CelluleBrute(colonne, null, null, "La cellule renvoie à un texte partagé absent du classeur : le classeur est endommagé, enregistrez-le à nouveau.");
                    texte = classeur.chaines[index];
                    break;
                case "e":
                    return new CelluleBrute(colonne, null, null, $"La cellule contient une erreur de calcul ({valeur ?? "#ERREUR"}) : corrigez-la ou remplacez-la par une valeur.");
                case "b":
                    texte = valeur switch { "1" => "true", "0" => "false", _ => valeur };
                    break;
                case "str" or "d":
                    texte = valeur;
                    break;
                default:
                    texte = valeur;
                    if (valeur is not null)
                    {
                        if (!double.TryParse(valeur, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                            return new CelluleBrute(colonne, null, null, $"La cellule contient un nombre illisible (« {Extrait(valeur)} ») : le classeur est endommagé.");
                        nombre = n;
                    }
                    break;
            }
            if (formule && valeur is null && type != "inlineStr")
                return new CelluleBrute(colonne, null, null, "La cellule contient une formule sans valeur calculée : ouvrez le classeur dans votre tableur et "
                    + "enregistrez-le (la valeur est alors calculée), ou remplacez la formule par sa valeur.");
            if (string.IsNullOrWhiteSpace(texte)) return null;
            if (texte.Length > LongueurCelluleMax)
                return new CelluleBrute(colonne, null, null,
                    $"La cellule dépasse {LongueurCelluleMax.ToString("N0", FormatFrancais.Culture)} caractères : raccourcissez-la (le texte le plus long du format, la dérogation, "
                    + $"en compte au plus {LongueurCelluleMax.ToString("N0", FormatFrancais.Culture)}).");
            return new CelluleBrute(colonne, texte, nombre, null);
        }

        private string? Attribut(string nom)
        {
            foreach (var attribut in lecteur.Attributes)
                if (attribut.LocalName == nom && string.IsNullOrEmpty(attribut.NamespaceUri)) return attribut.Value;
            return null;
        }

        private static int? Entier(string? texte) =>
            int.TryParse(texte, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        /// <summary>The column index of a reference such as <c>AB12</c> (null when it starts with no letter or goes past XFD).</summary>
        private static int? ColonneDe(string reference)
        {
            var colonne = 0;
            var i = 0;
            for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            {
                colonne = colonne * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
                if (colonne > 16_384) return null;
            }
            return i == 0 ? null : colonne - 1;
        }

        public void Dispose() => lecteur.Dispose();
    }

    /// <summary>
    /// A part's decompressed stream, counted: refused beyond the size its zip entry announces, so that the announced sizes,
    /// checked against <see cref="TailleDecompresseeMax"/> at opening, also bound what is really inflated (a zip bomb that
    /// lies about its sizes stops there).
    /// </summary>
    private sealed class FluxBorne(Stream interieur, long borne) : Stream
    {
        private long lus;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => lus; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Compter(interieur.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Compter(interieur.Read(buffer));

        private int Compter(int n)
        {
            lus += n;
            if (lus > borne) throw new ClasseurIllisibleException(MessageTrop);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) interieur.Dispose();
            base.Dispose(disposing);
        }
    }
}
