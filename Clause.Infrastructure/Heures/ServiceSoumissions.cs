using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Heures;

/// <summary>One line a company declares for the month: the contrat, and its hours or its invoiced amount HT (§7.4), or neither (an empty cell).</summary>
public sealed record LigneSoumise(ContratId ContratId, Duree? Heures, Montant? MontantFactureHT);

/// <summary>A refused line: its position in the submitted list (the page names the participant, Excel the row, the API the index), the field and the French reason.</summary>
public sealed record RefusLigne(int Index, ContratId ContratId, string Champ, string Message);

/// <summary>The outcome of a submission: its id, or null with every refusal (nothing written).</summary>
public sealed record ResultatSoumission(SoumissionId? Id, IReadOnlyList<RefusLigne> Refus)
{
    public bool Acceptee => Id is not null;
}

/// <summary>
/// A company's declaration of a month on the portal, the Excel template and the API (issue 9 items 4, 5, 7, 8). Every
/// line goes through the facilitateur's grid (<see cref="GrilleHeures"/> over DeclarationHeures.Declarer|Corriger):
/// the same rules — a month to come, outside the contrat or the lot, a validated line (locked for a company), 0,
/// negative, above the monthly maximum across the participant's lots, an amount outside sous-/co-traitance — and a
/// contrat that is not a validated one of the company is refused naming its line. All or nothing: one refused line,
/// nothing is written and every refusal is returned. Another company's id (a contact's context) is a
/// <see cref="KeyNotFoundException"/> (the page answers 404).
/// </summary>
public sealed class ServiceSoumissions(ClauseDbContext db, ServiceHeures heures, BoiteEnvoi boite, TimeProvider horloge)
{
    /// <summary>
    /// Saves the month's draft (one per company and month): the lines are checked exactly as a submission would check
    /// them, nothing is written to the hours, and nothing at all when a line is refused. <paramref name="verifierSeulement"/>
    /// checks the lines and writes nothing: the month whose other inputs could not be read still gets the refusals of
    /// these (every error in one pass, issue 15 item 5).
    /// </summary>
    public async Task<IReadOnlyList<RefusLigne>> EnregistrerBrouillonAsync(EntrepriseId entreprise, Mois mois, IReadOnlyList<LigneSoumise> lignes, Auteur par,
        bool verifierSeulement = false, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        var structureId = await StructureDeAsync(entreprise, annulation).ConfigureAwait(false);
        // The grid's changes are a dry run (as a submission: any id stands for the one to come), then forgotten: the draft alone is saved.
        var (_, refus) = await AppliquerAsync(structureId, entreprise, mois, lignes, SoumissionId.De(SourceIdentifiants.Nouveau()), par, annulation)
            .ConfigureAwait(false);
        db.ChangeTracker.Clear();
        if (refus.Count > 0 || verifierSeulement) return refus;
        var brouillon = await BrouillonAsync(structureId, entreprise, mois, par, annulation).ConfigureAwait(false);
        brouillon.RemplacerLignes(Saisies(lignes), horloge.GetUtcNow());
        await EnregistrerAsync(mois, annulation).ConfigureAwait(false);
        return [];
    }

