using System.Net;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Clause.Tests.Web;

/// <summary>
/// An export of 100 000 rows works (issue 15 item 2: written as a stream, not refused): 100 000 companies inserted by one
/// set-based SQL statement (a recursive CTE) beside one written by the domain, exported sorted, the file read back whole.
/// Its own app, so that the other tests' structures do not share this database.
/// </summary>
public sealed class ExportGrandeListeTests : IDisposable
{
    private const int Lignes = 100_000;

    private readonly FabriqueClause _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Cent_mille_entreprises_s_exportent_en_entier_et_dans_l_ordre()
    {
        var (client, structure, _) = await _app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await _app.CreerEntrepriseAsync(structure.Id, "Modèle", AcheteursDeTest.NouveauSiret());
        await using (var db = _app.ToutesStructures())
        {
            // Every column copied from the model row (its structure, its type's stored code); a fresh id and SIRET per row.
            await db.Database.ExecuteSqlRawAsync($"""
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {Lignes})
                INSERT INTO Entreprises (Id, StructureId, RaisonSociale, Siret, TypeEmployeur, Commune, CodeNaf, Adresse, CodePostal, TrancheEffectif)
                SELECT printf('00000000-0000-4000-8000-%012X', x), m.StructureId, printf('Entreprise %06d', x), printf('%014d', x),
                       m.TypeEmployeur, 'Tours', m.CodeNaf, m.Adresse, m.CodePostal, m.TrancheEffectif
                FROM n CROSS JOIN (SELECT * FROM Entreprises WHERE RaisonSociale = 'Modèle') m
                """);
        }

        using var reponse = await client.GetAsync("/Entreprises?handler=Excel&tri=nom&ordre=desc");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        using var paquet = new ExcelPackage(new MemoryStream(await reponse.Content.ReadAsByteArrayAsync()));
        var feuille = Assert.Single(paquet.Workbook.Worksheets);
        Assert.Equal(Lignes + 2, feuille.Dimension.End.Row);
        Assert.Equal("Modèle", feuille.Cells[2, 1].Value);
        Assert.Equal("Entreprise 100000", feuille.Cells[3, 1].Value);
        Assert.Equal("Entreprise 000001", feuille.Cells[Lignes + 2, 1].Value);
        Assert.Equal("Tours", feuille.Cells[Lignes + 2, 4].Value);
        Assert.Equal("@", feuille.Cells[Lignes + 2, 1].Style.Numberformat.Format);
    }
}
