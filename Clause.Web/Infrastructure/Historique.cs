using System.Globalization;
using System.Text.Json;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

public sealed record LigneHistorique(string Quand, string Par, string Action, IReadOnlyList<ChangementChamp> Changements);

/// <summary>Reads the audit trail of one aggregate (the record and its parts) for its page.</summary>
public static class Historique
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Call only after the record's ownership was checked: the journal is keyed by the record's id.</summary>
    public static async Task<IReadOnlyList<LigneHistorique>> LireAsync(ClauseDbContext db, Guid racineId, CancellationToken annulation = default)
    {
        var lignes = await db.JournalAudit.AsNoTracking()
            .Where(j => j.RacineId == racineId)
            .OrderByDescending(j => j.Quand)
            .Take(200)
            .Select(j => new { j.Quand, j.NomUtilisateur, j.Action, j.TypeEntite, j.Changements })
            .ToListAsync(annulation);
        return lignes.Select(l => new LigneHistorique(
            TimeZoneInfo.ConvertTime(l.Quand, Paris).ToString("dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo("fr-FR")),
            l.NomUtilisateur,
            Libelle(l.Action, l.TypeEntite),
            JsonSerializer.Deserialize<List<ChangementChamp>>(l.Changements, Json) ?? [])).ToList();
    }

    private static string Libelle(ActionAudit action, string type)
    {
        var quoi = type.StartsWith("Contact", StringComparison.Ordinal) ? " d'un contact" : string.Empty;
        quoi = type switch
        {
            "ObligationInsertion" => " d'une version de l'obligation",
            "BonCommande" => " d'un bon de commande",
            "Attribution" => " d'une attribution",
            _ => quoi,
        };
        return action switch
        {
            ActionAudit.Creation => "Création" + quoi,
            ActionAudit.Suppression => "Suppression" + quoi,
            _ => "Modification" + quoi,
        };
    }
}