    /// <summary>
    /// Submits the month: the draft (or a new submission) takes the lines, becomes immutable, and every line is written
    /// as a new line or a new version carrying its id, in one SaveChanges. <paramref name="emailContact"/> is told of a
    /// rejection. Nothing typed, or nothing changed since the last declaration: a <see cref="RegleMetierException"/>.
    /// </summary>
    public async Task<ResultatSoumission> SoumettreAsync(EntrepriseId entreprise, Mois mois, IReadOnlyList<LigneSoumise> lignes, Auteur par,
        string? emailContact, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        var structureId = await StructureDeAsync(entreprise, annulation).ConfigureAwait(false);
        var soumission = await BrouillonAsync(structureId, entreprise, mois, par, annulation).ConfigureAwait(false);
        var le = horloge.GetUtcNow();
        GrilleHeures grille;
        IReadOnlyList<RefusLigne> refus;
        try
        {
            soumission.RemplacerLignes(Saisies(lignes), le);
            soumission.Soumettre(par, emailContact, le);
            (grille, refus) = await AppliquerAsync(structureId, entreprise, mois, lignes, soumission.Id, par, annulation).ConfigureAwait(false);
            if (refus.Count == 0 && grille.Ecrites == 0)
                throw new RegleMetierException("Lignes",
                    $"Rien n'a changé depuis la dernière déclaration de {DeclarationHeures.Texte(mois)} : modifiez une ligne avant de soumettre.");
        }
        catch (RegleMetierException)
        {
            // Nothing of this attempt stays in the unit of work (the draft keeps what it held).
            db.ChangeTracker.Clear();
            throw;
        }
        if (refus.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ResultatSoumission(null, refus);
        }
        db.DeclarationsHeures.AddRange(grille.Nouvelles);
        await EnregistrerAsync(mois, annulation).ConfigureAwait(false);
        return new ResultatSoumission(soumission.Id, []);
    }

    /// <summary>« Valider toute la déclaration »: validates the current versions written by the submission that still wait (a facilitateur).</summary>
    public async Task<int> ValiderSoumissionAsync(SoumissionId soumissionId, Auteur par, CancellationToken annulation = default)
    {
        if (!await db.SoumissionsHeures.AnyAsync(s => s.Id == soumissionId && s.Statut == StatutSoumission.Soumise, annulation).ConfigureAwait(false))
            throw new KeyNotFoundException("Cette déclaration n'existe pas.");
        var enAttente = await EnAttente(soumissionId).Include(d => d.Versions).ToListAsync(annulation).ConfigureAwait(false);
        if (enAttente.Count == 0)
            throw new RegleMetierException("Statut", "Aucune ligne de cette déclaration n'attend plus de décision.");
        var le = horloge.GetUtcNow();
        foreach (var ligne in enAttente) ligne.Valider(par, le);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return enAttente.Count;
    }

