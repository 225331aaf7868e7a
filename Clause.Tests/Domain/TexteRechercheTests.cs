using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Tests.Support;

namespace Clause.Tests.Domain;

/// <summary>
/// The one normalisation of searched text (<see cref="TexteRecherche"/>) and the search columns the entities keep with it:
/// the same text whatever the accents, the case, the ligatures and the spacing; recomputed when a searched field changes.
/// </summary>
public class TexteRechercheTests
{
    [Theory]
    [InlineData("Lefèvre", "lefevre")]
    [InlineData("LEFÈVRE", "lefevre")]
    [InlineData("lefevre", "lefevre")]
    [InlineData("Hélène", "helene")]
    [InlineData("Bâtiments du Val", "batiments du val")]
    [InlineData("Noël Çağlar", "noel caglar")]
    [InlineData("Ÿvonne Ægir", "yvonne aegir")]
    [InlineData("Œuvre de cœur", "oeuvre de coeur")]
    [InlineData("Gros œuvre", "gros oeuvre")]
    [InlineData("Æsthète", "aesthete")]
    [InlineData("Straße", "strasse")]
    [InlineData("Søren Łukasz Đorđe", "soren lukasz dorde")]
    [InlineData("Saint-Étienne", "saint etienne")]
    [InlineData("L’Île-Bouchard", "l ile bouchard")]
    [InlineData("d'Arc", "d arc")]
    [InlineData("  Jean \t  Dupont\u00A0 ", "jean dupont")]
    [InlineData("Marché 2026-014", "marche 2026 014")]
    [InlineData("Cent%Pour_[x]", "cent%pour_[x]")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normaliser_ignore_accents_casse_ligatures_et_espaces(string? texte, string attendu) =>
        Assert.Equal(attendu, TexteRecherche.Normaliser(texte));

    [Fact]
    public void Une_forme_decomposee_et_une_forme_composee_donnent_le_meme_texte()
    {
        // « é » typed as e + combining acute accent (macOS, some copy-pastes) or as one character.
        Assert.Equal(TexteRecherche.Normaliser("He\u0301le\u0300ne"), TexteRecherche.Normaliser("H\u00E9l\u00E8ne"));
        Assert.Equal("helene", TexteRecherche.Normaliser("He\u0301le\u0300ne"));
    }

    [Fact]
    public void Normaliser_est_idempotent()
    {
        foreach (var texte in new[] { "Lefèvre", "Œuvre de cœur", "Saint-Étienne", "Straße  du   Val" })
        {
            var une = TexteRecherche.Normaliser(texte);
            Assert.Equal(une, TexteRecherche.Normaliser(une));
        }
    }

    [Fact]
    public void Un_texte_trop_long_est_coupe_a_la_longueur_de_la_colonne()
    {
        var texte = TexteRecherche.Normaliser(new string('œ', 1_000));
        Assert.Equal(TexteRecherche.LongueurMax, texte.Length);
        Assert.All(texte, c => Assert.True(c is 'o' or 'e'));
    }

    [Fact]
    public void De_joint_les_champs_non_vides()
    {
        Assert.Equal("ville de tours tours", TexteRecherche.De("Ville de Tours", null, " ", "Tours"));
        Assert.Equal(string.Empty, TexteRecherche.De(null, ""));
    }

    [Fact]
    public void La_colonne_de_recherche_suit_une_modification_du_nom()
    {
        var participant = ParticipantsDeTest.UnParticipant(nom: "Lefèvre", prenom: "Hélène");
        Assert.Equal("lefevre helene", participant.Recherche);
        participant.Modifier(ParticipantsDeTest.Donnees(nom: "Nguyễn", prenom: "Zoé"), new DateOnly(2026, 3, 1));
        Assert.Equal("nguyen zoe", participant.Recherche);

        var s = new SituationsMarches();
        Assert.Equal("ville de tours tours", s.DonneurOrdre.Recherche);
        s.DonneurOrdre.Modifier("Métropole d'Orléans", TypeDonneurOrdre.Epci, "73282932000074", null, "45000", "Orléans");
        Assert.Equal("metropole d orleans orleans", s.DonneurOrdre.Recherche);

        Assert.Equal("renovation du quartier sanitas tours", s.Operation.Recherche);
        s.Operation.Modifier("Écoquartier des Deux-Lions", "Tours", null, null, s.Operation.Programme, s.Operation.EnQpv, s.Operation.CodeQpv, null);
        Assert.Equal("ecoquartier des deux lions tours", s.Operation.Recherche);

        var marche = s.UnMarche("2026-001", TypeMarche.Ordinaire, 1_000_000, SituationsMarches.LotF1("Gros œuvre"));
        Assert.Equal("2026 001 rehabilitation de 120 logements rue des tanneurs", marche.Recherche);
        marche.Modifier("2026-ÉTÉ", "Réhabilitation", null, marche.DebutExecution, marche.FinExecution, marche.MontantHT);
        Assert.Equal("2026 ete rehabilitation", marche.Recherche);

        var lot = marche.Lots[0];
        Assert.Equal("gros oeuvre", lot.Recherche);
        lot.Modifier(marche, "Électricité", lot.DebutExecution, lot.FinExecution);
        Assert.Equal("electricite", lot.Recherche);

        var entreprise = Entreprise.Creer(s.StructureId, "Bâtiments du Val", "73282932000074", TypeEmployeur.Classique);
        Assert.Equal("batiments du val", entreprise.Recherche);
        entreprise.Modifier("Élan Maçonnerie", "73282932000074", TypeEmployeur.Classique);
        Assert.Equal("elan maconnerie", entreprise.Recherche);

        var structure = Structure.Creer("PLIE de l'Agglomération", TypeStructure.Plie, "Châteauroux");
        Assert.Equal("plie de l agglomeration chateauroux", structure.Recherche);
        structure.Modifier("Maison de l’Emploi", TypeStructure.MaisonEmploi, null);
        Assert.Equal("maison de l emploi", structure.Recherche);
    }

    [Fact]
    public void Un_participant_anonymise_ne_se_retrouve_plus_par_son_nom()
    {
        var participant = ParticipantsDeTest.UnParticipant(nom: "Lefèvre", prenom: "Hélène");
        participant.Anonymiser(17, [], new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("anonyme 17", participant.Recherche);
        Assert.DoesNotContain("lefevre", participant.Recherche + participant.RechercheCommune, StringComparison.Ordinal);
    }
}
