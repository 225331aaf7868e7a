using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace Clause.Infrastructure.Excel;

/// <summary>Who and which month a template is for: written in its header (visible) and in hidden cells (read back).</summary>
public sealed record EnteteModele(EntrepriseId EntrepriseId, string Entreprise, Mois Mois);

/// <summary>
/// One row of the template: a validated contrat of the company that month. <paramref name="AccepteMontant"/> opens the
/// amount cell (sous-/co-traitance, DOMAIN.md §7.4); <paramref name="Verrouillee"/> (a validated line) keeps every cell
/// locked; <paramref name="Etat"/> is the current line of the month in words, for information.
/// </summary>
public sealed record LigneModele(ContratId ContratId, string Participant, string Lot, string Employeur, bool AccepteMontant, bool Verrouillee,
    string? Etat);

/// <summary>A filled row read back: its row number in the sheet and what was typed (hours, or an invoiced amount HT).</summary>
public sealed record LigneLue(int Rangee, ContratId ContratId, Duree? Heures, Montant? MontantFactureHT);

/// <summary>
/// One refusal of the report: the row and column when it concerns a cell (« Ligne 7, colonne E (Heures) : … »), none
/// when it concerns the whole file (not an xlsx, another company's template…).
/// </summary>
public sealed record ErreurExcel(int? Rangee, string? Colonne, string Message)
{
    public string Texte => Rangee is { } r
        ? $"Ligne {r}{(Colonne is null ? "" : $", colonne {Colonne}")} : {Message}"
        : Message;
}

/// <summary>What the reader found: the filled rows, or the refusals (then nothing must be written).</summary>
public sealed record LectureModele(IReadOnlyList<LigneLue> Lignes, IReadOnlyList<ErreurExcel> Erreurs)
{
    public bool Valide => Erreurs.Count == 0;

    /// <summary>
    /// The rows that could be read, even when others were refused: the domain still checks them so that the report gives
    /// every error in one pass (issue 15 item 5) — never written while <see cref="Erreurs"/> is not empty.
    /// </summary>
    public IReadOnlyList<LigneLue> Lisibles { get; init; } = Lignes;
}

/// <summary>
/// The monthly hours template of a company (issue 9 item 7), EPPlus 4.5.3.3. One sheet: the company and the month in
/// the header, one row per contrat (participant, lot, employer, hours, amount HT, current state), column A hidden with
/// the technical keys (a marker, the company id, the month in rows 1–3; the contrat id of each row). The sheet is
/// protected: every cell is locked except the hours (and, on sous-/co-traitance rows, the amount) of the rows still
/// open. The reader checks the FILE only (type, size, template, company, month, keys, numbers, formulas); the rules of a
/// line are those of the submission service, which the page calls with what is read here — never a copy of them.
/// Column widths are set by hand: AutoFitColumns throws on Linux (no libgdiplus).
/// </summary>
public static class ModeleHeuresExcel
{
    public const string TypeContenu = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Largest file accepted (the template of a few hundred rows weighs a few dozen kilobytes).</summary>
    public const long TailleMax = 2 * 1024 * 1024;

    /// <summary>More rows than any company's month has contrats: beyond, the file is not a filled template.</summary>
    public const int RangeesMax = 5000;

    /// <summary>Written in the hidden cell A1: a file without it is not a Clause hours template.</summary>
    public const string Marqueur = "clause-heures-v1";

    public const int ColonneCle = 1;
    public const int ColonneParticipant = 2;
    public const int ColonneLot = 3;
    public const int ColonneEmployeur = 4;
    public const int ColonneHeures = 5;
    public const int ColonneMontant = 6;
    public const int ColonneEtat = 7;

    public const int RangeeTitre = 1;
    public const int RangeeMois = 2;
    public const int RangeeConsigne = 3;
    public const int RangeeEntreprise = 2;
    public const int RangeeCodeMois = 3;
    public const int RangeeEntetes = 5;
    public const int PremiereRangee = 6;

    public const string NomHeures = "Heures";
    public const string NomMontant = "Montant facturé HT (€)";

    private static readonly string[] Entetes = ["Clé", "Participant", "Lot", "Employeur", NomHeures, NomMontant, "Déjà déclaré"];

    private static readonly double[] Largeurs = [38, 30, 40, 30, 12, 22, 40];

    /// <summary>"E" for column 5 (the template has 7 columns; a formula found further right still gets its letter).</summary>
    public static string Lettre(int colonne) => ExcelCellAddress.GetColumnLetter(colonne);

    /// <summary>« E (Heures) », how the report names a template column.</summary>
    public static string NomColonne(int colonne) => colonne is >= 1 and <= 7 ? $"{Lettre(colonne)} ({Entetes[colonne - 1]})" : Lettre(colonne);

