using Clause.Domain.Commun;

namespace Clause.Infrastructure.Import;

/// <summary>One line of the template's « Aide » sheet: a column, whether it is required, its format, an example, a remark.</summary>
public sealed record AideColonne(FeuilleImport Feuille, ColonneImport Colonne, string Format, string Exemple, string? Remarque);

/// <summary>
/// The French help of the import format (../shared/IMPORT.md), in one place: what each kind of column accepts
/// (<see cref="Format"/>), an example per column, the remarks of the columns IMPORT.md explains, and the allowed codes with
/// their French labels (the enums' <c>[Libelle]</c>). The template's « Aide » sheet and its page read it; the sheets and
/// columns themselves are those of <see cref="FormatImport"/>, so a column added there appears here with the example of its kind.
/// </summary>
public static class AideFormatImport
{
    /// <summary>What a column of this kind accepts (IMPORT.md « File »).</summary>
    public static string Format(ColonneImport colonne)
    {
        ArgumentNullException.ThrowIfNull(colonne);
        return colonne.Genre switch
        {
            GenreColonne.Texte => "Texte libre.",
            GenreColonne.Ref => "Texte : la clé de la ligne dans le classeur, unique dans la feuille ; réimporter le même classeur met à jour les mêmes fiches.",
            GenreColonne.Reference => $"La Ref d'une ligne de la feuille {colonne.Cible}.",
            GenreColonne.Code => "Un code de la liste des codes ci-dessous (majuscules ou minuscules).",
            GenreColonne.Codes => "Un ou plusieurs codes de la liste ci-dessous, séparés par des virgules.",
            GenreColonne.Fondement => "Un code de la liste ci-dessous, ou deux séparés par « + » (ConditionExecution+CritereAttribution).",
            GenreColonne.Date => "Date : aaaa-mm-jj en texte, ou une vraie date Excel.",
            GenreColonne.Mois => "Mois : aaaa-mm (en texte).",
            GenreColonne.Pourcentage => "Nombre de pour cent (5 = 5 %), point ou virgule décimale.",
            GenreColonne.Montant => "Euros hors taxes, au plus 2 décimales, point ou virgule.",
            GenreColonne.Heures => "Heures, au plus 2 décimales, point ou virgule (converties en minutes, arrondi au plus proche).",
            GenreColonne.Booleen => "Oui ou Non (aussi true/false, 1/0).",
            GenreColonne.Siret => "SIRET : 14 chiffres (espaces permis), clé de contrôle valide.",
            _ => throw new ArgumentOutOfRangeException(nameof(colonne), colonne.Genre, null),
        };
    }

    /// <summary>The example Ref of each sheet (also the example of a column pointing at it).</summary>
    private static readonly Dictionary<string, string> RefsExemples = new(StringComparer.Ordinal)
    {
        ["DonneursOrdre"] = "DO-1",
        ["Operations"] = "OP-1",
        ["Marches"] = "M-1",
        ["Lots"] = "LOT-1",
        ["Entreprises"] = "ENT-1",
        ["Participants"] = "P-1",
        ["Contrats"] = "CT-1",
    };

    /// <summary>Examples of the columns whose kind's example would not speak (« Feuille.Colonne »).</summary>
    private static readonly Dictionary<string, string> Exemples = new(StringComparer.Ordinal)
    {
        ["DonneursOrdre.RaisonSociale"] = "Nantes Métropole Habitat",
        ["Operations.Nom"] = "Renouvellement urbain du quartier des Rives",
        ["Operations.CodeQpv"] = "QN04401M",
        ["Marches.Numero"] = "2025-014",
        ["Marches.Objet"] = "Réhabilitation de 120 logements",
        ["Marches.MontantHT"] = "1250000",
        ["Lots.Numero"] = "3",
        ["Lots.Libelle"] = "Gros œuvre",
        ["Lots.MontantHT"] = "480000",
        ["Lots.Fondement"] = "ConditionExecution",
        ["Lots.PartMainOeuvrePct"] = "40",
        ["Lots.CoutHoraire"] = "32,50",
        ["Lots.HeuresTravailleesEstimees"] = "12000",
        ["Lots.HeuresDues"] = "600",
        ["Entreprises.RaisonSociale"] = "Bâtiments du Val",
        ["Participants.Nom"] = "Martin",
        ["Participants.Prenom"] = "Léa",
        ["Participants.DateNaissance"] = "1998-06-14",
        ["Participants.CodeQpv"] = "QN04401M",
        ["Participants.Categories"] = "DELD12,RSA",
        ["Contrats.Derogation"] = "Reprise après un arrêt maladie : fenêtre d'éligibilité dépassée de deux mois.",
        ["Heures.Heures"] = "151,67",
        ["Heures.MontantFactureHT"] = "4200",
    };

