using System.Linq.Expressions;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Marches;

namespace Clause.Domain.Heures;

/// <summary>The counting parameters of a lot: hours due and the training rules (§7.5).</summary>
public sealed record ParametresComptage(long HeuresDuesMinutes, bool FormationComptabilisee, int? PlafondFormationPdb)
{
    public static ParametresComptage De(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return new(lot.HeuresDuesMinutes, lot.FormationComptabilisee, lot.PlafondFormationPdb);
    }

    /// <summary>The most training minutes that may count: plafond × hours due, half-up to the minute; null = no cap.</summary>
    public long? PlafondFormationMinutes => PlafondFormationPdb is { } pdb
        ? FormatFrancais.DiviserArrondi(HeuresDuesMinutes * pdb, Taux.Cent)
        : null;
}

/// <summary>
/// The minutes of one lot and month that are <see cref="Comptage.Comptee"/> (§7.3), split between training (modality Formation) and the rest.
/// </summary>
public sealed record MinutesDuMois(Mois Mois, long MinutesHorsFormation, long MinutesFormation);

/// <summary>
/// A line of hours with its contrat: the shape <see cref="Comptage.Comptee"/> and <see cref="Comptage.EnAttente"/> read.
/// A class with init properties (not a positional record) so that EF Core can see through <c>new LigneComptage { … }</c>
/// in a query and translate the rule's member accesses to columns of the join.
/// </summary>
public sealed class LigneComptage
{
    public required DeclarationHeures Ligne { get; init; }

    public required Contrat Contrat { get; init; }

    public static LigneComptage De(DeclarationHeures ligne, Contrat contrat) => new() { Ligne = ligne, Contrat = contrat };
}

/// <summary>One point of the burn-up: minutes counted in the month and cumulated since the first month.</summary>
public sealed record PointSerie(Mois Mois, long Minutes, long CumulMinutes)
{
    public Duree Heures => new(Minutes);

    public Duree Cumul => new(CumulMinutes);
}

/// <summary>
/// Hours due, realised, pending and remaining of a lot — or of several lots added up (<see cref="Comptage.Agreger"/>).
/// <see cref="RealiseesAuTauxMinutes"/> and <see cref="RealiseesPlafonneesMinutes"/> are the numerators of the two
/// rates: only lots with a clause (hours due &gt; 0) enter them, and the capped one takes min(réalisées, dues) per lot.
/// </summary>
public sealed record BilanHeures(long DuesMinutes, long RealiseesMinutes, long EnAttenteMinutes, long RealiseesAuTauxMinutes, long RealiseesPlafonneesMinutes)
{
    public static readonly BilanHeures Vide = new(0, 0, 0, 0, 0);

    public Duree Dues => new(DuesMinutes);

    public Duree Realisees => new(RealiseesMinutes);

    /// <summary>Current lines awaiting a facilitateur's decision.</summary>
    public Duree EnAttente => new(EnAttenteMinutes);

    /// <summary>max(0, dues − réalisées).</summary>
    public Duree Restantes => new(Math.Max(0, DuesMinutes - RealiseesMinutes));

    /// <summary>§7.6 uncapped (may exceed 100 %); null without hours due.</summary>
    public Taux? Taux => Comptage.TauxRealisation(RealiseesAuTauxMinutes, DuesMinutes);

    /// <summary>§7.6 capped: Σ min(réalisées, dues) / Σ dues; null without hours due.</summary>
    public Taux? TauxPlafonne => Comptage.TauxRealisation(RealiseesPlafonneesMinutes, DuesMinutes);
}

