using Clause.Domain.Structures;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web;

/// <summary>The list helper on a real SQLite database: the sort whitelist, the page bounds, the total, the links.</summary>
public sealed class ListesTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    private static readonly ColonnesTri<Structure> Colonnes = new ColonnesTri<Structure>("nom")
        .Colonne("nom", "Nom", s => s.Nom)
        .Colonne("commune", "Commune", s => s.Commune);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Id; DROP TABLE Structures")]
    [InlineData("COMMUNE")]
    public void Une_colonne_hors_de_la_liste_blanche_donne_le_tri_par_defaut(string? tri) =>
        Assert.Equal("nom", Colonnes.Effectif(tri));

    [Fact]
    public async Task Le_tri_suit_la_colonne_demandee_et_son_sens_et_sinon_celle_par_defaut()
    {
        await SemerAsync(("Bleu", "Tours"), ("Azur", "Vierzon"), ("Cyan", "Amboise"));
        using var db = _base.Systeme();

        Assert.Equal(["Cyan", "Bleu", "Azur"], await Noms(Colonnes.Trier(db.Structures, "commune", decroissant: false)));
        Assert.Equal(["Azur", "Bleu", "Cyan"], await Noms(Colonnes.Trier(db.Structures, "commune", decroissant: true)));
        Assert.Equal(["Azur", "Bleu", "Cyan"], await Noms(Colonnes.Trier(db.Structures, "inconnue", decroissant: false)));
    }

    [Fact]
    public async Task La_recherche_prend_les_jokers_saisis_a_la_lettre()
    {
        // "%", "_", "\" and "[" typed by the user match themselves only (SQL Server reads "[" as a character set).
        await SemerAsync(("Atelier [A] 100%", "Tours"), ("Atelier A 1000", "Tours"), ("Atelier_B \\ C", "Tours"), ("AtelierxB", "Tours"));
        using var db = _base.Systeme();

        Task<List<string>> Chercher(string saisie)
        {
            var motif = RechercheTexte.Contient(saisie);
            return Noms(db.Structures.Where(s => EF.Functions.Like(s.Nom, motif, RechercheTexte.Echappement)).OrderBy(s => s.Nom));
        }

        Assert.Equal(["Atelier [A] 100%"], await Chercher(" [A] "));
        Assert.Equal(["Atelier [A] 100%"], await Chercher("100%"));
        Assert.Equal(["Atelier_B \\ C"], await Chercher("r_B"));
        Assert.Equal(["Atelier_B \\ C"], await Chercher("\\"));
        // A term of 1 000 characters is cut at 100: its first 100 still find what they match, the rest is not sent.
        Assert.Equal(["Atelier [A] 100%"], await Chercher("[A] 100%" + new string(' ', 92) + new string('z', 900)));
        Assert.Equal(SourceRecherche.LongueurTermeMax + 2, RechercheTexte.Contient(new string('a', 1000)).Length);
    }

    [Fact]
    public void Une_colonne_non_declaree_n_a_pas_d_en_tete() =>
        Assert.Throws<ArgumentException>(() => Colonnes.Libelle("type"));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(3, 2)]
    [InlineData(int.MaxValue, 2)]
    public async Task Un_numero_hors_bornes_donne_la_premiere_ou_la_derniere_page(int demande, int attendu)
    {
        await SemerAsync(Enumerable.Range(1, 25).Select(i => ($"Structure {i:00}", "Tours")).ToArray());
        using var db = _base.Systeme();

        var page = await db.Structures.OrderBy(s => s.Nom).PaginerAsync(demande, taille: 20);

        Assert.Equal(attendu, page.Numero);
        Assert.Equal(25, page.Total);
        Assert.Equal(2, page.NombrePages);
        Assert.Equal(attendu == 1 ? 20 : 5, page.Elements.Count);
        Assert.Equal(attendu == 1 ? "Structure 01" : "Structure 21", page.Elements[0].Nom);
    }

    [Fact]
    public async Task Le_total_compte_les_lignes_filtrees_et_une_liste_vide_a_une_page()
    {
        await SemerAsync(("Azur", "Tours"), ("Bleu", "Tours"), ("Cyan", "Blois"));
        using var db = _base.Systeme();

        var tours = await db.Structures.Where(s => s.Commune == "Tours").OrderBy(s => s.Nom).PaginerAsync(1, taille: 1);
        var vide = await db.Structures.Where(s => s.Commune == "Paris").OrderBy(s => s.Nom).PaginerAsync(5);

        Assert.Equal((2, 1, 2), (tours.Total, tours.Elements.Count, tours.NombrePages));
        Assert.Equal((0, 1, 1), (vide.Total, vide.Numero, vide.NombrePages));
    }

    [Fact]
    public async Task La_taille_d_une_page_est_plafonnee()
    {
        await SemerAsync(Enumerable.Range(1, Pagination.TailleMax + 1).Select(i => ($"Structure {i:000}", "Tours")).ToArray());
        using var db = _base.Systeme();

        Assert.Equal(Pagination.TailleMax, (await db.Structures.OrderBy(s => s.Nom).PaginerAsync(1, taille: 10_000)).Elements.Count);
        Assert.Single((await db.Structures.OrderBy(s => s.Nom).PaginerAsync(1, taille: 0)).Elements);
    }

    [Fact]
    public void Les_liens_gardent_les_filtres_non_vides_le_tri_et_omettent_la_page_1()
    {
        var liste = new ListeEssai { Tri = "commune", Ordre = "desc" };

        Assert.Equal("/Essai?q=a%20b&tri=commune&ordre=desc&numero=2", liste.Lien(numero: 2));
        Assert.Equal("/Essai?q=a%20b&tri=nom&ordre=asc", liste.Lien(tri: "nom", ordre: "asc"));
        Assert.Equal("/Essai?q=a%20b&tri=commune&ordre=desc", liste.Lien(numero: 1));
    }

    private sealed class ListeEssai : PageListe
    {
        protected override string Adresse => "/Essai";

        protected override IEnumerable<KeyValuePair<string, string?>> Filtres() => [new("q", "a b"), new("type", null), new("vide", " ")];
    }

    private async Task SemerAsync(params (string Nom, string Commune)[] structures)
    {
        using var db = _base.Systeme();
        foreach (var (nom, commune) in structures) db.Structures.Add(Structure.Creer(nom, TypeStructure.Plie, commune));
        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> Noms(IQueryable<Structure> requete) => await requete.Select(s => s.Nom).ToListAsync();

    public void Dispose() => _base.Dispose();
}
