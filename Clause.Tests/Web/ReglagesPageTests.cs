using System.Net;
using System.Reflection;
using AngleSharp.Html.Parser;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Tests.Support;
using Clause.Web.Pages.PageReglages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web;

public class ReglagesPageTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static async Task<string> LirePageAsync(HttpClient client, string url = "/Reglages") =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private Task<Reglages> ReglagesAsync(StructureId structureId) =>
        app.LireAsync(db => db.Reglages.AsNoTracking().SingleAsync(r => r.StructureId == structureId));

    [Fact]
    public void Chaque_reglage_du_domaine_figure_sur_la_page()
    {
        var proprietes = typeof(Reglages).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            // The Direction's confirmation of the anonymisation is given on /Structure/Conservation, not typed here.
            .Where(p => p.Name is not (nameof(Reglages.Id) or nameof(Reglages.StructureId)
                or nameof(Reglages.AnonymisationConfirmeeLe) or nameof(Reglages.AnonymisationConfirmeeParNom)))
            .Select(p => p.Name).Order().ToList();
        Assert.Equal(proprietes, CatalogueReglages.Tous.Select(r => r.ChampDomaine).Order().ToList());
        Assert.All(CatalogueReglages.Tous, r => Assert.NotNull(typeof(SaisieReglages).GetProperty(r.Champ)));
    }

    [Fact]
    public async Task Page_montre_chaque_reglage_groupe_avec_son_defaut_et_son_explication()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var html = await client.GetStringAsync("/Reglages");

        var document = new HtmlParser().ParseDocument(html);
        var legendes = document.QuerySelectorAll("fieldset > legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Obligation d'insertion", "Éligibilité", "Contrats", "Heures", "Relances", "Bilans", "Données personnelles"], legendes);
        foreach (var r in CatalogueReglages.Tous)
        {
            var champ = document.QuerySelector($"[name='Saisie.{r.Champ}']");
            Assert.NotNull(champ);
            Assert.NotNull(document.QuerySelector($"label[for='{champ!.Id}']"));
            var aide = document.GetElementById(champ.GetAttribute("aria-describedby")!)!.TextContent;
            Assert.Contains(r.Explication, aide, StringComparison.Ordinal);
            Assert.Contains("Valeur par défaut : ", aide, StringComparison.Ordinal);
        }
        var texte = WebUtility.HtmlDecode(html);
        Assert.Contains("Valeur par défaut : 30,00 €.", texte, StringComparison.Ordinal);
        Assert.Contains("Valeur par défaut : 50 %.", texte, StringComparison.Ordinal);
        Assert.Contains("Valeur par défaut : 250,00 h.", texte, StringComparison.Ordinal);
        Assert.Contains("Valeur par défaut : 24 mois.", texte, StringComparison.Ordinal);
        Assert.Contains("Valeur par défaut : aucun plafond.", texte, StringComparison.Ordinal);
        Assert.Contains("Valeur par défaut : le 10 du mois.", texte, StringComparison.Ordinal);
        Assert.Equal("30,00", FabriqueClause.ChampsDuFormulaire(html)["Saisie.CoutHoraireReference"]);
    }

    [Fact]
    public async Task Enregistrer_change_les_valeurs_les_affiche_et_les_journalise()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync("/Reglages"));
        champs["Saisie.CoutHoraireReference"] = "35,50";
        champs["Saisie.PartMainOeuvreDefaut"] = "45,5";
        champs["Saisie.MaxHeuresParMois"] = "151,67";
        champs["Saisie.PlafondFormationDefaut"] = "20";
        champs["Saisie.RecalculSurAvenant"] = "true";
        champs["Saisie.ModeAccordCadre"] = "ParBon";
        champs["Saisie.FenetreEligibiliteMois"] = "18";

        var reponse = await FabriqueClause.PosterAsync(client, "/Reglages", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var reglages = await ReglagesAsync(structure.Id);
        Assert.Equal(3_550, reglages.CoutHoraireReferenceCentimes);
        Assert.Equal(4_550, reglages.PartMainOeuvreDefautPdb);
        Assert.Equal(9_100, reglages.MaxMinutesParMois); // 151,67 h = 9 100 min
        Assert.Equal(2_000, reglages.PlafondFormationDefautPdb);
        Assert.True(reglages.RecalculSurAvenant);
        Assert.Equal(ModeAccordCadre.ParBon, reglages.ModeAccordCadre);
        Assert.Equal(18, reglages.FenetreEligibiliteMois);
        Assert.Equal(50, reglages.AgeSenior); // untouched fields keep their value

        var page = await LirePageAsync(client);
        var relu = FabriqueClause.ChampsDuFormulaire(page);
        Assert.Equal("35,50", relu["Saisie.CoutHoraireReference"]);
        Assert.Equal("151,67", relu["Saisie.MaxHeuresParMois"]);
        Assert.Equal("true", relu["Saisie.RecalculSurAvenant"]);
        Assert.Contains("Les réglages de la structure ont été enregistrés.", page, StringComparison.Ordinal);
        Assert.Contains("Coût horaire de référence", page, StringComparison.Ordinal);
        Assert.Contains("30,00 € → 35,50 €", page, StringComparison.Ordinal);
        Assert.Contains("250,00 h → 151,67 h", page, StringComparison.Ordinal);
        Assert.Contains("Au prorata des bons notifiés → Heures portées par chaque bon", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CoutHoraireReference", "trente", "Le champ « Coût horaire de référence » doit être un montant en euros (exemple : 30,00).")]
    [InlineData("PartMainOeuvreDefaut", "50 pourcent", "Le champ « Part de main-d'œuvre » doit être un pourcentage (exemple : 50 ou 12,5).")]
    [InlineData("MaxHeuresParMois", "deux cents", "Le champ « Maximum d'heures par mois » doit être un nombre d'heures (exemple : 250 ou 151,67).")]
    [InlineData("FenetreEligibiliteMois", "24m", "Le champ « Fenêtre d'éligibilité » doit être un nombre entier.")]
    [InlineData("SeuilConfidentialite", "cinq", "Le champ « Seuil de confidentialité » doit être un nombre entier.")]
    [InlineData("PlafondFormationDefaut", "vingt", "Le champ « Plafond des heures de formation » doit être un pourcentage (exemple : 50 ou 12,5).")]
    [InlineData("CoutHoraireReference", "", "Le champ « Coût horaire de référence » est obligatoire.")]
    [InlineData("PartMainOeuvreDefaut", "150", "Le champ « Part de main-d'œuvre » doit être comprise entre 0 et 100 %.")]
    [InlineData("PlafondFormationDefaut", "100,01", "Le champ « Plafond des heures de formation » doit être compris entre 0 et 100 %.")]
    [InlineData("JourPremiereRelance", "9", "Le champ « Jour de la première relance » doit venir après le jour limite de déclaration.")]
    [InlineData("JourSecondeRelance", "29", "Le champ « Jour de la seconde relance » doit être compris entre 1 et 28.")]
    [InlineData("JourSecondeRelance", "11", "Le champ « Jour de la seconde relance » doit venir après la première relance.")]
    [InlineData("SeuilRetardLot", "0", "Le champ « Seuil de retard d'un lot » doit être supérieur à 0 et au plus 100 %.")]
    [InlineData("SeuilRetardLot", "quatre-vingts", "Le champ « Seuil de retard d'un lot » doit être un pourcentage (exemple : 50 ou 12,5).")]
    public async Task Saisie_invalide_est_refusee_en_francais_sur_le_champ_et_rien_ne_change(string champ, string valeur, string message)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync("/Reglages"));
        champs["Saisie.CoutHoraireReference"] = "42,00"; // a valid change alongside the bad one: not saved either
        champs["Saisie." + champ] = valeur;

        var reponse = await FabriqueClause.PosterAsync(client, "/Reglages", champs);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.Equal(message, WebUtility.HtmlDecode(FabriqueClause.ErreurDuChamp(html, "Saisie." + champ)));
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal); // also in the summary at the top
        var reglages = await ReglagesAsync(structure.Id);
        Assert.Equal(3_000, reglages.CoutHoraireReferenceCentimes);
        Assert.Equal(5_000, reglages.PartMainOeuvreDefautPdb);
        Assert.Null(reglages.PlafondFormationDefautPdb);
        Assert.False(await app.LireAsync(db => db.JournalAudit.AnyAsync(j => j.EntiteId == reglages.Id && j.Action == Clause.Infrastructure.Audit.ActionAudit.Modification)));
    }

    [Fact]
    public async Task Toutes_les_erreurs_en_une_fois_et_rien_n_est_enregistre()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync("/Reglages"));
        champs["Saisie.JourLimiteDeclaration"] = "12";   // reminders now before the deadline
        champs["Saisie.JourSecondeRelance"] = "30";      // above 28
        champs["Saisie.AgeSenior"] = "soixante";         // not a number
        champs["Saisie.SeuilRetardLot"] = "75";          // valid, not saved either

        var reponse = await FabriqueClause.PosterAsync(client, "/Reglages", champs);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.Equal("Le champ « Jour de la première relance » doit venir après le jour limite de déclaration.",
            WebUtility.HtmlDecode(FabriqueClause.ErreurDuChamp(html, "Saisie.JourPremiereRelance")));
        Assert.Equal("Le champ « Jour de la seconde relance » doit être compris entre 1 et 28.",
            WebUtility.HtmlDecode(FabriqueClause.ErreurDuChamp(html, "Saisie.JourSecondeRelance")));
        Assert.Equal("Le champ « Âge « senior » » doit être un nombre entier.", WebUtility.HtmlDecode(FabriqueClause.ErreurDuChamp(html, "Saisie.AgeSenior")));
        var reglages = await ReglagesAsync(structure.Id);
        Assert.Equal((10, 11, 18, 50, 8_000), (reglages.JourLimiteDeclaration, reglages.JourPremiereRelance, reglages.JourSecondeRelance, reglages.AgeSenior, reglages.SeuilRetardLotPdb));
    }

    [Fact]
    public async Task Seuil_de_retard_enregistre_en_points_de_base()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync("/Reglages"));
        Assert.Equal("80", champs["Saisie.SeuilRetardLot"]);
        champs["Saisie.SeuilRetardLot"] = "72,5";

        var reponse = await FabriqueClause.PosterAsync(client, "/Reglages", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(7_250, (await ReglagesAsync(structure.Id)).SeuilRetardLotPdb);
        Assert.Contains("80 % → 72,5 %", await LirePageAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direction_peut_modifier_les_reglages()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync("/Reglages"));
        champs["Saisie.SeuilConfidentialite"] = "10";

        var reponse = await FabriqueClause.PosterAsync(client, "/Reglages", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(10, (await ReglagesAsync(structure.Id)).SeuilConfidentialite);
        Assert.Contains("<a href=\"/Reglages\">Réglages</a>", await LirePageAsync(client, "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Structure_ancienne_sans_reglages_voit_les_defauts_puis_la_ligne_est_creee_a_l_enregistrement()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await app.LireAsync(db => db.Reglages.Where(r => r.StructureId == structure.Id).ExecuteDeleteAsync());

        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync("/Reglages"));
        Assert.Equal("30,00", champs["Saisie.CoutHoraireReference"]);
        Assert.False(await app.LireAsync(db => db.Reglages.AnyAsync(r => r.StructureId == structure.Id)));
        champs["Saisie.AgeSenior"] = "55";

        var reponse = await FabriqueClause.PosterAsync(client, "/Reglages", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var reglages = await ReglagesAsync(structure.Id);
        Assert.Equal(55, reglages.AgeSenior);
        Assert.Equal(3_000, reglages.CoutHoraireReferenceCentimes);
    }

    [Fact]
    public async Task Chaque_structure_a_ses_propres_reglages()
    {
        var (clientA, structureA, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var (_, structureB, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var champs = FabriqueClause.ChampsDuFormulaire(await clientA.GetStringAsync("/Reglages"));
        champs["Saisie.CoutHoraireReference"] = "40";

        await FabriqueClause.PosterAsync(clientA, "/Reglages", champs);

        Assert.Equal(4_000, (await ReglagesAsync(structureA.Id)).CoutHoraireReferenceCentimes);
        Assert.Equal(3_000, (await ReglagesAsync(structureB.Id)).CoutHoraireReferenceCentimes);
    }

    [Theory]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    [InlineData(Roles.Administrateur)]
    public async Task Role_non_autorise_est_refuse_en_lecture_et_en_ecriture(string role)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(role);

        var lecture = await client.GetAsync("/Reglages");
        var ecriture = await FabriqueClause.PosterAsync(client, "/Reglages",
            new() { ["Saisie.CoutHoraireReference"] = "99" }, "/");

        foreach (var reponse in new[] { lecture, ecriture })
        {
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.Equal(3_000, (await ReglagesAsync(structure.Id)).CoutHoraireReferenceCentimes);
    }
}
