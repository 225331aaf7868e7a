using System.Globalization;
using System.Text;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.DonneesDemo;

/// <summary>
/// One proof of the demo company (issue 9 item 10): the signed « relevé d'heures » of its rejected line's month, attached
/// to that contrat and month — still deletable, since the line is rejected, not validated. The PDF is generated here
/// (fixed text, so the same bytes and the same SHA-256 every time) and written to the configured folder like an upload.
/// Runs after the contrats step; draws nothing from the random generator, so nothing else changes.
/// </summary>
public sealed partial class SemeurDemo
{
    public const string NomPieceDemo = "releve-heures-signe.pdf";

    private async Task SemerPiecesAsync(StructureId structureId, CancellationToken annulation)
    {
        if (_entrepriseDemo is not { } entrepriseId) return;
        var rejetee = await (from d in db.DeclarationsHeures.AsNoTracking()
                             join c in db.Contrats on d.ContratId equals c.Id
                             where d.StructureId == structureId && c.EmployeurId == entrepriseId && d.Statut == StatutDeclaration.Rejetee
                             orderby d.Mois, d.Id
                             select new { Contrat = c, d.Mois })
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (rejetee is null) return;
        var compte = await utilisateurs.FindByEmailAsync($"entreprise@{Domaine}").ConfigureAwait(false);
        var auteur = new Auteur(compte?.Id ?? Guid.Parse("0193a000-0000-7000-8000-0000000000e1"), compte?.NomComplet ?? "Service RH", false);

        using var contenu = new MemoryStream(PdfDemo($"Releve d'heures signe - {rejetee.Mois}"));
        using var fichier = await stockagePieces.RecevoirAsync(structureId, contenu, annulation).ConfigureAwait(false);
        var piece = PieceJustificative.Deposer(structureId, entrepriseId, rejetee.Contrat, rejetee.Mois, NaturePiece.ReleveHeures, NomPieceDemo, fichier.Recu,
            auteur, horloge.GetUtcNow());
        fichier.Conserver(piece.NomStocke);
        db.PiecesJustificatives.Add(piece);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>A one-page PDF with one line of ASCII text, its cross-reference table computed (a valid file any reader opens).</summary>
    internal static byte[] PdfDemo(string texte)
    {
        var contenuPage = $"BT /F1 14 Tf 72 770 Td ({texte.Replace("(", "[", StringComparison.Ordinal).Replace(")", "]", StringComparison.Ordinal)}) Tj ET";
        string[] objets =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {contenuPage.Length} >>\nstream\n{contenuPage}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var positions = new List<int>();
        for (var i = 0; i < objets.Length; i++)
        {
            positions.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objets[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objets.Length + 1}\n0000000000 65535 f \n");
        foreach (var position in positions) pdf.Append(CultureInfo.InvariantCulture, $"{position:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objets.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
