using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Import;

/// <summary>Counts of one sheet: rows that created a record, updated one, or found it as it was.</summary>
public sealed record CompteursFeuille(int Crees, int Modifies, int Inchanges);

/// <summary>
/// The report of an import (../shared/IMPORT.md « Behaviour »): every error (<c>Feuille, ligne N, Colonne : message</c>), the
/// counts per sheet (in <see cref="FormatImport.Feuilles"/> order) and the warnings the pages would show (hour lines kept but
/// flagged out of period, §7.2) — the warnings never refuse a workbook.
/// </summary>
public sealed record RapportImport(bool Valide, bool ABlanc, IReadOnlyList<ErreurImport> Erreurs, IReadOnlyDictionary<string, CompteursFeuille> Compteurs,
    IReadOnlyList<ErreurImport> Avertissements, Guid JournalId)
{
    /// <summary>True when the rows were written (valid and not a dry run).</summary>
    public bool Ecrit => Valide && !ABlanc;
}

/// <summary>
/// Applies the rows of an import workbook to the domain (issue 11): every row goes through the same entity methods as the
/// pages (<c>DonneurOrdre.Creer</c>, <c>Marche.Creer</c>, <c>Lot.Attribuer</c>, <c>Participant.ValiderEligibilite</c>,
/// <c>Contrat.Enregistrer</c>, <see cref="GrilleHeures"/>…), on tracked entities, so that the whole workbook is checked in one
/// pass before anything is written; any error and nothing is saved, otherwise one <c>SaveChanges</c> (one transaction, the
/// audit trail in it, the months marked for recompilation by <c>MarquageMoisSales</c>). A row's <c>Ref</c> is remembered
/// as a <see cref="LienImport"/>: importing the same workbook again updates the same records.
/// </summary>
public sealed class ServiceImport(ClauseDbContext db, TimeProvider horloge)
{
    /// <summary>
    /// Checks (and unless <paramref name="aBlanc"/>, writes) the rows of <paramref name="source"/>, for the current structure
    /// of the context, as <paramref name="par"/>. <paramref name="erreursAvant"/>: the errors the reader found before the rows
    /// (the <c>Version</c> sheet): they refuse the workbook like any other.
    /// </summary>
    public async Task<RapportImport> ImporterAsync(ISourceImport source, IReadOnlyList<ErreurImport> erreursAvant, string? nomFichier, Auteur par,
        bool aBlanc, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(erreursAvant);
        ArgumentNullException.ThrowIfNull(par);
        var structureId = db.Contexte.StructureId ?? throw new InvalidOperationException("Un import se fait pour une structure.");
        var reglages = await ReglagesDesStructures.PourAsync(db, structureId, annulation).ConfigureAwait(false);
        var execution = new ExecutionImport(db, horloge, structureId, reglages, par);
        execution.Erreurs.AddRange(erreursAvant);
        await execution.AppliquerAsync(source, annulation).ConfigureAwait(false);

        var valide = execution.Erreurs.Count == 0;
        var journal = new JournalImport
        {
            StructureId = structureId,
            Quand = horloge.GetUtcNow(),
            UtilisateurId = db.Contexte.UtilisateurId,
            NomUtilisateur = db.Contexte.NomUtilisateur,
            NomJeton = db.Contexte.NomJeton,
            NomFichier = Fichier(nomFichier),
            ABlanc = aBlanc,
            Resultat = !valide ? ResultatImport.Refuse : aBlanc ? ResultatImport.Verifie : ResultatImport.Importe,
            NombreErreurs = execution.Erreurs.Count,
            Compteurs = JsonSerializer.Serialize(execution.Compteurs.ToDictionary(c => c.Key,
                c => new { crees = c.Value.Crees, modifies = c.Value.Modifies, inchanges = c.Value.Inchanges })),
        };
        if (!valide || aBlanc)
        {
            // Nothing of the workbook is written: only the journal says the run happened.
            db.ChangeTracker.Clear();
            db.JournauxImport.Add(journal);
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        else
        {
            db.LiensImport.AddRange(execution.NouveauxLiens);
            db.JournauxImport.Add(journal);
            db.Contexte.DefinirImport(journal.Id);
            try
            {
                await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            }
            finally
            {
                db.Contexte.DefinirImport(null);
            }
        }
        return new RapportImport(valide, aBlanc, execution.Erreurs, execution.Compteurs, execution.Avertissements, journal.Id);
    }

    /// <summary>
    /// The uploaded file (page or API): opened by <see cref="OuvertureClasseur.Ouvrir"/> — which throws
    /// <see cref="ClasseurIllisibleException"/> for a file that is not a readable workbook —, then <see cref="ImporterAsync"/>.
    /// </summary>
    public async Task<RapportImport> ImporterFichierAsync(Stream flux, string? nomFichier, Auteur par, bool aBlanc, CancellationToken annulation = default)
    {
        using var classeur = OuvertureClasseur.Ouvrir(flux);
        return await ImporterAsync(classeur.Source, classeur.ErreursVersion, nomFichier, par, aBlanc, annulation).ConfigureAwait(false);
    }

    /// <summary>The largest file accepted (the reader's own bounds apply inside it).</summary>
    public const long TailleFichierMax = 50L * 1024 * 1024;

    /// <summary>The file's name as kept in the journal: no path, at most the column's length.</summary>
    private static string Fichier(string? nom)
    {
        var court = Path.GetFileName(nom?.Trim() ?? string.Empty);
        if (string.IsNullOrEmpty(court)) court = "(sans nom)";
        return court.Length > JournalImport.NomFichierLongueurMax ? court[..JournalImport.NomFichierLongueurMax] : court;
    }

    /// <summary>The import runs of the current structure, newest first (the list of the page /Import).</summary>
    public async Task<IReadOnlyList<JournalImport>> JournalAsync(int nombre, CancellationToken annulation = default) =>
        await db.JournauxImport.AsNoTracking().OrderByDescending(j => j.Quand).ThenByDescending(j => j.Id).Take(nombre)
            .ToListAsync(annulation).ConfigureAwait(false);

    /// <summary>The counts of a journal row, by sheet.</summary>
    public static IReadOnlyDictionary<string, CompteursFeuille> LireCompteurs(JournalImport journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var lus = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(journal.Compteurs) ?? [];
        return lus.ToDictionary(l => l.Key, l => new CompteursFeuille(l.Value.GetValueOrDefault("crees"), l.Value.GetValueOrDefault("modifies"),
            l.Value.GetValueOrDefault("inchanges")));
    }

    /// <summary>Today in Europe/Paris, as the pages see it.</summary>
    internal static DateOnly Aujourdhui(TimeProvider horloge) => RequetesHeures.AujourdhuiParis(horloge);
}
