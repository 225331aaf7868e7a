using System.Text.Json;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Web.Api;

namespace Clause.Tests.Web.Api;

/// <summary>
/// The public contract of <c>GET /api/v1/bilans</c> (issue 10 item 8) without a server: the names, the hours with two
/// decimals, the ratios from the minutes (11 000 h / 9 500 h → 1.1579), the hidden cells « &lt;5 » of a buyer's bilan, the
/// forecast of a lot; and the reading of the query string, every refusal in one pass naming its parameter.
/// </summary>
public class BilanApiJsonTests
{
    private static readonly LotId Lot = LotId.De(Guid.Parse("0192f1d4-0000-7000-8000-000000000001"));

    private static DimensionProfil Dimension(string code, params (string Code, int Nombre)[] cellules) =>
        new(code, code, cellules.Select(c => new CelluleProfil(c.Code, c.Code, c.Nombre)).ToList());

    /// <summary>A lot's bilan: 9 500 h due, 11 000 h cumulated, 4 200 h 30 in the range, 35 h pending.</summary>
    private static Bilan UnBilan() => new()
    {
        Perimetre = new PerimetreBilan(Perimetre.Lot, Lot.Valeur),
        Periode = new PeriodeBilan(new Mois(2025, 1), new Mois(2025, 2)),
        Libelle = "Lot 2 — Gros œuvre",
        Structure = "PLIE",
        HeuresDuesMinutes = 9_500 * 60,
        RealiseesMinutes = 4_200 * 60 + 30,
        CumulMinutes = 11_000 * 60,
        CumulAuTauxMinutes = 11_000 * 60,
        CumulPlafonneMinutes = 9_500 * 60,
        EnAttenteMinutes = 35 * 60,
        HorsPeriodeMinutes = 0,
        HorsPeriodeLignes = 0,
        ParModalite = new Dictionary<ModaliteContrat, long> { [ModaliteContrat.EmbaucheDirecte] = 4_000 * 60, [ModaliteContrat.Formation] = 200 * 60 + 30 },
        ParTypeContrat = new Dictionary<TypeContrat, long> { [TypeContrat.CDD] = 4_000 * 60 },
        Mensuel = [new PointSerie(new Mois(2025, 1), 100 * 60 + 20, 6_900 * 60), new PointSerie(new Mois(2025, 2), 4_100 * 60 + 10, 11_000 * 60)],
        Participants = 32,
        Contrats = 35,
        ContratsParType = new Dictionary<TypeContrat, int> { [TypeContrat.CDD] = 35 },
        Entreprises = new EntreprisesBilan(5, 1, 1, 1, 2),
        Profils =
        [
            Dimension(DimensionsProfil.Sexe, ("F", 3), ("M", 29)),
            Dimension(DimensionsProfil.TrancheAge, ("<26", 9), ("26-49", 20), (">=50", 3)),
            Dimension(DimensionsProfil.Qpv, ("Oui", 12), ("Non", 20)),
            Dimension(DimensionsProfil.Niveau, ("Infra3", 32), ("Niveau3", 0)),
            Dimension(DimensionsProfil.Categorie, ("RSA", 2), ("DELD12", 30), ("Jeune26", 4)),
        ],
        Situations = Dimension(DimensionsProfil.Situation, ("EmploiDurable", 1), ("Inconnu", 34)),
        Previsions = new Dictionary<LotId, PrevisionLot> { [Lot] = new(350 * 60, 12_400 * 60, null, null, 4, false) },
        Lots = [new LotBilan(Lot, "Lot 2", AvecClause: true, Actif: true, 9_500 * 60, 4_200 * 60 + 30, 11_000 * 60, 35 * 60)],
    };

    private static JsonElement Json(BilanApi bilan)
    {
        var options = new JsonSerializerOptions();
        JsonApi.Configurer(options);
        return JsonDocument.Parse(JsonSerializer.Serialize(bilan, options)).RootElement.Clone();
    }

