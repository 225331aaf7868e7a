using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Pages.Contrats;
using Clause.Web.Pages.Participants;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Placement;

/// <summary>A poste as its lists show it (staff and portal): never a participant, never a category.</summary>
public sealed record PosteAffiche(PosteId Id, string Intitule, string? CodeRome, int Nombre, TypeContrat TypeContrat, DateOnly DateDebut, long? HeuresHebdoMinutes,
    string? Lieu, string? Exigences, StatutPoste Statut, LotId LotId, string Lot, EntrepriseId EntrepriseId, string Entreprise, DateTimeOffset CreeLe, string CreePar)
{
    public Duree? HeuresHebdo => HeuresHebdoMinutes is { } m ? new Duree(m) : null;
}

/// <summary>A candidature as the staff read it: the eligibility (read at the proposal) and its reason included — never shown to a company.</summary>
public sealed record CandidatureAffichee(CandidatureId Id, PosteId PosteId, string Poste, string Entreprise, ParticipantId ParticipantId, string Participant,
    string? Email, string? Telephone, StatutCandidature Statut, StatutEligibilite Eligibilite, string? RaisonEligibilite, DateTimeOffset ProposeeLe,
    string ProposeePar, DateTimeOffset? ValideeLe, string? ValideePar, DateTimeOffset? PresenteeLe, DateTimeOffset? IssueLe, string? IssuePar,
    MotifNonRetenu? MotifNonRetenu, string? PrecisionNonRetenu, ContratId? ContratId, string? Suite, DateTimeOffset? SuiteLe, string? SuitePar);

/// <summary>
/// A candidate as the company reads it (E04): name, contact details, the poste and where the answer stands — never a
/// category, never the eligibility, never the référent.
/// </summary>
public sealed record CandidatPresente(CandidatureId Id, PosteId PosteId, string Poste, string Nom, string? Email, string? Telephone, StatutCandidature Statut,
    DateTimeOffset? PresenteeLe, MotifNonRetenu? MotifNonRetenu, string? PrecisionNonRetenu, ContratId? ContratId);

/// <summary>
/// The reads of placement, each with its scope written once: the structure (explicitly, beside the tenant filter) and,
/// in the portal, the signed-in user's company (<c>ContexteExecution.EntrepriseId</c>) — another company's poste is not
/// in its list, so its id is a 404.
/// </summary>
public static class AccesPlacement
{
    /// <summary>Every poste of the structure (staff), or the one of <paramref name="seul"/>.</summary>
    public static IQueryable<PosteAffiche> Postes(ClauseDbContext db, PosteId? seul = null, StatutPoste? statut = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var postes = db.PostesAPourvoir.Where(p => p.StructureId == structureId);
        if (seul is { } id) postes = postes.Where(p => p.Id == id);
        if (statut is { } s) postes = postes.Where(p => p.Statut == s);
        return Projeter(db, postes);
    }

    /// <summary>The signed-in company's own postes (portal), or the one of <paramref name="seul"/> among them.</summary>
    public static IQueryable<PosteAffiche> PostesDuPortail(ClauseDbContext db, PosteId? seul = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var entrepriseId = db.Contexte.EntrepriseId ?? EntrepriseId.De(Guid.Empty);
        var postes = db.PostesAPourvoir.Where(p => p.StructureId == structureId && p.EntrepriseId == entrepriseId);
        if (seul is { } id) postes = postes.Where(p => p.Id == id);
        return Projeter(db, postes);
    }

    private static IQueryable<PosteAffiche> Projeter(ClauseDbContext db, IQueryable<PosteAPourvoir> postes) =>
        from p in postes
        join l in db.Lots on p.LotId equals l.Id
        join m in db.Marches on l.MarcheId equals m.Id
        join e in db.Entreprises on p.EntrepriseId equals e.Id
        orderby p.DateDebut, p.Id
        select new PosteAffiche(p.Id, p.Intitule, p.CodeRome, p.Nombre, p.TypeContrat, p.DateDebut, p.HeuresHebdoMinutes, p.Lieu, p.Exigences, p.Statut,
            l.Id, "Marché " + m.Numero + " – Lot " + l.Numero + " – " + l.Libelle, e.Id, e.RaisonSociale, p.CreeLe, p.CreeParNom);

    /// <summary>The poste of the route, tracked for a change, when it is the structure's (staff); null → 404.</summary>
    public static Task<PosteAPourvoir?> ChargerPosteAsync(ClauseDbContext db, PosteId id, CancellationToken annulation) =>
        Infrastructure.Chargement.DeLaStructureAsync(db.PostesAPourvoir, db, id, annulation);

    /// <summary>The poste of the route, tracked, when it is the signed-in company's (portal); null → 404.</summary>
    public static async Task<PosteAPourvoir?> ChargerPosteDuPortailAsync(ClauseDbContext db, PosteId id, CancellationToken annulation)
    {
        var poste = await ChargerPosteAsync(db, id, annulation);
        return poste is not null && poste.EntrepriseId == db.Contexte.EntrepriseId ? poste : null;
    }

