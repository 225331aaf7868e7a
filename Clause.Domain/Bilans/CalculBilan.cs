using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;

namespace Clause.Domain.Bilans;

/// <summary>A lot of a bilan's scope as read by the query: its counting parameters and whether it is active in the range (§8).</summary>
public sealed record LotDuPerimetre(LotId Id, string Libelle, ParametresComptage Parametres, bool AvecClause, bool Actif);

/// <summary>
/// Minutes of one lot, month, modality and contract type: counted (<see cref="Comptage.Comptee"/>) and pending
/// (<see cref="Comptage.EnAttente"/>) — the grain of the compiled totals (DOMAIN.md §8), read live for the other months.
/// </summary>
public sealed record MinutesDetaillees(LotId LotId, Mois Mois, ModaliteContrat Modalite, TypeContrat TypeContrat, long Comptees, long EnAttente);

/// <summary>The hour figures of a bilan (<see cref="CalculBilan.Heures"/>).</summary>
public sealed record HeuresBilan(
    long DuesMinutes,
    long RealiseesMinutes,
    long CumulMinutes,
    long CumulAuTauxMinutes,
    long CumulPlafonneMinutes,
    long EnAttenteMinutes,
    IReadOnlyDictionary<ModaliteContrat, long> ParModalite,
    IReadOnlyDictionary<TypeContrat, long> ParTypeContrat,
    IReadOnlyList<PointSerie> Mensuel,
    IReadOnlyList<LotBilan> Lots);

/// <summary>
/// The arithmetic of a bilan's hours (DOMAIN.md §9 period semantics), on integers, composed of <see cref="Comptage"/>'s
/// rules: per lot, the cumul at the end of a month is its non-training minutes plus its training minutes counted under the
/// lot's rules (<see cref="Comptage.Realisees"/>: §7.5, cap on the cumulated training) up to that month; the realised minutes
/// of the range are the cumul at the end of <c>au</c> minus the cumul before <c>du</c>; dues and the rates' numerators take
/// the clause lots active in the range only (§7.6, §8).
/// </summary>
public static class CalculBilan
{
    /// <summary>
    /// The hour figures of <paramref name="lots"/> over <paramref name="periode"/>, from their minutes of every month up to
    /// <c>au</c> (<paramref name="minutes"/>: months after <c>au</c> are ignored).
    /// </summary>
    public static HeuresBilan Heures(IReadOnlyList<LotDuPerimetre> lots, IEnumerable<MinutesDetaillees> minutes, PeriodeBilan periode)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(periode);
        var parLot = minutes.Where(m => m.Mois <= periode.Au).ToLookup(m => m.LotId);
        var mois = periode.ListeMois().ToList();
        var mensuel = new long[mois.Count];
        var cumulMensuel = new long[mois.Count];
        var parModalite = new Dictionary<ModaliteContrat, long>();
        var parType = new Dictionary<TypeContrat, long>();
        var lignesLots = new List<LotBilan>(lots.Count);
        long dues = 0, realisees = 0, cumul = 0, cumulAuTaux = 0, cumulPlafonne = 0, enAttente = 0;
        foreach (var lot in lots)
        {
            var lignes = parLot[lot.Id].ToList();
            var avant = lignes.Where(m => m.Mois < periode.Du).ToList();
            long horsFormation = avant.Where(m => m.Modalite != ModaliteContrat.Formation).Sum(m => m.Comptees);
            long formation = avant.Where(m => m.Modalite == ModaliteContrat.Formation).Sum(m => m.Comptees);
            var cumulAvant = Comptage.Realisees(lot.Parametres, horsFormation, formation);
            var formationAvant = Comptage.FormationComptee(lot.Parametres, formation);
            var cumulLot = cumulAvant;
            var dansPeriode = lignes.Where(m => m.Mois >= periode.Du).ToLookup(m => m.Mois);
            for (var i = 0; i < mois.Count; i++)
            {
                foreach (var m in dansPeriode[mois[i]])
                {
                    if (m.Modalite == ModaliteContrat.Formation) formation += m.Comptees;
                    else
                    {
                        horsFormation += m.Comptees;
                        Ajouter(parModalite, m.Modalite, m.Comptees);
                        Ajouter(parType, m.TypeContrat, m.Comptees);
                    }
                }
                var cumulFin = Comptage.Realisees(lot.Parametres, horsFormation, formation);
                mensuel[i] += cumulFin - cumulLot;
                cumulMensuel[i] += cumulFin;
                cumulLot = cumulFin;
            }
            Ajouter(parModalite, ModaliteContrat.Formation, Comptage.FormationComptee(lot.Parametres, formation) - formationAvant);
            var attenteLot = lignes.Where(m => periode.Contient(m.Mois)).Sum(m => m.EnAttente);
            var duesLot = lot.AvecClause && lot.Actif ? lot.Parametres.HeuresDuesMinutes : 0;
            dues += duesLot;
            realisees += cumulLot - cumulAvant;
            cumul += cumulLot;
            enAttente += attenteLot;
            if (duesLot > 0)
            {
                cumulAuTaux += cumulLot;
                cumulPlafonne += Math.Min(cumulLot, duesLot);
            }
            lignesLots.Add(new LotBilan(lot.Id, lot.Libelle, lot.AvecClause, lot.Actif, duesLot, cumulLot - cumulAvant, cumulLot, attenteLot));
        }
        var serie = mois.Select((m, i) => new PointSerie(m, mensuel[i], cumulMensuel[i])).ToList();
        return new HeuresBilan(dues, realisees, cumul, cumulAuTaux, cumulPlafonne, enAttente,
            Ordonner(parModalite), Ordonner(parType), serie, lignesLots);
    }

    /// <summary>The non-zero entries, in the order of the enum (the order of DOMAIN.md).</summary>
    public static IReadOnlyDictionary<TCle, TValeur> Ordonner<TCle, TValeur>(IReadOnlyDictionary<TCle, TValeur> valeurs)
        where TCle : struct, Enum where TValeur : struct, IEquatable<TValeur>
    {
        ArgumentNullException.ThrowIfNull(valeurs);
        var ordonne = new Dictionary<TCle, TValeur>();
        foreach (var cle in Enum.GetValues<TCle>())
            if (valeurs.TryGetValue(cle, out var v) && !v.Equals(default)) ordonne[cle] = v;
        return ordonne;
    }

    private static void Ajouter<TCle>(Dictionary<TCle, long> valeurs, TCle cle, long minutes) where TCle : notnull =>
        valeurs[cle] = valeurs.GetValueOrDefault(cle) + minutes;
}