/// <summary>
/// The one place where hours are counted (DOMAIN.md §7.3, §7.5, §7.6, §8), as pure arithmetic on integers:
/// the lot page, the home page and the bilans feed it with the sums grouped by the database (RequetesHeures).
/// </summary>
public static class Comptage
{
    /// <summary>
    /// §7.3, THE definition of a counted line: its current version is validated, it is in period, and its contrat is
    /// validated with a valid eligibility. "Validated" is not tested twice: <see cref="Contrat.EligibiliteValide"/> is
    /// only ever true on a validated contrat (set by <c>Contrat.Valider</c>, cleared by <c>Refuser</c>, and the CHECK
    /// <c>CK_Contrats_Eligibilite</c> refuses anything else), so the flag carries both conditions. An expression so that
    /// EF translates it to SQL (RequetesHeures, every page's figures) and the very same tree, compiled, decides in memory
    /// (<see cref="EstComptee"/>).
    /// </summary>
    public static readonly Expression<Func<LigneComptage, bool>> Comptee = l =>
        l.Ligne.Statut == StatutDeclaration.Validee
        && !l.Ligne.HorsPeriode
        && l.Contrat.EligibiliteValide;

    /// <summary>
    /// THE definition of a pending line (awaits a facilitateur's decision and would count once validated): its current
    /// version is declared, it is in period, and its contrat is not refused.
    /// </summary>
    public static readonly Expression<Func<LigneComptage, bool>> EnAttente = l =>
        l.Ligne.Statut == StatutDeclaration.Declaree
        && !l.Ligne.HorsPeriode
        && l.Contrat.Statut != StatutContrat.Refuse;

    /// <summary>
    /// THE definition of a line listed apart as out of period (DOMAIN.md §9): its current version is flagged
    /// <c>HorsPeriode</c> (§7.2), it is not rejected and its contrat is not refused — it will never count, and is not pending.
    /// </summary>
    public static readonly Expression<Func<LigneComptage, bool>> HorsPeriodeListee = l =>
        l.Ligne.HorsPeriode
        && l.Ligne.Statut != StatutDeclaration.Rejetee
        && l.Contrat.Statut != StatutContrat.Refuse;

    /// <summary>
    /// §7.1, THE definition of a line that weighs on the participant's monthly maximum across lots: any current line that
    /// is not rejected (declared or validated, in period or not). The single-line form (RequetesHeures.SituationAsync)
    /// and the grid (ServiceHeures.SaisirGrilleAsync) both filter with it.
    /// </summary>
    public static readonly Expression<Func<DeclarationHeures, bool>> PeseSurLeMaximumMensuel = d =>
        d.Statut != StatutDeclaration.Rejetee;

    private static readonly Func<LigneComptage, bool> CompteeEnMemoire = Comptee.Compile();

    private static readonly Func<LigneComptage, bool> EnAttenteEnMemoire = EnAttente.Compile();

    /// <summary><see cref="Comptee"/> run in memory on a loaded line and its contrat.</summary>
    public static bool EstComptee(LigneComptage ligne) => CompteeEnMemoire(ligne);

    /// <summary><see cref="EnAttente"/> run in memory on a loaded line and its contrat.</summary>
    public static bool EstEnAttente(LigneComptage ligne) => EnAttenteEnMemoire(ligne);

