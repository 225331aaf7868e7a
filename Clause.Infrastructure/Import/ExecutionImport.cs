using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Import;

/// <summary>
/// One run of <see cref="ServiceImport"/>: the sheets in <see cref="FormatImport.Feuilles"/> order, each row read
/// (<see cref="LigneImport"/>), its references resolved, then handed to the domain. The state of the run — the records by
/// Ref, the refs of each sheet, the links known from earlier imports — lives here.
/// </summary>
internal sealed partial class ExecutionImport(ClauseDbContext db, TimeProvider horloge, StructureId structureId, Reglages reglages, Auteur par)
{
    /// <summary>The motif of the versions, steps back and avenants an import writes.</summary>
    internal const string MotifImport = "Reprise de données (import)";

    public List<ErreurImport> Erreurs { get; } = [];

    public List<ErreurImport> Avertissements { get; } = [];

    public Dictionary<string, CompteursFeuille> Compteurs { get; } = [];

    public List<LienImport> NouveauxLiens { get; } = [];

    private readonly DateOnly _aujourdhui = ServiceImport.Aujourdhui(horloge);
    private readonly DateTimeOffset _maintenant = horloge.GetUtcNow();

    /// <summary>Links of the structure from earlier imports: (sheet, REF) → record id.</summary>
    private Dictionary<(string Feuille, string Ref), Guid> _liens = [];

    /// <summary>The rows of each sheet of this workbook by REF: their row number (for duplicates and cross-sheet hints).</summary>
    private readonly Dictionary<string, Dictionary<string, int>> _refs = new(StringComparer.Ordinal);

    /// <summary>Refs whose row was refused: the rows pointing at them are not checked further (their error is already said).</summary>
    private readonly HashSet<(string Feuille, string Ref)> _refusees = [];

    public async Task AppliquerAsync(ISourceImport source, CancellationToken annulation)
    {
        _liens = (await db.LiensImport.AsNoTracking().Select(l => new { l.Feuille, l.Ref, l.EnregistrementId }).ToListAsync(annulation).ConfigureAwait(false))
            .ToDictionary(l => (l.Feuille, l.Ref), l => l.EnregistrementId);
        foreach (var feuille in FormatImport.Feuilles)
        {
            var lignes = new List<LigneImport>();
            foreach (var lue in source.Lignes(feuille, Erreurs)) lignes.Add(new LigneImport(lue, Erreurs));
            RelireRefs(feuille, lignes);
            var compteur = new Compteur();
            switch (feuille.Nom)
            {
                case "DonneursOrdre": await DonneursOrdreAsync(lignes, compteur, annulation).ConfigureAwait(false); break;
                case "Operations": await OperationsAsync(lignes, compteur, annulation).ConfigureAwait(false); break;
                case "Marches": _lignesMarches = lignes; _compteurMarches = compteur; break;
                case "Lots": await MarchesEtLotsAsync(_lignesMarches, _compteurMarches!, lignes, compteur, annulation).ConfigureAwait(false); break;
                case "Entreprises": await EntreprisesAsync(lignes, compteur, annulation).ConfigureAwait(false); break;
                case "Attributions": Attributions(lignes, compteur); break;
                case "Participants": await ParticipantsAsync(lignes, compteur, annulation).ConfigureAwait(false); break;
                case "Contrats": await ContratsAsync(lignes, compteur, annulation).ConfigureAwait(false); break;
                case "Heures": await HeuresAsync(lignes, compteur, annulation).ConfigureAwait(false); break;
                default: throw new InvalidOperationException($"Feuille sans traitement : {feuille.Nom}.");
            }
            Compteurs[feuille.Nom] = compteur.Lire();
            if (feuille.Nom == "Lots") Compteurs["Marches"] = _compteurMarches!.Lire();
        }
        // In the format's order (the Marches counts were written with the Lots).
        var ordonnes = FormatImport.Feuilles.Where(f => Compteurs.ContainsKey(f.Nom)).ToDictionary(f => f.Nom, f => Compteurs[f.Nom]);
        Compteurs.Clear();
        foreach (var (nom, c) in ordonnes) Compteurs[nom] = c;
    }

    private List<LigneImport> _lignesMarches = [];
    private Compteur? _compteurMarches;

    /// <summary>The counts of one sheet, filled row by row.</summary>
    internal sealed class Compteur
    {
        public int Crees { get; set; }
        public int Modifies { get; set; }
        public int Inchanges { get; set; }

        public CompteursFeuille Lire() => new(Crees, Modifies, Inchanges);
    }

    /// <summary>The key of a Ref: trimmed, compared without case.</summary>
    internal static string Cle(string reference) => reference.Trim().ToUpperInvariant();

    /// <summary>Reads the Ref of every row of a sheet that has one: required, unique in its sheet, at most the link's length.</summary>
    private void RelireRefs(FeuilleImport feuille, List<LigneImport> lignes)
    {
        var refs = new Dictionary<string, int>(StringComparer.Ordinal);
        _refs[feuille.Nom] = refs;
        if (feuille.Colonne("Ref") is null) return;
        foreach (var ligne in lignes)
        {
            var texte = ligne.Texte("Ref");
            if (texte is null) continue;
            if (texte.Length > LienImport.RefLongueurMax)
            {
                ligne.Erreur("Ref", $"La référence ne doit pas dépasser {LienImport.RefLongueurMax} caractères.");
                continue;
            }
            var cle = Cle(texte);
            if (refs.TryGetValue(cle, out var premiere))
            {
                ligne.Erreur("Ref", $"La référence « {texte} » est déjà celle de la ligne {premiere} de cette feuille : chaque ligne a sa propre référence.");
                continue;
            }
            refs[cle] = ligne.Numero;
            ligne.Ref = cle;
        }
    }

