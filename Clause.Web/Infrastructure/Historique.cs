using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>One row of a page's history; <see cref="NomJeton"/> is set when the change came through the API.</summary>
public sealed record LigneHistorique(string Quand, string Par, string Action, IReadOnlyList<ChangementChamp> Changements, string? NomJeton = null)
{
    /// <summary>"via l'API (jeton « Logiciel de paie »)", or null for a change made on the pages.</summary>
    public string? Via => NomJeton is null ? null : $"via l'API (jeton « {NomJeton} »)";
}

/// <summary>A row of history with its instant, for an export that dates it in ISO 8601 (the access export).</summary>
public sealed record LigneHistoriqueDatee(DateTimeOffset Quand, LigneHistorique Ligne);

/// <summary>
/// Reads the audit trail of one aggregate (the record and its parts) for its page, in French: field names
/// become labels, enum codes their French label, cents, minutes and basis points French quantities, and
/// technical keys (…Id) are left out. One place for every page's history.
/// </summary>
public static partial class Historique
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly Dictionary<string, Type> TypesDuDomaine = typeof(Entite).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(Entite).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Labels that a word split cannot guess (acronyms, apostrophes, units).</summary>
    private static readonly Dictionary<string, string> Libelles = new(StringComparer.Ordinal)
    {
        ["Siret"] = "SIRET",
        ["CodeNaf"] = "Code NAF",
        ["CodeQpv"] = "Code QPV",
        ["EnQpv"] = "En QPV",
        ["Email"] = "E-mail",
        ["Telephone"] = "Téléphone",
        ["Role"] = "Rôle",
        ["TypeEmployeur"] = "Type d'employeur",
        ["TrancheEffectif"] = "Tranche d'effectif",
        ["Numero"] = "Numéro",
        ["Libelle"] = "Libellé",
        ["Methode"] = "Méthode",
        ["Statut"] = "Statut",
        ["Fondements"] = "Fondements de la clause",
        ["MontantHTCentimes"] = "Montant HT",
        ["HeuresDuesMinutes"] = "Heures dues",
        ["PartMainOeuvrePdb"] = "Part de main-d'œuvre",
        ["PartMainOeuvreDefautPdb"] = "Part de main-d'œuvre par défaut",
        ["CoutHoraireReferenceCentimes"] = "Coût horaire de référence",
        ["TauxInsertionPdb"] = "Taux d'insertion",
        ["DateNaissance"] = "Date de naissance",
        ["Prenom"] = "Prénom",
        ["IdentifiantFranceTravail"] = "Identifiant France Travail",
        ["DebutExecution"] = "Début d'exécution",
        ["FinExecution"] = "Fin d'exécution",
        ["DateEffet"] = "Date d'effet",
        ["FormationComptabilisee"] = "Formation comptabilisée",
        ["PlafondFormationPdb"] = "Plafond des heures de formation",
        ["Operation"] = "Opération",
        ["Modalite"] = "Modalité",
        ["Derogation"] = "Dérogation",
        ["MotifDerogation"] = "Motif de dérogation",
        ["TypeContrat"] = "Type de contrat",
        ["DateDebut"] = "Date de début",
        ["FinPrevue"] = "Fin prévue",
        ["FinReelle"] = "Fin réelle",
        ["AnonymiseLe"] = "Anonymisé le",
        ["AgeAuDebutFige"] = "Âge au début du contrat (figé à l'anonymisation)",
        ["HeuresHebdoMinutes"] = "Heures hebdomadaires",
        ["CodeRome"] = "Code ROME",
        ["MotifRefus"] = "Motif du refus",
        ["ProposeParNom"] = "Proposé par",
        ["ProposeLe"] = "Proposé le",
        ["DecideParNom"] = "Décidé par",
        ["DecideLe"] = "Décidé le",
        ["Eligibilite"] = "Éligibilité",
        ["EligibiliteValide"] = "Heures comptées (éligibilité valide)",
        ["DerogationParNom"] = "Dérogation accordée par",
        ["DerogationLe"] = "Dérogation accordée le",
    };

    /// <summary>
    /// Call only after the record's ownership was checked: the journal is keyed by the record's id.
    /// <paramref name="traduction"/> lets a page show a field its own way (null: the generic French rendering).
    /// </summary>
    public static Task<IReadOnlyList<LigneHistorique>> LireAsync(ClauseDbContext db, Guid racineId, CancellationToken annulation = default) =>
        LireAsync(db, racineId, traduction: null, annulation);

    /// <summary>The history of an aggregate root with a typed id (the journal keys it by the GUID).</summary>
    public static Task<IReadOnlyList<LigneHistorique>> LireAsync<TId>(ClauseDbContext db, TId racineId, CancellationToken annulation = default)
        where TId : struct, IIdentifiant<TId> =>
        LireAsync(db, racineId.Valeur, traduction: null, annulation);

    /// <inheritdoc cref="LireAsync{TId}(ClauseDbContext, TId, CancellationToken)"/>
    public static Task<IReadOnlyList<LigneHistorique>> LireAsync<TId>(ClauseDbContext db, TId racineId,
        Func<ChangementChamp, ChangementChamp?>? traduction, CancellationToken annulation = default)
        where TId : struct, IIdentifiant<TId> =>
        LireAsync(db, racineId.Valeur, traduction, annulation);

    /// <inheritdoc cref="LireAsync(ClauseDbContext, Guid, CancellationToken)"/>
    public static async Task<IReadOnlyList<LigneHistorique>> LireAsync(ClauseDbContext db, Guid racineId,
        Func<ChangementChamp, ChangementChamp?>? traduction, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lignes = await db.JournalAudit.AsNoTracking()
            .Where(j => j.RacineId == racineId)
            .OrderByDescending(j => j.Quand)
            .Take(200)
            .Select(j => new LigneJournal(j.Quand, j.NomUtilisateur, j.NomJeton, j.Action, j.TypeEntite, j.Changements))
            .ToListAsync(annulation);
        return lignes.Select(l => Traduire(l, traduction)).ToList();
    }

    /// <summary>
    /// Every row of several aggregates, oldest first, with its instant (the right of access: a participant's record, contrats,
    /// hire proposals and proofs). Call only after each id's ownership was checked: the journal is keyed by the record's id.
    /// </summary>
    public static async Task<IReadOnlyList<LigneHistoriqueDatee>> LireToutAsync(ClauseDbContext db, IReadOnlyCollection<Guid> racineIds,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(racineIds);
        var lignes = await db.JournalAudit.AsNoTracking()
            .Where(j => racineIds.Contains(j.RacineId))
            .OrderBy(j => j.Quand)
            .Select(j => new LigneJournal(j.Quand, j.NomUtilisateur, j.NomJeton, j.Action, j.TypeEntite, j.Changements))
            .ToListAsync(annulation);
        return lignes.Select(l => new LigneHistoriqueDatee(l.Quand, Traduire(l, traduction: null))).ToList();
    }

    private sealed record LigneJournal(DateTimeOffset Quand, string NomUtilisateur, string? NomJeton, ActionAudit Action, string TypeEntite, string Changements);

    private static LigneHistorique Traduire(LigneJournal l, Func<ChangementChamp, ChangementChamp?>? traduction)
    {
        TypesDuDomaine.TryGetValue(l.TypeEntite, out var type);
        var changements = (JsonSerializer.Deserialize<List<ChangementChamp>>(l.Changements, Json) ?? [])
            .Where(c => !EstCleTechnique(c.Champ))
            .Select(c => traduction?.Invoke(c) ?? new ChangementChamp(LibelleChamp(c.Champ), Valeur(type, c.Champ, c.Avant), Valeur(type, c.Champ, c.Apres)))
            .ToList();
        return new LigneHistorique(
            TimeZoneInfo.ConvertTime(l.Quand, Paris).ToString("dd/MM/yyyy HH:mm", Affichage.Fr),
            l.NomUtilisateur,
            LibelleAction(l.Action, l.TypeEntite),
            changements,
            l.NomJeton);
    }

    public static string LibelleChamp(string champ)
    {
        ArgumentNullException.ThrowIfNull(champ);
        if (Libelles.TryGetValue(champ, out var libelle)) return libelle;
        var sansUnite = UniteEnSuffixe().Replace(champ, string.Empty);
        var mots = MotsCamelCase().Split(sansUnite).Where(m => m.Length > 0).ToList();
        var phrase = string.Join(' ', mots).ToLower(Affichage.Fr);
        return phrase.Length == 0 ? champ : char.ToUpper(phrase[0], Affichage.Fr) + phrase[1..];
    }

    private static bool EstCleTechnique(string champ) => champ == "Id" || (champ.EndsWith("Id", StringComparison.Ordinal) && champ.Length > 2 && char.IsLower(champ[^3]));

    private static string? Valeur(Type? type, string champ, string? valeur)
    {
        if (valeur is null || valeur == JournalAudit.ValeurMasquee) return valeur;
        var typePropriete = type?.GetProperty(champ, BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
        var typeEnum = typePropriete is null ? null : Nullable.GetUnderlyingType(typePropriete) ?? typePropriete;
        if (champ == "CodeNaf") return Clause.Domain.Entreprises.Entreprise.AfficherCodeNaf(valeur);
        if (typeEnum is { IsEnum: true } && Enum.TryParse(typeEnum, valeur, out var membre))
            return typeEnum.GetField(membre!.ToString()!)?.GetCustomAttribute<LibelleAttribute>()?.Texte ?? valeur;
        if (long.TryParse(valeur, NumberStyles.Integer, CultureInfo.InvariantCulture, out var nombre))
        {
            if (champ.EndsWith("Centimes", StringComparison.Ordinal)) return new Montant(nombre).ToString();
            if (champ.EndsWith("Minutes", StringComparison.Ordinal)) return new Duree(nombre).ToString();
            if (champ.EndsWith("Pdb", StringComparison.Ordinal)) return new Taux((int)nombre).ToString();
        }
        if (DateOnly.TryParseExact(valeur, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return Affichage.Date(date);
        return valeur switch { "True" => "oui", "False" => "non", _ => valeur };
    }

    private static string LibelleAction(ActionAudit action, string type)
    {
        var quoi = type switch
        {
            _ when type.StartsWith("Contact", StringComparison.Ordinal) => " d'un contact",
            "DecisionEligibilite" => " d'une décision d'éligibilité",
            "CategorieDecision" => " d'une catégorie d'éligibilité",
            "ObligationInsertion" => " d'une version de l'obligation",
            "BonCommande" => " d'un bon de commande",
            "Attribution" => " d'une attribution",
            "DeclarationHeures" => " d'une ligne d'heures",
            "VersionDeclaration" => " d'une version d'une ligne d'heures",
            "DemandeDroit" => " d'une demande de la personne (droits RGPD)",
            _ => string.Empty,
        };
        return action switch
        {
            ActionAudit.Creation => "Création" + quoi,
            ActionAudit.Suppression => "Suppression" + quoi,
            _ => "Modification" + quoi,
        };
    }

    [GeneratedRegex("(Centimes|Minutes|Pdb)$")]
    private static partial Regex UniteEnSuffixe();

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex MotsCamelCase();
}