    [Fact]
    public void Taux_en_ratio_des_minutes_arrondi_une_fois_a_quatre_decimales()
    {
        Assert.Equal(1.1579m, JsonApi.Ratio(11_000 * 60, 9_500 * 60));
        // Half-up at the fourth decimal: 1/8 = 0.125 exactly stays, 1/3 → 0.3333, 2/3 → 0.6667, 0.00005 → 0.0001.
        Assert.Equal(0.125m, JsonApi.Ratio(1, 8));
        Assert.Equal(0.3333m, JsonApi.Ratio(1, 3));
        Assert.Equal(0.6667m, JsonApi.Ratio(2, 3));
        Assert.Equal(0.0001m, JsonApi.Ratio(1, 20_000));
        Assert.Null(JsonApi.Ratio(60, 0));
    }

    [Fact]
    public void Le_bilan_porte_les_noms_du_contrat_public()
    {
        var json = Json(BilanApi.De(UnBilan(), 5));

        Assert.Equal("lot", json.GetProperty("perimetre").GetString());
        Assert.Equal("2025-01", json.GetProperty("du").GetString());
        Assert.Equal("2025-02", json.GetProperty("au").GetString());
        Assert.Equal("9500.00", json.GetProperty("heuresDues").GetRawText());
        Assert.Equal("4200.50", json.GetProperty("heuresRealisees").GetRawText());
        Assert.Equal("11000.00", json.GetProperty("heuresRealiseesCumul").GetRawText());
        Assert.Equal("35.00", json.GetProperty("heuresEnAttente").GetRawText());
        Assert.Equal("1.1579", json.GetProperty("tauxRealisation").GetRawText());
        Assert.Equal("1.0000", json.GetProperty("tauxRealisationPlafonne").GetRawText());
        Assert.Equal("4000.00", json.GetProperty("parModalite").GetProperty("EmbaucheDirecte").GetRawText());
        Assert.Equal("200.50", json.GetProperty("parModalite").GetProperty("Formation").GetRawText());
        Assert.Equal("4000.00", json.GetProperty("parTypeContrat").GetProperty("CDD").GetRawText());
        Assert.Equal(32, json.GetProperty("participants").GetInt32());
        Assert.Equal(35, json.GetProperty("contrats").GetInt32());
        Assert.Equal(5, json.GetProperty("entreprises").GetInt32());
        Assert.Equal(["sexe", "trancheAge", "qpv", "niveau", "categorie"], json.GetProperty("profils").EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.GetProperty("profils").GetProperty("sexe").GetProperty("F").GetInt32());
        Assert.Equal(0, json.GetProperty("profils").GetProperty("niveau").GetProperty("Niveau3").GetInt32());
        var mensuel = json.GetProperty("mensuel").EnumerateArray().ToList();
        Assert.Equal(["2025-01", "2025-02"], mensuel.Select(m => m.GetProperty("mois").GetString()));
        Assert.Equal("100.33", mensuel[0].GetProperty("heures").GetRawText());
        Assert.Equal("11000.00", mensuel[1].GetProperty("cumul").GetRawText());
        var prevision = json.GetProperty("prevision");
        Assert.Equal("350.00", prevision.GetProperty("rythmeHeuresParMois").GetRawText());
        Assert.Equal("12400.00", prevision.GetProperty("heuresFinExecution").GetRawText());
        Assert.Equal("1.3053", prevision.GetProperty("tauxProjete").GetRawText());
        Assert.Equal(4, prevision.GetProperty("moisRestants").GetInt32());
    }

    [Fact]
    public void Pour_un_donneur_d_ordre_les_cases_masquees_valent_la_chaine_du_seuil()
    {
        var json = Json(BilanApi.De(Masquage.PourDonneurOrdre(UnBilan(), 5), 5)).GetProperty("profils");

        Assert.Equal("<5", json.GetProperty("sexe").GetProperty("F").GetString());
        Assert.Equal("<5", json.GetProperty("sexe").GetProperty("M").GetString());
        Assert.Equal("<5", json.GetProperty("trancheAge").GetProperty("<26").GetString());
        Assert.Equal(20, json.GetProperty("trancheAge").GetProperty("26-49").GetInt32());
        Assert.Equal("<5", json.GetProperty("trancheAge").GetProperty(">=50").GetString());
        Assert.Equal(12, json.GetProperty("qpv").GetProperty("Oui").GetInt32());
        Assert.Equal("<5", json.GetProperty("categorie").GetProperty("RSA").GetString());
        Assert.Equal("<5", json.GetProperty("categorie").GetProperty("Jeune26").GetString());
        Assert.Equal(30, json.GetProperty("categorie").GetProperty("DELD12").GetInt32());
        // The totals are never hidden; neither are the hours.
        var racine = Json(BilanApi.De(Masquage.PourDonneurOrdre(UnBilan(), 10), 10));
        Assert.Equal(32, racine.GetProperty("participants").GetInt32());
        Assert.Equal("<10", racine.GetProperty("profils").GetProperty("trancheAge").GetProperty("<26").GetString());
    }

