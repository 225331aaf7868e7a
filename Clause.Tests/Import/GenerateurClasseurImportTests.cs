using System.Globalization;
using Clause.Domain.Commun;
using Clause.Infrastructure.Import;

namespace Clause.Tests.Import;

/// <summary>
/// The benchmark's workbook generator (issue 11 « Performance »): 10 000 hour lines read back by the import's reader
/// without an error, with what makes them valid (SIRETs, periods, eligibility window, monthly maximum), the same rows each
/// time; and the reader's memory on 100 000 lines, bounded.
/// </summary>
[Collection(CollectionMemoireImport.Nom)]
public sealed class GenerateurClasseurImportTests
{
    private static MemoryStream Classeur(int lignes)
    {
        var flux = new MemoryStream();
        GenerateurClasseurImport.Ecrire(flux, new ParametresClasseurImport(lignes));
        flux.Position = 0;
        return flux;
    }

    private static DateOnly Jour(LigneLue ligne, string colonne) => DateOnly.ParseExact(ligne[colonne]!.Texte, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Dix_mille_lignes_d_heures_sont_relues_sans_erreur_et_valides()
    {
        using var lecteur = LecteurClasseurImport.Ouvrir(Classeur(10_000));
        Assert.Empty(lecteur.VerifierVersion());
        var erreurs = new List<ErreurImport>();
        var parFeuille = FormatImport.Feuilles.ToDictionary(f => f.Nom, f => lecteur.Lignes(f, erreurs).ToList());
        Assert.Empty(erreurs);

        var heures = parFeuille["Heures"];
        Assert.Equal(10_000, heures.Count);
        var contrats = parFeuille["Contrats"];
        Assert.Equal(417, contrats.Count); // 10 000 / 24 months, rounded up
        Assert.Equal(417, parFeuille["Participants"].Count);
        Assert.Equal(9, parFeuille["Lots"].Count); // 50 contrats per lot
        Assert.Equal(parFeuille["Lots"].Count, parFeuille["Attributions"].Count);

        // every Ref unique in its sheet, every reference pointing at a row of its target sheet
        var refs = parFeuille.Where(p => FormatImport.Feuilles.Single(f => f.Nom == p.Key).Colonne("Ref") is not null)
            .ToDictionary(p => p.Key, p => p.Value.Select(l => l["Ref"]!.Texte).ToHashSet(StringComparer.Ordinal));
        foreach (var (nom, lignes) in refs) Assert.Equal(parFeuille[nom].Count, lignes.Count);
        foreach (var feuille in FormatImport.Feuilles)
            foreach (var colonne in feuille.Colonnes.Where(c => c.Genre == GenreColonne.Reference))
                Assert.All(parFeuille[feuille.Nom], l => Assert.Contains(l[colonne.Nom]!.Texte, refs[colonne.Cible!]));

        Assert.All(parFeuille["Entreprises"].Concat(parFeuille["DonneursOrdre"]), l => Assert.True(Siret.EstValide(l["Siret"]!.Texte), l["Siret"]!.Texte));
        Assert.Equal(parFeuille["Entreprises"].Count, parFeuille["Entreprises"].Select(l => l["Siret"]!.Texte).Distinct().Count());

        var participants = parFeuille["Participants"].ToDictionary(l => l["Ref"]!.Texte);
        var lots = parFeuille["Lots"].ToDictionary(l => l["Ref"]!.Texte);
        var attributaires = parFeuille["Attributions"].ToDictionary(l => l["Lot"]!.Texte, l => l["Entreprise"]!.Texte);
        foreach (var contrat in contrats)
        {
            var lot = lots[contrat["Lot"]!.Texte];
            var debut = Jour(contrat, "DateDebut");
            Assert.InRange(debut, Jour(lot, "DebutExecution"), Jour(lot, "FinExecution"));
            Assert.InRange(Jour(contrat, "DateFin"), debut, Jour(lot, "FinExecution"));
            var validation = Jour(participants[contrat["Participant"]!.Texte], "DateValidationEligibilite");
            Assert.InRange(debut, validation, validation.AddMonths(24)); // inside the eligibility window: no derogation needed
            Assert.Equal(attributaires[contrat["Lot"]!.Texte], contrat["Employeur"]!.Texte); // a direct hire by the lot's attributaire
            Assert.Equal("EmbaucheDirecte", contrat["Modalite"]!.Texte);
        }

        // hours inside the contrat's months, at most 250 h per participant and month (one contrat each), 2 decimals at most
        var parContrat = contrats.ToDictionary(c => c["Ref"]!.Texte);
        Assert.All(heures, l =>
        {
            var contrat = parContrat[l["Contrat"]!.Texte];
            var mois = DateOnly.ParseExact(l["Mois"]!.Texte + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(mois, new DateOnly(Jour(contrat, "DateDebut").Year, Jour(contrat, "DateDebut").Month, 1), Jour(contrat, "DateFin"));
            Assert.InRange(l["Heures"]!.Nombre!.Value, 0.25, 250);
            Assert.Equal(Math.Round(l["Heures"]!.Nombre!.Value, 2), l["Heures"]!.Nombre!.Value);
        });
        Assert.All(heures.GroupBy(l => (parContrat[l["Contrat"]!.Texte]["Participant"]!.Texte, l["Mois"]!.Texte)),
            g => Assert.InRange(g.Sum(l => l["Heures"]!.Nombre!.Value), 0, 250));
    }

    [Fact]
    public void Le_classeur_genere_est_le_meme_a_chaque_fois()
    {
        static List<string> Contenu()
        {
            using var lecteur = LecteurClasseurImport.Ouvrir(Classeur(1_000));
            var erreurs = new List<ErreurImport>();
            return [.. FormatImport.Feuilles.SelectMany(f => lecteur.Lignes(f, erreurs))
                .Select(l => l.Feuille.Nom + l.Numero + string.Join('|', l.Cellules.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value.Texte)))];
        }
        var premier = Contenu();
        Assert.Equal(1_000, premier.Count(l => l.StartsWith("Heures", StringComparison.Ordinal)));
        Assert.Equal(premier, Contenu());
    }

    /// <summary>
    /// Reads 100 000 hour lines and samples the live managed memory (after a full collection) every 10 000 rows: what the
    /// reader holds does not grow with the file. A reader that kept the rows (or loaded the sheet as a DOM) would hold
    /// well over 50 Mo here; the bound asserted is generous, the figures are printed.
    /// </summary>
    [Fact]
    public void La_lecture_de_cent_mille_lignes_garde_une_memoire_bornee()
    {
        using var flux = Classeur(100_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var base_ = GC.GetTotalMemory(true);
        long pointe = 0;
        long lignes = 0;
        using (var lecteur = LecteurClasseurImport.Ouvrir(flux))
        {
            var erreurs = new List<ErreurImport>();
            foreach (var ligne in lecteur.Lignes(FormatImport.Heures, erreurs))
            {
                if (++lignes % 10_000 == 0) pointe = Math.Max(pointe, GC.GetTotalMemory(true) - base_);
            }
            Assert.Empty(erreurs);
        }
        Assert.Equal(100_000, lignes);
        Console.WriteLine(string.Create(FormatFrancais.Culture, $"Lecture de {lignes:N0} lignes d'heures ({flux.Length / 1024:N0} Kio compressés) : mémoire vive de pointe "
            + $"{pointe / 1024.0 / 1024.0:N1} Mo au-dessus de la base ({base_ / 1024.0 / 1024.0:N1} Mo)."));
        Assert.True(pointe < 16L * 1024 * 1024, $"{pointe / 1024 / 1024} Mo au-dessus de la base");
    }
}

/// <summary>The tests that measure memory run alone: another test's allocations would blur the figure.</summary>
[CollectionDefinition(Nom, DisableParallelization = true)]
public sealed class CollectionMemoireImport
{
    public const string Nom = "Mémoire de l'import";
}
