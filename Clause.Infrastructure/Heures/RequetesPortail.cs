using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Heures;

/// <summary>The line of hours a contrat already has for the month (its current version), as the company sees it.</summary>
public sealed record LigneDuMois(DeclarationId DeclarationId, long Minutes, StatutDeclaration Statut, bool Converti, string? MotifRejet,
    long? MontantFactureCentimes)
{
    public Duree Heures => new(Minutes);

    /// <summary>A validated line is locked for the company (DeclarationHeures.Corriger).</summary>
    public bool Verrouillee => Statut == StatutDeclaration.Validee;
}

/// <summary>
/// One row of the company's grid of a month (issue 9 item 4): a validated contrat it employs under, whose dates and
/// lot's execution (+ tolerance, §7.2) overlap the month. The participant by name only — never a category nor a birth
/// date (DOMAIN.md §11). <see cref="AccepteMontant"/>: sous-/co-traitance, declarable as an invoiced amount (§7.4).
/// </summary>
public sealed record ContratDuMois(ContratId ContratId, LotId LotId, int LotNumero, string LotLibelle, string Marche, string Participant,
    string Employeur, ModaliteContrat Modalite, TypeContrat TypeContrat, bool AccepteMontant, LigneDuMois? Ligne);

/// <summary>
/// What the company portal reads of the hours (issue 9), shared by the month page, the Excel template and the API so
/// the three show the same rows. Tenant-filtered like every query, and scoped to the company given.
/// </summary>
public sealed class RequetesPortail(ClauseDbContext db)
{
    /// <summary>
    /// What the declaration calendar (§7.7, <see cref="CalendrierDeclaration.MoisADeclarer"/>) reads of <paramref name="lots"/>:
    /// each validated contrat with its employer, its dates (actual end, else planned) and the months it has a line for —
    /// a line of any status counts as declared. <paramref name="employeur"/> restricts to one company (the portal); null
    /// reads every employer of the lots (the reminders). Two queries whatever the rows. The portal's home and the
    /// reminders both read it, so « a month to declare » is one rule.
    /// </summary>
    public async Task<ILookup<(EntrepriseId Employeur, LotId Lot), ContratADeclarer>> ContratsADeclarerAsync(IReadOnlyCollection<LotId> lots,
        EntrepriseId? employeur, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var structureId = db.Contexte.StructureId;
        // A contact reads its own company only (second lock, as ContratsDuMoisAsync).
        if (db.Contexte.EntrepriseId is { } contexte && contexte != employeur) return Array.Empty<(EntrepriseId, LotId, ContratADeclarer)>().ToLookup(x => (x.Item1, x.Item2), x => x.Item3);
        var contrats = await db.Contrats.AsNoTracking()
            .Where(c => c.StructureId == structureId && c.Statut == StatutContrat.Valide && lots.Contains(c.LotId)
                        && (employeur == null || c.EmployeurId == employeur))
            .Select(c => new { c.Id, c.LotId, c.EmployeurId, c.DateDebut, c.FinPrevue, c.FinReelle })
            .ToListAsync(annulation).ConfigureAwait(false);
        var contratIds = contrats.Select(c => c.Id).ToList();
        var declares = (await db.DeclarationsHeures.AsNoTracking()
                .Where(d => d.StructureId == structureId && contratIds.Contains(d.ContratId))
                .Select(d => new { d.ContratId, d.Mois })
                .ToListAsync(annulation).ConfigureAwait(false))
            .GroupBy(d => d.ContratId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<Mois>)g.Select(d => d.Mois).ToHashSet());
        return contrats.ToLookup(c => (c.EmployeurId, c.LotId), c => new ContratADeclarer(
            new Periode(c.DateDebut, c.FinReelle ?? c.FinPrevue ?? DateOnly.MaxValue),
            declares.TryGetValue(c.Id, out var mois) ? mois : new HashSet<Mois>()));
    }

    /// <summary>
    /// The company's validated contrats as employer whose period and lot's execution (+ tolerance) overlap
    /// <paramref name="mois"/>, with the current line of the month if any, ordered by lot then participant.
    /// </summary>
    public async Task<IReadOnlyList<ContratDuMois>> ContratsDuMoisAsync(EntrepriseId entreprise, Mois mois, CancellationToken annulation = default)
    {
        // A contact reads its own company only (the pages pass it; this is the second lock for any other caller).
        if (db.Contexte.EntrepriseId is { } contexte && contexte != entreprise) return [];
        var premier = mois.Premier;
        var dernier = mois.Dernier;
        var lignes = await (
                from c in db.Contrats.AsNoTracking()
                join l in db.Lots on c.LotId equals l.Id
                join p in db.Participants on c.ParticipantId equals p.Id
                join e in db.Entreprises on c.EmployeurId equals e.Id
                where c.EmployeurId == entreprise && c.Statut == StatutContrat.Valide
                      && c.DateDebut <= dernier && (c.FinReelle ?? c.FinPrevue ?? DateOnly.MaxValue) >= premier
                      && l.DebutExecution <= dernier
                orderby l.Marche.Numero, l.Numero, p.Nom, p.Prenom, c.Id
                select new
                {
                    c.Id,
                    c.StructureId,
                    c.LotId,
                    LotNumero = l.Numero,
                    l.Libelle,
                    l.FinExecution,
                    Marche = l.Marche.Numero,
                    p.Prenom,
                    p.Nom,
                    Employeur = e.RaisonSociale,
                    c.Modalite,
                    c.TypeContrat,
                    Ligne = db.DeclarationsHeures.Where(d => d.ContratId == c.Id && d.Mois == mois)
                        .Select(d => new
                        {
                            d.Id,
                            d.Minutes,
                            d.Statut,
                            d.Converti,
                            Version = db.VersionsDeclaration.Where(v => v.DeclarationId == d.Id && v.Numero == d.VersionCourante)
                                .Select(v => new { v.MotifRejet, v.MontantFactureCentimes }).FirstOrDefault(),
                        })
                        .FirstOrDefault(),
                })
            .ToListAsync(annulation).ConfigureAwait(false);
        if (lignes.Count == 0) return [];
        // The tolerance after the lot's end is a réglage of the structure (§7.2): the same test as DeclarationHeures.EstDansLaPeriode.
        var reglages = await ReglagesDesStructures.PourAsync(db, lignes[0].StructureId, annulation).ConfigureAwait(false);
        return lignes
            .Where(x => x.FinExecution.AddDays(reglages.ToleranceApresFinJours) >= premier)
            .Select(x => new ContratDuMois(x.Id, x.LotId, x.LotNumero, x.Libelle, x.Marche, $"{x.Prenom} {x.Nom}", x.Employeur, x.Modalite,
                x.TypeContrat, x.Modalite.AccepteMontantFacture(),
                x.Ligne is null
                    ? null
                    : new LigneDuMois(x.Ligne.Id, x.Ligne.Minutes, x.Ligne.Statut, x.Ligne.Converti, x.Ligne.Version?.MotifRejet,
                        x.Ligne.Version?.MontantFactureCentimes)))
            .ToList();
    }
}
