using System.Net;
using AngleSharp.Html.Dom;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web;

/// <summary>
/// Every error in one pass (issue 15 item 5) on the entreprise, opération, marché and obligation forms: a value that does
/// not parse or a missing field (the form) and the domain's refusals (its Verification) come back in the same answer,
/// each beside its field with aria-invalid and in the summary, and nothing is written.
/// </summary>
public class ErreursEnUnePasseFormulairesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task Creer_une_entreprise_avec_quatre_champs_faux_affiche_les_quatre_erreurs_et_n_ecrit_rien()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Entreprises/Creer", new()
        {
            ["Saisie.RaisonSociale"] = "",
            ["Saisie.Siret"] = "73282932000075",
            ["Saisie.TypeEmployeur"] = "Classique",
            ["Saisie.CodeNaf"] = "ABC",
            ["Saisie.Adresse"] = "12 rue Nationale",
            ["Saisie.CodePostal"] = "37A00",
            ["Saisie.Commune"] = "Tours",
        });

        var page = await VerifierAsync(reponse, new()
        {
            ["Saisie_RaisonSociale"] = "Le champ « Raison sociale » est obligatoire.",
            ["Saisie_Siret"] = null,
            ["Saisie_CodeNaf"] = "Le code NAF doit comporter 4 chiffres suivis d'une lettre (exemple : 41.20A ou 4120A).",
            ["Saisie_CodePostal"] = "Le code postal doit comporter 5 chiffres.",
        });
        Assert.Null(page.GetElementById("Saisie_Commune")!.GetAttribute("aria-invalid"));
        Assert.Equal("ABC", page.GetElementById("Saisie_CodeNaf")!.GetAttribute("value"));
        Assert.Equal(0, await app.LireBaseAsync(db => db.Entreprises.IgnoreQueryFilters().CountAsync(e => e.StructureId == structure.Id)));
    }

    [Fact]
    public async Task Modifier_une_operation_avec_quatre_champs_faux_affiche_les_quatre_erreurs_et_n_ecrit_rien()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Operations/Modifier/{s.Operation.Id}", new()
        {
            ["Saisie.DonneurOrdreId"] = s.DonneurOrdre.Id.ToString(),
            ["Saisie.Nom"] = "",
            ["Saisie.Commune"] = "Tours",
            ["Saisie.DebutPrevisionnel"] = "2027-01-01",
            ["Saisie.FinPrevisionnelle"] = "2026-12-31",
            ["Saisie.Programme"] = "Npnru",
            ["Saisie.EnQpv"] = "false",
            ["Saisie.CodeQpv"] = "QP037005",
            ["Saisie.ObjectifPartQpv"] = "abc",
        });

        await VerifierAsync(reponse, new()
        {
            ["Saisie_Nom"] = "Le champ « Nom de l'opération » est obligatoire.",
            ["Saisie_FinPrevisionnelle"] = "La fin prévisionnelle doit être postérieure ou égale au début prévisionnel.",
            ["Saisie_CodeQpv"] = "Un code QPV n'est attendu que pour une opération située en QPV.",
            ["Saisie_ObjectifPartQpv"] = null,
        });
        var intacte = await app.LireBaseAsync(db => db.Operations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == s.Operation.Id));
        Assert.Equal(s.Operation.Nom, intacte.Nom);
        Assert.Equal(s.Operation.DebutPrevisionnel, intacte.DebutPrevisionnel);
    }

    [Fact]
    public async Task Creer_un_marche_avec_quatre_champs_faux_affiche_les_quatre_erreurs_et_n_ecrit_rien()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);

        var reponse = await client.PosterChampsAsync("/Marches/Creer",
        [
            new("Saisie.OperationId", s.Operation.Id.ToString()),
            new("Saisie.Numero", ""),
            new("Saisie.Objet", "Réhabilitation de 120 logements rue des Tanneurs"),
            new("Saisie.Type", "Ordinaire"),
            new("Saisie.DateNotification", "2025-12-15"),
            new("Saisie.DebutExecution", "2026-12-31"),
            new("Saisie.FinExecution", "2026-01-01"),
            new("Saisie.MontantHT", "abc"),
        ], "/Marches/Creer");

        await VerifierAsync(reponse, new()
        {
            ["Saisie_Numero"] = null,
            ["Saisie_FinExecution"] = "La date de fin doit être postérieure ou égale à la date de début.",
            ["Saisie_MontantHT"] = null,
        });
        Assert.Equal(0, await app.LireBaseAsync(db => db.Marches.IgnoreQueryFilters().CountAsync(m => m.StructureId == structure.Id)));
    }

    [Fact]
    public async Task Modifier_l_obligation_avec_quatre_champs_faux_affiche_les_quatre_erreurs_et_n_ajoute_pas_de_version()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var lot = (await app.SemerMarcheAsync(s, euros: 1_000_000, lots: SituationsMarches.LotF1())).Lots[0];

        // The rate does not parse (the form); the reason, the labour share and the penalty are refused by the domain.
        var reponse = await client.PosterChampsAsync($"/Lots/Obligation/{lot.Id}",
        [
            new("Saisie.Fondements", "ConditionExecution"),
            new("Saisie.Methode", "F1"),
            new("Saisie.TauxInsertion", "abc"),
            new("Saisie.PartMainOeuvre", "0"),
            new("Saisie.CoutHoraireReference", ""),
            new("Saisie.MontantParHeureManquante", "0"),
            new("Saisie.DateEffet", "2026-04-01"),
            new("Saisie.Motif", ""),
        ]);

        await VerifierAsync(reponse, new()
        {
            ["Saisie_TauxInsertion"] = null,
            ["Saisie_PartMainOeuvre"] = "La part de main-d'œuvre doit être supérieure à 0 et au plus 100 %.",
            ["Saisie_MontantParHeureManquante"] = "Le champ « Pénalité par heure manquante » doit être supérieur à 0 et au plus 10 000,00 €.",
            ["Saisie_Motif"] = "Le champ « Motif du changement » est obligatoire.",
        });
        var relu = await app.RelireLotAsync(lot.Id);
        Assert.Single(relu.Obligations);
        Assert.Null(relu.MontantParHeureManquanteCentimes);
        Assert.Equal(lot.PartMainOeuvrePdb, relu.PartMainOeuvrePdb);
    }

    /// <summary>
    /// The answer is the form again, with exactly these fields in error: each marked aria-invalid, described by its message
    /// (the exact text when given) and linked from the summary.
    /// </summary>
    private static async Task<IHtmlDocument> VerifierAsync(HttpResponseMessage reponse, Dictionary<string, string?> attendues)
    {
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var liens = page.QuerySelectorAll("#resume-erreurs li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(attendues.Count, page.QuerySelectorAll("#resume-erreurs li").Length);
        foreach (var (id, message) in attendues)
        {
            var champ = page.GetElementById(id)!;
            Assert.Equal("true", champ.GetAttribute("aria-invalid"));
            Assert.Contains(id + "-erreur", champ.GetAttribute("aria-describedby")!.Split(' '));
            var texte = page.GetElementById(id + "-erreur")!.TextContent.Trim();
            Assert.NotEmpty(texte);
            if (message is not null) Assert.Equal(message, texte);
            Assert.Contains("#" + id, liens);
        }
        return page;
    }
}