    /// <summary>The counted minutes per month of loaded lines (the in-memory twin of the database grouping).</summary>
    public static IReadOnlyList<MinutesDuMois> MinutesComptees(IEnumerable<LigneComptage> lignes)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        return lignes.Where(CompteeEnMemoire)
            .GroupBy(l => l.Ligne.Mois)
            .OrderBy(g => g.Key)
            .Select(g => new MinutesDuMois(g.Key,
                g.Where(l => l.Contrat.Modalite != ModaliteContrat.Formation).Sum(l => l.Ligne.Minutes),
                g.Where(l => l.Contrat.Modalite == ModaliteContrat.Formation).Sum(l => l.Ligne.Minutes)))
            .ToList();
    }

    /// <summary>The figures of one lot from its loaded lines and their contrats.</summary>
    public static BilanHeures Bilan(ParametresComptage lot, IReadOnlyCollection<LigneComptage> lignes)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        return Bilan(lot, MinutesComptees(lignes), lignes.Where(EnAttenteEnMemoire).Sum(l => l.Ligne.Minutes));
    }

    /// <summary>
    /// Realised minutes of a lot: the non-training minutes, plus training minutes only when the lot counts training,
    /// capped at plafond × hours due (§7.5).
    /// </summary>
    public static long Realisees(ParametresComptage lot, long minutesHorsFormation, long minutesFormation)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return minutesHorsFormation + FormationComptee(lot, minutesFormation);
    }

    /// <summary>The training minutes that count on the lot.</summary>
    public static long FormationComptee(ParametresComptage lot, long minutesFormation)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (!lot.FormationComptabilisee) return 0;
        return lot.PlafondFormationMinutes is { } plafond ? Math.Min(minutesFormation, plafond) : minutesFormation;
    }

    /// <summary>The figures of one lot from its counted minutes per month and its pending minutes.</summary>
    public static BilanHeures Bilan(ParametresComptage lot, IEnumerable<MinutesDuMois> mois, long enAttenteMinutes)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(mois);
        var liste = mois.ToList();
        var realisees = Realisees(lot, liste.Sum(m => m.MinutesHorsFormation), liste.Sum(m => m.MinutesFormation));
        var avecClause = lot.HeuresDuesMinutes > 0;
        return new BilanHeures(lot.HeuresDuesMinutes, realisees, enAttenteMinutes,
            avecClause ? realisees : 0, avecClause ? Math.Min(realisees, lot.HeuresDuesMinutes) : 0);
    }

    /// <summary>
    /// The burn-up series of a lot: counted minutes per month and cumulated, month by month without gaps from the first
    /// to the last month given. The training cap applies to the cumulated training minutes, so the last cumul equals
    /// <see cref="Bilan"/>'s realised minutes.
    /// </summary>
    public static IReadOnlyList<PointSerie> Serie(ParametresComptage lot, IEnumerable<MinutesDuMois> mois)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(mois);
        var parMois = mois.GroupBy(m => m.Mois).ToDictionary(g => g.Key,
            g => (HorsFormation: g.Sum(m => m.MinutesHorsFormation), Formation: g.Sum(m => m.MinutesFormation)));
        var serie = new List<PointSerie>();
        if (parMois.Count == 0) return serie;
        long horsFormation = 0, formation = 0, cumulPrecedent = 0;
        for (var m = parMois.Keys.Min(); m <= parMois.Keys.Max(); m = m.Suivant)
        {
            if (parMois.TryGetValue(m, out var valeurs))
            {
                horsFormation += valeurs.HorsFormation;
                formation += valeurs.Formation;
            }
            var cumul = horsFormation + FormationComptee(lot, formation);
            serie.Add(new PointSerie(m, cumul - cumulPrecedent, cumul));
            cumulPrecedent = cumul;
        }
        return serie;
    }

    /// <summary>Several lots added up: the uncapped and capped aggregate rates of §7.6.</summary>
    public static BilanHeures Agreger(IEnumerable<BilanHeures> bilans)
    {
        ArgumentNullException.ThrowIfNull(bilans);
        return bilans.Aggregate(BilanHeures.Vide, (a, b) => new BilanHeures(
            a.DuesMinutes + b.DuesMinutes,
            a.RealiseesMinutes + b.RealiseesMinutes,
            a.EnAttenteMinutes + b.EnAttenteMinutes,
            a.RealiseesAuTauxMinutes + b.RealiseesAuTauxMinutes,
            a.RealiseesPlafonneesMinutes + b.RealiseesPlafonneesMinutes));
    }

    /// <summary>
    /// réalisées / dues, rounded half-up ONCE to a tenth of a percent and expressed in basis points
    /// (11 000 h / 9 500 h = 115,789… % → 115,8 % = 11 580 pdb); null without hours due.
    /// </summary>
    public static Taux? TauxRealisation(long realiseesMinutes, long duesMinutes) =>
        duesMinutes <= 0 ? null : new Taux((int)(FormatFrancais.DiviserArrondi(realiseesMinutes * 1_000, duesMinutes) * 10));
}
