using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Heures;

namespace Clause.Domain.Bilans;

/// <summary>
/// The figures of one year of a structure for the national consolidation (issue 10 item 7, DOMAIN.md §9, docs/domain.md
/// « Consolidation annuelle »), each taken from the bilan of the whole structure for January–December except the three
/// counts the bilan does not carry (maîtres d'ouvrage, opérations, marchés active in the year, §8): counts only — no
/// name, no identifier — anonymous by construction.
/// </summary>
public sealed record ChiffresAnnee(
    int Annee,
    long HeuresMinutes,
    int Contrats,
    int Participants,
    int MaitresOuvrage,
    int Operations,
    int Marches,
    int Entreprises,
    IReadOnlyList<DimensionProfil> Profils)
{
    /// <summary>The figures of a bilan of the structure over the year, plus the three counts it lacks.</summary>
    public static ChiffresAnnee Depuis(int annee, Bilan bilan, int maitresOuvrage, int operations, int marches)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        return new(annee, bilan.RealiseesMinutes, bilan.Contrats, bilan.Participants, maitresOuvrage, operations, marches, bilan.Entreprises.Total,
            [.. bilan.Profils, bilan.Situations]);
    }
}

/// <summary>One line of the consolidation: a figure of the year, the same of the year before and the change.</summary>
public sealed record IndicateurConsolidation(string Rubrique, string Libelle, long Valeur, long ValeurPrecedente, bool EnMinutes)
{
    /// <summary>(year − previous) / previous, see <see cref="ConsolidationAnnuelle.Evolution"/>.</summary>
    public Taux? Evolution => ConsolidationAnnuelle.Evolution(Valeur, ValeurPrecedente);
}

/// <summary>
/// The yearly consolidation: the figures of <see cref="Annee"/> and of the year before, as lines (the headline figures,
/// then every cell of every profile split) ready for the CSV, the workbook and the page, which all show these lines.
/// </summary>
public sealed record ConsolidationAnnuelle(string Structure, ChiffresAnnee Chiffres, ChiffresAnnee Precedente)
{
    public const string RubriqueChiffres = "Chiffres clés";

    /// <summary>The years accepted (the clause exists since the 1990s; a later year has no data yet).</summary>
    public const int AnneeMin = 2000;
    public const int AnneeMax = 2999;

    public int Annee => Chiffres.Annee;

    /// <summary>
    /// The change on the previous year, (valeur − précédente) / précédente, rounded half-up once to a tenth of a percent
    /// by the rates' one rounding (<see cref="Comptage.TauxRealisation"/>); null when the previous year is 0 (no base).
    /// Worked example: 11 500 h after 10 000 h → +15,0 %; 43 899 contrats after 45 000 → −2,4 % (−2,4467 %).
    /// </summary>
    public static Taux? Evolution(long valeur, long precedente) =>
        precedente <= 0 ? null : Comptage.TauxRealisation(valeur - precedente, precedente);

    public IReadOnlyList<IndicateurConsolidation> Indicateurs
    {
        get
        {
            var lignes = new List<IndicateurConsolidation>
            {
                new(RubriqueChiffres, "Heures d'insertion réalisées", Chiffres.HeuresMinutes, Precedente.HeuresMinutes, true),
                new(RubriqueChiffres, "Contrats", Chiffres.Contrats, Precedente.Contrats, false),
                new(RubriqueChiffres, "Participants distincts", Chiffres.Participants, Precedente.Participants, false),
                new(RubriqueChiffres, "Maîtres d'ouvrage (donneurs d'ordre)", Chiffres.MaitresOuvrage, Precedente.MaitresOuvrage, false),
                new(RubriqueChiffres, "Opérations", Chiffres.Operations, Precedente.Operations, false),
                new(RubriqueChiffres, "Marchés", Chiffres.Marches, Precedente.Marches, false),
                new(RubriqueChiffres, "Entreprises", Chiffres.Entreprises, Precedente.Entreprises, false),
            };
            foreach (var dimension in Chiffres.Profils)
            {
                var avant = Precedente.Profils.FirstOrDefault(d => d.Code == dimension.Code);
                foreach (var cellule in dimension.Cellules)
                {
                    var precedente = avant?.Cellules.FirstOrDefault(c => c.Code == cellule.Code)?.Nombre ?? 0;
                    lignes.Add(new(dimension.Libelle, cellule.Libelle, cellule.Nombre, precedente, false));
                }
            }
            return lignes;
        }
    }

    /// <summary>Reads the year typed in the address (<c>annee</c>): four digits between <see cref="AnneeMin"/> and <see cref="AnneeMax"/>.</summary>
    public static int LireAnnee(string? saisie)
    {
        var texte = saisie?.Trim() ?? string.Empty;
        if (texte.Length == 4 && int.TryParse(texte, NumberStyles.None, CultureInfo.InvariantCulture, out var annee) && annee is >= AnneeMin and <= AnneeMax)
            return annee;
        throw new RegleMetierException("annee", texte.Length == 0
            ? "L'année (annee) est obligatoire, sur quatre chiffres (par exemple 2025)."
            : $"L'année (annee) doit comporter quatre chiffres, entre {AnneeMin} et {AnneeMax} (par exemple 2025).");
    }
}