    /// <summary>The statuses a company reads: presented to it, and its own answers.</summary>
    public static readonly StatutCandidature[] StatutsVusParLEntreprise = [StatutCandidature.Presentee, StatutCandidature.Retenue, StatutCandidature.NonRetenue];

    /// <summary>
    /// The candidatures a staff member may see: the structure's, and for a Référent only those of his or her participants
    /// (<see cref="AccesParticipants.Visibles"/>, the one rule of the référent's scope).
    /// </summary>
    public static IQueryable<Candidature> CandidaturesVisibles(ClauseDbContext db, ClaimsPrincipal utilisateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var participants = AccesParticipants.Visibles(db, utilisateur).Select(p => p.Id);
        return db.Candidatures.Where(c => c.StructureId == structureId && participants.Contains(c.ParticipantId));
    }

    /// <summary>The staff's projection of <paramref name="candidatures"/>, the earliest proposed first.</summary>
    public static IQueryable<CandidatureAffichee> Afficher(ClauseDbContext db, IQueryable<Candidature> candidatures) =>
        from c in candidatures
        join p in db.Participants on c.ParticipantId equals p.Id
        join poste in db.PostesAPourvoir on c.PosteId equals poste.Id
        join e in db.Entreprises on c.EntrepriseId equals e.Id
        orderby c.ProposeeLe, c.Id
        select new CandidatureAffichee(c.Id, c.PosteId, poste.Intitule, e.RaisonSociale, c.ParticipantId, p.Prenom + " " + p.Nom, c.Email, c.Telephone, c.Statut,
            c.Eligibilite, c.RaisonEligibilite, c.ProposeeLe, c.ProposeeParNom, c.ValideeLe, c.ValideeParNom, c.PresenteeLe, c.IssueLe, c.IssueParNom,
            c.MotifNonRetenu, c.PrecisionNonRetenu, c.ContratId, c.Suite, c.SuiteLe, c.SuiteParNom);

    /// <summary>The candidates presented on the signed-in company's postes (or on one of them), the latest presented first.</summary>
    public static IQueryable<CandidatPresente> CandidatsDuPortail(ClauseDbContext db, PosteId? poste = null, CandidatureId? seule = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var entrepriseId = db.Contexte.EntrepriseId ?? EntrepriseId.De(Guid.Empty);
        var vus = StatutsVusParLEntreprise;
        var candidatures = db.Candidatures.Where(c => c.StructureId == structureId && c.EntrepriseId == entrepriseId && vus.Contains(c.Statut));
        if (poste is { } posteId) candidatures = candidatures.Where(c => c.PosteId == posteId);
        if (seule is { } id) candidatures = candidatures.Where(c => c.Id == id);
        return from c in candidatures
               join p in db.Participants on c.ParticipantId equals p.Id
               join po in db.PostesAPourvoir on c.PosteId equals po.Id
               where po.EntrepriseId == entrepriseId
               orderby c.PresenteeLe descending, c.Id
               select new CandidatPresente(c.Id, c.PosteId, po.Intitule, p.Prenom + " " + p.Nom, c.Email, c.Telephone, c.Statut, c.PresenteeLe,
                   c.MotifNonRetenu, c.PrecisionNonRetenu, c.ContratId);
    }

    /// <summary>The candidature of the route, tracked, when the signed-in company may answer it (presented on its own poste); null → 404.</summary>
    public static Task<Candidature?> ChargerCandidatureDuPortailAsync(ClauseDbContext db, CandidatureId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var entrepriseId = db.Contexte.EntrepriseId ?? EntrepriseId.De(Guid.Empty);
        return db.Candidatures.FirstOrDefaultAsync(c => c.Id == id && c.StructureId == structureId && c.EntrepriseId == entrepriseId
            && c.Statut != StatutCandidature.Proposee && c.Statut != StatutCandidature.Validee, annulation);
    }

    /// <summary>The candidature of the route, tracked, when the staff member may see it; null → 404.</summary>
    public static async Task<Candidature?> ChargerCandidatureAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, CandidatureId id, CancellationToken annulation)
    {
        // The visibility's subquery reads the participants without tracking (which would apply to the whole query): the
        // scope is checked first, then the candidature is loaded tracked.
        if (!await CandidaturesVisibles(db, utilisateur).AnyAsync(c => c.Id == id, annulation)) return null;
        return await Infrastructure.Chargement.DeLaStructureAsync(db.Candidatures, db, id, annulation);
    }

    /// <summary>« Marché 2026-001 – Lot 1 – Gros œuvre ».</summary>
    public static string NomLot(string numeroMarche, int numeroLot, string libelle) => AccesContrats.NomLot(numeroMarche, numeroLot, libelle);
}