    /// <summary>
    /// Rejects one line (<see cref="ServiceHeures.RejeterAsync"/>); when a portal submission wrote it, the contact who
    /// submitted is told by e-mail, with a link to the month page built by <paramref name="lienDuMois"/>. The mail is
    /// deposited in the outbox in the same transaction as the rejection (both or neither; a mail server down changes
    /// nothing here), keyed by the line and its version: one notice per rejected version.
    /// </summary>
    public async Task RejeterAsync(DeclarationId declarationId, string? motif, Auteur par, Func<Mois, string>? lienDuMois = null,
        CancellationToken annulation = default)
    {
        var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false)
            : null;
        try
        {
            await heures.RejeterAsync(declarationId, motif, par, annulation).ConfigureAwait(false);
            await AviserRejetsAsync([declarationId], lienDuMois, annulation).ConfigureAwait(false);
            if (transaction is not null) await transaction.CommitAsync(annulation).ConfigureAwait(false);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The bulk rejection of /Heures/AValider (issue 15 item 3): every line rejected with one reason through
    /// <see cref="ServiceHeures.RejeterEnMasseAsync"/>, and the contact of each portal line told as for one line — all in
    /// one transaction: every line and every notice, or nothing. <paramref name="verifierSeulement"/>: checks only.
    /// </summary>
    public async Task<ResumeDecision> RejeterEnMasseAsync(IReadOnlyCollection<DeclarationId> ids, string? motif, Auteur par,
        Func<Mois, string>? lienDuMois = null, bool verifierSeulement = false, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (verifierSeulement) return await heures.RejeterEnMasseAsync(ids, motif, par, verifierSeulement: true, annulation).ConfigureAwait(false);
        var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false)
            : null;
        try
        {
            var resume = await heures.RejeterEnMasseAsync(ids, motif, par, annulation: annulation).ConfigureAwait(false);
            await AviserRejetsAsync(ids.Distinct().ToList(), lienDuMois, annulation).ConfigureAwait(false);
            if (transaction is not null) await transaction.CommitAsync(annulation).ConfigureAwait(false);
            return resume;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deposits in the outbox the notice of each rejected line written by a portal submission (one query for all the lines),
    /// keyed by the line and its version: one notice per rejected version; saved with the caller's transaction.
    /// </summary>
    private async Task AviserRejetsAsync(IReadOnlyList<DeclarationId> ids, Func<Mois, string>? lienDuMois, CancellationToken annulation)
    {
        var avis = await (
                from d in db.DeclarationsHeures.AsNoTracking()
                join v in db.VersionsDeclaration on new { DeclarationId = d.Id, Numero = d.VersionCourante } equals new { v.DeclarationId, v.Numero }
                join s in db.SoumissionsHeures on v.SoumissionId equals s.Id
                join e in db.Entreprises on s.EntrepriseId equals e.Id
                join p in db.Participants on d.ParticipantId equals p.Id
                join l in db.Lots on d.LotId equals l.Id
                where ids.Contains(d.Id) && s.SoumiseParEmail != null
                select new
                {
                    d.Id,
                    Email = s.SoumiseParEmail!,
                    Nom = s.SoumiseParNom ?? e.RaisonSociale,
                    Entreprise = e.RaisonSociale,
                    Participant = p.Prenom + " " + p.Nom,
                    Lot = "Lot " + l.Numero + " — " + l.Libelle,
                    d.Mois,
                    d.Minutes,
                    d.VersionCourante,
                    v.MotifRejet,
                })
            .ToListAsync(annulation).ConfigureAwait(false);
        if (avis.Count == 0) return;
        foreach (var a in avis)
            boite.Deposer(ModelesMail.RejetHeures(a.Email, a.Nom, a.Entreprise, a.Participant, a.Lot,
                    DeclarationHeures.Texte(a.Mois), new Duree(a.Minutes).ToString(), a.MotifRejet ?? string.Empty, lienDuMois?.Invoke(a.Mois)),
                $"rejet:{a.Id.Valeur:N}:{a.VersionCourante}");
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>The lines whose current version was written by the submission and still waits for a decision.</summary>
    public IQueryable<DeclarationHeures> EnAttente(SoumissionId soumissionId) =>
        db.DeclarationsHeures.Where(d => d.Statut == StatutDeclaration.Declaree
                                         && db.VersionsDeclaration.Any(v => v.DeclarationId == d.Id && v.Numero == d.VersionCourante && v.SoumissionId == soumissionId));

    /// <summary>
    /// Applies the lines to a grid built from what was loaded once: the company's validated contrats among those posted,
    /// their lots, the réglages, their lines of the month (with versions) and the participants' minutes of the month on
    /// every lot (§7.1). A refusal is mapped to the position of its line.
    /// </summary>
    private async Task<(GrilleHeures Grille, IReadOnlyList<RefusLigne> Refus)> AppliquerAsync(StructureId structureId, EntrepriseId entreprise, Mois mois,
        IReadOnlyList<LigneSoumise> lignes, SoumissionId soumissionId, Auteur par, CancellationToken annulation)
    {
        var ids = lignes.Select(l => l.ContratId).Distinct().ToList();
        var contrats = await db.Contrats.Where(c => ids.Contains(c.Id) && c.EmployeurId == entreprise && c.Statut == StatutContrat.Valide)
            .ToListAsync(annulation).ConfigureAwait(false);
        var idsLots = contrats.Select(c => c.LotId).Distinct().ToList();
        var lots = await db.Lots.Where(l => idsLots.Contains(l.Id)).ToListAsync(annulation).ConfigureAwait(false);
        var reglages = await ReglagesDesStructures.PourAsync(db, structureId, annulation).ConfigureAwait(false);
        var idsValides = contrats.Select(c => c.Id).ToList();
        var existantes = await db.DeclarationsHeures.Include(d => d.Versions)
            .Where(d => idsValides.Contains(d.ContratId) && d.Mois == mois)
            .ToListAsync(annulation).ConfigureAwait(false);
        var participants = contrats.Select(c => c.ParticipantId).Distinct().ToList();
        var moisDesParticipants = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => participants.Contains(d.ParticipantId) && d.Mois == mois)
            .Where(Comptage.PeseSurLeMaximumMensuel)
            .Select(d => new MinutesParticipant(d.ParticipantId, d.Mois, d.ContratId, d.Minutes))
            .ToListAsync(annulation).ConfigureAwait(false);

        var grille = new GrilleHeures(lots, reglages, contrats, existantes, moisDesParticipants);
        var le = horloge.GetUtcNow();
        var refus = new List<RefusLigne>();
        for (var index = 0; index < lignes.Count; index++)
        {
            var ligne = lignes[index];
            if (ligne.Heures is null && ligne.MontantFactureHT is null) continue;
            var avant = grille.Refus.Count;
            grille.Appliquer(ligne.ContratId, mois, new SaisieHeures(ligne.Heures, ligne.MontantFactureHT), par, le, soumission: soumissionId);
            // Every refusal of the line (its month and its value together), each naming its field.
            refus.AddRange(grille.Refus.Skip(avant).SelectMany(r => r.Erreur.Toutes.Select(e => new RefusLigne(index, r.ContratId, e.Champ, e.Message))));
        }
        // The same contrat twice in one submission would be two versions of one line typed at once: refused by name.
        foreach (var doublon in lignes.Select((l, i) => (l, i)).Where(x => x.l.Heures is not null || x.l.MontantFactureHT is not null)
                     .GroupBy(x => x.l.ContratId).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            refus.Add(new RefusLigne(doublon.i, doublon.l.ContratId, nameof(LigneSoumise.ContratId),
                "Ce contrat figure deux fois dans la déclaration : ne gardez qu'une ligne."));
        return (grille, refus.OrderBy(r => r.Index).ToList());
    }

    private static IEnumerable<SaisieBrouillon> Saisies(IReadOnlyList<LigneSoumise> lignes) =>
        lignes.Select(l => new SaisieBrouillon(l.ContratId, l.Heures?.Minutes, l.MontantFactureHT?.Centimes));

    /// <summary>The company's structure; another company than the contact's own, or one of another structure: not found.</summary>
    private async Task<StructureId> StructureDeAsync(EntrepriseId entreprise, CancellationToken annulation)
    {
        if (db.Contexte.EntrepriseId is { } contexte && contexte != entreprise) throw new KeyNotFoundException("Cette entreprise n'existe pas.");
        return await db.Entreprises.Where(e => e.Id == entreprise).Select(e => (StructureId?)e.StructureId).FirstOrDefaultAsync(annulation).ConfigureAwait(false)
               ?? throw new KeyNotFoundException("Cette entreprise n'existe pas.");
    }

    /// <summary>The month's draft of the company (tracked, with its lines), or a new one added to the unit of work.</summary>
    private async Task<SoumissionHeures> BrouillonAsync(StructureId structureId, EntrepriseId entreprise, Mois mois, Auteur par, CancellationToken annulation)
    {
        var brouillon = await db.SoumissionsHeures.Include(s => s.Lignes)
            .FirstOrDefaultAsync(s => s.EntrepriseId == entreprise && s.Mois == mois && s.Statut == StatutSoumission.Brouillon, annulation).ConfigureAwait(false);
        if (brouillon is not null) return brouillon;
        brouillon = SoumissionHeures.Creer(structureId, entreprise, mois, par, horloge.GetUtcNow());
        db.SoumissionsHeures.Add(brouillon);
        return brouillon;
    }

    /// <summary>Saves; two saves racing on the same month meet a unique index and get a French message.</summary>
    private async Task EnregistrerAsync(Mois mois, CancellationToken annulation)
    {
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
                                           || ex.InnerException?.Message.Contains("IX_", StringComparison.Ordinal) == true)
        {
            db.ChangeTracker.Clear();
            throw new RegleMetierException("Lignes",
                $"La déclaration de {DeclarationHeures.Texte(mois)} vient d'être modifiée par ailleurs : rechargez la page et recommencez.");
        }
    }
}
