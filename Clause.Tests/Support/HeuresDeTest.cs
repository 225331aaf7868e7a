using AngleSharp.Html.Dom;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Support;

/// <summary>
/// A lot of a structure written in the app's database (as the system) with its attributaire « Bâtiments du Val SARL »,
/// to which page tests add participants (eligibility validated on 10/01/2025), validated contrats (05/01/2026 →
/// 31/12/2026 by default) and lines of hours.
/// </summary>
public sealed class LotDeTest
{
    public required SituationsMarches Marches { get; init; }

    public required Lot Lot { get; init; }

    public required Entreprise Titulaire { get; init; }

    public StructureId StructureId => Marches.StructureId;
}

public static class HeuresDeTest
{
    /// <summary>A lot (default: F1 1 000 000 € at 5 % = 833 h over 2026) held by an attributaire, optionally in execution.</summary>
    public static async Task<LotDeTest> SemerLotAsync(this FabriqueClause app, StructureId structureId, NouveauLot? nouveau = null, long euros = 1_000_000,
        bool enExecution = false, SituationsMarches? marches = null, string numero = "2026-001", Entreprise? titulaire = null)
    {
        var m = marches ?? new SituationsMarches(structureId);
        var lot = m.UnMarche(numero, euros: euros, lots: nouveau ?? SituationsMarches.LotF1()).Lots[0];
        var nouvelle = titulaire is null;
        titulaire ??= m.UneEntreprise();
        lot.Attribuer(titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        if (enExecution)
        {
            lot.Lancer();
            lot.MettreEnExecution();
        }
        await app.EcrireAsync(db =>
        {
            if (marches is null)
            {
                db.DonneursOrdre.Add(m.DonneurOrdre);
                db.Operations.Add(m.Operation);
            }
            if (nouvelle) db.Entreprises.Add(titulaire);
            db.Marches.Add(lot.Marche);
        });
        return new LotDeTest { Marches = m, Lot = lot, Titulaire = titulaire };
    }

    /// <summary>A participant whose eligibility was validated on <paramref name="validation"/> (default 10/01/2025).</summary>
    public static async Task<Participant> SemerParticipantAsync(this FabriqueClause app, StructureId structureId, string nom = "Martin", string prenom = "Léa",
        DateOnly? validation = null, DateOnly? renouvellement = null)
    {
        var participant = ParticipantsDeTest.UnParticipant(structureId, nom: nom, prenom: prenom);
        participant.Valider(validation ?? SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        if (renouvellement is { } r) participant.Valider(r, CategorieEligibilite.RSA);
        await app.EcrireAsync(db => db.Participants.Add(participant));
        return participant;
    }

    /// <summary>A validated contrat (embauche directe by the attributaire unless told) of <paramref name="participant"/> on the lot.</summary>
    public static async Task<Contrat> SemerContratAsync(this FabriqueClause app, LotDeTest lot, Participant participant, DateOnly? debut = null,
        DateOnly? fin = null, ModaliteContrat modalite = ModaliteContrat.EmbaucheDirecte, Entreprise? employeur = null)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var contrat = Contrat.Proposer(participant, lot.Lot, employeur ?? lot.Titulaire, SituationsContrats.Donnees(modalite, debut, fin),
            lot.Marches.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        contrat.Valider(participant, lot.Marches.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await app.EcrireAsync(db =>
        {
            if (employeur is not null && employeur.Id != lot.Titulaire.Id) db.Entreprises.Add(employeur);
            db.Contrats.Add(contrat);
        });
        return contrat;
    }

    /// <summary>Lines written straight in the database: by the company (« déclarée ») unless <paramref name="par"/> is a facilitateur.</summary>
    public static async Task<List<DeclarationHeures>> SemerHeuresAsync(this FabriqueClause app, LotDeTest lot, Contrat contrat, Auteur? par = null,
        params (Mois Mois, long Heures)[] lignes)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var declarations = lignes.Select(l => DeclarationHeures.Declarer(contrat, lot.Lot, l.Mois, SaisieHeures.EnHeures(Duree.Heures(l.Heures)),
            new SituationMois(0), lot.Marches.Reglages, par ?? SituationsContrats.Entreprise, SituationsContrats.Maintenant)).ToList();
        await app.EcrireAsync(db => db.DeclarationsHeures.AddRange(declarations));
        return declarations;
    }

    public static Task<int> CompterLignesAsync(this FabriqueClause app, LotId lotId) =>
        app.LireBaseAsync(db => db.DeclarationsHeures.IgnoreQueryFilters().CountAsync(d => d.LotId == lotId));

    public static Task<List<DeclarationHeures>> LignesAsync(this FabriqueClause app, ContratId contratId) =>
        app.LireBaseAsync(db => db.DeclarationsHeures.IgnoreQueryFilters().AsNoTracking().Include(d => d.Versions)
            .Where(d => d.ContratId == contratId).OrderBy(d => d.Mois).ToListAsync());

    /// <summary>The key of a cell of the monthly grid: « {contratId:N}-{yyyymm} ».</summary>
    public static string Cellule(ContratId contratId, Mois mois, string champ = "Heures") => $"Cellules[{contratId:N}-{mois.Code}].{champ}";

    /// <summary>The id of a grid input, as Html.GenerateIdFromName makes it.</summary>
    public static string IdCellule(ContratId contratId, Mois mois, string champ = "Heures") => $"Cellules_{contratId:N}-{mois.Code}__{champ}";

    /// <summary>Every field of the grid as a browser would post it, with <paramref name="saisies"/> typed over it.</summary>
    public static async Task<HttpResponseMessage> PosterGrilleAsync(this HttpClient client, LotId lotId, Dictionary<string, string> saisies, string? debut = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(saisies);
        var url = $"/Heures/Lot/{lotId}" + (debut is null ? string.Empty : $"?debut={debut}");
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync(url));
        foreach (var (cle, valeur) in saisies) champs[cle] = valeur;
        return await FabriqueClause.PosterAsync(client, url, champs);
    }

    /// <summary>The message beside a grid cell.</summary>
    public static string ErreurCellule(this IHtmlDocument page, ContratId contratId, Mois mois, string champ = "Heures") =>
        SituationsMarches.Espaces(page.GetElementById(IdCellule(contratId, mois, champ) + "-erreur")?.TextContent.Trim() ?? string.Empty);
}
