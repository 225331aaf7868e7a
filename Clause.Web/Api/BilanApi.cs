using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Heures;

namespace Clause.Web.Api;

/// <summary>One month of a bilan's series: its counted hours and the cumul since the start of execution at its end.</summary>
public sealed record MoisBilanApi(Mois Mois, decimal Heures, decimal Cumul);

/// <summary>The forecast of a lot (issue 10 item 2) in hours and ratio, from the minutes of <see cref="PrevisionLot"/>.</summary>
public sealed record PrevisionApi(decimal RythmeHeuresParMois, decimal HeuresFinExecution, decimal? TauxProjete, decimal? HeuresParMoisNecessaires,
    int MoisRestants, bool SousObjectif);

/// <summary>
/// A bilan as <c>GET /api/v1/bilans</c> gives it (issue 10 item 8, a public contract: the names are fixed). Hours with two
/// decimals (<see cref="JsonApi.Heures(long)"/>); rates as ratios from the minutes, rounded half-up once to four decimals
/// (<see cref="JsonApi.Ratio"/>: 11 000 h / 9 500 h → 1.1579); codes = the code names of DOMAIN.md. In <see cref="Profils"/>
/// a cell is a count, or for a buyer's token a hidden cell (<see cref="Masquage"/>) the string <c>"&lt;5"</c> (the
/// structure's threshold).
/// </summary>
public sealed record BilanApi(
    string Perimetre,
    Guid? Id,
    string Libelle,
    Mois Du,
    Mois Au,
    decimal HeuresDues,
    decimal HeuresRealisees,
    decimal HeuresRealiseesCumul,
    decimal HeuresEnAttente,
    decimal? TauxRealisation,
    decimal? TauxRealisationPlafonne,
    IReadOnlyDictionary<string, decimal> ParModalite,
    IReadOnlyDictionary<string, decimal> ParTypeContrat,
    int Participants,
    int Contrats,
    int Entreprises,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Profils,
    IReadOnlyList<MoisBilanApi> Mensuel,
    PrevisionApi? Prevision)
{
    /// <summary>The dimensions of <c>profils</c>, in this order (the situations after the clause are not part of the contract).</summary>
    public static readonly IReadOnlyList<string> DimensionsContrat =
        [DimensionsProfil.Sexe, DimensionsProfil.TrancheAge, DimensionsProfil.Qpv, DimensionsProfil.Niveau, DimensionsProfil.Categorie];

    /// <summary>
    /// The JSON of <paramref name="bilan"/>; <paramref name="seuil"/> is the threshold of the hidden cells (their text
    /// « &lt;5 »): pass the bilan already hidden for a buyer (<see cref="Masquage.PourDonneurOrdre"/>).
    /// </summary>
    public static BilanApi De(Bilan bilan, int seuil)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        var cache = "<" + seuil.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var profils = DimensionsContrat.ToDictionary(code => code, code =>
            (IReadOnlyDictionary<string, object>)(bilan.Profils.FirstOrDefault(d => d.Code == code)?.Cellules ?? [])
                .ToDictionary(c => c.Code, c => c.Masquee ? cache : (object)c.Nombre, StringComparer.Ordinal), StringComparer.Ordinal);
        PrevisionApi? prevision = null;
        if (bilan.Perimetre.Perimetre == Domain.Bilans.Perimetre.Lot && bilan.Previsions.Count == 1)
        {
            var (lotId, p) = bilan.Previsions.Single();
            var dues = bilan.Lots.FirstOrDefault(l => l.Id == lotId)?.HeuresDuesMinutes ?? 0;
            prevision = new PrevisionApi(JsonApi.Heures(p.RythmeMinutesParMois), JsonApi.Heures(p.ProjectionFinMinutes),
                JsonApi.Ratio(p.ProjectionFinMinutes, dues), p.MinutesParMoisNecessaires is { } n ? JsonApi.Heures(n) : null, p.MoisRestants, p.SousObjectif);
        }
        return new BilanApi(
            bilan.Perimetre.Code,
            bilan.Perimetre.Id,
            bilan.Libelle,
            bilan.Periode.Du,
            bilan.Periode.Au,
            JsonApi.Heures(bilan.HeuresDuesMinutes),
            JsonApi.Heures(bilan.RealiseesMinutes),
            JsonApi.Heures(bilan.CumulMinutes),
            JsonApi.Heures(bilan.EnAttenteMinutes),
            JsonApi.Ratio(bilan.CumulAuTauxMinutes, bilan.HeuresDuesMinutes),
            JsonApi.Ratio(bilan.CumulPlafonneMinutes, bilan.HeuresDuesMinutes),
            bilan.ParModalite.ToDictionary(e => e.Key.ToString(), e => JsonApi.Heures(e.Value), StringComparer.Ordinal),
            bilan.ParTypeContrat.ToDictionary(e => e.Key.ToString(), e => JsonApi.Heures(e.Value), StringComparer.Ordinal),
            bilan.Participants,
            bilan.Contrats,
            bilan.Entreprises.Total,
            profils,
            bilan.Mensuel.Select(m => new MoisBilanApi(m.Mois, JsonApi.Heures(m.Minutes), JsonApi.Heures(m.CumulMinutes))).ToList(),
            prevision);
    }
}