    /// <summary>What IMPORT.md says of a column beyond its kind (« Feuille.Colonne »).</summary>
    private static readonly Dictionary<string, string> Remarques = new(StringComparer.Ordinal)
    {
        ["Lots.Fondement"] = "Deux fondements seulement pour ConditionExecution+CritereAttribution.",
        ["Lots.Methode"] = "F1, F2, F3 ou Aucune.",
        ["Lots.CoutHoraire"] = "Par défaut : le coût horaire des réglages de la structure.",
        ["Lots.HeuresDues"] = "Pour F3. En F1/F2, Clause calcule les heures dues : une valeur différente est signalée comme une erreur.",
        ["Attributions.Lot"] = "Une attribution n'a pas de Ref : c'est le couple (Lot, Entreprise).",
        ["Attributions.Role"] = "Attributaire, CoTraitant ou SousTraitant.",
        ["Participants.Sexe"] = "F ou M.",
        ["Participants.DateValidationEligibilite"] = "Les décisions d'éligibilité importées sont validées par le facilitateur qui importe.",
        ["Contrats.Employeur"] = "La Ref d'une ligne de la feuille Entreprises.",
        ["Contrats.Derogation"] = "Un motif écrit, pour un début de contrat hors de la fenêtre d'éligibilité. Les contrats importés sont validés.",
        ["Heures.Contrat"] = "Une ligne d'heures n'a pas de Ref : c'est le couple (Contrat, Mois).",
        ["Heures.MontantFactureHT"] = "Sous-traitance ou co-traitance sans heures nommées : exactement un de Heures et MontantFactureHT.",
        ["Heures.Statut"] = "Validee par défaut, ou Declaree.",
    };

    /// <summary>An example of <paramref name="colonne"/> of <paramref name="feuille"/>: its own, or its kind's.</summary>
    public static string Exemple(FeuilleImport feuille, ColonneImport colonne)
    {
        ArgumentNullException.ThrowIfNull(feuille);
        ArgumentNullException.ThrowIfNull(colonne);
        if (Exemples.TryGetValue($"{feuille.Nom}.{colonne.Nom}", out var exemple)) return exemple;
        return colonne.Genre switch
        {
            GenreColonne.Ref => RefsExemples.GetValueOrDefault(feuille.Nom, "REF-1"),
            GenreColonne.Reference => RefsExemples.GetValueOrDefault(colonne.Cible ?? string.Empty, "REF-1"),
            GenreColonne.Code or GenreColonne.Codes or GenreColonne.Fondement => colonne.Codes is { } type ? Enum.GetNames(type)[0] : string.Empty,
            GenreColonne.Date => "2025-03-01",
            GenreColonne.Mois => "2025-03",
            GenreColonne.Pourcentage => "5",
            GenreColonne.Montant => "1500,00",
            GenreColonne.Heures => "35,5",
            GenreColonne.Booleen => "Oui",
            GenreColonne.Siret => "732 829 320 00074",
            _ => colonne.Nom == "Commune" ? "Nantes" : "texte",
        };
    }

    /// <summary>Every column of every sheet, in the format's order, with its help.</summary>
    public static IEnumerable<AideColonne> Colonnes() =>
        FormatImport.Feuilles.SelectMany(f => f.Colonnes.Select(c =>
            new AideColonne(f, c, Format(c), Exemple(f, c), Remarques.GetValueOrDefault($"{f.Nom}.{c.Nom}"))));

    /// <summary>The allowed codes of every coded column, with their French labels (the enums' <c>[Libelle]</c>).</summary>
    public static IEnumerable<(FeuilleImport Feuille, ColonneImport Colonne, string Code, string Libelle)> Codes() =>
        FormatImport.Feuilles.SelectMany(f => f.Colonnes.Where(c => c.Codes is not null)
            .SelectMany(c => Libelles.Tous(c.Codes!).Select(code => (f, c, code.Code, code.Libelle))));
}