    /// <summary>The record id an earlier import linked to this Ref of this sheet, if any.</summary>
    private Guid? Lien(string feuille, string cle) => _liens.TryGetValue((feuille, cle), out var id) ? id : null;

    /// <summary>Remembers the record a new row created (written with the rest, only if the workbook passes).</summary>
    private void Lier(string feuille, string cle, Guid id)
    {
        if (_liens.ContainsKey((feuille, cle))) return;
        _liens[(feuille, cle)] = id;
        NouveauxLiens.Add(new LienImport { StructureId = structureId, Feuille = feuille, Ref = cle, EnregistrementId = id });
    }

    /// <summary>
    /// The record a Reference cell points at: a row of its target sheet in this workbook (then <paramref name="parRef"/> has
    /// it, unless that row was refused), or a record linked by an earlier import (loaded by the caller into
    /// <paramref name="parRef"/> too). Otherwise an error naming what the Ref is — a row of another sheet, or nothing.
    /// </summary>
    private T? Reference<T>(LigneImport ligne, string colonne, Dictionary<string, T> parRef) where T : class
    {
        var texte = ligne.Texte(colonne);
        if (texte is null) return null;
        var cible = ligne.Feuille.Colonne(colonne)!.Cible!;
        var cle = Cle(texte);
        if (parRef.TryGetValue(cle, out var trouve)) return trouve;
        if (_refusees.Contains((cible, cle)))
        {
            // The target row has its own errors: this row is not checked further, nothing more to say.
            ligne.Valide = false;
            return null;
        }
        var ailleurs = _refs.Where(r => r.Key != cible && r.Value.ContainsKey(cle)).Select(r => r.Key).FirstOrDefault();
        ligne.Erreur(colonne, ailleurs is not null
            ? $"La référence « {texte} » est celle d'une ligne de la feuille « {ailleurs} », pas de la feuille « {cible} »."
            : $"La référence « {texte} » ne désigne aucune ligne de la feuille « {cible} » (ni d'un import précédent).");
        return null;
    }

    /// <summary>The Refs a sheet's Reference column names that are not rows of this workbook but records of an earlier import.</summary>
    private List<Guid> LiensVers(IEnumerable<LigneImport> lignes, string colonne, string cible) =>
        lignes.Select(l => l.Texte(colonne)).OfType<string>().Select(Cle)
            .Where(c => !_refs[cible].ContainsKey(c))
            .Select(c => Lien(cible, c)).OfType<Guid>().Distinct().ToList();

    /// <summary>The existing records of a sheet's own rows (their Ref linked by an earlier import).</summary>
    private List<Guid> LiensPropres(IEnumerable<LigneImport> lignes, string feuille) =>
        lignes.Where(l => l.Ref is not null).Select(l => Lien(feuille, l.Ref!)).OfType<Guid>().Distinct().ToList();

    /// <summary>
    /// Hands a row to the domain: a <see cref="RegleMetierException"/> (all its refusals) becomes errors of the row, each on
    /// the column its field names (<paramref name="colonnes"/>: domain field → column; a field not listed: the column of the
    /// same name, else <paramref name="parDefaut"/>). False when refused.
    /// </summary>
    private static bool Domaine(LigneImport ligne, Action appel, IReadOnlyDictionary<string, string> colonnes, string parDefaut)
    {
        try
        {
            appel();
            return true;
        }
        catch (RegleMetierException ex)
        {
            foreach (var e in ex.Toutes) ligne.Erreur(ColonneDe(ligne.Feuille, e.Champ, colonnes, parDefaut), e.Message);
            return false;
        }
    }

    private static string ColonneDe(FeuilleImport feuille, string champ, IReadOnlyDictionary<string, string> colonnes, string parDefaut)
    {
        var nom = champ.Contains('.', StringComparison.Ordinal) ? champ[(champ.LastIndexOf('.') + 1)..] : champ;
        if (colonnes.TryGetValue(nom, out var colonne)) return colonne;
        return feuille.Colonne(nom)?.Nom ?? parDefaut;
    }

    /// <summary>Marks a row's Ref as refused when the row has errors (its dependants are then skipped quietly).</summary>
    private void Conclure(LigneImport ligne)
    {
        if (!ligne.Valide && ligne.Ref is not null) _refusees.Add((ligne.Feuille.Nom, ligne.Ref));
    }

    /// <summary>A record a row created or found, to count once the sheet is applied.</summary>
    private sealed record Suivi(object Entite, bool Cree, Guid Id);

    /// <summary>Counts each record: created; else updated when the save would change it or add a part to it; else unchanged.</summary>
    private void Compter(Compteur compteur, IEnumerable<Suivi> suivis)
    {
        var parties = PartiesChangees();
        foreach (var suivi in suivis)
        {
            if (suivi.Cree) compteur.Crees++;
            else if (db.Entry(suivi.Entite).State == EntityState.Modified || parties.Contains(suivi.Id)) compteur.Modifies++;
            else compteur.Inchanges++;
        }
    }

    /// <summary>The aggregates whose parts (versions of an obligation, decisions…) this run added or changed so far.</summary>
    private HashSet<Guid> PartiesChangees()
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity is IPartieDe)
            .Select(e => ((IPartieDe)e.Entity).RacineId).ToHashSet();
    }
}
