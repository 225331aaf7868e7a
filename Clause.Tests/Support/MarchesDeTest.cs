using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Support;

/// <summary>
/// Opérations, marchés, lots and companies written straight into the app's database (as the system), for page
/// tests that start from an existing situation. Built with <see cref="SituationsMarches"/> (2026, « Ville de Tours »).
/// </summary>
public static partial class MarchesDeTest
{
    /// <summary>
    /// Like <see cref="FabriqueClause.PosterAsync"/> but with repeated field names (ticked checkboxes are posted
    /// as several fields of the same name).
    /// </summary>
    public static async Task<HttpResponseMessage> PosterChampsAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> champs,
        string? urlFormulaire = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(urlFormulaire ?? url);
        var jeton = JetonAntiforgery().Match(page);
        Assert.True(jeton.Success, "Pas de jeton antiforgery sur " + (urlFormulaire ?? url));
        using var formulaire = new FormUrlEncodedContent(champs.Append(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(jeton.Groups[1].Value))));
        return await client.PostAsync(url, formulaire);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonAntiforgery();

    /// <summary>A donneur d'ordre and its opération « Rénovation du quartier Sanitas » in <paramref name="structureId"/>.</summary>
    public static async Task<SituationsMarches> SemerOperationAsync(this FabriqueClause app, StructureId structureId)
    {
        var s = new SituationsMarches(structureId);
        await app.EcrireAsync(db =>
        {
            db.DonneursOrdre.Add(s.DonneurOrdre);
            db.Operations.Add(s.Operation);
        });
        return s;
    }

    /// <summary>A marché of the situation's opération (default: one lot « Gros œuvre », F1 1 000 000 € at 5 % = 833 h).</summary>
    public static async Task<Marche> SemerMarcheAsync(this FabriqueClause app, SituationsMarches s, string numero = "2026-001",
        TypeMarche type = TypeMarche.Ordinaire, long euros = 1_000_000, params NouveauLot[] lots)
    {
        ArgumentNullException.ThrowIfNull(s);
        var marche = s.UnMarche(numero, type, euros, lots);
        await app.EcrireAsync(db => db.Marches.Add(marche));
        return marche;
    }

    public static async Task<Entreprise> SemerEntrepriseAsync(this FabriqueClause app, SituationsMarches s, string nom = "Bâtiments du Val SARL",
        TypeEmployeur type = TypeEmployeur.Classique)
    {
        ArgumentNullException.ThrowIfNull(s);
        var entreprise = s.UneEntreprise(nom, type);
        await app.EcrireAsync(db => db.Entreprises.Add(entreprise));
        return entreprise;
    }

    /// <summary>Switches on « recalcul sur avenant » or changes the accord-cadre mode of the structure's réglages.</summary>
    public static Task ModifierReglagesAsync(this FabriqueClause app, StructureId structureId, bool? recalculSurAvenant = null, ModeAccordCadre? mode = null) =>
        app.EcrireAsync(async db =>
        {
            var r = await db.Reglages.SingleAsync(x => x.StructureId == structureId);
            r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, recalculSurAvenant ?? r.RecalculSurAvenant, mode ?? r.ModeAccordCadre,
                r.FenetreEligibiliteMois, r.AgeSenior, r.AnticipationDebutContratJours, r.MaxMinutesParMois, r.ToleranceApresFinJours,
                r.FormationComptabiliseeDefaut, r.PlafondFormationDefautPdb, r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance,
                r.SeuilConfidentialite, r.DelaiSortieEmploiDurableMois, r.ConservationMois);
        });

    public static Task EcrireAsync(this FabriqueClause app, Action<ClauseDbContext> ecriture) =>
        app.EcrireAsync(db =>
        {
            ecriture(db);
            return Task.CompletedTask;
        });

    public static async Task EcrireAsync(this FabriqueClause app, Func<ClauseDbContext, Task> ecriture)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(ecriture);
        // Set-up reads and writes any structure's rows (test support, see FabriqueClause.ToutesStructures).
        await using var db = app.ToutesStructures();
        await ecriture(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs a read as a user of <paramref name="structureId"/> (tenant filter and context as on a page).</summary>
    public static async Task<T> LireEnTantQueAsync<T>(this FabriqueClause app, StructureId structureId, Func<ClauseDbContext, Task<T>> lecture)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(lecture);
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirUtilisateur(Guid.NewGuid(), "Lecteur de test", structureId, null, null);
        return await lecture(db);
    }

    /// <summary>A lot as saved, with its versions, bons and attributions (no tenant filter).</summary>
    public static Task<Lot> RelireLotAsync(this FabriqueClause app, LotId lotId) =>
        app.LireBaseAsync(db => db.Lots.IgnoreQueryFilters().AsNoTracking()
            .Include(l => l.Obligations).Include(l => l.BonsCommande).Include(l => l.Attributions)
            .AsSplitQuery().SingleAsync(l => l.Id == lotId));

    public static Task<int> CompterMarchesAsync(this FabriqueClause app, StructureId structureId) =>
        app.LireBaseAsync(db => db.Marches.IgnoreQueryFilters().CountAsync(m => m.StructureId == structureId));

    public static Task<int> CompterLotsAsync(this FabriqueClause app, StructureId structureId) =>
        app.LireBaseAsync(db => db.Lots.IgnoreQueryFilters().CountAsync(l => l.StructureId == structureId));

    /// <summary>The page's text with French thousands separators turned into plain spaces.</summary>
    public static string Texte(this IHtmlDocument page, string selecteur = "main")
    {
        ArgumentNullException.ThrowIfNull(page);
        return SituationsMarches.Espaces(page.QuerySelector(selecteur)?.TextContent ?? string.Empty);
    }

    /// <summary>The error shown beside a field, thousands separators normalised.</summary>
    public static string Erreur(this IHtmlDocument page, string champ) => SituationsMarches.Espaces(page.ErreurDuChamp(champ));
}