    [Fact]
    public void Le_bilan_d_un_donneur_d_ordre_masque_aussi_les_situations()
    {
        var masque = Masquage.PourDonneurOrdre(UnBilan(), 5);
        Assert.All(masque.Situations.Cellules, c => Assert.True(c.Masquee));
        Assert.Equal(UnBilan().RealiseesMinutes, masque.RealiseesMinutes);
    }

    [Fact]
    public void Sans_prevision_ou_hors_lot_prevision_nulle()
    {
        var bilan = UnBilan() with { Perimetre = new PerimetreBilan(Perimetre.Marche, Guid.NewGuid()) };
        Assert.Equal(JsonValueKind.Null, Json(BilanApi.De(bilan, 5)).GetProperty("prevision").ValueKind);
    }

    private static Dictionary<string, string[]> Erreurs(string? perimetre, string? id, string? @ref, string? du, string? au)
    {
        Assert.False(ParametresBilanApi.Lire(perimetre, id, @ref, du, au, out _, out _, out var erreurs));
        return erreurs;
    }

    [Fact]
    public void Parametres_valides_lus()
    {
        var id = Guid.NewGuid();
        Assert.True(ParametresBilanApi.Lire("marche", id.ToString(), null, "2025-01", "2025-12", out var portee, out var periode, out _));
        Assert.Equal(new PerimetreBilan(Perimetre.Marche, id), portee);
        Assert.Equal(new Mois(2025, 1), periode.Du);
        Assert.True(ParametresBilanApi.Lire("structure", null, null, "2016-01", "2025-12", out portee, out periode, out _));
        Assert.Equal(PerimetreBilan.Structure, portee);
        Assert.Equal(120, periode.NombreMois);
    }

    [Theory]
    [InlineData("lot", "G", null, "2025-12", "2025-01", "du")]
    [InlineData("lot", "G", null, "2025-1", "2025-12", "du")]
    [InlineData("lot", "G", null, "2025-01", "2025/12", "au")]
    [InlineData("lot", "G", null, "2025-01", "2025-13", "au")]
    [InlineData("lot", "G", null, "2015-12", "2025-12", "au")]
    [InlineData("lots", "G", null, "2025-01", "2025-12", "perimetre")]
    [InlineData(null, "G", null, "2025-01", "2025-12", "perimetre")]
    [InlineData("lot", null, null, "2025-01", "2025-12", "id")]
    [InlineData("lot", "pas-un-guid", null, "2025-01", "2025-12", "id")]
    [InlineData("lot", "G", "LOT-001", "2025-01", "2025-12", "ref")]
    [InlineData("lot", null, "LOT-001", "2025-01", "2025-12", "ref")]
    public void Parametre_refuse_nomme(string? perimetre, string? id, string? @ref, string? du, string? au, string champ)
    {
        var erreurs = Erreurs(perimetre, id == "G" ? Guid.NewGuid().ToString() : id, @ref, du, au);
        Assert.Equal([champ], erreurs.Keys);
        Assert.All(erreurs[champ], m => Assert.Contains(champ, m, StringComparison.Ordinal));
    }

    [Fact]
    public void Toutes_les_erreurs_en_une_fois()
    {
        var erreurs = Erreurs("inconnu", Guid.NewGuid().ToString(), "REF", "2025", "demain");
        Assert.Equal(["au", "du", "perimetre", "ref"], erreurs.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("pas encore disponible", Erreurs("lot", null, "REF", "2025-01", "2025-02")["ref"][0], StringComparison.Ordinal);
        Assert.Contains("s'excluent", Erreurs("lot", Guid.NewGuid().ToString(), "REF", "2025-01", "2025-02")["ref"][0], StringComparison.Ordinal);
    }
}
