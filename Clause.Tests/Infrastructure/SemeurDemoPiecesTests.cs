using System.Security.Cryptography;
using Clause.Domain.Heures;
using Clause.Domain.Pieces;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure;

/// <summary>The demo company's proof (issue 9 item 10): a valid PDF in the configured folder, attached to its rejected line's contrat and month.</summary>
[Collection(CollectionDonneesDemo.Nom)]
public sealed class SemeurDemoPiecesTests(FabriqueClause fabrique) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task La_demo_donne_a_l_entreprise_un_releve_pdf_de_son_mois_rejete_ecrit_dans_le_dossier_des_pieces()
    {
        using var portee = fabrique.Services.CreateScope();
        Assert.True(await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync());
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();

        var piece = await db.PiecesJustificatives.AsNoTracking().SingleAsync();
        var rejetee = await db.DeclarationsHeures.AsNoTracking().SingleAsync(d => d.ContratId == piece.ContratId && d.Mois == piece.Mois);
        var chemin = Path.Combine(fabrique.DossierPieces, piece.StructureId.Valeur.ToString("N"), piece.NomStocke);
        var contenu = await File.ReadAllBytesAsync(chemin);

        Assert.Equal(StatutDeclaration.Rejetee, rejetee.Statut);
        Assert.Equal(NaturePiece.ReleveHeures, piece.Nature);
        Assert.Equal(SemeurDemo.NomPieceDemo, piece.NomOriginal);
        Assert.Equal("application/pdf", piece.TypeContenu);
        Assert.Equal(TypeFichier.Pdf, TypeFichier.Detecter(contenu));
        Assert.Equal(contenu.Length, piece.Taille);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(contenu)), piece.Empreinte);
        Assert.EndsWith("%%EOF\n", System.Text.Encoding.ASCII.GetString(contenu), StringComparison.Ordinal);
        // Deterministic: the same text gives the same bytes.
        Assert.Equal(contenu, SemeurDemo.PdfDemo($"Releve d'heures signe - {piece.Mois}"));
    }
}
