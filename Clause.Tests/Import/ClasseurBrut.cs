using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clause.Tests.Import;

/// <summary>
/// « A workbook written by another tool »: sheets written in streaming with the Open XML SDK's <see cref="OpenXmlWriter"/>,
/// the way exporters other than Excel write them — inline strings (no shared strings table), cells and rows without
/// <c>r=</c> unless asked, empty rows, the sheets listed in the workbook in the order given (not the import's), formulas with
/// or without a cached value, error values.
/// </summary>
internal sealed class ClasseurBrut
{
    private readonly List<(string Nom, IEnumerable<LigneBrute> Lignes)> feuilles = [];

    public ClasseurBrut Feuille(string nom, params IEnumerable<LigneBrute> lignes)
    {
        feuilles.Add((nom, lignes));
        return this;
    }

    /// <summary>The <c>Version</c> sheet, right (A1 clause-import, B1 1) unless told otherwise.</summary>
    public ClasseurBrut Version(CelluleBrute? a1 = null, CelluleBrute? b1 = null) =>
        Feuille("Version", Ligne(a1 ?? Texte("clause-import"), b1 ?? Nombre(1)));

    public static LigneBrute Ligne(params CelluleBrute?[] cellules) => new(null, cellules);

    /// <summary>A row with its <c>r=</c> (rows between it and the previous one are absent).</summary>
    public static LigneBrute LigneNumero(int numero, params CelluleBrute?[] cellules) => new(numero, cellules);

    /// <summary><c>n</c> rows without a cell (<c>&lt;row/&gt;</c>), as some tools write formatted but empty rows.</summary>
    public static IEnumerable<LigneBrute> LignesVides(int n) => Enumerable.Range(0, n).Select(_ => new LigneBrute(null, []));

    public static CelluleBrute Texte(string texte, string? reference = null) => new(reference, CellValues.InlineString, null, null, texte);

    public static CelluleBrute Nombre(double nombre, string? reference = null) =>
        new(reference, null, nombre.ToString(CultureInfo.InvariantCulture), null, null);

    public static CelluleBrute Booleen(bool valeur) => new(null, CellValues.Boolean, valeur ? "1" : "0", null, null);

    public static CelluleBrute Formule(string formule, string? valeurEnCache) => new(null, null, valeurEnCache, formule, null);

    public static CelluleBrute Erreur(string valeur) => new(null, CellValues.Error, valeur, null, null);

    /// <summary>An empty cell (<c>&lt;c/&gt;</c>): it still moves the next cell without <c>r=</c> one column right.</summary>
    public static CelluleBrute Vide() => new(null, null, null, null, null);

    public byte[] Octets()
    {
        using var flux = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(flux, SpreadsheetDocumentType.Workbook))
        {
            var classeur = document.AddWorkbookPart();
            var sheets = new Sheets();
            uint id = 1;
            foreach (var (nom, lignes) in feuilles)
            {
                var partie = classeur.AddNewPart<WorksheetPart>();
                using (var ecrivain = OpenXmlWriter.Create(partie))
                {
                    ecrivain.WriteStartElement(new Worksheet());
                    ecrivain.WriteStartElement(new SheetData());
                    foreach (var ligne in lignes)
                    {
                        var attributs = ligne.Numero is { } n ? [new OpenXmlAttribute("r", "", n.ToString(CultureInfo.InvariantCulture))] : Array.Empty<OpenXmlAttribute>();
                        ecrivain.WriteStartElement(new Row(), attributs);
                        foreach (var cellule in ligne.Cellules)
                            if (cellule is not null) ecrivain.WriteElement(cellule.Element());
                        ecrivain.WriteEndElement();
                    }
                    ecrivain.WriteEndElement();
                    ecrivain.WriteEndElement();
                }
                sheets.Append(new Sheet { Name = nom, SheetId = id++, Id = classeur.GetIdOfPart(partie) });
            }
            classeur.Workbook = new Workbook(sheets);
            classeur.Workbook.Save();
        }
        return flux.ToArray();
    }
}

internal sealed record LigneBrute(int? Numero, IReadOnlyList<CelluleBrute?> Cellules);

internal sealed record CelluleBrute(string? Reference, CellValues? Type, string? Valeur, string? Formule, string? TexteEnLigne)
{
    public Cell Element()
    {
        var cellule = new Cell();
        if (Reference is not null) cellule.CellReference = Reference;
        if (Type is { } type) cellule.DataType = type;
        if (Formule is not null) cellule.Append(new CellFormula(Formule));
        if (Valeur is not null) cellule.Append(new CellValue(Valeur));
        if (TexteEnLigne is not null) cellule.Append(new InlineString(new Text(TexteEnLigne) { Space = SpaceProcessingModeValues.Preserve }));
        return cellule;
    }
}