    /// <summary>
    /// The column a refusal of the submission service points at, from the domain's field: the amount (and its
    /// conversion) in F, the contrat in A (its hidden key), everything else — the hours, the month, a locked line — in E.
    /// </summary>
    public static string ColonneDuChamp(string champ) => NomColonne(champ switch
    {
        "MontantFacture" or "MontantFactureHT" or "PartMainOeuvre" or "CoutHoraire" => ColonneMontant,
        "ContratId" => ColonneCle,
        _ => ColonneHeures,
    });

    public static byte[] Ecrire(EnteteModele entete, IReadOnlyList<LigneModele> lignes)
    {
        ArgumentNullException.ThrowIfNull(entete);
        ArgumentNullException.ThrowIfNull(lignes);
        using var paquet = new ExcelPackage();
        paquet.Workbook.Properties.Title = $"Heures de {DeclarationHeures.Texte(entete.Mois)} — {entete.Entreprise}";
        paquet.Workbook.Properties.Company = entete.Entreprise;
        var feuille = paquet.Workbook.Worksheets.Add("Heures " + entete.Mois);

        TexteCellule.Ecrire(feuille.Cells[RangeeTitre, ColonneParticipant], $"Relevé d'heures d'insertion — {entete.Entreprise}");
        feuille.Cells[RangeeTitre, ColonneParticipant].Style.Font.Bold = true;
        feuille.Cells[RangeeTitre, ColonneParticipant].Style.Font.Size = 14;
        feuille.Cells[RangeeMois, ColonneParticipant].Value = "Mois : " + DeclarationHeures.Texte(entete.Mois);
        feuille.Cells[RangeeMois, ColonneParticipant].Style.Font.Bold = true;
        feuille.Cells[RangeeConsigne, ColonneParticipant].Value = "Saisissez les heures travaillées du mois dans la colonne « Heures » (par exemple 151,67), "
            + "ou pour la sous-traitance et la co-traitance le montant facturé HT. Laissez vide une ligne sans heures. Puis déposez ce fichier sur le portail.";
        feuille.Cells[RangeeConsigne, ColonneParticipant].Style.Font.Italic = true;

        // Hidden keys: which template, which company, which month — and each row's contrat.
        feuille.Cells[1, ColonneCle].Value = Marqueur;
        feuille.Cells[RangeeEntreprise, ColonneCle].Value = entete.EntrepriseId.Valeur.ToString();
        feuille.Cells[RangeeCodeMois, ColonneCle].Value = entete.Mois.ToString();

        for (var c = 1; c <= Entetes.Length; c++)
        {
            var cellule = feuille.Cells[RangeeEntetes, c];
            cellule.Value = Entetes[c - 1];
            cellule.Style.Font.Bold = true;
            cellule.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cellule.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xDD, 0xE5, 0xF0));
            cellule.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
            feuille.Column(c).Width = Largeurs[c - 1];
        }

        var rangee = PremiereRangee;
        foreach (var ligne in lignes)
        {
            feuille.Cells[rangee, ColonneCle].Value = ligne.ContratId.Valeur.ToString();
            // Names typed by users: written as neutralised text (a « =HYPERLINK(…) » name stays a name).
            TexteCellule.Ecrire(feuille.Cells[rangee, ColonneParticipant], ligne.Participant);
            TexteCellule.Ecrire(feuille.Cells[rangee, ColonneLot], ligne.Lot);
            TexteCellule.Ecrire(feuille.Cells[rangee, ColonneEmployeur], ligne.Employeur);
            TexteCellule.Ecrire(feuille.Cells[rangee, ColonneEtat], ligne.Etat);
            var heures = feuille.Cells[rangee, ColonneHeures];
            heures.Style.Numberformat.Format = "#,##0.00";
            var montant = feuille.Cells[rangee, ColonneMontant];
            montant.Style.Numberformat.Format = "#,##0.00 \"€\"";
            if (!ligne.Verrouillee)
            {
                Ouvrir(heures);
                if (ligne.AccepteMontant) Ouvrir(montant);
            }
            if (!ligne.AccepteMontant || ligne.Verrouillee)
            {
                montant.Style.Fill.PatternType = ExcelFillStyle.Solid;
                montant.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xEE, 0xEE, 0xEE));
            }
            rangee++;
        }

        feuille.Column(ColonneCle).Hidden = true;
        feuille.View.FreezePanes(PremiereRangee, ColonneParticipant);
        // Protected without a password: it guards against a slip, not an attack — the reader checks every cell anyway.
        feuille.Protection.IsProtected = true;
        feuille.Protection.AllowSelectLockedCells = true;
        feuille.Protection.AllowSelectUnlockedCells = true;
        feuille.Protection.AllowFormatColumns = true;
        return paquet.GetAsByteArray();
    }

    private static void Ouvrir(ExcelRange cellule)
    {
        cellule.Style.Locked = false;
        cellule.Style.Fill.PatternType = ExcelFillStyle.Solid;
        cellule.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xFF, 0xF8, 0xD6));
    }

    /// <summary>
    /// Reads a filled template for <paramref name="entreprise"/> and <paramref name="mois"/>. Refusals of the whole file
    /// stop the reading; otherwise every cell error is listed (row and column). Rows with neither hours nor amount are
    /// skipped: they are not declared.
    /// </summary>
    public static LectureModele Lire(byte[]? fichier, EntrepriseId entreprise, Mois mois)
    {
        if (fichier is null || fichier.Length == 0) return Refus("Le fichier est vide : déposez le modèle rempli.");
        if (fichier.Length > TailleMax) return new([], [TropGros]);

        ExcelPackage paquet;
        try
        {
            paquet = new ExcelPackage(new MemoryStream(fichier, writable: false));
            _ = paquet.Workbook.Worksheets.Count;
        }
#pragma warning disable CA1031 // EPPlus throws plain Exception (and others) for a zip that is not a workbook: every one means the same to the user.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Refus(PasUnClasseur);
        }
        using (paquet)
        {
            var feuille = paquet.Workbook.Worksheets.FirstOrDefault();
            if (feuille is null || Texte(feuille.Cells[1, ColonneCle].Value) != Marqueur)
                return Refus("Ce classeur n'est pas un modèle d'heures Clause : téléchargez le modèle du mois sur cette page, remplissez-le et déposez-le.");
            if (!Guid.TryParse(Texte(feuille.Cells[RangeeEntreprise, ColonneCle].Value), out var idEntreprise) || idEntreprise != entreprise.Valeur)
                return Refus("Ce modèle est celui d'une autre entreprise : téléchargez le modèle de votre entreprise sur cette page.");
            var codeMois = Texte(feuille.Cells[RangeeCodeMois, ColonneCle].Value);
            if (codeMois != mois.ToString())
                return Refus(LireCodeMois(codeMois) is { } autre
                    ? $"Ce modèle est celui de {DeclarationHeures.Texte(autre)}, pas de {DeclarationHeures.Texte(mois)} : téléchargez le modèle de {DeclarationHeures.Texte(mois)}."
                    : $"Ce modèle ne dit pas son mois : téléchargez le modèle de {DeclarationHeures.Texte(mois)}.");
            return LireLignes(feuille);
        }
    }

    /// <summary>The hidden month code "2026-02" back to its month; null when it is not one.</summary>
    private static Mois? LireCodeMois(string? code) =>
        code is { Length: 7 } && DateOnly.TryParseExact(code + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Mois.De(date)
            : null;

    /// <summary>The refusal of a file above <see cref="TailleMax"/> (an upload checks its length before reading it).</summary>
    public static readonly ErreurExcel TropGros = new(null, null, $"Le fichier pèse plus de {TailleMax / 1024 / 1024} Mo : ce n'est pas un modèle d'heures Clause.");

    private const string PasUnClasseur = "Ce fichier n'est pas un classeur Excel (.xlsx) : téléchargez le modèle, remplissez-le et enregistrez-le au format .xlsx.";

    private static LectureModele Refus(string message) => new([], [new ErreurExcel(null, null, message)]);

    private static LectureModele LireLignes(ExcelWorksheet feuille)
    {
        var erreurs = new List<ErreurExcel>();
        var lignes = new List<LigneLue>();
        if (feuille.Dimension is not { } etendue) return new(lignes, [new ErreurExcel(null, null, AucuneHeure)]);
        var derniere = etendue.End.Row;
        if (derniere - PremiereRangee + 1 > RangeesMax)
            return Refus($"Le fichier a plus de {RangeesMax} lignes : ce n'est pas un modèle d'heures Clause.");

        // A formula anywhere is refused, naming its cell: the hours are typed values, never computed in the file.
        var formules = new HashSet<(int, int)>();
        foreach (var cellule in feuille.Cells[etendue.Address])
        {
            if (string.IsNullOrEmpty(cellule.Formula) && string.IsNullOrEmpty(cellule.FormulaR1C1)) continue;
            formules.Add((cellule.Start.Row, cellule.Start.Column));
            erreurs.Add(new ErreurExcel(cellule.Start.Row, NomColonne(cellule.Start.Column),
                $"la cellule {cellule.Address} contient une formule (={cellule.Formula}) : saisissez un nombre, sans « = »."));
        }

        var vues = new Dictionary<Guid, int>();
        for (var r = PremiereRangee; r <= derniere; r++)
        {
            if (formules.Any(f => f.Item1 == r)) continue;
            var heuresBrutes = feuille.Cells[r, ColonneHeures].Value;
            var montantBrut = feuille.Cells[r, ColonneMontant].Value;
            var cle = Texte(feuille.Cells[r, ColonneCle].Value);
            if (Vide(heuresBrutes) && Vide(montantBrut)) continue;
            if (!Guid.TryParse(cle, out var idContrat))
            {
                erreurs.Add(new ErreurExcel(r, NomColonne(ColonneCle),
                    "cette ligne n'a pas de clé de contrat reconnue (colonne A masquée) : ne copiez pas de lignes, téléchargez un nouveau modèle."));
                continue;
            }
            if (!vues.TryAdd(idContrat, r))
            {
                erreurs.Add(new ErreurExcel(r, NomColonne(ColonneCle), $"ce contrat figure déjà ligne {vues[idContrat]} : une seule ligne par contrat."));
                continue;
            }
            var heures = LireHeures(heuresBrutes, r, erreurs);
            var montant = LireMontant(montantBrut, r, erreurs);
            if (heures.Valide && montant.Valide) lignes.Add(new LigneLue(r, ContratId.De(idContrat), heures.Valeur, montant.Valeur));
        }
        if (erreurs.Count == 0 && lignes.Count == 0) erreurs.Add(new ErreurExcel(null, null, AucuneHeure));
        return erreurs.Count > 0 ? new([], erreurs) { Lisibles = lignes } : new(lignes, []);
    }

    private const string AucuneHeure = "Le fichier ne contient aucune heure à déclarer : remplissez la colonne « Heures » (ou le montant facturé HT) des lignes du mois.";

    private readonly record struct Lu<T>(bool Valide, T? Valeur) where T : struct;

    /// <summary>A number of hours (a numeric cell, or a text the page's field would accept: « 151,67 »), converted to minutes half-up.</summary>
    private static Lu<Duree> LireHeures(object? brut, int rangee, List<ErreurExcel> erreurs)
    {
        if (Vide(brut)) return new(true, null);
        if (Nombre(brut) is { } n)
        {
            if (n >= 1_000_000 || n <= -1_000_000) return Invalide<Duree>(rangee, ColonneHeures, "ce nombre d'heures n'est pas plausible.", erreurs);
            return new(true, new Duree((long)Math.Round(n * 60, MidpointRounding.AwayFromZero)));
        }
        if (brut is string texte && Duree.TryParseHeures(texte, out var duree)) return new(true, duree);
        return Invalide<Duree>(rangee, ColonneHeures, $"« {Texte(brut)} » n'est pas un nombre d'heures : saisissez un nombre, par exemple 151,67.", erreurs);
    }

    /// <summary>An amount in euros (a numeric cell or a text like « 12 000,50 »), converted to cents half-up.</summary>
    private static Lu<Montant> LireMontant(object? brut, int rangee, List<ErreurExcel> erreurs)
    {
        if (Vide(brut)) return new(true, null);
        if (Nombre(brut) is { } n)
        {
            if (n >= 1_000_000_000 || n <= -1_000_000_000) return Invalide<Montant>(rangee, ColonneMontant, "ce montant n'est pas plausible.", erreurs);
            return new(true, new Montant((long)Math.Round(n * 100, MidpointRounding.AwayFromZero)));
        }
        if (brut is string texte && Montant.TryParse(texte, out var montant)) return new(true, montant);
        return Invalide<Montant>(rangee, ColonneMontant, $"« {Texte(brut)} » n'est pas un montant en euros : saisissez un nombre, par exemple 12000,50.", erreurs);
    }

    private static Lu<T> Invalide<T>(int rangee, int colonne, string message, List<ErreurExcel> erreurs) where T : struct
    {
        erreurs.Add(new ErreurExcel(rangee, NomColonne(colonne), message));
        return new(false, null);
    }

    private static double? Nombre(object? brut) => brut switch
    {
        double d when double.IsFinite(d) => d,
        int i => i,
        long l => l,
        decimal m => (double)m,
        float f when float.IsFinite(f) => f,
        _ => null,
    };

    private static bool Vide(object? brut) => brut is null || (brut is string s && string.IsNullOrWhiteSpace(s));

    private static string? Texte(object? brut) => brut switch
    {
        null => null,
        string s => s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => brut.ToString(),
    };
}
